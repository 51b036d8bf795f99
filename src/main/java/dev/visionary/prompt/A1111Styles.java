package dev.visionary.prompt;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Styles applied the way AUTOMATIC1111 applies them (modules/styles.py, merge_prompts): each style in turn either
 * has {@code {prompt}}, and every occurrence is replaced by the prompt so far, untouched; or it is joined after the
 * prompt with ", ", both sides stripped of surrounding whitespace and an empty side left out. The negative
 * prompt goes through the same steps with each style's negative text.
 */
public final class A1111Styles {
  /** Styles one request may apply; A1111 has no limit, but more than this is a slip, not a wish. */
  public static final int MAX_CHOSEN = 20;
  private static final String PLACEHOLDER = "{prompt}";

  private A1111Styles() {}

  /** Thrown when applying the styles would make a text longer than the caller's limit. */
  public static final class TooLong extends Exception {
    private final int length;

    TooLong(int length) {
      super("longer than the limit");
      this.length = length;
    }

    /** At least this many characters (the length at the step that passed the limit). */
    public int length() {
      return length;
    }
  }

  /** The prompt with each style text applied in order; stops as soon as the result would pass {@code maxChars}. */
  public static String apply(String prompt, List<String> styleTexts, int maxChars) throws TooLong {
    String result = prompt;
    for (String style : styleTexts) {
      result = merge(style, result, maxChars);
    }
    return result;
  }

  public static String applyPrompt(String prompt, List<SavedStyle> styles, int maxChars) throws TooLong {
    return apply(prompt, styles.stream().map(SavedStyle::prompt).toList(), maxChars);
  }

  public static String applyNegative(String negative, List<SavedStyle> styles, int maxChars) throws TooLong {
    return apply(negative, styles.stream().map(SavedStyle::negative).toList(), maxChars);
  }

  private static String merge(String style, String prompt, int maxChars) throws TooLong {
    int uses = occurrences(style);
    if (uses > 0) {
      // Measured before building, so a style with thousands of placeholders cannot make a huge string first.
      long length = style.length() + (long) uses * (prompt.length() - PLACEHOLDER.length());
      if (length > maxChars) {
        throw new TooLong((int) Math.min(length, Integer.MAX_VALUE));
      }
      return style.replace(PLACEHOLDER, prompt);
    }
    String before = pythonStrip(prompt);
    String after = pythonStrip(style);
    String joined = before.isEmpty() ? after : after.isEmpty() ? before : before + ", " + after;
    if (joined.length() > maxChars) {
      throw new TooLong(joined.length());
    }
    return joined;
  }

  private static int occurrences(String text) {
    int count = 0;
    for (int at = text.indexOf(PLACEHOLDER); at >= 0; at = text.indexOf(PLACEHOLDER, at + PLACEHOLDER.length())) {
      count++;
    }
    return count;
  }

  /**
   * Python's {@code str.strip()}: it also removes no-break spaces and U+0085, which Java's {@code strip()} keeps,
   * so a style copied from a web page joins exactly as in A1111.
   */
  static String pythonStrip(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && pythonSpace(s.charAt(start))) {
      start++;
    }
    while (end > start && pythonSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  private static boolean pythonSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
  }

  /**
   * The styles a person chose, by id, in the order chosen (a repeated id counts once), from their own styles.
   * An id that is not one of theirs (missing, deleted, or someone else's) is a problem named in {@code error}.
   */
  public static Choice choose(List<String> ids, List<SavedStyle> own) {
    LinkedHashSet<String> wanted = new LinkedHashSet<>();
    for (String id : ids) {
      if (id != null && !id.isBlank()) {
        wanted.add(id.strip());
      }
    }
    if (wanted.size() > MAX_CHOSEN) {
      return new Choice(List.of(), "Choose at most " + MAX_CHOSEN + " styles.");
    }
    Map<String, SavedStyle> byId = own.stream().collect(java.util.stream.Collectors.toMap(SavedStyle::id, Function.identity(), (a, b) -> a));
    List<SavedStyle> chosen = new ArrayList<>();
    for (String id : wanted) {
      SavedStyle style = byId.get(id);
      if (style == null) {
        String shown = id.length() > 40 ? id.substring(0, 40) + "…" : id;
        return new Choice(List.of(), "“" + shown + "” is not one of your styles: choose from the list.");
      }
      chosen.add(style);
    }
    return new Choice(List.copyOf(chosen), null);
  }

  /** The chosen styles, or why they cannot be used. */
  public record Choice(List<SavedStyle> styles, String error) {
    public boolean ok() {
      return error == null;
    }

    public List<String> names() {
      return styles.stream().map(SavedStyle::name).toList();
    }
  }
}
