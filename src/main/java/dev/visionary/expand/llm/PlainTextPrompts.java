package dev.visionary.expand.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prompts written as plain text by models that ignored the request for JSON: a numbered or bulleted list
 * (items may carry a title line, continuation lines and a "Negative prompt:" line), or paragraphs separated by
 * blank lines. The chatter around them ("Here are four prompts:", "Let me know…") is left out.
 */
final class PlainTextPrompts {

  private static final Pattern ITEM = Pattern.compile("^\\s*(?:\\d{1,2}[.):]|[-*•+]|\\(\\d{1,2}\\))\\s+(.*)$");
  private static final Pattern HEADING = Pattern.compile("^\\s*#{1,6}\\s+(.*)$");
  private static final Pattern LABEL_LINE = Pattern.compile(
      "(?i)^\\s*\\**\\s*(?:prompt|variation|option|version)\\s*#?\\d*\\s*(?:[:\\-–—][^.]{0,60})?\\**\\s*:?\\s*\\**$");
  private static final Pattern NEGATIVE = Pattern.compile("(?i)(?:^|\\s)\\**\\s*negative(?:\\s+prompt)?\\s*\\**\\s*[:：]\\s*\\**\\s*");
  private static final Pattern LEADING_LABEL = Pattern.compile(
      "^(?:\\*\\*[^*]{1,80}\\*\\*\\s*[:\\-–—]?\\s+|(?i:(?:prompt|variation|option)\\s*#?\\d*\\s*[:\\-–—]\\s*)|/imagine\\s+prompt:\\s*)");
  private static final Pattern CHATTER = Pattern.compile(
      "(?i)^(?:sure|certainly|of course|absolutely|okay|ok|great|here (?:are|is)|i hope|hope|let me know|feel free|"
          + "these prompts|enjoy|note:|each (?:prompt|variation))\\b.*");

  private PlainTextPrompts() {
  }

  static List<PromptVariation> parse(String text) {
    String[] lines = text.split("\\R");
    int markers = 0;
    for (String line : lines) {
      if (ITEM.matcher(line).matches() || HEADING.matcher(line).matches() || LABEL_LINE.matcher(line).matches()) {
        markers++;
      }
    }
    return markers >= 2 ? list(lines) : paragraphs(lines);
  }

  private static List<PromptVariation> list(String[] lines) {
    List<Item> items = new ArrayList<>();
    Item current = null;
    boolean blankSince = false;
    for (String line : lines) {
      if (line.isBlank()) {
        blankSince = true;
        continue;
      }
      Matcher item = ITEM.matcher(line);
      Matcher heading = HEADING.matcher(line);
      if (LABEL_LINE.matcher(line).matches()) {
        current = new Item("");
        items.add(current);
      } else if (item.matches() || heading.matches()) {
        String rest = item.matches() ? item.group(1) : heading.group(1);
        current = new Item(isTitle(rest) ? "" : rest);
        items.add(current);
      } else if (current != null && (!blankSince || current.text.length() == 0 || isNegativeLine(line)
          || Character.isWhitespace(line.charAt(0)))) {
        current.append(line);
      } else {
        // Prose after the list, separated by a blank line: the model talking, not a prompt.
        current = null;
      }
      blankSince = false;
    }
    List<PromptVariation> out = new ArrayList<>();
    for (Item item : items) {
      item.addTo(out);
    }
    return out;
  }

  private static List<PromptVariation> paragraphs(String[] lines) {
    List<Item> items = new ArrayList<>();
    Item current = null;
    for (String line : lines) {
      if (line.isBlank()) {
        current = null;
      } else if (current == null) {
        current = new Item(line);
        items.add(current);
      } else {
        current.append(line);
      }
    }
    List<PromptVariation> out = new ArrayList<>();
    for (Item item : items) {
      String whole = item.text.toString().strip();
      boolean chatter = whole.length() < 200 && (CHATTER.matcher(whole).matches() || whole.endsWith(":"));
      if (!chatter) {
        item.addTo(out);
      }
    }
    return out;
  }

  /** A line that only names the item ("**Golden hour**", "Sunset calm:") with the prompt on the next lines. */
  private static boolean isTitle(String rest) {
    String trimmed = rest.strip();
    return (trimmed.startsWith("**") && trimmed.endsWith("**") && trimmed.length() < 80)
        || (trimmed.endsWith(":") && trimmed.length() < 60) || LABEL_LINE.matcher(trimmed).matches();
  }

  private static boolean isNegativeLine(String line) {
    Matcher negative = NEGATIVE.matcher(line);
    return negative.find() && negative.start() <= 3;
  }

  private static final class Item {
    private final StringBuilder text = new StringBuilder();
    private String negative;

    Item(String first) {
      append(first);
    }

    void append(String line) {
      Matcher split = NEGATIVE.matcher(line);
      String positive = line;
      if (split.find()) {
        positive = line.substring(0, split.start());
        negative = clean(line.substring(split.end()));
      }
      if (!positive.isBlank()) {
        text.append(text.length() == 0 ? "" : " ").append(positive.strip());
      }
    }

    void addTo(List<PromptVariation> out) {
      String prompt = clean(LEADING_LABEL.matcher(text.toString().strip()).replaceFirst(""));
      if (!prompt.isBlank()) {
        out.add(new PromptVariation(prompt, negative));
      }
    }
  }

  /** Removes markdown emphasis and the quotes models wrap prompts in; the words stay as written. */
  private static String clean(String text) {
    String plain = text.replace("**", "").replace("__", "").replaceAll("\\s+", " ").strip();
    while (plain.length() > 1 && isQuotePair(plain.charAt(0), plain.charAt(plain.length() - 1))) {
      plain = plain.substring(1, plain.length() - 1).strip();
    }
    return plain.startsWith("`") && plain.endsWith("`") && plain.length() > 1 ? plain.substring(1, plain.length() - 1) : plain;
  }

  private static boolean isQuotePair(char open, char close) {
    return (open == '"' && close == '"') || (open == '“' && close == '”') || (open == '\'' && close == '\'');
  }
}
