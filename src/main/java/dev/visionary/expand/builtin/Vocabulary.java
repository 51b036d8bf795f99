package dev.visionary.expand.builtin;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.visionary.prompt.StylePreset;
import dev.visionary.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The built-in engine's word lists, read once from {@code src/main/resources/vocabulary/*.json}. Curating the
 * vocabulary means editing those files; the code only knows how the lists fit together.
 */
public final class Vocabulary {
  static final List<String> PHASES = List.of("day", "twilight", "night");

  record Settings(List<String> indoor, List<String> outdoor) {
    static final Settings NONE = new Settings(List.of(), List.of());

    Settings {
      indoor = listOf(indoor);
      outdoor = listOf(outdoor);
    }

    boolean isEmpty() {
      return indoor.isEmpty() && outdoor.isEmpty();
    }
  }

  /**
   * {@code leads}: true for a subject that is the picture whenever named ("reflected in a puddle"), false for a
   * framing word that leads only when nothing else is named ("portrait of", "the loneliness of"), null to go by
   * the order of the words.
   */
  record Subject(String id, String kind, Boolean outdoor, Boolean leads, List<String> triggers, List<String> details,
                 List<String> dayDetails, List<String> nightDetails, Settings settings, Map<String, List<String>> states) {
    Subject {
      // Details that only fit a state the idea gives the subject, by the state word's stem ("melt", "sleep").
      states = states == null ? Map.of() : Map.copyOf(states);
      triggers = listOf(triggers);
      details = listOf(details);
      dayDetails = listOf(dayDetails);
      nightDetails = listOf(nightDetails);
      settings = settings == null ? Settings.NONE : settings;
    }
  }

  record Kind(boolean outdoor, boolean autoPhotographic, List<String> aspects, List<String> compositions,
              List<String> cameras, Settings settings, List<String> lighting, List<String> details, List<String> negatives) {
    Kind {
      aspects = listOf(aspects);
      compositions = listOf(compositions);
      cameras = listOf(cameras);
      settings = settings == null ? Settings.NONE : settings;
      lighting = listOf(lighting);
      details = listOf(details);
      negatives = listOf(negatives);
    }
  }

  record TimeOfDay(String id, String phase, String phrase, List<String> triggers, List<String> details) {
    TimeOfDay {
      triggers = listOf(triggers);
      details = listOf(details);
    }
  }

  record Weather(String id, String phrase, List<String> triggers, List<String> details, List<String> contradictions) {
    Weather {
      triggers = listOf(triggers);
      details = listOf(details);
      contradictions = listOf(contradictions);
    }
  }

  /**
   * A feeling the built-in engine can give a picture: its phrase, other wordings of the same feeling (so that not
   * every calm picture ends on "a peaceful and serene mood"; each carries the phrase's implications), and the words
   * of an idea or a refinement that ask for it.
   */
  record Mood(String phrase, List<String> variants, List<String> words) {
    Mood {
      variants = listOf(variants);
      words = listOf(words);
    }
  }

  record Style(String lead, String tag, Boolean photographic, List<String> triggers, List<String> words,
               List<String> techniques, List<String> negatives, List<Integer> stylize) {
    Style {
      triggers = listOf(triggers);
      words = listOf(words);
      techniques = listOf(techniques);
      negatives = listOf(negatives);
      stylize = listOf(stylize);
    }
  }

  record Language(List<String> fillers, List<String> exclusionMarkers, List<String> connectives,
                  List<String> placeWords, List<String> articles) {}

  record Midjourney(String version, List<Integer> chaos, int noCount) {}

  private record TimesFile(Map<String, List<String>> phases, List<TimeOfDay> times) {}

  private record ColorsFile(List<String> names, List<String> triggers, List<String> monochrome, List<String> monochromeContradictions) {}

  private record NegativesFile(List<String> common, List<String> midjourney) {}

  private static final class Holder {
    static final Vocabulary STANDARD = load();
  }

