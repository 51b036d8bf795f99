package dev.visionary.expand;

import dev.visionary.prompt.A1111Styles;
import dev.visionary.prompt.SavedStyle;
import dev.visionary.prompt.Target;
import java.util.ArrayList;
import java.util.List;

/**
 * An expansion's saved styles applied to each finished prompt, as AUTOMATIC1111 applies styles to each prompt of
 * a batch: the style's prompt to the prompt, and its negative to the negative prompt where the target has one
 * (Stable Diffusion). Other targets take no negative prompt, so there a style's negative is not used.
 */
final class StyledResults {
  /** A bound on what styles may build, whatever the target: a prompt past it is an error, not a card. */
  static final int MAX_CHARS = 50_000;

  private StyledResults() {}

  static List<Variation> apply(List<Variation> results, List<SavedStyle> styles, Target target) throws A1111Styles.TooLong {
    if (styles.isEmpty()) {
      return results;
    }
    List<Variation> styled = new ArrayList<>(results.size());
    for (Variation v : results) {
      String prompt = A1111Styles.applyPrompt(v.prompt(), styles, MAX_CHARS);
      String negative = target == Target.STABLE_DIFFUSION
          ? A1111Styles.applyNegative(v.negative() == null ? "" : v.negative(), styles, MAX_CHARS)
          : v.negative();
      List<String> warnings = new ArrayList<>(v.warnings());
      if (prompt.length() > target.maxChars() && v.prompt().length() <= target.maxChars()) {
        warnings.add(String.format("With the styles applied this prompt is %,d characters; %s reads at most %,d.", prompt.length(),
            target.label(), target.maxChars()));
      }
      styled.add(new Variation(prompt, negative, v.parameters(), warnings, v.notes(), v.explores()));
    }
    return styled;
  }
}
