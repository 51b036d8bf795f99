package dev.visionary.expand.dynamic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Looks wildcards up for one use of a template, parsing each list's values once. As in dynamicprompts, glob names
 * ({@code __color*__}) join every list whose name matches, a name that matches nothing is tried again as
 * {@code **}{@code /name} (so {@code __birds__} finds a list stored as {@code animals/birds}), and the values are
 * de-duplicated and sorted (by Unicode code point, as Python sorts strings).
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
    Optional<List<String>> found = matching(key);
    if (found.map(List::isEmpty).orElse(true) && !key.startsWith("**")) {
      Optional<List<String>> nested = matching("**/" + key);
      if (nested.map(values -> !values.isEmpty()).orElse(false)) {
        found = nested;
      }
    }
    return found.map(values -> values.stream().distinct().sorted(WildcardResolver::byCodePoint).toList());
  }

  /** The values of every list whose name matches, as Python's fnmatch matches ({@code *} crosses folders too). */
  private Optional<List<String>> matching(String pattern) {
    if (pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0) {
      return wildcards.values(pattern);
    }
    List<String> names = wildcards.names().stream().filter(n -> globMatches(pattern, n)).sorted().toList();
    if (names.isEmpty()) {
      return Optional.empty();
    }
    Set<String> values = new LinkedHashSet<>();
    names.forEach(n -> values.addAll(wildcards.values(n).orElse(List.of())));
    return Optional.of(List.copyOf(values));
  }

  /**
   * fnmatch's {@code *} and {@code ?} without a regex: a translated pattern such as {@code *a*a*a…z} backtracks
   * exponentially in Java's engine, and a name is typed by the person. This walk keeps only the last star's
   * position, so it costs at most pattern length × name length.
   */
  static boolean globMatches(String pattern, String name) {
    int p = 0;
    int n = 0;
    int star = -1;
    int resume = 0;
    while (n < name.length()) {
      if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == name.charAt(n))) {
        p++;
        n++;
      } else if (p < pattern.length() && pattern.charAt(p) == '*') {
        star = p++;
        resume = n;
      } else if (star >= 0) {
        p = star + 1;
        n = ++resume;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }

  private static int byCodePoint(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  private static String within(List<String> chain) {
    return chain.isEmpty() ? "" : " (inside __" + chain.get(chain.size() - 1) + "__)";
  }
}
