package dev.visionary.expand.dynamic;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed piece of a dynamic prompt: plain text, a sequence, a group of options, a wildcard, a variable or a wrap.
 * Nodes that remember where they were written leave that position out of equality: dynamicprompts compares
 * options by what they are, so {@code {2$${x}|{x}}} holds one option twice.
 */
interface PromptNode {
  /** Appends one random choice. */
  void random(Scope scope, StringBuilder out);

  /** Every result, lazily, in dynamicprompts' combinatorial order (the leftmost group changes slowest). */
  Iterator<String> combinations(Scope scope);

  /** An upper bound on how many results {@link #combinations} yields, or {@link Long#MAX_VALUE} when more. */
  long count(Scope scope);

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
    public void random(Scope scope, StringBuilder out) {
      scope.step();
      out.append(text);
    }

    @Override
    public Iterator<String> combinations(Scope scope) {
      scope.step();
      return List.of(text).iterator();
    }

    @Override
    public long count(Scope scope) {
      return 1;
    }

    @Override
    public int check(WildcardResolver wildcards, List<String> chain, int at) {
      return 0;
    }
  }

  /** Parts written one after another; the sequence's {@code ${x=…}} assignments hold for all of its parts. */
  record Sequence(List<PromptNode> parts, List<Scope.Assignment> assignments, int position) implements PromptNode {
    @Override
    public void random(Scope scope, StringBuilder out) {
      scope.step();
      Scope inner = scope.assigning(assignments);
      for (PromptNode part : parts) {
        part.random(inner, out);
        inner.bounded(out.length(), position);
      }
    }

    @Override
    public Iterator<String> combinations(Scope scope) {
      scope.step();
      Scope inner = scope.assigning(assignments);
      List<Supplier<Iterator<String>>> factors = new ArrayList<>();
      parts.forEach(part -> factors.add(() -> part.combinations(inner)));
      return Odometer.concatenated(factors, inner, position);
    }

    @Override
    public long count(Scope scope) {
      scope.step();
      Scope inner = scope.assigning(assignments);
      long total = 1;
      for (PromptNode part : parts) {
        total = Counting.times(total, part.count(inner));
      }
      return total;
    }

    @Override
    public int check(WildcardResolver wildcards, List<String> chain, int at) {
      int levels = 0;
      for (PromptNode part : parts) {
        levels = Math.max(levels, part.check(wildcards, chain, at));
      }
      for (Scope.Assignment assignment : assignments) {
        levels = Math.max(levels, assignment.value().check(wildcards, chain, at));
      }
      return levels;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Sequence s && parts.equals(s.parts) && assignments.equals(s.assignments);
    }

    @Override
    public int hashCode() {
      return Objects.hash(parts, assignments);
    }
  }

  /** {@code ${name}} or {@code ${name:default}}: the variable's value, made where it is used. */
  record Variable(String name, PromptNode fallback, int position) implements PromptNode {
    private PromptNode value(Scope scope) {
      PromptNode value = scope.variable(name);
      if (value == null) {
        value = fallback;
      }
      if (value == null) {
        throw new DynamicPrompt.SyntaxError("The variable ${" + name + "} at character " + (scope.at(position) + 1)
            + " is not set: set it first with ${" + name + "=…}, or give a default with ${" + name + ":…}.", scope.at(position));
      }
      return value;
    }

    @Override
    public void random(Scope scope, StringBuilder out) {
      scope.step();
      value(scope).random(scope.evaluating(name, position), out);
    }

    @Override
    public Iterator<String> combinations(Scope scope) {
      scope.step();
      return value(scope).combinations(scope.evaluating(name, position));
    }

    @Override
    public long count(Scope scope) {
      scope.step();
      return value(scope).count(scope.evaluating(name, position));
    }

    @Override
    public int check(WildcardResolver wildcards, List<String> chain, int at) {
      return fallback == null ? 0 : fallback.check(wildcards, chain, chain.isEmpty() ? position : at);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Variable v && name.equals(v.name) && Objects.equals(fallback, v.fallback);
    }

    @Override
    public int hashCode() {
      return Objects.hash(name, fallback);
    }
  }

  /**
   * {@code %{wrapper ... text$$inner}}: the inner prompt put where the wrapper has its ellipsis ({@code ...} or
   * more dots, or one of the Unicode ellipses dynamicprompts accepts); after the wrapper when it has none.
   */
  record Wrap(PromptNode wrapper, PromptNode inner, int position) implements PromptNode {
    private static final Pattern MARKER = Pattern.compile("[\u1801\u2026\u22ee\u22ef\u22f0\u22f1\ufe19]+|\\.{3,}");

    private static String wrapped(String wrapper, String inner) {
      Matcher marker = MARKER.matcher(wrapper);
      return marker.find() ? wrapper.substring(0, marker.start()) + inner + wrapper.substring(marker.end()) : wrapper + inner;
    }

    @Override
    public void random(Scope scope, StringBuilder out) {
      scope.step();
      StringBuilder around = new StringBuilder();
      wrapper.random(scope, around);
      StringBuilder within = new StringBuilder();
      inner.random(scope, within);
      scope.bounded((long) around.length() + within.length(), position);
      out.append(wrapped(around.toString(), within.toString()));
    }

    @Override
    public Iterator<String> combinations(Scope scope) {
      scope.step();
      Iterator<String> wrappers = wrapper.combinations(scope);
      return new Chain(new Iterator<>() {
        @Override
        public boolean hasNext() {
          return wrappers.hasNext();
        }

        @Override
        public Supplier<Iterator<String>> next() {
          String around = wrappers.next();
          return () -> {
            Iterator<String> inners = inner.combinations(scope);
            return new Iterator<>() {
              @Override
              public boolean hasNext() {
                return inners.hasNext();
              }

              @Override
              public String next() {
                String within = inners.next();
                scope.step();
                scope.bounded((long) around.length() + within.length(), position);
                return wrapped(around, within);
              }
            };
          };
        }
      });
    }

    @Override
    public long count(Scope scope) {
      scope.step();
      return Counting.times(wrapper.count(scope), inner.count(scope));
    }

    @Override
    public int check(WildcardResolver wildcards, List<String> chain, int at) {
      int here = chain.isEmpty() ? position : at;
      return limited(Math.max(wrapper.check(wildcards, chain, here), inner.check(wildcards, chain, here)) + 1, here, "");
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Wrap w && wrapper.equals(w.wrapper) && inner.equals(w.inner);
    }

    @Override
    public int hashCode() {
      return Objects.hash(wrapper, inner);
    }
  }

  record Option(PromptNode node, double weight) {}

  /** {@code {a|b|c}}: between {@code min} and {@code max} distinct options, joined by {@code separator}. */
  record Variants(List<Option> options, int min, int max, String separator, int position) implements PromptNode {
    /** A group to pick from and the scope to make its options in. */
    private record Picking(Variants group, Scope scope) {}

    /**
     * A group whose one option is a wildcard ({@code {2$$__colors__}}) picks among the wildcard's values, as
     * dynamicprompts does, so it gives two different colours; any other group picks among its options.
     */
    private Picking picking(Scope scope) {
      Variants group = this;
      while (group.options.size() == 1 && group.options.get(0).node() instanceof Wildcard wildcard) {
        List<Option> values = new ArrayList<>();
        wildcard.values(scope).forEach(value -> values.add(new Option(value, 1)));
        scope = wildcard.inner(scope);
        group = new Variants(values, Math.min(group.min, values.size()), Math.min(group.max, values.size()), separator, position);
      }
      return new Picking(group, scope);
    }

    private int most() {
      return Math.min(max, options.size());
    }

    private int least() {
      return Math.min(min, most());
    }

    @Override
    public void random(Scope scope, StringBuilder out) {
      scope.step();
      Picking picking = picking(scope);
      picking.group().pick(picking.scope(), out);
    }

    private void pick(Scope scope, StringBuilder out) {
      int picks = least() + scope.random.nextInt(most() - least() + 1);
      List<Option> left = new ArrayList<>(options);
      List<String> pieces = new ArrayList<>();
      for (int i = 0; i < picks && !left.isEmpty(); i++) {
        Option chosen = left.get(weightedIndex(left, scope));
        // Equal options are one option: {2$$a|a|b} never gives "a,a".
        left.removeIf(option -> option.node().equals(chosen.node()));
        StringBuilder piece = new StringBuilder();
        chosen.node().random(scope, piece);
        pieces.add(piece.toString());
      }
      out.append(VariantCombinations.joined(pieces.isEmpty() ? List.of("") : pieces, separator, scope, position));
    }

    private static int weightedIndex(List<Option> options, Scope scope) {
      double total = 0;
      for (Option option : options) {
        total += option.weight();
      }
      if (total <= 0) {
        return scope.random.nextInt(options.size());
      }
      double point = scope.random.nextDouble() * total;
      for (int i = 0; i < options.size(); i++) {
        point -= options.get(i).weight();
        if (point < 0) {
          return i;
        }
      }
      return options.size() - 1;
    }

    @Override
    public Iterator<String> combinations(Scope scope) {
      scope.step();
      Picking picking = picking(scope);
      Variants group = picking.group();
      List<PromptNode> nodes = group.options.stream().map(Option::node).toList();
      return new VariantCombinations(nodes, group.least(), group.most(), separator, picking.scope(), position);
    }

    @Override
    public long count(Scope scope) {
      scope.step();
      Picking picking = picking(scope);
      Variants group = picking.group();
      long[] counts = new long[group.options.size()];
      for (int i = 0; i < counts.length; i++) {
        counts[i] = group.options.get(i).node().count(picking.scope());
      }
      long total = 0;
      for (int size = group.least(); size <= group.most(); size++) {
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

    @Override
    public boolean equals(Object o) {
      return o instanceof Variants v && options.equals(v.options) && min == v.min && max == v.max && separator.equals(v.separator);
    }

    @Override
    public int hashCode() {
      return Objects.hash(options, min, max, separator);
    }
  }

  /**
   * {@code __name__}: one value of a named list; values may hold groups, wildcards and variables themselves.
   * {@code __name(season=winter)__} sets variables for the values to use.
   */
  record Wildcard(String name, Map<String, PromptNode> parameters, int position) implements PromptNode {
    List<PromptNode> values(Scope scope) {
      return scope.wildcards.values(name);
    }

    /** Where the values are made: with the parameters set, and messages pointing at this wildcard. */
    Scope inner(Scope scope) {
      return scope.withVariables(parameters).inside(position);
    }

    @Override
    public void random(Scope scope, StringBuilder out) {
      scope.step();
      List<PromptNode> values = values(scope);
      values.get(scope.random.nextInt(values.size())).random(inner(scope), out);
    }

    @Override
    public Iterator<String> combinations(Scope scope) {
      scope.step();
      Scope inner = inner(scope);
      List<Supplier<Iterator<String>>> values = new ArrayList<>();
      values(scope).forEach(value -> values.add(() -> value.combinations(inner)));
      return new Chain(values.iterator());
    }

    @Override
    public long count(Scope scope) {
      scope.step();
      Scope inner = inner(scope);
      long total = 0;
      for (PromptNode value : values(scope)) {
        total = Counting.plus(total, value.count(inner));
      }
      return total;
    }

    @Override
    public int check(WildcardResolver wildcards, List<String> chain, int at) {
      int here = chain.isEmpty() ? position : at;
      int levels = 0;
      for (PromptNode parameter : parameters.values()) {
        levels = Math.max(levels, parameter.check(wildcards, chain, here));
      }
      Integer known = wildcards.levels(name);
      if (known == null) {
        wildcards.check(name, here, chain);
        chain.add(name.toLowerCase(Locale.ROOT));
        int deepest = 0;
        for (PromptNode value : wildcards.values(name)) {
          deepest = Math.max(deepest, value.check(wildcards, chain, here));
        }
        chain.remove(chain.size() - 1);
        // Remembered, so a list used many times is checked once rather than once per use.
        wildcards.rememberLevels(name, deepest);
        known = deepest;
      }
      return limited(Math.max(levels, known + 1), here, " (through __" + name + "__)");
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Wildcard w && name.equalsIgnoreCase(w.name) && parameters.equals(w.parameters);
    }

    @Override
    public int hashCode() {
      return Objects.hash(name.toLowerCase(Locale.ROOT), parameters);
    }
  }
}
