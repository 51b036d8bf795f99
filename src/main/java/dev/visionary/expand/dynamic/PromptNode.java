package dev.visionary.expand.dynamic;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.function.Supplier;

/** A parsed piece of a dynamic prompt: plain text, a sequence, a group of options, or a wildcard. */
interface PromptNode {
  /** Appends one random choice. */
  void random(Random random, WildcardResolver wildcards, StringBuilder out);

  /** Every result, lazily, in odometer order (the leftmost group changes slowest); may repeat results. */
  Iterator<String> combinations(WildcardResolver wildcards);

  /** How many results {@link #combinations} yields, repeats included, or {@link Long#MAX_VALUE} when more. */
  long count(WildcardResolver wildcards);

  /**
   * Resolves every wildcard this node can reach, failing with a clear message before anything is generated.
   *
   * @param chain the wildcards being resolved around this node, outermost first
   * @param at the character in the person's template to point at in a message
   * @return how many levels of groups and wildcards this node holds
   */
  int check(WildcardResolver wildcards, List<String> chain, int at);

  static int limited(int levels, int at, String through) {
    if (levels > DynamicPrompt.MAX_DEPTH) {
      throw new DynamicPrompt.SyntaxError("Groups and wildcards nest more than " + DynamicPrompt.MAX_DEPTH
          + " levels deep at character " + (at + 1) + through + ": flatten the template.", at);
    }
    return levels;
  }

  record Literal(String text) implements PromptNode {
    @Override
    public void random(Random random, WildcardResolver wildcards, StringBuilder out) {
      out.append(text);
    }

    @Override
    public Iterator<String> combinations(WildcardResolver wildcards) {
      return List.of(text).iterator();
    }

    @Override
    public long count(WildcardResolver wildcards) {
      return 1;
    }

    @Override
    public int check(WildcardResolver wildcards, List<String> chain, int at) {
      return 0;
    }
  }

  record Sequence(List<PromptNode> parts) implements PromptNode {
    @Override
    public void random(Random random, WildcardResolver wildcards, StringBuilder out) {
      parts.forEach(part -> part.random(random, wildcards, out));
    }

    @Override
    public Iterator<String> combinations(WildcardResolver wildcards) {
      List<Supplier<Iterator<String>>> factors = new ArrayList<>();
      parts.forEach(part -> factors.add(() -> part.combinations(wildcards)));
      return new Odometer(factors, "");
    }

    @Override
    public long count(WildcardResolver wildcards) {
      long total = 1;
      for (PromptNode part : parts) {
        total = Counting.times(total, part.count(wildcards));
      }
      return total;
    }

    @Override
    public int check(WildcardResolver wildcards, List<String> chain, int at) {
      int levels = 0;
      for (PromptNode part : parts) {
        levels = Math.max(levels, part.check(wildcards, chain, at));
      }
      return levels;
    }
  }

  record Option(PromptNode node, double weight) {}

  /** {@code {a|b|c}}: between {@code min} and {@code max} distinct options, joined by {@code separator}. */
  record Variants(List<Option> options, int min, int max, String separator, int position) implements PromptNode {
    private int most() {
      return Math.min(max, options.size());
    }

    private int least() {
      return Math.min(min, most());
    }

    @Override
    public void random(Random random, WildcardResolver wildcards, StringBuilder out) {
      int picks = least() + random.nextInt(most() - least() + 1);
      List<Option> left = new ArrayList<>(options);
      for (int i = 0; i < picks; i++) {
        Option chosen = left.remove(weightedIndex(left, random));
        if (i > 0) {
          out.append(separator);
        }
        chosen.node().random(random, wildcards, out);
      }
    }

    private static int weightedIndex(List<Option> options, Random random) {
      double total = 0;
      for (Option option : options) {
        total += option.weight();
      }
      if (total <= 0) {
        return random.nextInt(options.size());
      }
      double point = random.nextDouble() * total;
      for (int i = 0; i < options.size(); i++) {
        point -= options.get(i).weight();
        if (point < 0) {
          return i;
        }
      }
      return options.size() - 1;
    }

    @Override
    public Iterator<String> combinations(WildcardResolver wildcards) {
      // Orders are made one at a time: {8$$...} over many options has more of them than memory holds.
      Iterator<int[]> orders = Counting.orderedPicks(options.size(), least(), most());
      return new Chain(new Iterator<>() {
        @Override
        public boolean hasNext() {
          return orders.hasNext();
        }

        @Override
        public Supplier<Iterator<String>> next() {
          List<Supplier<Iterator<String>>> factors = new ArrayList<>();
          for (int index : orders.next()) {
            factors.add(() -> options.get(index).node().combinations(wildcards));
          }
          return () -> new Odometer(factors, separator);
        }
      });
    }

