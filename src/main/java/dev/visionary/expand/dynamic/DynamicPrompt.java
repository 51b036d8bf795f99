package dev.visionary.expand.dynamic;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A prompt template in the dynamic prompt syntax people know from sd-dynamic-prompts, turned into prompts.
 *
 * <ul>
 *   <li>{@code {a|b|c}} picks one option; groups nest ({@code {a|{b|c}}}) and several groups combine.</li>
 *   <li>{@code {2$$a|b|c}} picks two different options joined by a comma and a space (the
 *       library's code joins with a bare comma, its documentation with a comma and a space; people read the latter);
 *       {@code {1-2$$a|b|c}} one or two; {@code {2$$ and $$a|b|c}} joins them with " and ". A count above the
 *       number of options means all of them.</li>
 *   <li>{@code {0.5::a|2::b}} weights options in random mode; combinatorial mode lists every option anyway.</li>
 *   <li>{@code __name__} is one value of a named {@link Wildcards} list; {@code __color*__} joins every list whose
 *       name matches. Values may hold groups and wildcards themselves.</li>
 *   <li>Whitespace at the start of an option is dropped, at its end kept ({@code { a | b }} gives "a " and "b ").</li>
 *   <li>{@code \{ \} \|} are literal characters; {@code %}, {@code $} and {@code #} are ordinary text.</li>
 * </ul>
 *
 * Unlike the original, an unknown wildcard, a list that refers back to itself, braces that do not balance and
 * nesting deeper than {@value #MAX_DEPTH} levels all fail at once with a {@link SyntaxError} naming the problem
 * and where it is; and combinatorial mode is capped ({@value #DEFAULT_CAP} by default), with {@link #count} to
 * preview how many prompts a template makes without making them.
 */
public final class DynamicPrompt {
  public static final int DEFAULT_CAP = 64;
  public static final int MAX_DEPTH = 20;
  static final String DEFAULT_SEPARATOR = ", ";
  // Counting exactly means generating; above this many raw results the count is the arithmetic upper bound.
  static final long EXACT_COUNT_LIMIT = 10_000;
  // Combinatorial mode stops after this many raw results even if repeats kept it from reaching the cap.
  static final long MAX_EXAMINED = 100_000;

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
      root.random(random, resolver, out);
      prompts.add(out.toString());
    }
    return prompts;
  }

  /** Every different prompt, up to {@value #DEFAULT_CAP}, in odometer order (the leftmost group changes slowest). */
  public List<String> combinations(Wildcards wildcards) {
    return combinations(wildcards, DEFAULT_CAP);
  }

  /** Every different prompt, up to {@code cap}, in odometer order (the leftmost group changes slowest). */
  public List<String> combinations(Wildcards wildcards, int cap) {
    if (cap < 1) {
      throw new IllegalArgumentException("cap must be at least 1: " + cap);
    }
    Set<String> prompts = new LinkedHashSet<>();
    Iterator<String> all = root.combinations(checked(wildcards));
    for (long examined = 0; all.hasNext() && prompts.size() < cap && examined < MAX_EXAMINED; examined++) {
      prompts.add(all.next());
    }
    return List.copyOf(prompts);
  }

  /** How many different prompts combinatorial mode makes without a cap; exact unless there are very many. */
  public Count count(Wildcards wildcards) {
    WildcardResolver resolver = checked(wildcards);
    long bound = root.count(resolver);
    if (bound > EXACT_COUNT_LIMIT) {
      return new Count(bound, false);
    }
    Set<String> distinct = new HashSet<>();
    root.combinations(resolver).forEachRemaining(distinct::add);
    return new Count(distinct.size(), true);
  }

  private WildcardResolver checked(Wildcards wildcards) {
    WildcardResolver resolver = new WildcardResolver(wildcards);
    root.check(resolver, new ArrayList<>(), 0);
    return resolver;
  }
}
