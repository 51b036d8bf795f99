package dev.visionary.generate.scene;

import com.fasterxml.jackson.databind.JsonNode;
import dev.visionary.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a prompt into a {@link Scene} using the word table in {@code generate/scene-words.json}.
 * Words and phrases match whole words only, case-insensitively.
 */
final class SceneWords {

  static final String RESOURCE = "/generate/scene-words.json";
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}&'-]+");

  /** A phrase (one or more words) and what it stands for. */
  private record Entry(List<String> words, String target) { }

  private record Fallback(Set<Element> elements, TimeOfDay time) { }

  private final List<Entry> elementWords = new ArrayList<>();
  private final List<Entry> timeWords = new ArrayList<>();
  private final List<Entry> timeHints = new ArrayList<>();
  private final List<Entry> moodWords = new ArrayList<>();
  private final Map<Element, Set<Element>> elementsWith = new EnumMap<>(Element.class);
  private final Map<TimeOfDay, Set<Element>> timesWith = new EnumMap<>(TimeOfDay.class);
  private final List<Fallback> fallbacks = new ArrayList<>();

  private SceneWords(JsonNode root) {
    root.get("elements").fields().forEachRemaining(e -> {
      Element element = Element.valueOf(e.getKey().toUpperCase(Locale.ROOT));
      addAll(elementWords, e.getValue().get("words"), element.name());
      elementsWith.put(element, elements(e.getValue().get("with")));
    });
    root.get("times").fields().forEachRemaining(e -> {
      TimeOfDay time = TimeOfDay.valueOf(e.getKey().toUpperCase(Locale.ROOT));
      addAll(timeWords, e.getValue().get("words"), time.name());
      timesWith.put(time, elements(e.getValue().get("with")));
    });
    root.get("timeHints").fields().forEachRemaining(e ->
        addAll(timeHints, e.getValue(), TimeOfDay.valueOf(e.getKey().toUpperCase(Locale.ROOT)).name()));
    root.get("moods").fields().forEachRemaining(e ->
        addAll(moodWords, e.getValue(), Mood.valueOf(e.getKey().toUpperCase(Locale.ROOT)).name()));
    for (JsonNode f : root.get("fallbacks")) {
      fallbacks.add(new Fallback(elements(f.get("elements")),
          TimeOfDay.valueOf(f.get("time").asText().toUpperCase(Locale.ROOT))));
    }
    if (fallbacks.isEmpty()) {
      throw new IllegalStateException(RESOURCE + " needs at least one fallback scene");
    }
  }

  /** The table shipped with the application. */
  static SceneWords standard() {
    return Holder.STANDARD;
  }

  private static final class Holder {
    static final SceneWords STANDARD = load();

    private static SceneWords load() {
      try (InputStream in = SceneWords.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + RESOURCE);
        }
        return new SceneWords(Json.MAPPER.readTree(in));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + RESOURCE, e);
      }
    }
  }

  /**
   * @param negative words whose elements must be left out, or null
   * @param variant picks the fallback scene when the prompt names nothing drawable
   */
  Scene read(String prompt, String negative, long variant) {
    List<String> tokens = tokens(prompt);
    Set<Element> unwanted = EnumSet.noneOf(Element.class);
    if (negative != null) {
      for (String name : matches(elementWords, tokens(negative))) {
        unwanted.add(Element.valueOf(name));
      }
    }
    Set<Element> elements = EnumSet.noneOf(Element.class);
    for (String name : matches(elementWords, tokens)) {
      elements.add(Element.valueOf(name));
    }
    elements.removeAll(unwanted);
    List<String> times = matches(timeWords, tokens);
    List<String> hints = matches(timeHints, tokens);
    TimeOfDay time = !times.isEmpty() ? TimeOfDay.valueOf(times.get(0))
        : !hints.isEmpty() ? TimeOfDay.valueOf(hints.get(0)) : null;

    if (elements.stream().noneMatch(SceneWords::standsOnSomething)) {
      // Nothing to stand on: borrow a pleasant landscape so "a cat" still gets a picture.
      Fallback fallback = fallbacks.get((int) Math.floorMod(variant, (long) fallbacks.size()));
      elements.addAll(fallback.elements());
      if (time == null) {
        time = fallback.time();
      }
    }
    if (time == null) {
      time = TimeOfDay.DAY;
    }
    elements.addAll(timesWith.getOrDefault(time, Set.of()));
    // Implications can chain (a street brings a city), so repeat until nothing new arrives.
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Element e : EnumSet.copyOf(elements)) {
        grew |= elements.addAll(elementsWith.getOrDefault(e, Set.of()));
      }
    }
    elements.removeAll(unwanted);
    Set<Mood> moods = EnumSet.noneOf(Mood.class);
    for (String name : matches(moodWords, tokens)) {
      moods.add(Mood.valueOf(name));
    }
    return new Scene(elements, time, moods);
  }

  /** Sky and weather alone make an empty picture; these give it a place. */
  private static boolean standsOnSomething(Element e) {
    return switch (e) {
      case SUN, MOON, STARS, CLOUDS, FOG, RAIN, SNOWFALL -> false;
      default -> true;
    };
  }

  static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    for (String t : NON_WORD.split(text.toLowerCase(Locale.ROOT))) {
      String word = trimPunctuation(t);
      if (!word.isEmpty()) {
        out.add(word);
      }
    }
    return out;
  }

  // Hyphens and apostrophes belong inside words ("snow-capped") but not around them ("'sunset'").
  private static String trimPunctuation(String t) {
    int start = 0;
    int end = t.length();
    while (start < end && (t.charAt(start) == '-' || t.charAt(start) == '\'')) {
      start++;
    }
    while (end > start && (t.charAt(end - 1) == '-' || t.charAt(end - 1) == '\'')) {
      end--;
    }
    return t.substring(start, end);
  }

  /**
   * Targets of the entries found in the tokens, in the order they first appear in the text. At each
   * position the longest phrase wins and uses up its words, so "palm trees" means palms and not also
   * trees.
   */
  private static List<String> matches(List<Entry> entries, List<String> tokens) {
    List<String> found = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      Entry best = null;
      for (Entry entry : entries) {
        if (startsAt(tokens, i, entry.words()) && (best == null || entry.words().size() > best.words().size())) {
          best = entry;
        }
      }
      if (best == null) {
        i++;
        continue;
      }
      if (!found.contains(best.target())) {
        found.add(best.target());
      }
      // Other entries with the same phrase (a word listed under two targets) count too.
      for (Entry entry : entries) {
        if (entry.words().equals(best.words()) && !found.contains(entry.target())) {
          found.add(entry.target());
        }
      }
      i += best.words().size();
    }
    return found;
  }

  private static boolean startsAt(List<String> tokens, int i, List<String> phrase) {
    if (i + phrase.size() > tokens.size()) {
      return false;
    }
    for (int k = 0; k < phrase.size(); k++) {
      if (!tokens.get(i + k).equals(phrase.get(k))) {
        return false;
      }
    }
    return true;
  }

  private static void addAll(List<Entry> into, JsonNode words, String target) {
    for (JsonNode w : words) {
      List<String> phrase = tokens(w.asText());
      if (phrase.isEmpty()) {
        throw new IllegalStateException(RESOURCE + ": empty word for " + target);
      }
      into.add(new Entry(phrase, target));
    }
  }

  private static Set<Element> elements(JsonNode names) {
    Set<Element> out = EnumSet.noneOf(Element.class);
    if (names != null) {
      for (JsonNode n : names) {
        out.add(Element.valueOf(n.asText().toUpperCase(Locale.ROOT)));
      }
    }
    return out;
  }
}