    @Override
    public long count(WildcardResolver wildcards) {
      long[] counts = new long[options.size()];
      for (int i = 0; i < counts.length; i++) {
        counts[i] = options.get(i).node().count(wildcards);
      }
      long total = 0;
      for (int size = least(); size <= most(); size++) {
        total = Counting.plus(total, Counting.orderedPickCount(counts, size));
      }
      return total;
    }

    @Override
    public int check(WildcardResolver wildcards, List<String> chain, int at) {
      int here = chain.isEmpty() ? position : at;
      int levels = 0;
      for (Option option : options) {
        levels = Math.max(levels, option.node().check(wildcards, chain, here));
      }
      return limited(levels + 1, here, "");
    }
  }

  /** {@code __name__}: one value of a named list; values may hold groups and wildcards themselves. */
  record Wildcard(String name, int position) implements PromptNode {
    @Override
    public void random(Random random, WildcardResolver wildcards, StringBuilder out) {
      List<PromptNode> values = wildcards.values(name);
      values.get(random.nextInt(values.size())).random(random, wildcards, out);
    }

    @Override
    public Iterator<String> combinations(WildcardResolver wildcards) {
      List<Supplier<Iterator<String>>> values = new ArrayList<>();
      wildcards.values(name).forEach(value -> values.add(() -> value.combinations(wildcards)));
      return new Chain(values.iterator());
    }

    @Override
    public long count(WildcardResolver wildcards) {
      long total = 0;
      for (PromptNode value : wildcards.values(name)) {
        total = Counting.plus(total, value.count(wildcards));
      }
      return total;
    }

    @Override
    public int check(WildcardResolver wildcards, List<String> chain, int at) {
      int here = chain.isEmpty() ? position : at;
      Integer known = wildcards.levels(name);
      if (known == null) {
        wildcards.check(name, here, chain);
        chain.add(name.toLowerCase(Locale.ROOT));
        int levels = 0;
        for (PromptNode value : wildcards.values(name)) {
          levels = Math.max(levels, value.check(wildcards, chain, here));
        }
        chain.remove(chain.size() - 1);
        // Remembered, so a list used many times is checked once rather than once per use.
        wildcards.rememberLevels(name, levels);
        known = levels;
      }
      return limited(known + 1, here, " (through __" + name + "__)");
    }
  }

  /** Every combination of one item from each factor, the last factor changing fastest. */
  final class Odometer implements Iterator<String> {
    private final List<Supplier<Iterator<String>>> factors;
    private final String separator;
    private final List<Iterator<String>> iterators = new ArrayList<>();
    private final String[] current;
    private boolean more = true;

    Odometer(List<Supplier<Iterator<String>>> factors, String separator) {
      this.factors = factors;
      this.separator = separator;
      this.current = new String[factors.size()];
      for (int i = 0; i < factors.size() && more; i++) {
        iterators.add(factors.get(i).get());
        more = iterators.get(i).hasNext();
        current[i] = more ? iterators.get(i).next() : null;
      }
    }

    @Override
    public boolean hasNext() {
      return more;
    }

    @Override
    public String next() {
      if (!more) {
        throw new NoSuchElementException();
      }
      String result = String.join(separator, current);
      advance();
      return result;
    }

    private void advance() {
      for (int i = factors.size() - 1; i >= 0; i--) {
        if (iterators.get(i).hasNext()) {
          current[i] = iterators.get(i).next();
          for (int j = i + 1; j < factors.size(); j++) {
            iterators.set(j, factors.get(j).get());
            current[j] = iterators.get(j).next();
          }
          return;
        }
      }
      more = false;
    }
  }

  /** The items of several iterators, one after another, each made only when reached. */
  final class Chain implements Iterator<String> {
    private final Iterator<Supplier<Iterator<String>>> sources;
    private Iterator<String> current = java.util.Collections.emptyIterator();

    Chain(Iterator<Supplier<Iterator<String>>> sources) {
      this.sources = sources;
    }

    @Override
    public boolean hasNext() {
      while (!current.hasNext() && sources.hasNext()) {
        current = sources.next().get();
      }
      return current.hasNext();
    }

    @Override
    public String next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return current.next();
    }
  }
}
