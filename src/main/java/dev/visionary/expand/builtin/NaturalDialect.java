package dev.visionary.expand.builtin;

import dev.visionary.prompt.Target;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A descriptive paragraph, for models that read natural language (DALL·E, GPT Image, Runway and most others):
 * the subject first, then its details, light, framing, mood and finish, one short sentence each. When the
 * paragraph would pass the target's limit, the least important sentences go first.
 */
final class NaturalDialect implements Dialect {
  private static final java.util.regex.Pattern PHOTOGRAPHIC =
      java.util.regex.Pattern.compile("lens|camera|shutter|exposure|focus|filter|telescope|astrophotography|panning|mm\\b");

  private final Target target;

  NaturalDialect(Target target) {
    this.target = target;
  }

  @Override
  public ExpansionResult render(ScenePlan plan) {
    Draft draft = new Draft(plan);
    String text = draft.write();
    for (int step = 0; text.length() > target.maxChars() && draft.shorten(step); step++) {
      text = draft.write();
    }
    List<String> warnings = new ArrayList<>();
    if (text.length() > target.maxChars()) {
      text = cut(text, target.maxChars());
      warnings.add(String.format("%s reads at most %,d characters: the idea was cut to fit.", target.label(), target.maxChars()));
    }
    return new ExpansionResult(text, null, null, warnings);
  }

  /** Cuts at the last space that fits, so no word is left half-written. */
  private static String cut(String text, int max) {
    int space = text.lastIndexOf(' ', max - 1);
    String kept = text.substring(0, space > 0 ? space : max - 1);
    return kept.replaceAll("[\\s,;:]+$", "") + "…";
  }

  /** The paragraph's parts, which can be left out one group at a time. */
  private static final class Draft {
    private static final Set<String> DETERMINERS = Set.of("a", "an", "the", "this", "that", "these", "those", "my", "your",
        "his", "her", "its", "our", "their", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "some", "many", "several", "few", "every", "each", "no", "ein", "eine", "einen", "der", "die", "das", "un", "une", "le",
        "la", "les", "el", "los", "las", "il", "lo", "gli", "uma", "um", "o", "os", "as", "de", "del", "una", "uno", "unos", "unas",
        "des", "l", "i", "kein", "keine");
    // Nouns that take no article: "street photography of…", not "a street photography of…".
    private static final Set<String> UNCOUNTED = Set.of("photography", "art", "artwork", "light", "rain", "fog", "snow", "water",
        "sound", "loneliness", "silence", "music", "architecture", "typography", "design", "nature", "sunlight");

    private final ScenePlan plan;
    private final List<String> details;
    private final List<String> finish = new ArrayList<>();
    private final int turn;
    private String lighting;
    private String palette;
    private String composition;
    private String camera;
    private String mood;

    Draft(ScenePlan plan) {
      this.plan = plan;
      details = new ArrayList<>(plan.details());
      // Natural-language models want a description, not quality tags: only the style's own words finish it.
      finish.addAll(plan.styleWords());
      lighting = plan.lighting();
      palette = plan.palette();
      composition = plan.composition();
      camera = plan.camera();
      mood = plan.mood();
      // Which of the equivalent phrasings this variation uses, so paragraphs do not share one skeleton.
      turn = Math.floorMod(plan.stylize() * 7 + plan.chaos() * 3 + plan.subject().length(), 60);
    }

