package dev.visionary.expand.dynamic;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongFunction;

/**
 * Ideas written with dynamic prompt syntax ({@code {a|b}}, {@code __name__}) turned into the concrete ideas
 * to expand, with the person's own word lists before the built-in ones. Syntax errors become a
 * {@link Problem} whose message is shown next to the idea box.
 */
public final class IdeaTemplates {
  /** A person's own word lists by owner id, name → values; the Studio keeps them in the database. */
  private final LongFunction<Map<String, List<String>>> ownLists;
  /** Read on first use, not at construction: the vocabulary behind them loads while the server starts. */
  private static final class Builtin {
    static final Wildcards LISTS = Wildcards.builtin();
  }

  public IdeaTemplates(LongFunction<Map<String, List<String>>> ownLists) {
    this.ownLists = ownLists;
  }

  /** A template that cannot be read: unbalanced braces, an unknown wildcard, nesting too deep. */
  public static final class Problem extends Exception {
    Problem(String message) {
      super(message);
    }
  }

  /** How many prompts a template makes in combinatorial mode; {@code exact} false means "at least". */
  public record Count(long combinations, boolean exact) {
    public String describe(boolean combinatorial, int cap) {
      String total = (exact ? "" : "up to ") + (combinations == 1 ? "1 prompt" : String.format("%,d prompts", combinations));
      if (!combinatorial) {
        return "This idea makes " + total + "; random picks choose among them (repeatable with the seed). "
            + "Choose “Every combination” to get them all.";
      }
      return combinations > cap
          ? "This idea makes " + total + "; the first " + cap + " will be expanded."
          : "This idea makes " + total + ".";
    }
  }

  public boolean isDynamic(String idea) {
    try {
      return DynamicPrompt.parse(idea).isDynamic();
    } catch (DynamicPrompt.SyntaxError e) {
      return true; // it tries to be; the preview explains what is wrong
    }
  }

  /** Fails with the reason when the idea's syntax or wildcards are wrong. */
  public void check(String idea, long ownerId) throws Problem {
    count(idea, ownerId, DynamicPrompt.DEFAULT_CAP);
  }

  public Count count(String idea, long ownerId, int cap) throws Problem {
    try {
      DynamicPrompt.Count c = DynamicPrompt.parse(idea).count(wildcards(ownerId));
      return new Count(c.prompts(), c.exact());
    } catch (DynamicPrompt.SyntaxError e) {
      throw problem(e);
    }
  }

  /** {@code n} ideas picked at random; the same seed picks the same ones. */
  public List<String> random(String idea, long ownerId, long seed, int n) throws Problem {
    try {
      return DynamicPrompt.parse(idea).random(wildcards(ownerId), seed, n);
    } catch (DynamicPrompt.SyntaxError e) {
      throw problem(e);
    }
  }

  /** The ideas the template makes in combinatorial mode, up to {@code cap}, in sd-dynamic-prompts' order. */
  public List<String> combinations(String idea, long ownerId, int cap) throws Problem {
    try {
      return DynamicPrompt.parse(idea).combinations(wildcards(ownerId), cap);
    } catch (DynamicPrompt.SyntaxError e) {
      throw problem(e);
    }
  }

  /** The built-in word lists by name, shown read-only on the wildcards page. */
  public Map<String, List<String>> builtinLists() {
    Map<String, List<String>> lists = new TreeMap<>();
    for (String name : Builtin.LISTS.names()) {
      Builtin.LISTS.values(name).ifPresent(values -> lists.put(name, values));
    }
    return lists;
  }

  private Wildcards wildcards(long ownerId) {
    return new OwnLists(ownLists, ownerId).withFallback(Builtin.LISTS);
  }

  /** A person's lists, read on first use: most ideas name no list, and each read is a trip to the database. */
  private static final class OwnLists implements Wildcards {
    private final LongFunction<Map<String, List<String>>> source;
    private final long ownerId;
    private Wildcards read;

    OwnLists(LongFunction<Map<String, List<String>>> source, long ownerId) {
      this.source = source;
      this.ownerId = ownerId;
    }

    private Wildcards lists() {
      if (read == null) {
        read = Wildcards.of(source.apply(ownerId));
      }
      return read;
    }

    @Override
    public Optional<List<String>> values(String name) {
      return lists().values(name);
    }

    @Override
    public Set<String> names() {
      return lists().names();
    }
  }

  private static Problem problem(DynamicPrompt.SyntaxError e) {
    return new Problem(e.getMessage());
  }
}
