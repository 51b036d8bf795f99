package dev.visionary.expand.builtin;

import dev.visionary.expand.builtin.KnownPhrase.Role;
import dev.visionary.expand.builtin.Vocabulary.Subject;
import dev.visionary.expand.builtin.Vocabulary.TimeOfDay;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides what each variation says. Every variation keeps what the person wrote and takes its own lighting,
 * composition, mood, palette, lens or technique and details from the vocabulary, so no two read alike.
 */
final class ScenePlanner {
  // Weather details of something still coming down, which an idea set "after rain" does not want.
  private static final java.util.regex.Pattern STILL_FALLING =
      java.util.regex.Pattern.compile("streaking|falling|pouring|sheets of|lashing|drumming|driving|swirling|whirling");
  private static final java.util.regex.Pattern AXIS_VALUE_LEAD = java.util.regex.Pattern.compile("^(?:at|in the|in|during|on|under) ");

  private final Vocabulary vocabulary;

  ScenePlanner(Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  List<ScenePlan> plan(ExpansionRequest request) {
    Situation situation = Situation.resolve(request, vocabulary);
    // The idea joins the seed so that different ideas under one seed do not all get the same lighting and mood;
    // the refinement does not, so a refined prompt keeps the choices it does not change.
    Picks picks = new Picks(request.seed() * 31 + request.idea().hashCode());
    List<ScenePlan> plans = new ArrayList<>(request.count());
    // Axes earlier variations stand for, so a later one that took no value on its own axis does not repeat one.
    Set<String> axesTaken = new HashSet<>();
    for (int i = 0; i < request.count(); i++) {
      plans.add(variation(situation, picks, i, axesTaken));
    }
    return plans;
  }

  private ScenePlan variation(Situation s, Picks picks, int i, Set<String> axesTaken) {
    // The refined card itself changes only what the refinement names; other variations take fresh choices.
    boolean keep = s.refining && i == 0;
    SceneReading scene = s.scene;
    Conflicts conflicts = vocabulary.conflicts;
    // What this picture already implies; every pick must agree with it and then joins it.
    Set<String> taken = new HashSet<>(scene.tags());
    // A time or weather kept from a refined card is no longer among the words read: it still rules out what it
    // contradicts, unless it contradicts the picture itself (a clear sky refined to night keeps its stars).
    for (String kept : java.util.Arrays.asList(s.timePhrase, s.weatherPhrase)) {
      if (kept != null && conflicts.agree(conflicts.tags(kept, vocabulary), taken)) {
        take(kept, taken);
      }
    }
    String setting = first(s.kept(Role.SETTING, null, s.time));
    if (setting == null) {
      setting = picks.one("setting", fitting(s, s.settingCandidates, taken), i);
    }
    take(setting, taken);
    boolean outdoor = setting != null ? s.outdoorSettings.contains(setting) : s.outdoor;
    TimeOfDay time = s.time;
    String timePhrase = s.timePhrase;
    // A drawn or painted picture has no hour unless the idea names one: "at blue hour" is a photographer's light.
    boolean timeless = scene.graphic() || scene.has("design") || scene.has("indoor") && !scene.has("outdoor") || scene.has("underwater") || scene.has("space");
    if (time == null && outdoor && !timeless && !s.timeCandidates.isEmpty()) {
      List<TimeOfDay> times = new ArrayList<>();
      for (TimeOfDay t : s.timeCandidates) {
        if (fits(s, t.phrase(), taken) && t.details().stream().anyMatch(d -> fits(s, d, taken))) {
          times.add(t);
        }
      }
      time = picks.one("time", times, i);
      timePhrase = time == null ? null : time.phrase();
      take(timePhrase, taken);
    }
    String phase = time == null ? null : time.phase();
    Choices choices = new Choices(s, picks, i, phase, time, keep, taken, this);

    List<String> details = scene.graphic() ? choices.several("design", conflicts.file.designDetails(), 3) : details(s, choices, time);
    if (scene.givesLighting()) {
      // The person named the light: no detail brings another ("cool silvery moonlight" under "soft window light").
      List<String> own = new ArrayList<>(details);
      own.removeIf(d -> vocabulary.lighting.values().stream().anyMatch(pool -> pool.contains(d)));
      details = List.copyOf(own);
    }
    // The mood comes first: it follows the idea, and light and colour then take its temperature.
    String mood = s.givesMood || scene.graphic() ? null : choices.pick(Role.MOOD, "mood", moodsFor(scene));
    // A detail that already names the light ("cool silvery moonlight", "sunbeams slanting through the canopy") is the light.
    boolean lit = details.stream().anyMatch(d -> LIGHT_SOURCE.matcher(d).find());
    String lighting = scene.givesLighting() || scene.graphic() || lit ? choices.kept(Role.LIGHTING)
        : choices.pick(Role.LIGHTING, "lighting", without(lightingPool(s, phase, outdoor), details));
    // No palette where the medium has no colour, or where a detail already names the colours ("warm orange and pink hues").
    boolean coloured = details.stream().anyMatch(d -> conflicts.tags(d, vocabulary).contains("hue"));
    String palette = s.givesColor || scene.has("mono") || coloured ? choices.kept(Role.PALETTE)
        : choices.pick(Role.PALETTE, "palette", Situation.concat(phase == null ? List.of() : vocabulary.palettesFor(phase), vocabulary.palettesFor("any")));
    String composition = scene.graphic() ? choices.pick(Role.COMPOSITION, "composition", vocabulary.kind("design").compositions())
        : scene.givesLens() ? choices.kept(Role.COMPOSITION)
        : choices.pick(Role.COMPOSITION, "composition", s.kind.compositions());
    String camera = s.photographic
        ? scene.givesLens() ? choices.kept(Role.CAMERA) : choices.pick(Role.CAMERA, "camera", without(s.kind.cameras(), composition == null ? List.of() : List.of(composition)))
        : choices.pick(Role.TECHNIQUE, "technique", s.style.techniques());
    List<String> styleWords = s.kept(Role.STYLE_WORD, phase, time);
    if (styleWords.isEmpty()) {
      styleWords = choices.several("style-words", s.style.words(), 2);
    }
    List<String> qualityPool = choices.usable(vocabulary.quality.get(s.photographic ? "photo" : "art"));
    qualityPool.removeAll(styleWords);
    List<String> quality = picks.several("quality", qualityPool, i, 2);

    Set<String> negatives = new LinkedHashSet<>(vocabulary.commonNegatives);
    negatives.addAll(s.kind.negatives());
    negatives.addAll(s.style.negatives());
    if (scene.textToRender() != null || scene.graphic()) {
      negatives.removeIf(n -> n.equals("text") || n.equals("logo") || n.equals("typography") || n.equals("lettering"));
    }
    if (scene.has("people") || scene.has("animals")) {
      negatives.removeIf(n -> !fits(s, n, scene.tags()));
    }
    List<String> exclusions = new ArrayList<>(s.exclusions);
    String lead = s.styleInIdea || s.mediumInIdea ? null : s.style.lead();
    String tag = s.styleInIdea || s.mediumInIdea ? null : s.style.tag();
    List<Integer> stylize = s.style.stylize();
    List<Integer> chaos = vocabulary.midjourney.chaos();
    String aspect = picks.one("aspect", s.kind.aspects(), i);
    int stylizeValue = picks.between("stylize", i, stylize.get(0), stylize.get(1));
    int chaosValue = picks.between("chaos", i, chaos.get(0), chaos.get(1));
    if (keep) {
      aspect = s.base.aspect() != null ? s.base.aspect() : aspect;
      stylizeValue = s.base.stylize() != null ? s.base.stylize() : stylizeValue;
      chaosValue = s.base.chaos() != null ? s.base.chaos() : chaosValue;
    }
    return new ScenePlan(s.subject, s.anchors, s.additions, setting, timePhrase, s.weatherPhrase, details, lighting,
        palette, composition, mood, camera, lead, tag, styleWords, quality, List.copyOf(exclusions), List.copyOf(negatives),
        s.stated, aspect, stylizeValue, chaosValue, scene.negated(), scene.textToRender(),
        keep ? null : explores(i, openAxes(s, outdoor && !timeless), axesTaken, s.time == null ? timePhrase : null, palette, composition,
            lighting, mood, camera));
  }

  /**
   * The choices the idea leaves open, in the order variations take them: time of day, palette, framing, light,
   * mood, medium. Decided once for the request, so variation i stands for the i-th open axis whatever the
   * others happened to pick; what the person fixed is no axis.
   */
  private List<String> openAxes(Situation s, boolean timeOpen) {
    SceneReading scene = s.scene;
    List<String> open = new ArrayList<>(6);
    if (s.time == null && timeOpen) {
      open.add("time of day");
    }
    if (!s.givesColor) {
      open.add("palette");
    }
    if (!scene.givesLens()) {
      open.add("framing");
    }
    if (!scene.givesLighting() && !scene.graphic()) {
      open.add("light");
    }
    if (!s.givesMood && !scene.graphic() && !moodsFor(scene).isEmpty()) {
      open.add("mood");
    }
    if (!s.photographic && !s.styleInIdea && !s.mediumInIdea) {
      open.add("medium");
    }
    return open;
  }

  /**
   * This variation's axis, named with the value it took. When it took none on its own axis, the next open axis
   * that no earlier variation stands for takes its place; only when all are taken may one repeat.
   */
  private static String explores(int i, List<String> open, Set<String> taken, String time, String palette, String composition,
                                 String lighting, String mood, String technique) {
    String repeat = null;
    for (int k = 0; k < open.size(); k++) {
      String axis = open.get((i + k) % open.size());
      String value = switch (axis) {
        case "time of day" -> time;
        case "palette" -> palette;
        case "framing" -> composition;
        case "light" -> lighting;
        case "mood" -> mood;
        default -> technique;
      };
      if (value == null) {
        continue;
      }
      String label = axis + " — " + AXIS_VALUE_LEAD.matcher(value).replaceFirst("");
      if (taken.add(axis)) {
        return label;
      }
      repeat = repeat == null ? label : repeat;
    }
    return repeat;
  }

  /** Moods that answer something the idea already feels like (calm, cheerful, gloomy, lively, grand, cozy): none at random. */
  private List<String> moodsFor(SceneReading scene) {
    List<String> out = new ArrayList<>();
    List<String> feelings = vocabulary.conflicts.file.moodTags();
    for (String mood : vocabulary.moodPhrases()) {
      for (String tag : vocabulary.conflicts.tags(mood, vocabulary)) {
        if (feelings.contains(tag) && scene.has(tag)) {
          out.add(mood);
          break;
        }
      }
    }
    return out;
  }

  /** Whether a phrase agrees with the picture so far: no conflicting implication, nothing the idea negates. */
  boolean fits(Situation s, String phrase, Set<String> taken) {
    if (phrase == null) {
      return true;
    }
    Conflicts conflicts = vocabulary.conflicts;
    Set<String> tags = conflicts.tags(phrase, vocabulary);
    SceneReading scene = s.scene;
    for (String tag : tags) {
      if (scene.forbidden().contains(tag)) {
        return false;
      }
    }
    if (!conflicts.agree(tags, tags) || !conflicts.agree(tags, taken)) {
      return false;
    }
    if (!scene.negated().isEmpty()) {
      for (String word : vocabulary.text(phrase).words()) {
        for (String form : Terms.baseForms(word)) {
          if (scene.negated().contains(form)) {
            return false;
          }
        }
      }
    }
    return true;
  }

  private List<String> fitting(Situation s, List<String> candidates, Set<String> taken) {
    List<String> out = new ArrayList<>(candidates.size());
    for (String candidate : candidates) {
      if (fits(s, candidate, taken)) {
        out.add(candidate);
      }
    }
    return out;
  }

  private void take(String phrase, Set<String> taken) {
    if (phrase != null) {
      taken.addAll(vocabulary.conflicts.tags(phrase, vocabulary));
    }
  }

  private static boolean creature(Subject subject) {
    return subject.kind().equals("animal") || subject.kind().equals("person") || subject.kind().equals("creature");
  }

  /**
   * The one-word name the idea gives a second creature ("dog" in "a sleeping dog"), or null when it names many or
   * none, or when the word is the first creature's own ("woman" in "an elderly woman" is the same person).
   */
  private static String ownerNoun(Subject subject, Subject primary, Text stated) {
    List<String> words = stated.words();
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      if (subject.triggers().contains(word) && !word.endsWith("s")) {
        return i > 0 && primary.triggers().contains(words.get(i - 1)) ? null : word;
      }
    }
    return null;
  }

