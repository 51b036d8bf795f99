package dev.visionary.expand.dynamic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * Every combination of one item from each factor, the last factor changing fastest (so the leftmost changes
 * slowest). A factor is made again whenever one before it moves on, since what it makes may depend on them;
 * a factor that makes nothing leaves nothing for the combinations it would have been part of.
 */
final class Odometer implements Iterator<List<String>> {
  private final List<Supplier<Iterator<String>>> factors;
  private final List<Iterator<String>> iterators = new ArrayList<>();
  private final String[] current;
  private boolean more = true;

  Odometer(List<Supplier<Iterator<String>>> factors) {
    this.factors = factors;
    this.current = new String[factors.size()];
    factors.forEach(f -> iterators.add(null));
    int empty = refill(0);
    if (empty >= 0) {
      moveOn(empty - 1);
    }
  }

  /** The combinations written one after another, as a sequence of text and groups reads. */
  static Iterator<String> concatenated(List<Supplier<Iterator<String>>> factors, Scope scope, int position) {
    Odometer odometer = new Odometer(factors);
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return odometer.hasNext();
      }

      @Override
      public String next() {
        scope.step();
        List<String> parts = odometer.next();
        long length = 0;
        for (String part : parts) {
          length += part.length();
        }
        scope.bounded(length, position);
        return String.join("", parts);
      }
    };
  }

  @Override
  public boolean hasNext() {
    return more;
  }

  @Override
  public List<String> next() {
    if (!more) {
      throw new NoSuchElementException();
    }
    List<String> result = Arrays.asList(current.clone());
    moveOn(factors.size() - 1);
    return result;
  }

  /** Moves factor {@code i} or, when it has nothing more, the nearest one before it that has, on by one. */
  private void moveOn(int i) {
    while (i >= 0) {
      if (iterators.get(i).hasNext()) {
        current[i] = iterators.get(i).next();
        int empty = refill(i + 1);
        if (empty < 0) {
          return;
        }
        i = empty - 1;
      } else {
        i--;
      }
    }
    more = false;
  }

  /** Starts the factors from {@code from} on afresh; the first that makes nothing, or -1. */
  private int refill(int from) {
    for (int j = from; j < factors.size(); j++) {
      iterators.set(j, factors.get(j).get());
      if (!iterators.get(j).hasNext()) {
        return j;
      }
      current[j] = iterators.get(j).next();
    }
    return -1;
  }
}
