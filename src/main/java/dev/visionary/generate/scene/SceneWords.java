package dev.visionary.generate.scene;

import com.fasterxml.jackson.databind.JsonNode;
import dev.visionary.json.Json;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a prompt into a {@link Scene} using the word table in {@code generate/scene-words.json}.
 * Words and phrases match whole words only, case-insensitively.
 */
final class SceneWords {

  static final String RESOURCE = "/generate/scene-words.json";
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}\\p{So}&'-]+");

  /** A phrase (one or more words) and what it stands for. */
  private record Entry(List<String> words, String target) { }

  private record Fallback(Set<Element> elements, TimeOfDay time) {
    boolean water() {
      return elements.contains(Element.SEA) || elements.contains(Element.LAKE);
    }
  }

  /** Where an entry matched: its target and the tokens it used. */
  private record Hit(String target, int start, int length) { }

  private record SettingRule(Setting setting, Variant variant) { }

  /** The idea ends at its first full stop; what follows is style the idea was dressed in. */
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?;](\\s|$)|\\n");
  /** Stable Diffusion prompts open with the idea in a weighted group: "(a lake at dawn:1.2), …". */
  private static final Pattern WEIGHTED_IDEA = Pattern.compile("\\s*\\(([^():]+):[0-9.]+\\)");
  /** "quoted", “quoted” or 'quoted' words; an apostrophe inside a word does not open a quote. */
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]{1,80})\"|\u201c([^\u201d]{1,80})\u201d"
      + "|(?<![\\p{L}\\p{N}])'([^']{1,80})'(?![\\p{L}\\p{N}])");
  /** Unquoted words to show: what a sign says, what a shop is called. */
  private static final Pattern NAMED = Pattern.compile(
      "\\b(?:says|saying|reads|called|named|titled|the words?)\\s+([^,.;:!?()]{1,60})",
      Pattern.CASE_INSENSITIVE);
  private static final int MAX_TEXT_WORDS = 5;
  private final List<Entry> elementWords = new ArrayList<>();
  private final List<Entry> timeWords = new ArrayList<>();
  private final List<Entry> timeHints = new ArrayList<>();
  private final List<Entry> moodWords = new ArrayList<>();
  private final Map<Element, Set<Element>> elementsWith = new EnumMap<>(Element.class);
  private final Map<TimeOfDay, Set<Element>> timesWith = new EnumMap<>(TimeOfDay.class);
  private final List<Fallback> fallbacks = new ArrayList<>();
  private final List<Entry> settingWords = new ArrayList<>();
  private final List<SettingRule> settingRules = new ArrayList<>();
  private final List<Entry> colorWords = new ArrayList<>();
  private final List<Entry> plantWords = new ArrayList<>();
  private final Map<String, Color> colors = new HashMap<>();
  private final Set<String> surfaces = new HashSet<>();
  private final List<Entry> seasonWords = new ArrayList<>();

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
    for (JsonNode rule : root.get("settings")) {
      Setting setting = Setting.valueOf(rule.get("setting").asText().toUpperCase(Locale.ROOT));
      Variant variant = rule.has("variant")
          ? Variant.valueOf(rule.get("variant").asText().toUpperCase(Locale.ROOT)) : Variant.NONE;
      addAll(settingWords, rule.get("words"), Integer.toString(settingRules.size()));
      settingRules.add(new SettingRule(setting, variant));
    }
    root.get("colors").fields().forEachRemaining(e -> {
      String name = e.getKey();
      JsonNode rgb = e.getValue().get("rgb");
      colors.put(name, rgb == null ? null : Rgb.of(Integer.parseInt(rgb.asText(), 16)));
      addAll(colorWords, e.getValue().get("words"), name);
      if (e.getValue().has("plants")) {
        addAll(plantWords, e.getValue().get("plants"), name);
      }
    });
    root.get("surfaces").forEach(w -> surfaces.add(w.asText()));
    root.get("seasons").fields().forEachRemaining(e ->
        addAll(seasonWords, e.getValue(), Season.valueOf(e.getKey().toUpperCase(Locale.ROOT)).name()));
    if (fallbacks.stream().noneMatch(Fallback::water) || fallbacks.stream().allMatch(Fallback::water)) {
      throw new IllegalStateException(RESOURCE + " needs a fallback scene on land and one on water");
    }
  }

  /** What the subjects a prompt names need under them, should the picture borrow a landscape. */
  enum Footing { ANY, LAND, WATER }

  /** The variant's fallback, or the next one in the table that gives the footing asked for. */
  private Fallback fallback(long variant, Footing footing) {
    int first = (int) Math.floorMod(variant, (long) fallbacks.size());
    for (int i = 0; i < fallbacks.size(); i++) {
      Fallback f = fallbacks.get((first + i) % fallbacks.size());
      if (footing == Footing.ANY || f.water() == (footing == Footing.WATER)) {
        return f;
      }
    }
    throw new IllegalStateException("no fallback scene for " + footing);
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
   * @param footing what the prompt's subjects need under them in a borrowed scene: a boat water, a cat land
   */
  Scene read(String prompt, String negative, long variant, Footing footing) {
    List<String> tokens = tokens(prompt);
    Set<Element> unwanted = EnumSet.noneOf(Element.class);
    if (negative != null) {
      for (String name : matches(elementWords, tokens(negative))) {
        unwanted.add(Element.valueOf(name));
      }
      // "fog" in the negative names the thick fog's word; no fog of either kind is wanted then.
      // Nor is a lone peak when mountains are not.
      if (unwanted.contains(Element.MOUNTAINS)) {
        unwanted.add(Element.LONE_PEAK);
      }
      if (unwanted.contains(Element.FOG) || unwanted.contains(Element.THICK_FOG)) {
        unwanted.add(Element.FOG);
        unwanted.add(Element.THICK_FOG);
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

    // The place is named before the first comma; what follows describes it ("a mountain lake at dawn,
    // with reflections of the shoreline" is a lake, not a coast).
    String idea = idea(prompt);
    List<String> ideaTokens = tokens(head(idea));
    SettingRule rule = settingRule(ideaTokens);
    if (elements.stream().noneMatch(SceneWords::standsOnSomething)) {
      // Nothing to stand on: borrow a pleasant landscape so "a cat" still gets a picture. A cat gets land
      // (on a lake's far shore it would sit on the water), a boat gets water; under the sea, in a room or on a
      // poster no landscape shows, so its footing does not matter.
      boolean shown = rule == null || rule.setting().outdoors();
      Fallback fallback = fallback(variant, shown ? footing : Footing.ANY);
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
    Set<Element> named = EnumSet.noneOf(Element.class);
    for (String name : matches(elementWords, ideaTokens)) {
      named.add(Element.valueOf(name));
    }
    named.removeAll(unwanted);
    boolean placeNamed = named.stream().anyMatch(SceneWords::standsOnSomething);
    Setting setting = rule != null ? rule.setting() : landscape(placeNamed ? named : elements);
    Variant kind = rule != null ? rule.variant() : Variant.NONE;
    List<String> seasons = matches(seasonWords, tokens);
    Season season = seasons.isEmpty() ? Season.ANY : Season.valueOf(seasons.get(0));
    return new Scene(elements, time, moods, setting, kind, season, accent(ideaTokens, setting), texts(idea));
  }

  /**
   * The idea in a prompt: its first sentence, or the weighted group a Stable Diffusion prompt opens
   * with. An expanded prompt appends style phrases ("soft window light, 35mm"); those may colour the
   * picture but must not move it indoors.
   */
  static String idea(String prompt) {
    Matcher weighted = WEIGHTED_IDEA.matcher(prompt);
    if (weighted.lookingAt()) {
      return weighted.group(1);
    }
    Matcher m = SENTENCE_END.matcher(prompt);
    while (m.find()) {
      if (m.start() > 0) {
        return prompt.substring(0, m.start());
      }
    }
    return prompt;
  }

  /** The idea up to its first comma. */
  static String head(String idea) {
    int comma = idea.indexOf(',');
    return comma > 0 ? idea.substring(0, comma) : idea;
  }

  /** The first setting rule named in the idea, by the table's order of precedence, or null. */
  private SettingRule settingRule(List<String> ideaTokens) {
    int best = Integer.MAX_VALUE;
    for (String index : matches(settingWords, ideaTokens)) {
      best = Math.min(best, Integer.parseInt(index));
    }
    return best == Integer.MAX_VALUE ? null : settingRules.get(best);
  }

  /** Landscapes follow their most telling element: water before town, town before open land. */
  private static Setting landscape(Set<Element> e) {
    if (e.contains(Element.CLOUDSEA)) {
      return Setting.SKY;
    }
    if (e.contains(Element.SEA) || e.contains(Element.BEACH)) {
      return Setting.SEASIDE;
    }
    if (e.contains(Element.CITY)) {
      return Setting.CITY;
    }
    if (e.contains(Element.LAKE)) {
      return Setting.LAKE;
    }
    if (e.contains(Element.DESERT)) {
      return Setting.DESERT;
    }
    if (e.contains(Element.SNOW)) {
      return Setting.SNOW;
    }
    if (e.contains(Element.FOREST)) {
      return Setting.FOREST;
    }
    if (e.contains(Element.MOUNTAINS)) {
      return Setting.MOUNTAINS;
    }
    return Setting.FIELD;
  }

  /**
   * The colour of the setting's main surface. Outdoors a colour word must name the ground ("red
   * desert", "purple fields") or be a plant that covers it ("lavender"): "a red car in a field" keeps
   * the grass green. Indoors, in a studio and on a poster the first colour named sets the tone.
   */
  private Color accent(List<String> ideaTokens, Setting setting) {
    for (Hit plant : hits(plantWords, ideaTokens)) {
      return colors.get(plant.target());
    }
    for (Hit hit : hits(colorWords, ideaTokens)) {
      Color color = colors.get(hit.target());
      if (color == null) {
        continue;
      }
      if (!setting.outdoors()) {
        return color;
      }
      int next = hit.start() + hit.length();
      for (int k = next; k < Math.min(next + 2, ideaTokens.size()); k++) {
        if (surfaces.contains(ideaTokens.get(k))) {
          return color;
        }
      }
    }
    return null;
  }

  /** Words the picture must show: quoted first; otherwise what something "says" or is "called". */
  static List<String> texts(String idea) {
    List<String> out = new ArrayList<>();
    Matcher quoted = QUOTED.matcher(idea);
    while (quoted.find()) {
      for (int group = 1; group <= 3; group++) {
        String words = quoted.group(group);
        // An expanded prompt repeats the words ("… the words "Anna & Leo" in clear lettering"); once is enough.
        if (words != null && !words.isBlank() && !out.contains(words.strip())) {
          out.add(words.strip());
        }
      }
    }
    if (out.isEmpty()) {
      Matcher named = NAMED.matcher(idea);
      if (named.find()) {
        String[] words = named.group(1).strip().split("\\s+");
        out.add(String.join(" ", java.util.Arrays.copyOf(words, Math.min(words.length, MAX_TEXT_WORDS))));
      }
    }
    return out;
  }

  /** Sky and weather alone make an empty picture; these give it a place. */
  private static boolean standsOnSomething(Element e) {
    return switch (e) {
      case SUN, MOON, STARS, CLOUDS, FOG, THICK_FOG, RAIN, SNOWFALL, BACKLIGHT, WINDOWLIGHT, SIDELIGHT, THAW -> false;
      default -> true;
    };
  }

  static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    for (String t : NON_WORD.split(text.toLowerCase(Locale.ROOT))) {
      String word = trimPunctuation(t);
      if (word.isEmpty()) {
        continue;
      }
      if (word.codePoints().anyMatch(SceneWords::standsAlone)) {
        // Chinese and Japanese write without spaces and emoji run together: each character is a word,
        // and the table lists "竹林" as the two-word phrase 竹 林.
        word.codePoints().forEach(c -> out.add(new String(Character.toChars(c))));
      } else {
        out.add(word);
      }
    }
    return out;
  }

  private static boolean standsAlone(int c) {
    Character.UnicodeScript script = Character.UnicodeScript.of(c);
    return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA || Character.getType(c) == Character.OTHER_SYMBOL;
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
    for (Hit hit : hits(entries, tokens)) {
      if (!found.contains(hit.target())) {
        found.add(hit.target());
      }
    }
    return found;
  }

  /** Every match in text order, longest phrase first at each position; a phrase under two targets hits both. */
  private static List<Hit> hits(List<Entry> entries, List<String> tokens) {
    List<Hit> found = new ArrayList<>();
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
      found.add(new Hit(best.target(), i, best.words().size()));
      // Other entries with the same phrase (a word listed under two targets) count too.
      for (Entry entry : entries) {
        if (entry != best && entry.words().equals(best.words())) {
          found.add(new Hit(entry.target(), i, best.words().size()));
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