  /** "a gently rising flank" as the dog's: "the dog's gently rising flank". */
  static String possessive(String owner, String detail) {
    if (owner == null) {
      return detail;
    }
    String bare = detail.replaceFirst("^(?:a|an|the) ", "");
    return "the " + owner + "'s " + bare;
  }

  /** What belongs with the subject, the time of day and the weather, each variation taking different ones. */
  private List<String> details(Situation s, Choices choices, TimeOfDay time) {
    Set<String> details = new LinkedHashSet<>(s.kept(Role.SUBJECT_DETAIL, choices.phase, time));
    boolean fresh = details.isEmpty();
    if (s.primary != null) {
      Subject primary = s.primary;
      // The kind's generic details ("a lifelike pose") only stand in when the subject has none of its own.
      List<String> pool = primary.details().isEmpty() ? vocabulary.kind(primary.kind()).details() : primary.details();
      boolean several = several(primary, s.stated);
      if (s.scene.has("group")) {
        // "a fox and a rabbit": a detail about one animal's "its" would make them one.
        pool = pool.stream().filter(d -> !vocabulary.text(d).words().contains("its")).toList();
      }
      if (several) {
        pool = forMany(pool);
      }
      int count = choices.phase == null ? 3 : 2;
      if (fresh) {
        // "A snowman melting" is about the melting: its drips and puddle come before its scarf.
        List<String> state = stateDetails(primary, s.stated);
        if (several) {
          state = forMany(state);
        }
        List<String> said = choices.several("state:" + primary.id(), state, Math.min(2, count));
        details.addAll(said);
        count -= said.size();
        pool = without(pool, said);
      }
      details.addAll(choices.several("detail:" + primary.id(), pool, fresh ? count : choices.keep ? 0 : 1));
      if ((fresh || s.timeChanged) && choices.phase != null) {
        List<String> phased = choices.phase.equals("night") ? primary.nightDetails() : primary.dayDetails();
        details.addAll(choices.several("phased:" + primary.id(), phased, 1));
      }
      if (fresh) {
        for (Subject other : s.others) {
          if (describedWithin(primary, other)) {
            List<String> state = stateDetails(other, s.stated);
            // "a cat sitting on a sleeping dog": the first creature's details are read as its own, so the second's
            // say whose they are ("the dog's gently rising flank").
            String otherOwner = creature(primary) && creature(other) && !other.id().equals(primary.id()) ? ownerNoun(other, primary, s.stated) : null;
            for (String d : choices.several("detail:" + other.id(), state.isEmpty() ? other.details() : state, 1)) {
              details.add(otherOwner == null ? d : possessive(otherOwner, d));
            }
          }
        }
      }
    }
    // Nothing known about the subject: say nothing rather than "rich textures" and "a clear focal point".
    List<String> seasonal = fresh && s.season != null ? choices.several("season:" + s.season.id(), s.season.details(), 1) : List.of();
    if (s.season != null) {
      // "in spring" keeps out autumn leaves and snow, whichever subject would have brought them.
      Terms otherSeasons = Terms.of(s.season.contradictions());
      details.removeIf(d -> otherSeasons.foundIn(Text.of(d)));
    }
    List<String> keptTime = s.kept(Role.TIME_DETAIL, choices.phase, time);
    details.addAll(keptTime);
    if (time != null && keptTime.isEmpty()) {
      // A time the person named deserves more of its details than one the engine picked.
      details.addAll(choices.several("time:" + time.id(), time.details(), s.time != null ? 2 : 1));
    }
    List<String> keptWeather = s.kept(Role.WEATHER_DETAIL, choices.phase, time);
    details.addAll(keptWeather);
    if (s.weather != null && keptWeather.isEmpty()) {
      List<String> pool = s.weather.details();
      if (s.weatherPassed) {
        pool = pool.stream().filter(d -> !STILL_FALLING.matcher(d).find()).toList();
      }
      details.addAll(choices.several("weather:" + s.weather.id(), pool, 2));
    }
    // The season comes second, so a dialect that keeps only the first details still says it.
    List<String> ordered = new ArrayList<>(details);
    ordered.removeAll(seasonal);
    ordered.addAll(Math.min(1, ordered.size()), seasonal);
    return List.copyOf(ordered);
  }

