package dev.visionary.expand.builtin;

import java.util.regex.Pattern;

/**
 * Approximately how many CLIP tokens a Stable Diffusion prompt uses; CLIP reads only the first 75.
 *
 * <p>The approximation: each word counts one token and each punctuation mark (commas included) counts one,
 * after removing the {@code (text:1.2)} weighting syntax, which front-ends strip before tokenizing. CLIP's
 * byte-pair encoding splits long, rare and non-English words and emoji into several tokens, so the true count
 * is the same or a little higher for ordinary English prompts; the warning errs on the side of not crying wolf.
 */
final class ClipTokens {
  static final int LIMIT = 75;

  private static final Pattern WEIGHT = Pattern.compile("(?<!\\\\)\\(([^()]*?):\\s*[-+]?\\d*\\.?\\d+\\s*\\)");
  private static final Pattern MARKUP = Pattern.compile("(?<!\\\\)[()\\[\\]]|\\\\(?=[()\\[\\]])");

  private ClipTokens() {}

  static int count(String prompt) {
    String plain = MARKUP.matcher(WEIGHT.matcher(prompt).replaceAll("$1")).replaceAll("");
    int tokens = Text.of(plain).tokens().size();
    for (int i = 0; i < plain.length(); ) {
      int cp = plain.codePointAt(i);
      if (!Character.isWhitespace(cp) && !Text.isWordChar(cp)) {
        tokens++;
      }
      i += Character.charCount(cp);
    }
    return tokens;
  }
}
