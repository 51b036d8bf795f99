package dev.visionary.generate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The first {@code {a|b|c}} group of a prompt, for a grid whose axis is that group's options: each cell's prompt
 * is the prompt with the group replaced by one option, everything else left as written. Read here rather than
 * through the Studio's dynamic-prompt parser because a grid needs only this one group, and the generation path
 * sends any other syntax to the engine as typed.
 *
 * @param before the prompt up to the group's opening brace
 * @param after the prompt after its closing brace
 */
record PromptGroup(String before, List<String> options, String after) {
  private static final Pattern WEIGHT = Pattern.compile("^\\s*(\\d+(?:\\.\\d*)?|\\.\\d+)::");

  /** Thrown when the prompt has a group a grid cannot take apart; the message says what to change. */
  static final class Unusable extends IllegalArgumentException {
    Unusable(String message) {
      super(message);
    }
  }

  /** The prompt with option {@code i} in place of the group. */
  String with(int i) {
    return before + options.get(i) + after;
  }

  /** The first plain group, or empty when the prompt has none; a group left open or picking several is unusable. */
  static Optional<PromptGroup> first(String prompt) {
    int i = 0;
    while (i < prompt.length()) {
      char c = prompt.charAt(i);
      if (c == '\\' && i + 1 < prompt.length() && "{}|".indexOf(prompt.charAt(i + 1)) >= 0) {
        i += 2;
      } else if (c == '{' && i > 0 && (prompt.charAt(i - 1) == '$' || prompt.charAt(i - 1) == '%')) {
        // A variable or a wrapper, not a list of options: step over it whole.
        i = close(prompt, i) + 1;
      } else if (c == '{') {
        return Optional.of(group(prompt, i));
      } else {
        i++;
      }
    }
    return Optional.empty();
  }

  private static PromptGroup group(String prompt, int open) {
    int end = close(prompt, open);
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = open + 1;
    for (int i = open + 1; i < end; i++) {
      char c = prompt.charAt(i);
      if (c == '\\' && i + 1 < end) {
        i++;
      } else if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
      } else if (c == '|' && depth == 0) {
        parts.add(prompt.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(prompt.substring(start, end));
    if (parts.get(0).contains("$$")) {
      throw new Unusable("The first {…} group picks several options at once; a grid needs a plain group such as {red|blue}.");
    }
    LinkedHashSet<String> options = new LinkedHashSet<>();
    for (int k = 0; k < parts.size(); k++) {
      String option = parts.get(k);
      if (k == 0 && option.startsWith("!")) {
        option = option.substring(1);
      }
      // Weights choose among options at random; a grid shows every option, so they say nothing here.
      options.add(WEIGHT.matcher(option).replaceFirst("").strip());
    }
    return new PromptGroup(prompt.substring(0, open), List.copyOf(options), prompt.substring(end + 1));
  }

  /** The index of the brace closing the one at {@code open}. */
  private static int close(String prompt, int open) {
    int depth = 0;
    for (int i = open; i < prompt.length(); i++) {
      char c = prompt.charAt(i);
      if (c == '\\' && i + 1 < prompt.length()) {
        i++;
      } else if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    throw new Unusable("The {…} group at character " + (open + 1) + " is never closed: add its '}'.");
  }
}
