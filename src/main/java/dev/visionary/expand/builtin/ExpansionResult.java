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
 * @param notes how the idea was read, when that is worth saying (an idea in another language); not a problem
 * @param explores what sets this variation apart from the others, such as "time of day — blue hour", or null
 */
public record ExpansionResult(String prompt, String negativePrompt, MidjourneyParameters midjourney, List<String> warnings,
                              List<String> notes, String explores) {
  public ExpansionResult {
    Objects.requireNonNull(prompt, "prompt");
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
    notes = notes == null ? List.of() : List.copyOf(notes);
  }

  public ExpansionResult(String prompt, String negativePrompt, MidjourneyParameters midjourney, List<String> warnings) {
    this(prompt, negativePrompt, midjourney, warnings, List.of(), null);
  }

  /** The same result with a note on how the idea was read. */
  ExpansionResult noted(String note) {
    List<String> all = new java.util.ArrayList<>(notes);
    all.add(note);
    return new ExpansionResult(prompt, negativePrompt, midjourney, warnings, all, explores);
  }

  /** The same result labelled with what it explores. */
  ExpansionResult exploring(String label) {
    return new ExpansionResult(prompt, negativePrompt, midjourney, warnings, notes, label);
  }

  /** What to paste into the model: the prompt, followed by Midjourney's parameters when there are any. */
  public String fullText() {
    return midjourney == null ? prompt : prompt + midjourney.render();
  }
}