  final List<Subject> subjects;
  final Map<String, Kind> kinds;
  final List<TimeOfDay> times;
  final Map<String, List<String>> phaseContradictions;
  final List<Weather> weather;
  final Map<String, List<String>> lighting;
  final Map<String, List<String>> palettes;
  final List<Mood> moods;
  final Map<String, Style> styles;
  final Map<String, List<String>> quality;
  final List<String> commonNegatives;
  final List<String> midjourneyNegatives;
  final List<String> colorNames;
  final Language language;
  final Midjourney midjourney;
  final Conflicts conflicts;
  final Glossary glossary;

  // Compiled once: finding terms is the hot path of every expansion.
  final Terms subjectTriggers;
  final Terms styleIndex;
  final Map<String, Terms> styleTriggers = new LinkedHashMap<>();
  final Map<String, Terms> contradictionsByPhase = new HashMap<>();
  final Map<String, Terms> contradictionsByWeather = new HashMap<>();
  final Terms allTimeTriggers;
  final Terms allWeatherTriggers;
  final Terms moodWords;
  final Terms colorTriggers;
  final Terms monochrome;
  final Terms monochromeContradictions;
  final Terms fillers;
  final Terms exclusionMarkers;
  final Terms connectives;
  final Terms placeWords;
  final Terms articles;
  final Map<String, KnownPhrase> knownPhrases;

  private final Map<String, Text> phraseTexts = new ConcurrentHashMap<>();

  private Vocabulary(ObjectMapper json) {
    subjects = read(json, "subjects.json", new TypeReference<>() {});
    kinds = read(json, "kinds.json", new TypeReference<LinkedHashMap<String, Kind>>() {});
    TimesFile timesFile = read(json, "times.json", new TypeReference<>() {});
    times = listOf(timesFile.times());
    phaseContradictions = Map.copyOf(timesFile.phases());
    weather = read(json, "weather.json", new TypeReference<>() {});
    lighting = read(json, "lighting.json", new TypeReference<>() {});
    palettes = read(json, "palettes.json", new TypeReference<>() {});
    moods = read(json, "moods.json", new TypeReference<>() {});
    styles = read(json, "styles.json", new TypeReference<LinkedHashMap<String, Style>>() {});
    quality = read(json, "quality.json", new TypeReference<>() {});
    NegativesFile negatives = read(json, "negatives.json", new TypeReference<>() {});
    commonNegatives = listOf(negatives.common());
    midjourneyNegatives = listOf(negatives.midjourney());
    ColorsFile colors = read(json, "colors.json", new TypeReference<>() {});
    colorNames = listOf(colors.names());
    language = read(json, "language.json", new TypeReference<>() {});
    midjourney = read(json, "midjourney.json", new TypeReference<>() {});
    conflicts = new Conflicts(read(json, "conflicts.json", new TypeReference<Conflicts.File>() {}));
    glossary = new Glossary(read(json, "languages.json", new TypeReference<Glossary.File>() {}));

    checkConsistent();
    subjectTriggers = Terms.owned(byId(subjects, Subject::id, Subject::triggers));
    styles.forEach((id, s) -> styleTriggers.put(id, Terms.of(s.triggers())));
    Map<String, List<String>> styleWordsById = new LinkedHashMap<>();
    styles.forEach((id, s) -> styleWordsById.put(id, s.triggers()));
    styleIndex = Terms.owned(styleWordsById);
    phaseContradictions.forEach((phase, words) -> contradictionsByPhase.put(phase, Terms.of(words)));
    weather.forEach(w -> contradictionsByWeather.put(w.id(), Terms.of(w.contradictions())));
    allTimeTriggers = Terms.owned(byId(times, TimeOfDay::id, TimeOfDay::triggers));
    allWeatherTriggers = Terms.owned(byId(weather, Weather::id, Weather::triggers));
    moodWords = Terms.of(moods.stream().flatMap(m -> m.words().stream()).toList());
    colorTriggers = Terms.of(colors.triggers());
    monochrome = Terms.of(colors.monochrome());
    monochromeContradictions = Terms.of(colors.monochromeContradictions());
    fillers = Terms.of(language.fillers());
    exclusionMarkers = Terms.of(language.exclusionMarkers());
    connectives = Terms.of(language.connectives());
    placeWords = Terms.of(language.placeWords());
    articles = Terms.of(language.articles());
    knownPhrases = KnownPhrase.index(this);
  }