  /** The details that can speak of several at once, in the plural. */
  private List<String> forMany(List<String> details) {
    // "three kittens": "its" would make them one, and "a delicate pink nose" would give the three of them one nose.
    return details.stream().filter(d -> !vocabulary.text(d).words().contains("its")).map(ScenePlanner::ofEach).toList();
  }

  private static final Set<String> COUNTS = Set.of("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
      "dozen", "several", "many", "some", "few");

  /** Whether the idea counts more than one of the subject: "three kittens", "two puppies" (not "sunflowers in a vase"). */
  private static boolean several(Subject subject, Text stated) {
    List<String> words = stated.words();
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      for (String trigger : subject.triggers()) {
        if ((word.equals(trigger) || word.equals(trigger + "s") || word.equals(trigger + "es")) && i > 0 && COUNTS.contains(words.get(i - 1))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The details for a state the idea puts right beside the subject ("a snowman melting", "a sleeping dog"), or
   * none: in "a cat sitting on a sleeping dog" the sleeping belongs to the dog, not the cat.
   */
  private static List<String> stateDetails(Subject subject, Text stated) {
    if (subject.states().isEmpty()) {
      return List.of();
    }
    List<String> words = stated.words();
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      if (subject.triggers().stream().noneMatch(t -> word.equals(t) || word.equals(t + "s") || word.equals(t + "es"))) {
        continue;
      }
      for (int j = Math.max(0, i - 2); j <= Math.min(words.size() - 1, i + 2); j++) {
        for (var state : subject.states().entrySet()) {
          if (j != i && words.get(j).startsWith(state.getKey())) {
            return state.getValue();
          }
        }
      }
    }
    return List.of();
  }

  // Where a detail's head noun ends: "a ball of yarn", "a coat with a white blaze".
  private static final java.util.regex.Pattern AFTER_HEAD = java.util.regex.Pattern.compile(
      " (?:of|with|on|in|at|under|over|between|from|by|against|around|beside|behind|near|above|below|into|to)\\b");

  /** "a delicate pink nose" as it reads for a group, "delicate pink noses"; a detail without "a" stays as it is. */
  static String ofEach(String detail) {
    String lower = detail.toLowerCase(java.util.Locale.ROOT);
    int article = lower.startsWith("a ") ? 2 : lower.startsWith("an ") ? 3 : 0;
    if (article == 0) {
      return detail;
    }
    String rest = detail.substring(article);
    java.util.regex.Matcher after = AFTER_HEAD.matcher(rest);
    boolean phrase = after.find();
    int end = phrase ? after.start() : rest.length();
    int start = rest.lastIndexOf(' ', end - 1) + 1;
    // A past participle before a preposition describes the noun before it: "a tail curled over the nose" gives
    // "tails curled over the nose". Only then: "a striped awning", "a light dusting of flour", "a gold earring" end in nouns.
    String last = rest.substring(start, end);
    if (phrase && start > 0 && last.length() > 4 && last.endsWith("ed")) {
      end = start - 1;
      start = rest.lastIndexOf(' ', end - 1) + 1;
    }
    return rest.substring(0, start) + plural(rest.substring(start, end)) + rest.substring(end);
  }

  private static String plural(String noun) {
    if (noun.matches(".*[^aeiou]y")) {
      return noun.substring(0, noun.length() - 1) + "ies";
    }
    if (noun.matches(".*(?:s|sh|ch|x|z)")) {
      return noun + "es";
    }
    if (noun.matches(".*(?:[^f]f|fe)") && !noun.endsWith("roof")) {
      return noun.replaceAll("fe?$", "ves");
    }
    return noun + "s";
  }

  /**
   * Whether a second subject's details belong in the picture of the first: a reading nook in a lighthouse shows
   * no cliffs and surf, and a marketplace's children are a crowd, not faces with catchlights.
   */
  private static boolean describedWithin(Subject primary, Subject other) {
    boolean place = primary.kind().equals("scene") || primary.kind().equals("interior");
    // A framing word ("the loneliness of a diner") has nothing to show once something else leads.
    return !Boolean.FALSE.equals(other.leads()) && !(primary.kind().equals("interior") && other.kind().equals("scene")) && !(place && other.kind().equals("person"));
  }

  private List<String> lightingPool(Situation s, String phase, boolean outdoor) {
    List<String> any = vocabulary.lightingFor("any");
    if (!s.kind.lighting().isEmpty()) {
      return Situation.concat(s.kind.lighting(), any);
    }
    if (phase != null) {
      return Situation.concat(vocabulary.lightingFor(phase), any);
    }
    return !outdoor && !s.namesScene ? Situation.concat(vocabulary.lightingFor("indoor"), any) : any;
  }

  /**
   * The pool less what is already said, and less anything sharing a telling word with it, so no light is named
   * twice ("cool silvery moonlight" then "moonlight breaking through clouds") and no camera repeats the framing
   * ("an eye-level shot" then "a 50mm lens at eye level").
   */
  private List<String> without(List<String> pool, List<String> said) {
    Set<String> telling = new HashSet<>();
    said.forEach(phrase -> telling.addAll(tellingWords(phrase)));
    List<String> out = new ArrayList<>(pool.size());
    for (String candidate : pool) {
      if (!said.contains(candidate) && java.util.Collections.disjoint(telling, tellingWords(candidate))) {
        out.add(candidate);
      }
    }
    return out;
  }

  /** Whether a phrase names something one of the chosen phrases already names. */
  private boolean namesAny(List<String> chosen, String phrase) {
    for (String other : chosen) {
      if (!java.util.Collections.disjoint(tellingWords(other), tellingWords(phrase))) {
        return true;
      }
    }
    return false;
  }

  /** Base forms of the words that name something ("moonlight", "eye", "level"), not the ones every phrase shares. */
  private Set<String> tellingWords(String phrase) {
    return telling.computeIfAbsent(phrase, this::tellingWordsOf);
  }

  private final java.util.Map<String, Set<String>> telling = new java.util.concurrent.ConcurrentHashMap<>();

  private Set<String> tellingWordsOf(String phrase) {
    Set<String> out = new HashSet<>();
    for (String word : vocabulary.text(phrase).words()) {
      if (word.length() > 2 && !COMMON.contains(word) && !vocabulary.connectives.isWord(word) && !vocabulary.fillers.isWord(word)) {
        out.addAll(Terms.baseForms(word));
      }
    }
    return out;
  }

  private static final java.util.regex.Pattern LIGHT_SOURCE = java.util.regex.Pattern.compile(
      "\\b(?:moonlight|starlight|sunlight|candlelight|lamplight|torchlight|firelight|sunbeams|backlight)\\b");

  private static final Set<String> COMMON = Set.of("light", "lighting", "soft", "warm", "cool", "gentle", "bright", "glowing",
      "deep", "the", "and", "with", "shot", "view", "lens", "camera", "subject", "background", "scene", "across");

  private static String first(List<String> list) {
    return list.isEmpty() ? null : list.get(0);
  }

  /** The choices of one variation, keeping out whatever would contradict the request or repeat the base prompt. */
  private static final class Choices {
    private final Situation situation;
    private final Picks picks;
    private final int index;
    private final String phase;
    private final TimeOfDay time;
    private final boolean keep;
    private final Set<String> taken;
    private final ScenePlanner planner;

    Choices(Situation situation, Picks picks, int index, String phase, TimeOfDay time, boolean keep, Set<String> taken,
            ScenePlanner planner) {
      this.situation = situation;
      this.taken = taken;
      this.planner = planner;
      this.picks = picks;
      this.index = index;
      this.phase = phase;
      this.time = time;
      this.keep = keep;
    }

    String pick(Role role, String pool, List<String> candidates) {
      if (keep) {
        List<String> kept = situation.kept(role, phase, time);
        if (!kept.isEmpty()) {
          return kept.get(0);
        }
      }
      String chosen = picks.one(pool, fresh(candidates), index);
      planner.take(chosen, taken);
      return chosen;
    }

    /** What the prompt being refined said in this role, kept on its own card; nothing new otherwise. */
    String kept(Role role) {
      if (!keep) {
        return null;
      }
      List<String> kept = situation.kept(role, phase, time);
      return kept.isEmpty() ? null : kept.get(0);
    }

    /** {@code k} items that agree with the picture and with each other. */
    List<String> several(String pool, List<String> candidates, int k) {
      List<String> out = new ArrayList<>(k);
      List<String> usable = fresh(candidates);
      List<String> order = new ArrayList<>(picks.several(pool, usable, index, k));
      order.addAll(picks.several(pool, usable, index, usable.size()));
      // The variation's own picks come first; later items only stand in for ones that conflict, or that name
      // what another already names ("wise gentle eyes" and "expressive eyes", two phrases of petals).
      for (String candidate : order) {
        if (out.size() == k) {
          break;
        }
        if (planner.fits(situation, candidate, taken) && !planner.namesAny(out, candidate)) {
          out.add(candidate);
          planner.take(candidate, taken);
        }
      }
      return out;
    }

    List<String> usable(List<String> candidates) {
      List<String> out = new ArrayList<>(candidates.size());
      for (String candidate : candidates) {
        if (!situation.contradicted(candidate, phase) && planner.fits(situation, candidate, taken)) {
          out.add(candidate);
        }
      }
      return out;
    }

    /** Usable and not already in the prompt being refined, so "more like this" brings something new. */
    private List<String> fresh(List<String> candidates) {
      List<String> out = usable(candidates);
      out.removeIf(c -> situation.used.contains(c.toLowerCase(Locale.ROOT)));
      return out;
    }
  }
}