    String write() {
      List<String> sentences = new ArrayList<>();
      // Details that carry a verb ("clouds drifting across the summits") become sentences of their own
      // ("Clouds are drifting across the summits"); the rest are things seen, two of which join the opening.
      List<String> actions = new ArrayList<>();
      List<String> things = new ArrayList<>();
      for (String detail : details) {
        String action = action(detail);
        if (action == null) {
          things.add(detail);
        } else {
          actions.add(action);
        }
      }
      // Unless the opening carries words kept from a prompt being refined.
      boolean bare = plan.anchors().isEmpty() && plan.additions().isEmpty();
      List<String> near = bare ? things.subList(0, Math.min(2, things.size())) : List.of();
      List<String> rest = things.subList(near.size(), things.size());
      sentences.add(near.isEmpty() ? opening() : opening() + ", with " + and(near));
      if (plan.textToRender() != null) {
        sentences.add(written(plan.textToRender()));
      }
      for (int i = 0; i < actions.size(); i += 2) {
        sentences.add(i + 1 < actions.size() ? actions.get(i) + (turn(i, 2) == 0 ? ", and " : ", while ") + actions.get(i + 1) : actions.get(i));
      }
      sentences.addAll(restOf(rest));
      sentences.add(light());
      sentences.add(framing());
      sentences.add(mood == null ? "" : switch (turn(3, 5)) {
        case 0 -> "capture " + mood;
        case 1 -> mood + " throughout";
        case 2 -> "aim for " + mood;
        case 3 -> "convey " + mood;
        default -> "the scene holds " + mood;
      });
      sentences.add(finish.isEmpty() ? "" : and(finish));
      if (!plan.exclusions().isEmpty()) {
        sentences.add("without " + String.join(" and ", plan.exclusions()));
      }
      // Phrases kept from a prompt being refined keep their form: sentences stay sentences, clauses join the first.
      for (String anchor : plan.anchors()) {
        if (Character.isUpperCase(anchor.codePointAt(0))) {
          sentences.add(1, anchor);
        }
      }
      StringBuilder out = new StringBuilder();
      for (String sentence : sentences) {
        if (sentence.isBlank()) {
          continue;
        }
        boolean first = out.length() == 0;
        out.append(first ? "" : " ").append(first ? sentence : capitalized(sentence));
        if (".!?…".indexOf(sentence.charAt(sentence.length() - 1)) < 0) {
          out.append('.');
        }
      }
      return out.toString();
    }

    /** Which of {@code n} equivalent phrasings a slot uses in this variation; slots turn independently. */
    private int turn(int slot, int n) {
      int mixed = turn * 0x9E3779B1 + slot * 0x85EBCA6B;
      return Math.floorMod(mixed ^ mixed >>> 15, n);
    }

    /** The words the picture must show, exactly as typed. */
    private String written(String words) {
      return switch (turn(0, 3)) {
        case 0 -> "the words \"" + words + "\" appear in clear, legible lettering";
        case 1 -> "the lettering reads \"" + words + "\", crisp and legible";
        default -> "\"" + words + "\" is written in clear, readable letters";
      };
    }

    /**
     * Things seen that did not join the opening, introduced a different way in each variation, then what the air
     * or the light does: "Notice a quiet pond, and soft mist hangs in the air".
     */
    private List<String> restOf(List<String> rest) {
      // A mood of the air or the light is not something to look for ("notice a quiet stillness"): it does what such
      // air does ("a quiet stillness settles over everything", "long gentle shadows add depth").
      Map<AirVerb, List<String>> air = new LinkedHashMap<>();
      List<String> seen = new ArrayList<>();
      for (String r : rest) {
        AirVerb verb = AirVerb.of(r);
        if (verb == null) {
          seen.add(r);
          continue;
        }
        List<String> same = air.computeIfAbsent(verb, v -> new ArrayList<>());
        // One sky, one set of shadows: "a clear bright sky and a cloudless sky stretch overhead" says it twice.
        if (same.stream().noneMatch(other -> AirVerb.head(other).equals(AirVerb.head(r)))) {
          same.add(r);
        }
      }
      List<String> does = new ArrayList<>();
      air.forEach((verb, items) -> does.add(and(items) + " " + verb.say(items.size() > 1 || pluralSubject(items.get(0)))));
      List<String> out = new ArrayList<>();
      if (!seen.isEmpty() && does.size() == 1) {
        return List.of("notice " + and(seen) + ", and " + does.get(0));
      }
      if (!seen.isEmpty()) {
        boolean plural = seen.size() > 1 || pluralSubject(seen.get(0));
        out.add(switch (turn(1, 4)) {
          case 0 -> "notice " + and(seen);
          case 1 -> "you also see " + and(seen);
          case 2 -> and(seen) + (plural ? " are visible" : " is visible");
          // "There is also the dog's wagging tail" reads wrong: a thing already known is seen, not announced. Nor is a
          // list: readers stumble on "there are also a steeple and …" and on "there is also a steeple and …" alike.
          default -> seen.size() > 1 || seen.get(0).startsWith("the ") ? "you also see " + and(seen)
              : (pluralSubject(seen.get(0)) ? "there are also " : "there is also ") + seen.get(0);
        });
      }
      for (int i = 0; i < does.size(); i += 2) {
        out.add(i + 1 < does.size() ? does.get(i) + ", and " + does.get(i + 1) : does.get(i));
      }
      return out;
    }