  public static Vocabulary standard() {
    return Holder.STANDARD;
  }

  private static Vocabulary load() {
    return new Vocabulary(Json.MAPPER);
  }

  private static <T> T read(ObjectMapper json, String file, TypeReference<T> type) {
    String path = "/vocabulary/" + file;
    try (InputStream in = Vocabulary.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Missing vocabulary file " + path);
      }
      return json.readValue(in, type);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read vocabulary file " + path + ": " + e.getMessage(), e);
    }
  }

  private static <T> Map<String, List<String>> byId(List<T> entries, Function<T, String> id, Function<T, List<String>> words) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    entries.forEach(entry -> map.put(id.apply(entry), words.apply(entry)));
    return map;
  }

  static <T> List<T> listOf(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  Kind kind(String id) {
    Kind kind = kinds.get(id);
    if (kind == null) {
      throw new IllegalStateException("Vocabulary names an unknown kind: " + id);
    }
    return kind;
  }

  /** Fails at start-up, naming the file, rather than in the middle of an expansion. */
  private void checkConsistent() {
    for (StylePreset preset : StylePreset.values()) {
      if (!styles.containsKey(preset.id())) {
        throw new IllegalStateException("vocabulary/styles.json has no entry for the style preset " + preset.id());
      }
    }
    for (Subject subject : subjects) {
      kind(subject.kind());
    }
  }

  /** A vocabulary phrase split into words; phrases are few and fixed, so each is split only once. */
  Text text(String phrase) {
    return phraseTexts.computeIfAbsent(phrase, Text::of);
  }

  List<String> lightingFor(String pool) {
    return lighting.getOrDefault(pool, List.of());
  }

  List<String> palettesFor(String pool) {
    return palettes.getOrDefault(pool, List.of());
  }

  /** The built-in {@code __name__} lists for dynamic prompts, each drawn from one part of the vocabulary. */
  public Map<String, List<String>> wildcardLists() {
    Map<String, List<String>> lists = new LinkedHashMap<>();
    lists.put("color", colorNames);
    lists.put("animal", firstTriggers("animal"));
    lists.put("creature", firstTriggers("creature"));
    lists.put("place", firstTriggers("scene"));
    lists.put("time", times.stream().map(t -> t.triggers().get(0)).toList());
    lists.put("weather", weather.stream().map(w -> w.triggers().get(0)).toList());
    lists.put("style", styles.values().stream().map(Style::tag).filter(java.util.Objects::nonNull).toList());
    lists.put("lighting", lighting.values().stream().flatMap(List::stream).distinct().toList());
    lists.put("mood", moods.stream().map(m -> m.words().get(0)).toList());
    lists.put("palette", palettes.values().stream().flatMap(List::stream).toList());
    lists.put("composition", kinds.values().stream().flatMap(k -> k.compositions().stream()).distinct().toList());
    lists.put("lens", kinds.values().stream().flatMap(k -> k.cameras().stream()).distinct().toList());
    return lists;
  }

  private List<String> firstTriggers(String kind) {
    return subjects.stream().filter(s -> s.kind().equals(kind)).map(s -> s.triggers().get(0)).toList();
  }

  /** Every wording of every mood: each is a mood the engine writes and reads back. */
  List<String> moodPhrases() {
    List<String> phrases = new ArrayList<>(moods.size() * 3);
    moods.forEach(m -> {
      phrases.add(m.phrase());
      phrases.addAll(m.variants());
    });
    return phrases;
  }
}
