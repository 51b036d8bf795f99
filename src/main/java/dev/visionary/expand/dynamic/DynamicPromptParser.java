package dev.visionary.expand.dynamic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the dynamic prompt syntax into {@link PromptNode}s; see {@link DynamicPrompt} for the syntax. */
final class DynamicPromptParser {
  private static final Pattern COUNT = Pattern.compile("\\s*(\\d{1,4})?\\s*(?:(-)\\s*(\\d{1,4})?)?\\s*\\$\\$");
  private static final Pattern WEIGHT = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)::");
  private static final String NAME = "[\\p{L}\\p{N}\\-/*?.]+(?:_[\\p{L}\\p{N}\\-/*?.]+)*";
  private static final Pattern WILDCARD = Pattern.compile("__([!~@])?(" + NAME + ")(?:\\s*\\(([^()]*)\\))?__");
  /** dynamicprompts' variable names: ASCII letters, digits, _ and -, not starting with a digit. */
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{\\s*([A-Za-z_-][A-Za-z0-9_-]*)\\s*(\\?=|=|:|})");
  private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_-][A-Za-z0-9_-]*");
  private static final String ESCAPABLE = "{}|";

  /** Where a sequence of text ends: at the end of the template, at an option's end, or also at a wrap's {@code $$}. */
  private enum Until { END, OPTION, WRAPPER }

  private final String source;
  private int at;

  private DynamicPromptParser(String source) {
    this.source = source;
  }

  static PromptNode parse(String template) {
    return new DynamicPromptParser(template).sequence(0, Until.END);
  }

  private PromptNode sequence(int depth, Until until) {
    int start = at;
    List<PromptNode> parts = new ArrayList<>();
    List<Scope.Assignment> assignments = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    while (at < source.length()) {
      char c = source.charAt(at);
      if (c == '\\' && at + 1 < source.length() && ESCAPABLE.indexOf(source.charAt(at + 1)) >= 0) {
        text.append(source.charAt(at + 1));
        at += 2;
      } else if (c == '$' && until == Until.WRAPPER && source.startsWith("$$", at)) {
        break;
      } else if (c == '$' && VARIABLE.matcher(source).region(at, source.length()).lookingAt()) {
        flush(text, parts);
        variable(depth + 1, parts, assignments);
      } else if (c == '%' && source.startsWith("%{", at)) {
        flush(text, parts);
        parts.add(wrap(depth + 1));
      } else if (c == '{') {
        flush(text, parts);
        parts.add(group(depth + 1));
      } else if (c == '}' && until == Until.END) {
        throw new DynamicPrompt.SyntaxError("Unbalanced braces: the '}' at character " + (at + 1)
            + " closes nothing. Remove it, or write \\} for a literal brace.", at);
      } else if (c == '}' || c == '|' && until != Until.END) {
        break;
      } else if (c == '_' && WILDCARD.matcher(source).region(at, source.length()).lookingAt()) {
        flush(text, parts);
        parts.add(wildcard(depth));
      } else {
        text.append(c);
        at++;
      }
    }
    flush(text, parts);
    if (assignments.isEmpty() && parts.size() == 1) {
      return parts.get(0);
    }
    if (assignments.isEmpty() && parts.isEmpty()) {
      return new PromptNode.Literal("");
    }
    return new PromptNode.Sequence(List.copyOf(parts), List.copyOf(assignments), start);
  }

  private void enter(int depth, int open) {
    if (depth > DynamicPrompt.MAX_DEPTH) {
      throw new DynamicPrompt.SyntaxError("Groups nest more than " + DynamicPrompt.MAX_DEPTH + " levels deep at character "
          + (open + 1) + ": flatten the template.", open);
    }
  }

  private PromptNode group(int depth) {
    int open = at;
    enter(depth, open);
    at++;
    skipSpaces();
    if (at < source.length() && "~@".indexOf(source.charAt(at)) >= 0) {
      throw unsupportedSampler("{" + source.charAt(at) + "…}", open, source.charAt(at));
    }
    if (at < source.length() && source.charAt(at) == '!') {
      // Combinatorial sampling, asked for explicitly: what combinatorial mode does anyway, and random mode ignores it.
      at++;
    }
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
        separator = unescaped(source.substring(at, end));
        at = end + 2;
      }
    }
    List<PromptNode.Option> options = new ArrayList<>();
    while (true) {
      skipSpaces();
      double weight = 1;
      Matcher weighted = WEIGHT.matcher(source).region(at, source.length());
      if (weighted.lookingAt()) {
        weight = Double.parseDouble(weighted.group(1));
        at = weighted.end();
      }
      options.add(new PromptNode.Option(sequence(depth, Until.OPTION), weight));
      if (at >= source.length()) {
        throw neverClosed(open);
      }
      if (source.charAt(at++) == '}') {
        return new PromptNode.Variants(List.copyOf(options), min, max, separator, open);
      }
    }
  }

  /**
   * Where a custom separator ends ({@code {2$$ and $$a|b}}), or -1 when the group has none. As in dynamicprompts
   * a separator may hold {@code |} ({@code {2$$|$$a|b}}) but not {@code $}, {@code {} or {@code }}.
   */
  private int separatorEnd() {
    for (int i = at; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c == '\\') {
        i++;
      } else if (source.startsWith("$$", i)) {
        return i;
      } else if (c == '{' || c == '}' || c == '$') {
        return -1;
      }
    }
    return -1;
  }

  /** {@code ${name}}, {@code ${name:default}}, {@code ${name=value}}, {@code ${name=!value}} or {@code ${name?=value}}. */
  private void variable(int depth, List<PromptNode> parts, List<Scope.Assignment> assignments) {
    int open = at;
    enter(depth, open);
    Matcher variable = VARIABLE.matcher(source).region(at, source.length());
    variable.lookingAt();
    String name = variable.group(1);
    String operator = variable.group(2);
    at = variable.end();
    if (operator.equals("}")) {
      parts.add(new PromptNode.Variable(name, null, open));
      return;
    }
    if (operator.equals(":")) {
      skipSpaces();
      PromptNode fallback = sequence(depth, Until.OPTION);
      close(open, "${" + name + ":…}");
      parts.add(new PromptNode.Variable(name, fallback, open));
      return;
    }
    boolean immediate = at < source.length() && source.charAt(at) == '!';
    if (immediate) {
      at++;
    }
    skipSpaces();
    PromptNode value = sequence(depth, Until.OPTION);
    close(open, "${" + name + "=…}");
    assignments.add(new Scope.Assignment(name, value, immediate, operator.equals("=")));
  }

  /** {@code %{wrapper ... text$$inner}}. */
  private PromptNode wrap(int depth) {
    int open = at;
    enter(depth, open);
    at += 2;
    skipSpaces();
    PromptNode wrapper = sequence(depth, Until.WRAPPER);
    if (at >= source.length()) {
      throw neverClosed(open);
    }
    if (!source.startsWith("$$", at)) {
      throw new DynamicPrompt.SyntaxError("The wrap %{…} at character " + (open + 1) + " needs $$ between the wrapper and the prompt"
          + " it wraps, as in %{a ... in a garden$$cat}.", open);
    }
    at += 2;
    skipSpaces();
    PromptNode inner = sequence(depth, Until.OPTION);
    close(open, "%{…$$…}");
    return new PromptNode.Wrap(wrapper, inner, open);
  }

  /** {@code __name__}, {@code __!name__} or {@code __name(season=winter, colour={red|blue})__}. */
  private PromptNode wildcard(int depth) {
    int open = at;
    Matcher wildcard = WILDCARD.matcher(source).region(at, source.length());
    wildcard.lookingAt();
    String sampler = wildcard.group(1);
    if (sampler != null && !sampler.equals("!")) {
      throw unsupportedSampler("__" + sampler + "…__", open, sampler.charAt(0));
    }
    Map<String, PromptNode> parameters = new LinkedHashMap<>();
    if (wildcard.group(3) != null) {
      parameters = parameters(wildcard.group(2), wildcard.group(3), depth, open);
    }
    at = wildcard.end();
    return new PromptNode.Wildcard(wildcard.group(2), Map.copyOf(parameters), open);
  }

  /**
   * {@code season=winter, mood={calm|wild}}: as in dynamicprompts, pairs split at commas, a value that is not
   * a single word read as a template itself.
   */
  private static Map<String, PromptNode> parameters(String name, String spec, int depth, int open) {
    Map<String, PromptNode> parameters = new LinkedHashMap<>();
    for (String pair : spec.split(",")) {
      int equals = pair.indexOf('=');
      String key = (equals < 0 ? pair : pair.substring(0, equals)).strip();
      String value = equals < 0 ? "" : pair.substring(equals + 1).strip();
      if (!VARIABLE_NAME.matcher(key).matches()) {
        throw new DynamicPrompt.SyntaxError("The wildcard __" + name + "(…)__ at character " + (open + 1) + " passes \"" + pair.strip()
            + "\": write name=value pairs separated by commas, as in __" + name + "(season=winter)__.", open);
      }
      try {
        DynamicPromptParser inner = new DynamicPromptParser(value);
        parameters.put(key, inner.sequence(depth + 1, Until.END));
      } catch (DynamicPrompt.SyntaxError e) {
        throw new DynamicPrompt.SyntaxError("In the value of " + key + " passed to __" + name + "__ at character " + (open + 1) + ": "
            + e.getMessage(), open);
      }
    }
    return parameters;
  }

  private DynamicPrompt.SyntaxError unsupportedSampler(String construct, int open, char sampler) {
    String what = sampler == '@' ? "cyclical sampling (@) steps through the options across a batch of prompts"
        : "random sampling (~) picks one option at random even when listing every combination";
    return new DynamicPrompt.SyntaxError(construct + " at character " + (open + 1) + " is not supported: " + what
        + ", which Visionary does not do. Remove the " + sampler + " to use the mode chosen under “Alternatives in the idea”.", open);
  }

  private void close(int open, String construct) {
    if (at >= source.length()) {
      throw neverClosed(open);
    }
    if (source.charAt(at) == '|') {
      throw new DynamicPrompt.SyntaxError("The | at character " + (at + 1) + " is inside " + construct + " (opened at character "
          + (open + 1) + "): put alternatives in a group, as in ${season={summer|winter}}.", at);
    }
    at++;
  }

  private DynamicPrompt.SyntaxError neverClosed(int open) {
    return new DynamicPrompt.SyntaxError("Unbalanced braces: the '{' at character " + (open + 1 + (source.charAt(open) == '{' ? 0 : 1))
        + " is never closed. Add a '}', or write \\{ for a literal brace.", open);
  }

  private void skipSpaces() {
    while (at < source.length() && Character.isWhitespace(source.charAt(at))) {
      at++;
    }
  }

  private static String unescaped(String text) {
    return text.replaceAll("\\\\([{}|])", "$1");
  }

  private static void flush(StringBuilder text, List<PromptNode> parts) {
    if (text.length() > 0) {
      parts.add(new PromptNode.Literal(text.toString()));
      text.setLength(0);
    }
  }
}