    /** Light and colour in one sentence, in one of several natural shapes. */
    private String light() {
      if (lighting == null && palette == null) {
        return "";
      }
      int shape = turn(2, 5);
      // "Lit by", "bathed in" and "the light is" want a light ("soft window light"), not an effect of one
      // ("strong contrast between light and shadow").
      if (lighting != null && !LIGHT_NOUN.matcher(lighting).find() && (shape == 1 || shape == 2 || shape == 3)) {
        shape = palette == null ? 0 : shape == 2 ? 2 : 4;
      }
      // Not "lit by soft even lighting": a phrase ending in "lighting" takes another shape.
      if (lighting != null && lighting.endsWith("lighting") && (shape == 1 || palette != null && shape == 3)) {
        shape = palette == null ? 3 : 0;
      }
      if (palette == null) {
        return switch (shape) {
          case 1 -> "lit by " + lighting;
          case 2 -> "bathed in " + lighting;
          case 3 -> lighting + (pluralSubject(lighting) ? " fall" : " falls") + " across the scene";
          default -> lighting;
        };
      }
      if (lighting == null) {
        return switch (shape) {
          case 1 -> "rendered in " + palette;
          case 2 -> palette.endsWith("colors") ? "everything in " + palette : "colors lean toward " + palette;
          case 3 -> palette + " throughout";
          default -> "everything in " + palette;
        };
      }
      return switch (shape) {
        case 0 -> lighting + ", in " + palette;
        case 1 -> palette + " under " + lighting;
        case 2 -> lighting + (pluralSubject(lighting) ? " bring out " : " brings out ") + palette;
        case 3 -> "lit by " + lighting + ", in " + palette;
        default -> lighting + ", with " + palette;
      };
    }

    private String framing() {
      String how = null;
      if (camera != null) {
        how = camera.startsWith("shot ") ? camera : PHOTOGRAPHIC.matcher(camera).find() && !camera.contains("shot") ? "shot with " + camera : "with " + camera;
      }
      if (composition == null) {
        // Alone, a technique is its own phrase ("A cutaway cross-section."), not a dangling "With a cutaway…".
        return how == null ? "" : how.startsWith("with ") ? camera : how;
      }
      // "An eye-level shot, shot with…" reads twice: the second takes another verb.
      if (how != null && how.startsWith("shot with ") && composition.contains("shot")) {
        how = "taken with " + how.substring("shot with ".length());
      }
      return how == null ? composition : composition + ", " + how;
    }

    /** Leaves out the next least important group; false when nothing optional is left. */
    boolean shorten(int step) {
      switch (step) {
        case 0 -> finish.clear();
        case 1 -> mood = null;
        case 2 -> palette = null;
        case 3 -> camera = null;
        case 4 -> details.subList(Math.min(1, details.size()), details.size()).clear();
        case 5 -> composition = null;
        case 6 -> lighting = null;
        case 7 -> details.clear();
        default -> {
          return false;
        }
      }
      return true;
    }

    /** "A watercolor painting of a beach sunset, a red kite" — the lead, the person's words, then additions. */
    private String opening() {
      String subject = plan.subjectPhrase();
      String lead = plan.styleLead();
      StringBuilder opening = new StringBuilder();
      if (lead != null) {
        opening.append(capitalized(lead)).append(subject.isEmpty() ? "" : " ").append(withArticle(subject));
      } else {
        // The person's words open the paragraph as typed, but with the capital letter a sentence starts with.
        opening.append(capitalized(plan.subject().isEmpty() ? subject : withArticle(subject)));
      }
      List<String> clauses = new ArrayList<>(plan.additions());
      plan.anchors().stream().filter(a -> !Character.isUpperCase(a.codePointAt(0))).forEach(clauses::add);
      for (String clause : clauses) {
        opening.append(opening.length() == 0 ? "" : ", ").append(clause);
      }
      return opening.toString();
    }

    /** "a photograph of a cat", never "of cat": a singular noun after a lead takes its article. */
    static String withArticle(String subject) {
      int space = subject.indexOf(' ');
      String first = (space < 0 ? subject : subject.substring(0, space)).toLowerCase(Locale.ROOT);
      if (first.isEmpty() || !Character.isLetter(first.codePointAt(0)) || DETERMINERS.contains(first)
          || first.endsWith("s") && !first.endsWith("ss") || first.endsWith("'s") || first.matches("\\d.*")
          || !Character.isLowerCase(subject.codePointAt(0)) || uncounted(subject)) {
        return subject;
      }
      return ("aeiou".indexOf(first.charAt(0)) >= 0 ? "an " : "a ") + subject;
    }
  }

