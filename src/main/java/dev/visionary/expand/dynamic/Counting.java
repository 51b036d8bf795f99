package dev.visionary.expand.dynamic;

/** Arithmetic for previewing dynamic prompts: counts that stop at {@link Long#MAX_VALUE} instead of overflowing. */
final class Counting {
  private Counting() {}

  static long plus(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }

  static long times(long a, long b) {
    if (a == 0 || b == 0) {
      return 0;
    }
    return a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
  }

  /**
   * How many results picking {@code size} distinct options in every order gives, when option {@code i} has
   * {@code counts[i]} results of its own: size! times the elementary symmetric sum of the counts.
   */
  static long orderedPickCount(long[] counts, int size) {
    long[] sums = new long[size + 1];
    sums[0] = 1;
    for (long count : counts) {
      for (int j = size; j >= 1; j--) {
        sums[j] = plus(sums[j], times(sums[j - 1], count));
      }
    }
    long total = sums[size];
    for (int k = 2; k <= size; k++) {
      total = times(total, k);
    }
    return total;
  }
}
