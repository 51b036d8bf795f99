package dev.visionary.prompt;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Midjourney's trailing parameters ({@code --ar 16:9 --stylize 250 --no text}), read from what a model
 * wrote and checked against the values Midjourney accepts, so a copied prompt never fails there.
 */
public final class MidjourneyFlags {
  /** The order Midjourney's own documentation writes them in. */
  public static final List<String> ORDER = List.of("ar", "stylize", "chaos", "no", "v");

  private static final Pattern PARAM = Pattern.compile("(?:^|\\s)--([a-z]+)(?:\\s+((?:(?!\\s--)[^\\n])*))?");
  private static final Pattern RATIO = Pattern.compile("([1-9][0-9]{0,2}):([1-9][0-9]{0,2})");
  private static final Pattern VERSION = Pattern.compile("[1-7](\\.[0-9])?");
  private static final Map<String, String> ALIASES = Map.of("aspect", "ar", "s", "stylize", "c", "chaos", "version", "v");

  private MidjourneyFlags() {}

  /** A prompt with its parameters taken off the end. */
  public record Split(String prompt, Map<String, String> parameters) {}

  /** Separates the text before the first {@code --} from the parameters after it, keeping only valid ones. */
  public static Split split(String text) {
    int start = text.indexOf("--");
    while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))) {
      start = text.indexOf("--", start + 2);
    }
    if (start < 0) {
      return new Split(text.strip(), Map.of());
    }
    Map<String, String> found = new LinkedHashMap<>();
    Matcher m = PARAM.matcher(text.substring(start));
    while (m.find()) {
      String name = ALIASES.getOrDefault(m.group(1), m.group(1));
      String value = m.group(2) == null ? "" : m.group(2).strip();
      valid(name, value).ifPresent(v -> found.put(name, v));
    }
    return new Split(text.substring(0, start).strip().replaceAll("[,;]+$", ""), found);
  }

  /** The value as Midjourney accepts it, or empty when Midjourney would reject it. */
  public static java.util.Optional<String> valid(String name, String value) {
    return java.util.Optional.ofNullable(switch (name) {
      case "ar" -> RATIO.matcher(value).matches() ? value : null;
      case "stylize" -> inRange(value, 0, 1000);
      case "chaos" -> inRange(value, 0, 100);
      case "v" -> VERSION.matcher(value).matches() ? value : null;
      case "no" -> value.isBlank() ? null : value.replaceAll("\\s+", " ");
      default -> null;
    });
  }

  private static String inRange(String value, int min, int max) {
    try {
      int n = Integer.parseInt(value);
      return n >= min && n <= max ? Integer.toString(n) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
