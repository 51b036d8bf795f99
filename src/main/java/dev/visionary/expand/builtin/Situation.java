package dev.visionary.expand.builtin;

import dev.visionary.expand.builtin.KnownPhrase.Role;
import dev.visionary.expand.builtin.Vocabulary.Kind;
import dev.visionary.expand.builtin.Vocabulary.Style;
import dev.visionary.expand.builtin.Vocabulary.Subject;
import dev.visionary.expand.builtin.Vocabulary.TimeOfDay;
import dev.visionary.expand.builtin.Vocabulary.Weather;
import dev.visionary.prompt.StylePreset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * One request understood: the idea, a refinement and a prompt being refined, resolved into what every
 * variation shares. The variations then differ only in what {@link ScenePlanner} picks for each.
 */
final class Situation {
  private static final java.util.regex.Pattern AFTER_WEATHER =
      java.util.regex.Pattern.compile("\\bafter (?:the |a )?(?:rain|rainfall|storm|shower|downpour|snowfall)\\b");
  final Vocabulary vocabulary;
  final String subject;
  final List<String> anchors;
  final List<String> additions;
  final List<String> exclusions;
  final Subject primary;
  final List<Subject> others;
  final String kindId;
  final Kind kind;
  final TimeOfDay time;
  final String timePhrase;
  final Weather weather;
  final String weatherPhrase;
  final String styleId;
  final Style style;
  final boolean styleInIdea;
  final boolean photographic;
  final boolean givesMood;
  final boolean givesColor;
  final boolean namesScene;
  final boolean outdoor;
  final List<String> settingCandidates;
  final Set<String> outdoorSettings;
  final List<TimeOfDay> timeCandidates;
  final List<KnownPhrase> kept;
  final Set<String> used;
  final boolean refining;
  final boolean timeChanged;
  final BasePrompt base;
  final Terms exclusionTerms;
  final boolean monochrome;
  final Text stated;
  final SceneReading scene;
  private final java.util.Map<String, Boolean> contradictions = new java.util.HashMap<>();
  /** The season the idea names ("in spring"): it brings its own details and keeps out another season's. */
  final RefineWords.Season season;
  /** "after rain", "after the storm": the weather has passed, so its traces show but nothing is still falling. */
  final boolean weatherPassed;
  /** A photographic preset over an idea that names a drawn or designed medium: the idea's medium wins. */
  final boolean mediumInIdea;