  /** The verbs a sentence of things seen or of the air ends on, one thing's and several's, older cards' included. */
  private static final List<List<String>> TAIL_FORMS = Stream.concat(
      Arrays.stream(AirVerb.values()).map(v -> List.of(v.one, v.many)),
      Stream.of(List.of("is visible", "are visible"), List.of("completes the picture", "complete the picture"),
          List.of("sets the scene", "set the scene"))).toList();

  /** Any of those endings: how a card's sentence is read back into its phrases. */
  static final String TAILS = TAIL_FORMS.stream().flatMap(List::stream).distinct().map(Pattern::quote).collect(Collectors.joining("|"));

  /** An ending said again of one thing or of several, when a change leaves a sentence fewer things than it had. */
  static String agree(String tail, boolean plural) {
    String verb = tail.strip();
    for (List<String> forms : TAIL_FORMS) {
      if (forms.contains(verb)) {
        return tail.substring(0, tail.indexOf(verb)) + forms.get(plural ? 1 : 0);
      }
    }
    return tail;
  }

  /**
   * What a quality of the air or the light does in the scene, by the last word of its phrase, said of one thing or
   * of several ("settles"/"settle"). A frame fitted to the phrase, where a stock one ("… completes the picture")
   * read the same on every prompt.
   */
  enum AirVerb {
    SETTLES("stillness|hush|silence|calm|quiet|twilight", "settles over everything", "settle over everything"),
    DEEPENS("shadows?|darkness", "adds depth", "add depth"),
    TINTS("colou?rs|tones|hues", "sets the palette", "set the palette"),
    PALETTE("palette", "runs throughout", "run throughout"),
    WASHES("lights?|lighting|glow|moonlight|starlight|sunlight", "spills over everything", "spill over everything"),
    HANGS("haze|mist", "hangs in the air", "hang in the air"),
    STRETCHES("sky", "stretches overhead", "stretch overhead"),
    SHOWS("sense", "comes through", "come through"),
    LINGERS("air|atmosphere|warmth", "lingers", "linger");

    // What a phrase names is its last word before what places or qualifies it: "crisp silhouettes against the
    // fading sky" are silhouettes, "a vast sense of scale" a sense.
    private static final Pattern QUALIFIER = Pattern.compile(" (?:of|in|against|under|from|through|across|over|on|at|with|between|along|behind|beyond|above|below|into|onto|around) .*$");

    private final Pattern head;
    private final String one;
    private final String many;

    AirVerb(String heads, String one, String many) {
      this.head = Pattern.compile("\\b(?:" + heads + ")$");
      this.one = one;
      this.many = many;
    }

    /** The frame for a quality of the air or the light, or null for a thing seen. */
    static AirVerb of(String phrase) {
      String named = named(phrase);
      for (AirVerb verb : values()) {
        if (verb.head.matcher(named).find()) {
          // A light that is somewhere ("dappled light under the awnings") is seen there, not washed over everything.
          return verb == WASHES && !named.equals(phrase.toLowerCase(Locale.ROOT)) ? null : verb;
        }
      }
      return null;
    }

    String say(boolean plural) {
      return plural ? many : one;
    }

    /** The word a phrase names: "sky" for "a clear bright sky", "shadows" for "long shadows across the sand". */
    static String head(String phrase) {
      String named = named(phrase);
      return named.substring(named.lastIndexOf(' ') + 1);
    }

    /** The phrase without what places or qualifies it, in lower case. */
    private static String named(String phrase) {
      return QUALIFIER.matcher(phrase.toLowerCase(Locale.ROOT)).replaceFirst("");
    }
  }

