package dev.visionary.expand.dynamic;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the dynamic prompt syntax into {@link PromptNode}s; see {@link DynamicPrompt} for the syntax. */
final class DynamicPromptParser {
  private static final Pattern COUNT = Pattern.compile("\\s*(\\d{1,4})?\\s*(?:(-)\\s*(\\d{1,4})?)?\\s*\\$\\$");
  private static final Pattern WEIGHT = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)::");
  private static final Pattern WILDCARD = Pattern.compile("__([\\p{L}\\p{N}\\-/*?.]+(?:_[\\p{L}\\p{N}\\-/*?.]+)*)__");
  private static final String ESCAPABLE = "{}|";

  private final String source;
  private int at;

  private DynamicPromptParser(String source) {
    this.source = source;
  }

  static PromptNode parse(String template) {
    DynamicPromptParser parser = new DynamicPromptParser(template);
    return parser.sequence(0, false);
  }

  private PromptNode sequence(int depth, boolean inGroup) {
    List<PromptNode> parts = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    while (at < source.length()) {
      char c = source.charAt(at);
      if (c == '\\' && at + 1 < source.length() && ESCAPABLE.indexOf(source.charAt(at + 1)) >= 0) {
        text.append(source.charAt(at + 1));
        at += 2;
      } else if (c == '{') {
        flush(text, parts);
        parts.add(group(depth + 1));
      } else if (c == '}' && !inGroup) {
        throw new DynamicPrompt.SyntaxError("Unbalanced braces: the '}' at character " + (at + 1)
            + " closes nothing. Remove it, or write \\} for a literal brace.", at);
      } else if ((c == '}' || c == '|') && inGroup) {
        break;
      } else if (c == '_' && wildcardAt()) {
        flush(text, parts);
        Matcher wildcard = WILDCARD.matcher(source).region(at, source.length());
        wildcard.lookingAt();
        parts.add(new PromptNode.Wildcard(wildcard.group(1), at));
        at = wildcard.end();
      } else {
        text.append(c);
        at++;
      }
    }
    flush(text, parts);
    return parts.size() == 1 ? parts.get(0) : parts.isEmpty() ? new PromptNode.Literal("") : new PromptNode.Sequence(List.copyOf(parts));
  }

  private PromptNode group(int depth) {
    int open = at;
    if (depth > DynamicPrompt.MAX_DEPTH) {
      throw new DynamicPrompt.SyntaxError("Groups nest more than " + DynamicPrompt.MAX_DEPTH + " levels deep at character "
          + (open + 1) + ": flatten the template.", open);
    }
    at++;
    int min = 1;
    int max = 1;
    String separator = DynamicPrompt.DEFAULT_SEPARATOR;
    Matcher count = COUNT.matcher(source).region(at, source.length());
    if (count.lookingAt() && (count.group(1) != null || count.group(3) != null)) {
      boolean range = count.group(2) != null;
      min = count.group(1) != null ? Integer.parseInt(count.group(1)) : 1;
      max = !range ? min : count.group(3) != null ? Integer.parseInt(count.group(3)) : Integer.MAX_VALUE;
      if (min > max) {
        throw new DynamicPrompt.SyntaxError("The group at character " + (open + 1) + " asks for " + min + " to " + max
            + " options: put the smaller number first.", open);
      }
      at = count.end();
      int end = separatorEnd();
      if (end >= 0) {
        separator = source.substring(at, end);
        at = end + 2;
      }
    }
    List<PromptNode.Option> options = new ArrayList<>();
    while (true) {
      while (at < source.length() && Character.isWhitespace(source.charAt(at))) {
        at++;
      }
      double weight = 1;
      Matcher weighted = WEIGHT.matcher(source).region(at, source.length());
      if (weighted.lookingAt()) {
        weight = Double.parseDouble(weighted.group(1));
        at = weighted.end();
      }
      options.add(new PromptNode.Option(sequence(depth, true), weight));
      if (at >= source.length()) {
        throw new DynamicPrompt.SyntaxError("Unbalanced braces: the '{' at character " + (open + 1)
            + " is never closed. Add a '}', or write \\{ for a literal brace.", open);
      }
      if (source.charAt(at++) == '}') {
        return new PromptNode.Variants(List.copyOf(options), min, max, separator, open);
      }
    }
  }

  /** Where a custom separator ends ({@code {2$$ and $$a|b}}), or -1 when the group has none. */
  private int separatorEnd() {
    for (int i = at; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c == '\\') {
        i++;
      } else if (source.startsWith("$$", i)) {
        return i;
      } else if (c == '{' || c == '}' || c == '|') {
        return -1;
      }
    }
    return -1;
  }

  private boolean wildcardAt() {
    return WILDCARD.matcher(source).region(at, source.length()).lookingAt();
  }

  private static void flush(StringBuilder text, List<PromptNode> parts) {
    if (text.length() > 0) {
      parts.add(new PromptNode.Literal(text.toString()));
      text.setLength(0);
    }
  }
}
