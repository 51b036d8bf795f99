package dev.visionary.expand.dynamic;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * A prompt template in the dynamic prompt syntax of sd-dynamic-prompts (the {@code dynamicprompts} library, 0.31.0),
 * turned into the prompts that library gives in combinatorial mode, in the same order.
 *
 * <ul>
 *   <li>{@code {a|b|c}} picks one option; groups nest ({@code {a|{b|c}}}) and several groups combine, the leftmost
 *       changing slowest. {@code {!a|b}} asks for combinatorial sampling explicitly.</li>
 *   <li>{@code {2$$a|b|c}} picks two different options joined by "," (the library's joiner);
 *       {@code {1-2$$a|b|c}} one or two; {@code {2$$ and $$a|b|c}} joins them with " and ", {@code {2$$|$$a|b}}
 *       with "|". A count above the number of options means all of them. Equal options are one option, and a
 *       pick whose pieces repeat is dropped ({@code {2$$a|a|b}} gives "a,b" and "b,a").</li>
 *   <li>{@code {0.5::a|2::b}} weights options in random mode; combinatorial mode lists every option anyway.</li>
 *   <li>{@code __name__} is one value of a named {@link Wildcards} list (values sorted, as the library sorts them);
 *       {@code __color*__} joins every list whose name matches, and a name found nowhere is looked for in folders
 *       ({@code __birds__} finds {@code animals/birds}). {@code {2$$__name__}} picks two different values.
 *       Values may hold groups, wildcards and variables themselves; {@code __name(season=winter)__} sets
 *       variables for them.</li>
 *   <li>{@code ${x=…}} sets a variable made afresh at each {@code ${x}}; {@code ${x=!…}} makes it once (the first
 *       combination, or a random pick in random mode); {@code ${x?=…}} keeps a value already set; {@code ${x:default}}
 *       uses a default when x is not set.</li>
 *   <li>{@code %{wrapper ... text$$inner}} puts the inner prompt where the wrapper has its ellipsis.</li>
 *   <li>Whitespace at the start of an option is dropped, at its end kept ({@code { a | b }} gives "a " and "b ").</li>
 *   <li>{@code \{ \} \|} are literal characters; a {@code %}, {@code $} or {@code #} that starts nothing is text.</li>
 * </ul>
 *
 * Unlike the original, an unknown wildcard or variable, a list or variable that refers back to itself, braces that
 * do not balance and nesting deeper than {@value #MAX_DEPTH} levels all fail at once with a {@link SyntaxError}
 * naming the problem and where it is; {@code {~…}} and {@code {@…}} (random and cyclical sampling) are refused the
 * same way; and combinatorial mode is capped ({@value #DEFAULT_CAP} by default), with {@link #count} to preview how
 * many prompts a template makes without making them.
 */
public final class DynamicPrompt {
  public static final int DEFAULT_CAP = 64;
  public static final int MAX_DEPTH = 20;
  static final String DEFAULT_SEPARATOR = ",";
  // Counting exactly means generating; above this many raw results the count is the arithmetic upper bound.
  static final long EXACT_COUNT_LIMIT = 10_000;

  /** A template that cannot be used, with the character (counting from 0) the message points at. */
  public static final class SyntaxError extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final int position;

    public SyntaxError(String message, int position) {
      super(message);
      this.position = position;
    }

    public int position() {
      return position;
    }
  }

  /**
   * How many different prompts combinatorial mode makes.
   *
   * @param exact false when the template makes too many to count one by one: {@code prompts} is then an upper
   *     bound (repeats are not subtracted), saturating at {@link Long#MAX_VALUE}
   */
  public record Count(long prompts, boolean exact) {}

  private final String template;
  private final PromptNode root;

  private DynamicPrompt(String template, PromptNode root) {
    this.template = template;
    this.root = root;
  }

  /** Reads a template; braces that do not balance or nest too deep fail here. */
  public static DynamicPrompt parse(String template) {
    return new DynamicPrompt(template, DynamicPromptParser.parse(template));
  }

  public String template() {
    return template;
  }

  /** Whether the template holds any group or wildcard, so that it makes something other than itself. */
  public boolean isDynamic() {
    return !(root instanceof PromptNode.Literal);
  }

  /** {@code count} prompts chosen at random; the same seed gives the same prompts. Repeats are possible. */
  public List<String> random(Wildcards wildcards, long seed, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
    WildcardResolver resolver = checked(wildcards);
    Random random = new Random(seed);
    List<String> prompts = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      StringBuilder out = new StringBuilder();
      try {
        root.random(Scope.random(resolver, random), out);
      } catch (Scope.Exhausted e) {
        throw tooMuchWork();
      }
      prompts.add(out.toString());
    }
    return prompts;
  }

  /** The prompts combinatorial mode makes, up to {@value #DEFAULT_CAP}, in order (the leftmost group changes slowest). */
  public List<String> combinations(Wildcards wildcards) {
    return combinations(wildcards, DEFAULT_CAP);
  }

  /**
   * The prompts combinatorial mode makes, up to {@code cap}, in order (the leftmost group changes slowest). Like
   * the library, repeats are dropped within a group but not across the whole prompt. A template that takes too much
   * work to reach the cap gives the prompts found so far.
   */
  public List<String> combinations(Wildcards wildcards, int cap) {
    if (cap < 1) {
      throw new IllegalArgumentException("cap must be at least 1: " + cap);
    }
    List<String> prompts = new ArrayList<>();
    try {
      Iterator<String> all = root.combinations(Scope.combinatorial(checked(wildcards)));
      while (prompts.size() < cap && all.hasNext()) {
        prompts.add(all.next());
      }
    } catch (Scope.Exhausted e) {
      if (prompts.isEmpty()) {
        throw tooMuchWork();
      }
    }
    return List.copyOf(prompts);
  }

  /** How many prompts combinatorial mode makes without a cap; exact unless there are very many. */
  public Count count(Wildcards wildcards) {
    WildcardResolver resolver = checked(wildcards);
    long bound;
    try {
      bound = root.count(Scope.combinatorial(resolver));
    } catch (Scope.Exhausted e) {
      throw tooMuchWork();
    }
    if (bound > EXACT_COUNT_LIMIT) {
      return new Count(bound, false);
    }
    long made = 0;
    try {
      for (Iterator<String> all = root.combinations(Scope.combinatorial(resolver)); all.hasNext(); all.next()) {
        made++;
      }
    } catch (Scope.Exhausted e) {
      return new Count(bound, false);
    }
    return new Count(made, true);
  }

  private static SyntaxError tooMuchWork() {
    return new SyntaxError("This template takes too much work to turn into prompts (variables or groups that multiply each "
        + "other many times over): make it smaller.", 0);
  }

  private WildcardResolver checked(Wildcards wildcards) {
    WildcardResolver resolver = new WildcardResolver(wildcards);
    root.check(resolver, new ArrayList<>(), 0);
    return resolver;
  }
}
