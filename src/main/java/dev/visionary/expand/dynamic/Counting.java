package dev.visionary.expand.dynamic;

import java.util.Iterator;
import java.util.NoSuchElementException;

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

  /** Every ordered pick of distinct indices below {@code n}, sizes {@code least} to {@code most}, in lexicographic order. */
  static Iterator<int[]> orderedPicks(int n, int least, int most) {
    return new Iterator<>() {
      private int size = least;
      private int[] next = first(least);

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public int[] next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        int[] result = next.clone();
        next = following(next);
        while (next == null && size < most) {
          size++;
          next = first(size);
        }
        return result;
      }

      private int[] first(int k) {
        if (k > n || k > most) {
          return null;
        }
        int[] order = new int[k];
        for (int i = 0; i < k; i++) {
          order[i] = i;
        }
        return order;
      }

      /** The next order after {@code order}, or null after the last one. */
      private int[] following(int[] order) {
        int[] out = order.clone();
        for (int i = out.length - 1; i >= 0; i--) {
          for (int candidate = out[i] + 1; candidate < n; candidate++) {
            if (!usedBefore(out, i, candidate)) {
              out[i] = candidate;
              if (fillAfter(out, i)) {
                return out;
              }
            }
          }
        }
        return null;
      }

      private boolean usedBefore(int[] order, int end, int value) {
        for (int i = 0; i < end; i++) {
          if (order[i] == value) {
            return true;
          }
        }
        return false;
      }

      /** Fills the places after {@code i} with the smallest unused indices, in ascending order. */
      private boolean fillAfter(int[] order, int i) {
        int place = i + 1;
        for (int value = 0; value < n && place < order.length; value++) {
          if (!usedBefore(order, place, value)) {
            order[place++] = value;
          }
        }
        return place == order.length;
      }
    };
  }
}
