package dev.visionary.expand;

import dev.visionary.prompt.MidjourneyFlags;
import dev.visionary.prompt.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts a prompt a language model wrote into its target's dialect where the model got it wrong:
 * valid Midjourney parameters, a negative prompt only where the target takes one, the length limit.
 */
final class DialectRules {
  /** CLIP reads 75 tokens; text past that is silently ignored by Stable Diffusion. */
  static final int CLIP_TOKENS = 75;
  static final String DEFAULT_NEGATIVE = "blurry, low quality, lowres, jpeg artifacts, watermark, signature, text, deformed, extra limbs";

  private static final Pattern CLIP_PIECE = Pattern.compile("[\\p{L}\\p{N}']+|[^\\s\\p{L}\\p{N}]");

  private DialectRules() {}

  static Variation apply(Target target, String prompt, String negative) {
    List<String> warnings = new ArrayList<>();
    String text = prompt.strip();
    Map<String, String> parameters = Map.of();
    String negativeOut = null;
    switch (target) {
      case MIDJOURNEY -> {
        MidjourneyFlags.Split split = MidjourneyFlags.split(text);
        text = split.prompt();
        Map<String, String> p = new LinkedHashMap<>(split.parameters());
        p.putIfAbsent("ar", "1:1");
        if (!p.containsKey("no") && negative != null) {
          MidjourneyFlags.valid("no", negative.replaceAll("[\\n\\r]+", " ")).ifPresent(v -> p.put("no", v));
        }
        p.putIfAbsent("v", "7");
        parameters = p;
      }
      case STABLE_DIFFUSION -> {
        negativeOut = negative == null ? DEFAULT_NEGATIVE : negative;
        int tokens = clipTokens(text);
        if (tokens > CLIP_TOKENS) {
          warnings.add("About " + tokens + " CLIP tokens: Stable Diffusion reads the first " + CLIP_TOKENS
              + "; put what matters most first.");
        }
      }
      default -> {
        // DALL·E, GPT Image, Runway and generic models take no negative prompt.
      }
    }
    int limit = target.maxChars();
    if (text.codePointCount(0, text.length()) > limit) {
      text = shorten(text, limit);
      warnings.add("Shortened to fit " + target.label() + "'s limit of " + String.format("%,d", limit) + " characters.");
    }
    return new Variation(text, negativeOut, parameters, warnings);
  }

  /** An estimate of CLIP's token count: words and punctuation marks (CLIP splits long words further). */
  static int clipTokens(String text) {
    Matcher m = CLIP_PIECE.matcher(text);
    int count = 0;
    while (m.find()) {
      count++;
    }
    return count;
  }

  /** Cuts at the last sentence, clause or word boundary that fits, never in the middle of a word. */
  static String shorten(String text, int limit) {
    int end = text.offsetByCodePoints(0, limit);
    String head = text.substring(0, end);
    int sentence = head.lastIndexOf(". ");
    if (sentence > limit / 2) {
      return head.substring(0, sentence + 1).strip();
    }
    int clause = head.lastIndexOf(", ");
    if (clause > limit / 2) {
      return head.substring(0, clause).strip();
    }
    int space = head.lastIndexOf(' ');
    return (space > 0 ? head.substring(0, space) : head).strip();
  }
}