  // After a verb's -ing form comes a place, an object or nothing ("drifting across the summits", "lifting");
  // after an adjective's comes a noun ("overlapping layers"), which keeps the phrase a thing seen.
  // A phrase that names a light: its head ("soft window light", "a glow from distant lights") is a light.
  private static final java.util.regex.Pattern LIGHT_NOUN = java.util.regex.Pattern.compile(
      "^(?:(?! of | from | through | between | breaking | separating ).)*(?:light|lighting|glow|rays|chiaroscuro|sun)(?: (?:of|from|through|breaking|separating) .*)?$");
  private static final Set<String> AFTER_VERB = Set.of("the", "a", "an", "across", "into", "onto", "in", "on", "over", "under",
      "through", "between", "along", "from", "up", "down", "out", "off", "around", "toward", "towards", "overhead", "ahead",
      "above", "below", "beneath", "behind", "past", "against", "at", "to", "by", "with", "its", "their", "gold", "softly",
      "gently", "slowly", "lazily", "everything", "every");
  private static final Set<String> NOT_VERBS = Set.of("something", "nothing", "morning", "evening", "building", "ceiling",
      "painting", "clothing", "lighting", "string", "spring", "thing", "awning", "icing", "frosting", "bedding", "railing",
      "landing", "pudding", "wedding", "ending", "offering", "opening", "clearing", "dwelling", "carving", "ring", "king", "wing",
      "sibling", "darling", "setting", "plating", "shading", "framing", "paneling", "siding", "flooring", "tiling", "lettering", "packaging", "seedling", "duckling", "stocking", "stuffing", "shilling", "lightning");
  private static final Set<String> BEFORE_VERB_STOP = Set.of("a", "an", "the", "of", "for", "and", "or", "with", "in", "on",
      "by", "at", "to", "from", "its", "their", "his", "her", "very", "soft", "bright", "tiny", "small", "gently", "softly");
  private static final Set<String> PARTICLES = Set.of("by", "up", "down", "out", "off", "away", "past", "over", "about", "back");
  private static final Set<String> PLURALS = Set.of("people", "children", "men", "women", "geese", "mice", "feet", "teeth", "cattle", "taxis");

  /**
   * One detail as a sentence of its own, as a paragraph says its details: "Clouds are drifting across the summits",
   * "A soft haze hangs in the air", "Notice glistening wet surfaces" (a bare phrase is a fragment).
   */
  static String sentence(String detail) {
    String action = action(detail);
    if (action != null) {
      return capitalized(action);
    }
    AirVerb air = AirVerb.of(detail);
    if (air != null) {
      return capitalized(detail + " " + air.say(pluralSubject(detail)));
    }
    return capitalized((detail.startsWith("the ") ? "you also see " : "notice ") + detail);
  }

  /**
   * "clouds drifting across the summits" as a sentence, "clouds are drifting across the summits"; null when the
   * detail has no verb to carry ("billowing ash clouds", "a tattered cloak").
   */
  static String action(String detail) {
    String[] words = detail.split(" ");
    for (int i = 1; i < words.length; i++) {
      String word = words[i].toLowerCase(Locale.ROOT);
      // A last word in -ing is a verb only after a determined subject ("a soft haze lifting", not "intricate hull plating").
      boolean last = i + 1 == words.length;
      if (word.length() < 6 || !word.endsWith("ing") || NOT_VERBS.contains(word)
          || !last && !AFTER_VERB.contains(words[i + 1].toLowerCase(Locale.ROOT))
          || last && !List.of("a", "an", "the").contains(words[0].toLowerCase(Locale.ROOT))) {
        continue;
      }
      String before = words[i - 1].toLowerCase(Locale.ROOT);
      // "the sun just cresting the horizon": the verb's helper goes before its adverb.
      int at = before.equals("just") || before.equals("still") || before.endsWith("ly") && !before.equals("lily") ? i - 1 : i;
      if (at < 1 || BEFORE_VERB_STOP.contains(words[at - 1].toLowerCase(Locale.ROOT))) {
        continue;
      }
      String subject = String.join(" ", java.util.Arrays.asList(words).subList(0, at));
      String verb = String.join(" ", java.util.Arrays.asList(words).subList(at, words.length));
      String base = STATIVE.get(word);
      // "rising and falling" keeps its form: one verb in the present and one in -ing would not agree.
      if (base != null && at == i && (last || !words[i + 1].equals("and"))) {
        // A state, not an event: "a wooden dock reaches into the water", not "is reaching".
        return subject + " " + (pluralSubject(subject) ? base : thirdPerson(base)) + verb.substring(word.length());
      }
      return subject + (pluralSubject(subject) ? " are " : " is ") + verb;
    }
    return null;
  }

