package dev.visionary.expand.builtin;

import dev.visionary.prompt.MidjourneyParameters;
import java.util.List;
import java.util.Objects;

/**
 * One variation of an expansion.
 *
 * @param prompt the prompt text in the target's dialect (for Midjourney, the descriptive part only)
 * @param negativePrompt what to keep out of the image, for targets that take one separately; otherwise null
 * @param midjourney Midjourney's parameters when the target is Midjourney; otherwise null
 * @param warnings things the person should know before using the prompt, in plain words
 */
public record ExpansionResult(String prompt, String negativePrompt, MidjourneyParameters midjourney, List<String> warnings) {
  public ExpansionResult {
    Objects.requireNonNull(prompt, "prompt");
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }

  /** What to paste into the model: the prompt, followed by Midjourney's parameters when there are any. */
  public String fullText() {
    return midjourney == null ? prompt : prompt + midjourney.render();
  }
}