  private Situation(ExpansionRequest request, Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
    // An idea in another language is read in the English its words gloss to; the prompt keeps them as typed.
    IdeaReading idea = IdeaReading.read(english(request.idea()), vocabulary);
    Refinement refinement = Refinement.parse(request.refinement(), vocabulary);
    BasePrompt base = request.basePrompt() == null ? null : BasePrompt.parse(request.basePrompt(), vocabulary);
    // Only the person's words of a base prompt say what it is about; its vocabulary phrases say time and weather.
    IdeaReading source = base == null ? idea : IdeaReading.read(String.join(", ", base.written().stream().map(this::english).toList()), vocabulary);

    styleId = refinement.styleId() != null ? refinement.styleId()
        : request.style() != StylePreset.NONE ? request.style().id()
        : base != null && base.styleId() != null ? base.styleId()
        : idea.styleId() != null ? idea.styleId() : StylePreset.NONE.id();
    style = vocabulary.styles.get(styleId);
    styleInIdea = styleId.equals(source.styleId()) && refinement.styleId() == null;
    // A base prompt's own "at blue hour" or "during a storm" outranks what its other sentences hint at: the engine's
    // rewritten details are read as the person's words, and "the first lights are flickering on" or "dark churning
    // clouds" would otherwise turn blue hour into sunrise and a storm into an overcast sky.
    TimeOfDay statedTime = owner(base, Role.TIME_PHRASE, Role.TIME_PHRASE, vocabulary.times, TimeOfDay::id);
    Weather statedWeather = owner(base, Role.WEATHER_PHRASE, Role.WEATHER_PHRASE, vocabulary.weather, Weather::id);
    time = refinement.time() != null ? refinement.time()
        : statedTime != null ? statedTime
        : source.time() != null ? source.time() : owner(base, Role.TIME_PHRASE, Role.TIME_DETAIL, vocabulary.times, TimeOfDay::id);
    weather = refinement.weather() != null ? refinement.weather()
        : statedWeather != null ? statedWeather
        : source.weather() != null ? source.weather() : owner(base, Role.WEATHER_PHRASE, Role.WEATHER_DETAIL, vocabulary.weather, Weather::id);
    List<String> keptOut = new ArrayList<>(refinement.exclusions());
    if (base != null) {
      base.exclusions().stream().filter(e -> !keptOut.contains(e)).forEach(keptOut::add);
    }
    exclusions = List.copyOf(keptOut);
    exclusionTerms = Terms.of(exclusions);

    // What the refinement replaces comes out of the person's earlier words; the rest stays as typed.
    List<Terms> replaced = new ArrayList<>();
    replaced.add(exclusionTerms);
    if (refinement.time() != null) {
      replaced.add(vocabulary.allTimeTriggers);
      replaced.add(vocabulary.contradictionsByPhase.get(time.phase()));
    }
    if (refinement.weather() != null) {
      replaced.add(vocabulary.allWeatherTriggers);
      replaced.add(vocabulary.contradictionsByWeather.get(weather.id()));
    }
    if (refinement.styleId() != null && source.styleId() != null && !source.styleId().equals(styleId)) {
      replaced.add(vocabulary.styleTriggers.get(source.styleId()));
    }
    Text ideaText = idea.text();
    String written = base != null && base.subject() != null ? base.subject() : request.idea();
    Glossary.Reading foreign = vocabulary.glossary.read(written);
    String english = remove(Text.of(foreign == null ? written : foreign.english()), replaced);
    subject = foreign == null ? english : new Glossary.Reading(foreign.language(), remove(Text.of(foreign.typed()), replaced), english).glossed();
    List<String> keptPhrases = new ArrayList<>();
    for (String anchor : base == null ? List.<String>of() : base.anchors()) {
      Text anchorText = Text.of(anchor);
      if (spans(anchorText, replaced).isEmpty()) {
        keptPhrases.add(anchor);
      } else if (sharesWord(anchorText, ideaText)) {
        keptPhrases.add(remove(anchorText, replaced));
      }
    }
    anchors = List.copyOf(keptPhrases);
    additions = refinement.additions();
    stated = Text.of(String.join(" ", subject, String.join(" ", anchors), String.join(" ", additions)));
    Text readable = foreign == null ? stated : Text.of(String.join(" ", english, String.join(" ", anchors), String.join(" ", additions)));

    // Subjects come from the words as they now stand: what a refinement took out is no longer pictured.
    // "a living room, no people" is not a picture of people: negated words name no subject.
    SceneReading reading = SceneReading.read(readable.raw(), vocabulary);
    String pictured = reading.negatedSpans().isEmpty() ? readable.raw() : readable.without(reading.negatedSpans(), vocabulary.connectives, vocabulary.articles);
    List<Subject> all = IdeaReading.read(pictured, vocabulary).subjects();
    primary = all.isEmpty() ? null : all.get(0);
    others = all.isEmpty() ? List.of() : List.copyOf(all.subList(1, Math.min(all.size(), 3)));
    // A logo or a poster is laid out, not photographed: the bicycle in "a logo for a bicycle shop" brings no
    // "warped wheels" to keep out and no 21:9 frame.
    boolean laidOut = reading.graphic() && !(styleInIdea && Boolean.TRUE.equals(style.photographic()));
    kindId = laidOut ? "design" : primary == null ? "generic" : primary.kind();
    kind = vocabulary.kind(kindId);
    scene = reading;
    String seasonId = RefineWords.standard().seasonIn(readable, new ArrayList<>());
    season = seasonId == null ? null : RefineWords.standard().season(seasonId);
    weatherPassed = AFTER_WEATHER.matcher(readable.raw().toLowerCase(Locale.ROOT)).find();
    boolean drawn = scene.has("design") && !(styleInIdea && Boolean.TRUE.equals(style.photographic()));
    mediumInIdea = drawn && !styleInIdea;
    photographic = !drawn && (style.photographic() != null ? style.photographic() : kind.autoPhotographic());
    givesMood = idea.givesMood() || refinement.givesMood() || vocabulary.moodWords.foundIn(readable);
    givesColor = idea.givesColor() || refinement.givesColor() || vocabulary.colorTriggers.foundIn(readable);
    monochrome = vocabulary.monochrome.foundIn(readable);
    namesScene = all.stream().anyMatch(s -> s.kind().equals("scene") || s.kind().equals("space") || s.kind().equals("interior"));
    List<Subject> scenes = all.stream().filter(s -> s.kind().equals("scene") || s.kind().equals("interior")).toList();
    outdoor = !scenes.isEmpty() ? scenes.stream().anyMatch(this::outdoorByNature) : primary != null && outdoorByNature(primary);

    Vocabulary.Settings settings = primary != null && !primary.settings().isEmpty() ? primary.settings() : kind.settings();
    boolean wantsSetting = base == null && !idea.givesPlace() && !namesScene && !scene.graphic()
        && !scene.has("indoor") && !scene.has("underwater") && !scene.has("space") && !scene.has("sky");
    boolean outdoorOnly = (time != null || weather != null) && !settings.outdoor().isEmpty();
    settingCandidates = !wantsSetting ? List.of() : outdoorOnly ? settings.outdoor() : concat(settings.indoor(), settings.outdoor());
    outdoorSettings = Set.copyOf(settings.outdoor());

    Text withWeather = weather == null ? readable : Text.of(readable.raw() + " " + String.join(" ", weather.triggers()));
    List<TimeOfDay> candidates = new ArrayList<>();
    if (time == null) {
      for (TimeOfDay t : vocabulary.times) {
        boolean contradicted = vocabulary.contradictionsByPhase.get(t.phase()).foundIn(withWeather)
            || weather != null && vocabulary.contradictionsByWeather.get(weather.id()).foundIn(vocabulary.text(t.phrase()));
        if (!contradicted) {
          candidates.add(t);
        }
      }
    }
    timeCandidates = List.copyOf(candidates);

    kept = base == null ? List.of() : base.known();
    used = new HashSet<>();
    kept.forEach(k -> used.add(k.phrase().toLowerCase(Locale.ROOT)));
    refining = base != null && !refinement.isEmpty();
    timeChanged = refinement.time() != null;
    this.base = base;
    timePhrase = refinement.time() != null ? time.phrase() : keptPhrase(Role.TIME_PHRASE, time == null ? null : time.id());
    weatherPhrase = refinement.weather() != null ? weather.phrase() : keptPhrase(Role.WEATHER_PHRASE, weather == null ? null : weather.id());
  }

