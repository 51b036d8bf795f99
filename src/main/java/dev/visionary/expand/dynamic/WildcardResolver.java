package dev.visionary.expand.dynamic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Looks wildcards up for one use of a template, parsing each list's values once. Glob names
 * ({@code __color*__}) join every list whose name matches, in name order.
 */
final class WildcardResolver {
  private final Wildcards wildcards;
  private final Map<String, List<PromptNode>> parsed = new HashMap<>();
  private final Map<String, Integer> levels = new HashMap<>();

  WildcardResolver(Wildcards wildcards) {
    this.wildcards = wildcards;
  }

  /** Fails with a message naming the wildcard when it is unknown, empty, refers back to itself or holds bad syntax. */
  void check(String name, int at, List<String> chain) {
    String key = name.toLowerCase(Locale.ROOT);
    if (chain.contains(key)) {
      throw new DynamicPrompt.SyntaxError("Wildcard __" + name + "__ refers back to itself (" + String.join(" → ",
          chain.stream().map(n -> "__" + n + "__").toList()) + " → __" + name + "__) at character " + (at + 1) + ".", at);
    }
    if (parsed.containsKey(key)) {
      return;
    }
    List<String> values = lookUp(key).orElseThrow(() -> new DynamicPrompt.SyntaxError("Unknown wildcard __" + name + "__ at character "
        + (at + 1) + within(chain) + ": no list has that name.", at));
    if (values.isEmpty()) {
      throw new DynamicPrompt.SyntaxError("Wildcard __" + name + "__ at character " + (at + 1) + within(chain) + " has no values.", at);
    }
    List<PromptNode> nodes = new ArrayList<>(values.size());
    for (String value : values) {
      try {
        nodes.add(DynamicPromptParser.parse(value));
      } catch (DynamicPrompt.SyntaxError e) {
        throw new DynamicPrompt.SyntaxError("In wildcard __" + name + "__ (used at character " + (at + 1) + "), the value \""
            + value + "\": " + e.getMessage(), at);
      }
    }
    parsed.put(key, List.copyOf(nodes));
  }

  /** How many levels of groups and wildcards a fully checked wildcard's values hold, or null before that. */
  Integer levels(String name) {
    return levels.get(name.toLowerCase(Locale.ROOT));
  }

  void rememberLevels(String name, int value) {
    levels.put(name.toLowerCase(Locale.ROOT), value);
  }

  /** The parsed values of a wildcard already {@link #check checked}. */
  List<PromptNode> values(String name) {
    return parsed.get(name.toLowerCase(Locale.ROOT));
  }

  private Optional<List<String>> lookUp(String key) {
    if (key.indexOf('*') < 0 && key.indexOf('?') < 0) {
      return wildcards.values(key);
    }
    Pattern glob = Pattern.compile(Pattern.quote(key).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q"));
    List<String> names = wildcards.names().stream().filter(n -> glob.matcher(n).matches()).sorted().toList();
    if (names.isEmpty()) {
      return Optional.empty();
    }
    Set<String> values = new LinkedHashSet<>();
    names.forEach(n -> values.addAll(wildcards.values(n).orElse(List.of())));
    return Optional.of(List.copyOf(values));
  }

  private static String within(List<String> chain) {
    return chain.isEmpty() ? "" : " (inside __" + chain.get(chain.size() - 1) + "__)";
  }
}
