package dev.visionary.expand.dynamic;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Every ordered pick of {@code size} options, made one at a time ({@code {8$$…}} over many options has more
 * orders than memory holds). As in dynamicprompts, picking an option rules out every option equal to it, so
 * {@code {2$$a|a|b}} never pairs a with a.
 */
final class PickOrders implements Iterator<int[]> {
  private final int size;
  /** For each option, the first option equal to it: options in one class are one option. */
  private final int[] same;
  private final int[][] candidates;
  private final int[] cursor;
  private final int[] picks;
  private int depth;
  private boolean ready;
  private boolean done;

  PickOrders(List<?> options, int size) {
    this.size = size;
    this.same = new int[options.size()];
    for (int i = 0; i < same.length; i++) {
      same[i] = i;
      for (int j = 0; j < i; j++) {
        if (options.get(j).equals(options.get(i))) {
          same[i] = j;
          break;
        }
      }
    }
    this.candidates = new int[size + 1][];
    this.cursor = new int[size + 1];
    this.picks = new int[size];
    candidates[0] = new int[same.length];
    for (int i = 0; i < same.length; i++) {
      candidates[0][i] = i;
    }
    if (size == 0) {
      ready = true;
      done = true;
    }
  }

  @Override
  public boolean hasNext() {
    if (!ready && !done) {
      findNext();
    }
    return ready;
  }

  @Override
  public int[] next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    ready = false;
    return picks.clone();
  }

  /** Depth-first through the picks, leftmost option first at every place. */
  private void findNext() {
    while (depth >= 0) {
      if (cursor[depth] >= candidates[depth].length) {
        depth--;
        if (depth >= 0) {
          cursor[depth]++;
        }
        continue;
      }
      int chosen = candidates[depth][cursor[depth]];
      picks[depth] = chosen;
      if (depth == size - 1) {
        cursor[depth]++;
        ready = true;
        return;
      }
      candidates[depth + 1] = without(candidates[depth], same[chosen]);
      depth++;
      cursor[depth] = 0;
    }
    done = true;
  }

  private int[] without(int[] from, int kind) {
    int kept = 0;
    int[] out = new int[from.length];
    for (int option : from) {
      if (same[option] != kind) {
        out[kept++] = option;
      }
    }
    return java.util.Arrays.copyOf(out, kept);
  }
}