  /** The English an idea in another language reads as; English as it is. */
  private String english(String text) {
    Glossary.Reading foreign = vocabulary.glossary.read(text);
    return foreign == null ? text : foreign.english();
  }

  static Situation resolve(ExpansionRequest request, Vocabulary vocabulary) {
    return new Situation(request, vocabulary);
  }

  /** Phrases of the prompt being refined that still hold; see {@link #valid}. */
  List<String> kept(Role role, String phase, TimeOfDay currentTime) {
    List<String> out = new ArrayList<>();
    for (KnownPhrase phrase : kept) {
      if (phrase.role() == role && valid(phrase, phase, currentTime)) {
        out.add(phrase.phrase());
      }
    }
    return out;
  }

  /** Whether a phrase kept from the prompt being refined still suits the time, weather and style now asked for. */
  private boolean valid(KnownPhrase phrase, String phase, TimeOfDay currentTime) {
    if (!phrase.suitsPhase(phase) || contradicted(phrase.phrase(), phase)) {
      return false;
    }
    return switch (phrase.role()) {
      case TIME_DETAIL, TIME_PHRASE -> currentTime != null && currentTime.id().equals(phrase.owner());
      case WEATHER_DETAIL, WEATHER_PHRASE -> weather != null && weather.id().equals(phrase.owner());
      case STYLE_TAG, STYLE_WORD -> styleId.equals(phrase.owner());
      case TECHNIQUE -> styleId.equals(phrase.owner()) && !photographic;
      case CAMERA -> photographic;
      default -> true;
    };
  }

  /** Whether a phrase would contradict what is asked: the time of day, the weather, or what to keep out. */
  boolean contradicted(String phrase, String phase) {
    // Asked for every candidate of every pool in every variation: each answer is worked out once per request.
    return contradictions.computeIfAbsent(phase + '\u0000' + phrase, k -> {
      Text text = vocabulary.text(phrase);
      return phase != null && vocabulary.contradictionsByPhase.get(phase).foundIn(text)
          || weather != null && vocabulary.contradictionsByWeather.get(weather.id()).foundIn(text)
          || exclusionTerms.foundIn(text)
          || monochrome && vocabulary.monochromeContradictions.foundIn(text);
    });
  }

  private String keptPhrase(Role role, String owner) {
    for (KnownPhrase phrase : kept) {
      if (phrase.role() == role && phrase.owner().equals(owner)) {
        return phrase.phrase();
      }
    }
    return null;
  }

  /** The time or weather whose phrases a base prompt uses, when its own words do not name one. */
  private static <T> T owner(BasePrompt base, Role phraseRole, Role detailRole, List<T> entries, Function<T, String> id) {
    if (base == null) {
      return null;
    }
    for (KnownPhrase phrase : base.known()) {
      if (phrase.role() == phraseRole || phrase.role() == detailRole) {
        for (T entry : entries) {
          if (id.apply(entry).equals(phrase.owner())) {
            return entry;
          }
        }
      }
    }
    return null;
  }

  private boolean outdoorByNature(Subject subject) {
    return subject.outdoor() != null ? subject.outdoor() : vocabulary.kind(subject.kind()).outdoor();
  }

  private String remove(Text text, List<Terms> replaced) {
    return text.without(spans(text, replaced), vocabulary.connectives, vocabulary.articles);
  }

  private static List<Text.Span> spans(Text text, List<Terms> terms) {
    List<Text.Span> spans = new ArrayList<>();
    terms.forEach(t -> spans.addAll(t.find(text)));
    return spans;
  }

  /** Whether two texts share a word that carries meaning (not "a", "the", "with"...). */
  private boolean sharesWord(Text a, Text b) {
    Set<String> words = new HashSet<>(b.words());
    return a.words().stream().anyMatch(w -> words.contains(w) && !vocabulary.fillers.isWord(w) && !vocabulary.connectives.isWord(w));
  }

  static <T> List<T> concat(List<T> first, List<T> second) {
    List<T> out = new ArrayList<>(first.size() + second.size());
    out.addAll(first);
    out.addAll(second);
    return out;
  }
}
