package dev.visionary.expand;

import java.util.List;

/**
 * Ideas written with dynamic prompt syntax ({@code {a|b}}, {@code __name__}) turned into the concrete ideas
 * to expand, with the person's own word lists and the built-in ones. This is the Studio's only seam to the
 * syntax reader (expand-core's DynamicPrompt and Wildcards); until that reader is merged, every idea is
 * taken literally, so braces and underscores are expanded as the words they are.
 */
final class IdeaTemplates {
  private final WordLists wordLists;

  IdeaTemplates(WordLists wordLists) {
    this.wordLists = wordLists;
  }

  /** A template that cannot be read: unbalanced braces, an unknown wildcard, nesting too deep. */
  static final class Problem extends Exception {
    Problem(String message) {
      super(message);
    }
  }

  /** How many prompts a template makes in each mode. */
  record Count(long combinations) {
    String describe(boolean combinatorial, int cap) {
      String total = combinations == 1 ? "1 prompt" : String.format("%,d prompts", combinations);
      if (!combinatorial) {
        return "Random picks from " + total + "; choose “Every combination” to get them all.";
      }
      return combinations > cap
          ? "This idea makes " + total + "; the first " + cap + " will be expanded."
          : "This idea makes " + total + ".";
    }
  }

  boolean isDynamic(String idea) {
    return false;
  }

  void check(String idea, long ownerId) throws Problem {
  }

  Count count(String idea, long ownerId, int cap) throws Problem {
    return new Count(1);
  }

  List<String> random(String idea, long ownerId, long seed, int n) throws Problem {
    return java.util.Collections.nCopies(n, idea);
  }

  /** The built-in word lists by name, shown read-only on the wildcards page. */
  java.util.Map<String, List<String>> builtinLists() {
    return java.util.Map.of();
  }

  List<String> combinations(String idea, long ownerId, int cap) throws Problem {
    return List.of(idea);
  }
}