  // Verbs that describe how things are placed rather than what they do: a progressive ("lamp posts are lining the
  // sidewalk") reads as if they were moving, so these take the simple present.
  private static final java.util.Map<String, String> STATIVE = java.util.Map.ofEntries(
      java.util.Map.entry("reaching", "reach"), java.util.Map.entry("lining", "line"), java.util.Map.entry("mirroring", "mirror"),
      java.util.Map.entry("stretching", "stretch"), java.util.Map.entry("overlooking", "overlook"),
      java.util.Map.entry("surrounding", "surround"), java.util.Map.entry("facing", "face"), java.util.Map.entry("rising", "rise"),
      java.util.Map.entry("standing", "stand"), java.util.Map.entry("towering", "tower"), java.util.Map.entry("flanking", "flank"),
      java.util.Map.entry("bordering", "border"), java.util.Map.entry("overhanging", "overhang"), java.util.Map.entry("reflecting", "reflect"));

  private static String thirdPerson(String base) {
    return base.matches(".*(?:ch|sh|s|x|z)") ? base + "es" : base + "s";
  }

  /**
   * The detail a sentence in the simple present was written from ("lamp posts line the sidewalk" from "lamp posts
   * lining the sidewalk"), or the sentence itself when it has no such verb; lets a refinement find the phrase again.
   */
  static String detailOfStative(String sentence) {
    String[] words = sentence.split(" ");
    for (int i = 1; i < words.length; i++) {
      for (var entry : STATIVE.entrySet()) {
        if (words[i].equals(entry.getValue()) || words[i].equals(thirdPerson(entry.getValue()))) {
          words[i] = entry.getKey();
          return String.join(" ", words);
        }
      }
    }
    return sentence;
  }

  /**
   * Whether a noun phrase takes "are": "clouds", "layers of buildings", "grass and leaves", "eyes closed in the music",
   * "a cat and a dog", but not "a flock of birds" or "soft pink and peach light" (two colours of one light).
   */
  static boolean pluralSubject(String phrase) {
    String lower = phrase.toLowerCase(Locale.ROOT);
    // The head noun comes before the first preposition or relative clause: "layers of buildings", "contrast between
    // light and shadow", "personal objects that tell a story".
    String head = lower.split(" (?:of|from|through|between|in|on|with|against|across|over|under|around|along|above|below|beside|near"
        + "|behind|into|at|for|to|by|separating|breaking|that|which|who|where) ")[0];
    int and = head.lastIndexOf(" and ");
    if (and >= 0) {
      String after = head.substring(and + " and ".length());
      String[] before = head.substring(0, and).split(" ");
      // Two things: the second with its own article, or the first already many ("levers and a stick", "a cat and a dog").
      if (after.startsWith("a ") || after.startsWith("an ") || after.startsWith("the ") || pluralWord(before[before.length - 1])) {
        return true;
      }
    }
    if (lower.startsWith("a ") || lower.startsWith("an ") || lower.startsWith("one ")) {
      return false;
    }
    List<String> words = new ArrayList<>(List.of(head.split(" ")));
    // A particle ends a verb, not the noun: "people passing by", "leaves drifting down".
    if (words.size() > 1 && PARTICLES.contains(words.get(words.size() - 1))) {
      words.remove(words.size() - 1);
    }
    String last = words.get(words.size() - 1);
    // A participle after the noun describes it: "eyes closed in the music", "raindrops streaking through the air";
    // a noun in -ing is still the noun ("soft warm lighting", "hand-painted lettering").
    if (words.size() > 1 && (last.endsWith("ed") || last.endsWith("ing") && !NOT_VERBS.contains(last))) {
      last = words.get(words.size() - 2);
    }
    return pluralWord(last);
  }

  private static boolean pluralWord(String word) {
    return PLURALS.contains(word) || word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is");
  }

  /** Whether the noun the phrase is about (before "of", "in", a comma…) takes no article. */
  private static boolean uncounted(String subject) {
    String head = subject.toLowerCase(Locale.ROOT).split("[,.;:]| of | in | on | at | with | for | through | and ")[0].strip();
    String last = head.substring(head.lastIndexOf(' ') + 1);
    return Draft.UNCOUNTED.contains(last) || last.endsWith("s") && !last.endsWith("ss");
  }

  /** "a, b and c". */
  static String and(List<String> items) {
    if (items.size() <= 1) {
      return items.isEmpty() ? "" : items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
  }

  private static String join(String first, String second) {
    if (first == null) {
      return second == null ? "" : second;
    }
    return second == null ? first : first + ", " + second;
  }

  static String capitalized(String text) {
    if (text.isEmpty() || !Character.isLowerCase(text.codePointAt(0))) {
      return text;
    }
    int first = text.codePointAt(0);
    return new StringBuilder().appendCodePoint(Character.toUpperCase(first)).append(text, Character.charCount(first), text.length()).toString();
  }
}
