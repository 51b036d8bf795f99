package dev.visionary.expand.dynamic;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A group's prompts in combinatorial mode, the way dynamicprompts makes them: for each count from the least to
 * the most, each ordered pick of options, each combination of what the picked options make; repeated pieces
 * within one pick are dropped, a pick left with fewer pieces than the count is skipped, and a pick already made
 * is not made again. Pieces are joined by the group's separator.
 */
final class VariantCombinations implements Iterator<String> {
  private final List<PromptNode> options;
  private final int most;
  private final String separator;
  private final Scope scope;
  private final int position;
  private final Set<List<String>> seen = new HashSet<>();
  private int size;
  private PickOrders orders;
  private Odometer pieces;
  private String next;

  VariantCombinations(List<PromptNode> options, int least, int most, String separator, Scope scope, int position) {
    this.options = options;
    this.most = most;
    this.separator = separator;
    this.scope = scope;
    this.position = position;
    this.size = least - 1;
  }

  @Override
  public boolean hasNext() {
    if (next == null) {
      next = find();
    }
    return next != null;
  }

  @Override
  public String next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    String result = next;
    next = null;
    return result;
  }

  private String find() {
    while (true) {
      if (pieces != null && pieces.hasNext()) {
        scope.step();
        List<String> distinct = List.copyOf(new LinkedHashSet<>(pieces.next()));
        if (distinct.size() == size && seen.add(distinct)) {
          return joined(distinct, separator, scope, position);
        }
      } else if (orders != null && orders.hasNext()) {
        List<Supplier<Iterator<String>>> factors = new ArrayList<>();
        for (int index : orders.next()) {
          factors.add(() -> options.get(index).combinations(scope));
        }
        pieces = new Odometer(factors);
      } else if (size < most) {
        size++;
        orders = new PickOrders(options, size);
        pieces = null;
      } else {
        return null;
      }
    }
  }

  /**
   * Pieces joined by a separator; as in dynamicprompts, one separator at either end of the result is dropped
   * ({@code {2$$a|}} gives "a", not "a,"), and a single piece is kept as it is.
   */
  static String joined(List<String> pieces, String separator, Scope scope, int position) {
    if (pieces.size() == 1) {
      return pieces.get(0);
    }
    long length = (long) separator.length() * pieces.size();
    for (String piece : pieces) {
      length += piece.length();
    }
    scope.bounded(length, position);
    String joined = String.join(separator, pieces);
    if (!separator.isEmpty() && joined.startsWith(separator)) {
      joined = joined.substring(separator.length());
    }
    if (!separator.isEmpty() && joined.endsWith(separator)) {
      joined = joined.substring(0, joined.length() - separator.length());
    }
    return joined;
  }
}
