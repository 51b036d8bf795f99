package dev.visionary.generate;

import dev.visionary.prompt.A1111Styles;
import dev.visionary.prompt.SavedStyle;
import java.util.List;
import java.util.Map;

/**
 * The saved styles chosen on the /generate form (the repeatable field {@code styles}, applied in the order sent)
 * and the prompt and negative prompt they make, which are what the engine receives and the PNG records, as in
 * AUTOMATIC1111.
 */
record GenerateStyles(String prompt, String negative, List<String> names) {
  // negative: null when the engine takes no negative prompt.
  static final String FIELD = "styles";

  /**
   * Applies the chosen styles; {@code negative} is null for an engine that takes none. A style that is not one of the person's, or a result past the model's limits,
   * becomes a problem under {@value #FIELD} and the answer is null.
   */
  static GenerateStyles apply(A1111Styles.Choice choice, String prompt, String negative, ImageEngines.ModelChoice model,
      Map<String, String> errors) {
    if (!choice.ok()) {
      errors.put(FIELD, choice.error());
      return null;
    }
    List<SavedStyle> styles = choice.styles();
    String text;
    try {
      text = A1111Styles.applyPrompt(prompt, styles, model.maxPromptChars());
    } catch (A1111Styles.TooLong e) {
      errors.put(FIELD, "With these styles the prompt would be " + String.format("%,d", e.length()) + " characters; "
          + model.label() + " reads at most " + String.format("%,d", model.maxPromptChars()) + ".");
      return null;
    }
    String neg = null;
    try {
      // An engine that takes no negative prompt is sent none, styled or not, so its PNGs record none.
      neg = negative == null ? null : A1111Styles.applyNegative(negative, styles, GenerateForm.MAX_NEGATIVE);
    } catch (A1111Styles.TooLong e) {
      errors.put(FIELD, "With these styles the negative prompt would be " + String.format("%,d", e.length())
          + " characters; at most " + String.format("%,d", GenerateForm.MAX_NEGATIVE) + " are kept.");
      return null;
    }
    if (text.isBlank()) {
      errors.put(FIELD, "With these styles the prompt is empty: write a prompt or choose a style with text.");
      return null;
    }
    return new GenerateStyles(text, neg, choice.names());
  }
}
