package dev.visionary.expand.builtin;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each phrase implies (outdoor, night, wide, warm, people…) and which implications cannot share one
 * picture, read from {@code vocabulary/conflicts.json}. The planner adds nothing whose implications conflict
 * with the idea or with what it already chose.
 */
final class Conflicts {
  record File(Map<String, List<String>> implies, List<List<String>> conflicts, List<String> lensWords,
              List<String> lightingWords, List<String> textMarkers, List<String> negationMarkers,
              List<String> designDetails, List<String> moodTags) {}

  final File file;
  final Terms implied;
  final Terms lensWords;
  final Terms lightingWords;
  final Terms textMarkers;
  final Terms negationMarkers;
  private final Map<String, Set<String>> against = new HashMap<>();
  private final Map<String, Set<String>> tagsOfPhrase = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> tagsOfWord = new HashMap<>();

  Conflicts(File file) {
    this.file = file;
    implied = Terms.owned(new LinkedHashMap<>(file.implies()));
    lensWords = Terms.of(file.lensWords());
    lightingWords = Terms.of(file.lightingWords());
    textMarkers = Terms.of(file.textMarkers());
    negationMarkers = Terms.of(file.negationMarkers());
    for (List<String> pair : file.conflicts()) {
      if (pair.size() != 2 || !file.implies().containsKey(pair.get(0)) || !file.implies().containsKey(pair.get(1))) {
        throw new IllegalStateException("vocabulary/conflicts.json: a conflict names an unknown implication: " + pair);
      }
      against.computeIfAbsent(pair.get(0), k -> new HashSet<>()).add(pair.get(1));
      against.computeIfAbsent(pair.get(1), k -> new HashSet<>()).add(pair.get(0));
    }
    file.implies().forEach((tag, words) -> {
      tagsOfWord.computeIfAbsent(tag, k -> new HashSet<>()).add(tag);
      words.forEach(w -> tagsOfWord.computeIfAbsent(w, k -> new HashSet<>()).add(tag));
    });
  }

  /** The implications of a text. */
  Set<String> tags(Text text) {
    Set<String> tags = new HashSet<>();
    implied.matches(text).forEach(m -> tags.add(m.owner()));
    return tags;
  }

  /** The implications of a vocabulary phrase, worked out once. */
  Set<String> tags(String phrase, Vocabulary vocabulary) {
    return tagsOfPhrase.computeIfAbsent(phrase, p -> tags(vocabulary.text(p)));
  }

  /** The implications a word names, singular or plural: "people" names people, "birds" animals. */
  Set<String> tagsNamedBy(String word) {
    Set<String> out = new HashSet<>();
    for (String form : Terms.baseForms(word)) {
      out.addAll(tagsOfWord.getOrDefault(form, Set.of()));
    }
    return out;
  }

  boolean conflict(String a, String b) {
    return against.getOrDefault(a, Set.of()).contains(b);
  }

  /** Whether two sets of implications can share a picture. */
  boolean agree(Collection<String> a, Collection<String> b) {
    for (String x : a) {
      Set<String> enemies = against.get(x);
      if (enemies == null) {
        continue;
      }
      // Look up the shorter side in the other: a phrase's few enemies in the picture's many tags, usually.
      if (b instanceof Set<String> set && enemies.size() < set.size()) {
        for (String y : enemies) {
          if (set.contains(y)) {
            return false;
          }
        }
      } else {
        for (String y : b) {
          if (enemies.contains(y)) {
            return false;
          }
        }
      }
    }
    return true;
  }
}
