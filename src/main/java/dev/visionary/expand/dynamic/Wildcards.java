package dev.visionary.expand.dynamic;

import dev.visionary.expand.builtin.Vocabulary;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Named word lists for {@code __name__} in dynamic prompts: the person's own lists and the built-in ones
 * taken from the vocabulary ({@code __color__}, {@code __animal__}, {@code __time__}, {@code __weather__},
 * {@code __style__}, {@code __lighting__} and more). Names are matched ignoring case.
 */
public interface Wildcards {
  /** The values of the list with this name, or empty when there is no such list. */
  Optional<List<String>> values(String name);

  /** Every list name, lower-cased; glob patterns such as {@code __color*__} choose among them. */
  Set<String> names();

  /**
   * Lists from a map of name to values. Values are cleaned the way wildcard files are read: each entry may hold
   * several lines; lines are trimmed, blank lines and lines starting with {@code #} are skipped, repeats dropped.
   */
  static Wildcards of(Map<String, ? extends Collection<String>> lists) {
    return new MapWildcards(lists);
  }

  static Wildcards none() {
    return of(Map.of());
  }

  /** The built-in lists, derived from the built-in engine's vocabulary. */
  static Wildcards builtin() {
    return of(Vocabulary.standard().wildcardLists());
  }

  /** These lists, then {@code fallback}'s for names these do not have (a person's lists before built-ins). */
  default Wildcards withFallback(Wildcards fallback) {
    return new LayeredWildcards(this, fallback);
  }
}
