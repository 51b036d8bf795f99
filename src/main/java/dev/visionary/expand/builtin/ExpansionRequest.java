package dev.visionary.expand.builtin;

import dev.visionary.prompt.StylePreset;
import dev.visionary.prompt.Target;
import java.util.Objects;

/**
 * What a person asked to expand.
 *
 * @param idea the short idea as typed ("a beach sunset"); kept word for word in every result
 * @param target the image model the prompts are written for
 * @param style the look to aim for; {@link StylePreset#NONE} lets the engine choose from the idea
 * @param count how many variations, {@value #MIN_COUNT} to {@value #MAX_COUNT}
 * @param seed makes an expansion repeatable: the same request with the same seed gives the same results
 * @param refinement a short instruction that re-expands, such as "make it night", or null
 * @param basePrompt the prompt being refined or used for "more like this", or null
 */
public record ExpansionRequest(String idea, Target target, StylePreset style, int count, long seed,
                               String refinement, String basePrompt) {
  public static final int MIN_COUNT = 1;
  public static final int MAX_COUNT = 8;
  public static final int MAX_IDEA_CHARS = 2000;

  public ExpansionRequest {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(style, "style");
    if (idea == null || idea.isBlank()) {
      throw new IllegalArgumentException("Type an idea to expand.");
    }
    idea = idea.strip();
    if (idea.length() > MAX_IDEA_CHARS) {
      throw new IllegalArgumentException("The idea is " + idea.length() + " characters long; keep it to " + MAX_IDEA_CHARS + ".");
    }
    if (count < MIN_COUNT || count > MAX_COUNT) {
      throw new IllegalArgumentException("Ask for " + MIN_COUNT + " to " + MAX_COUNT + " variations, not " + count + ".");
    }
    refinement = blankToNull(refinement);
    basePrompt = blankToNull(basePrompt);
  }

  /** A first expansion of an idea, with nothing to refine. */
  public static ExpansionRequest of(String idea, Target target, StylePreset style, int count, long seed) {
    return new ExpansionRequest(idea, target, style, count, seed, null, null);
  }

  /** The same request re-expanding {@code basePrompt} with a short instruction, such as "make it night". */
  public ExpansionRequest refined(String basePrompt, String refinement) {
    return new ExpansionRequest(idea, target, style, count, seed, refinement, basePrompt);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
