package dev.visionary.expand.dynamic;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What one use of a template sees while it is turned into prompts: the word lists, the variables set so far,
 * the random source (none in combinatorial mode) and a shared budget of work. Variables are seen where they are
 * used, as in dynamicprompts: a wildcard's values see the variables of the template that uses it.
 */
final class Scope {
  /**
   * Steps (picks considered, counts taken, pieces joined) one use of a template may take: far more than listing
   * the {@value DynamicPrompt#EXACT_COUNT_LIMIT} prompts an exact count looks at needs, and a fraction of a second.
   */
  static final long MAX_WORK = 200_000;
  /** The longest prompt a template may make; variables that double themselves would otherwise grow without end. */
  static final int MAX_PROMPT_CHARS = 100_000;

  /** The budget ran out: the caller keeps what it has, or says the template is too large to work out. */
  static final class Exhausted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Exhausted() {
      super("work budget exhausted", null, false, false);
    }
  }

  private static final class Work {
    private long steps;
  }

  /** The variables whose values are being made, innermost first. */
  private record Evaluating(String name, Evaluating outer) {
    boolean contains(String wanted) {
      for (Evaluating e = this; e != null; e = e.outer) {
        if (e.name.equals(wanted)) {
          return true;
        }
      }
      return false;
    }
  }

  /** {@code ${name=…}}: {@code immediate} ({@code =!}) evaluates once where it is set; {@code ?=} keeps a value already set. */
  record Assignment(String name, PromptNode value, boolean immediate, boolean overwrite) {}

  final WildcardResolver wildcards;
  /** Null in combinatorial mode. */
  final Random random;
  private final Map<String, PromptNode> variables;
  private final Evaluating evaluating;
  /** Where, in the person's template, the wildcard being expanded was written; -1 outside any wildcard. */
  private final int origin;
  private final Work work;

  private Scope(WildcardResolver wildcards, Random random, Map<String, PromptNode> variables, Evaluating evaluating, int origin,
                Work work) {
    this.wildcards = wildcards;
    this.random = random;
    this.variables = variables;
    this.evaluating = evaluating;
    this.origin = origin;
    this.work = work;
  }

  static Scope combinatorial(WildcardResolver wildcards) {
    return new Scope(wildcards, null, Map.of(), null, -1, new Work());
  }

  static Scope random(WildcardResolver wildcards, Random random) {
    return new Scope(wildcards, random, Map.of(), null, -1, new Work());
  }

  void step() {
    if (++work.steps > MAX_WORK) {
      throw new Exhausted();
    }
  }

  /** The character to point at in a message about something at {@code position} of the text being read. */
  int at(int position) {
    return origin >= 0 ? origin : position;
  }

  /** Inside the wildcard written at {@code position}: messages point at it rather than into its values. */
  Scope inside(int position) {
    return origin >= 0 ? this : new Scope(wildcards, random, variables, evaluating, position, work);
  }

  Scope withVariables(Map<String, PromptNode> more) {
    if (more.isEmpty()) {
      return this;
    }
    Map<String, PromptNode> all = new HashMap<>(variables);
    all.putAll(more);
    return new Scope(wildcards, random, all, evaluating, origin, work);
  }

  /**
   * The scope after a sequence's assignments, all taken before any of its parts is made (as dynamicprompts does,
   * so a variable set late in a sequence is seen early in it too). Immediate values are made in this scope.
   */
  Scope assigning(List<Assignment> assignments) {
    if (assignments.isEmpty()) {
      return this;
    }
    Map<String, PromptNode> set = new HashMap<>();
    for (Assignment a : assignments) {
      if (!a.overwrite() && variables.containsKey(a.name())) {
        set.put(a.name(), variables.get(a.name()));
      } else if (a.immediate() && !(a.value() instanceof PromptNode.Literal)) {
        set.put(a.name(), new PromptNode.Literal(first(a.value())));
      } else {
        set.put(a.name(), a.value());
      }
    }
    return withVariables(set);
  }

  /** One value of a node: a random one in random mode, the first combination otherwise (as dynamicprompts). */
  private String first(PromptNode node) {
    if (random != null) {
      StringBuilder out = new StringBuilder();
      node.random(this, out);
      return out.toString();
    }
    Iterator<String> all = node.combinations(this);
    return all.hasNext() ? all.next() : "";
  }

  /** What {@code ${name}} stands for here, or null when it is not set. */
  PromptNode variable(String name) {
    return variables.get(name);
  }

  /** The scope to make a variable's value in; a value that needs itself fails instead of recursing forever. */
  Scope evaluating(String name, int position) {
    if (evaluating != null && evaluating.contains(name)) {
      throw new DynamicPrompt.SyntaxError("The variable ${" + name + "} at character " + (at(position) + 1)
          + " refers back to itself: its value uses ${" + name + "}.", at(position));
    }
    return new Scope(wildcards, random, variables, new Evaluating(name, evaluating), origin, work);
  }

  /** Fails when a prompt of this many characters would pass {@link #MAX_PROMPT_CHARS}. */
  void bounded(long length, int position) {
    if (length > MAX_PROMPT_CHARS) {
      throw tooLong(position);
    }
  }

  private DynamicPrompt.SyntaxError tooLong(int position) {
    return new DynamicPrompt.SyntaxError("This template makes prompts longer than " + String.format("%,d", MAX_PROMPT_CHARS)
        + " characters (at character " + (at(position) + 1) + "): a variable probably uses itself several times.", at(position));
  }
}
