package dev.visionary.expand.builtin;

import dev.visionary.expand.builtin.Vocabulary.TimeOfDay;
import dev.visionary.expand.builtin.Vocabulary.Weather;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A short instruction read as changes to a prompt: "make it night" sets the time of day, "in watercolor" the
 * style, "add a red balloon" adds words, "without people" keeps something out, "fewer details", "closer",
 * "warmer" change the finish, framing and palette. Whatever it names replaces what the prompt said about the
 * same thing; everything else stays.
 *
 * <p>The instruction is split into clauses ("make it night, add a red umbrella and remove the people"); each
 * clause becomes one {@link Change}. The summary fields (time, weather, style, additions, exclusions) are what
 * a fresh expansion with the same instruction uses.
 */
record Refinement(TimeOfDay time, Weather weather, String styleId, List<String> additions,
                  List<String> exclusions, boolean givesMood, boolean givesColor, List<Change> changes) {
  static final Refinement NONE = new Refinement(null, null, null, List.of(), List.of(), false, false, List.of());

  /** What one clause of the instruction asks for. */
  enum Verb { TIME, WEATHER, SEASON, STYLE, MOOD, ADD, REMOVE, FEWER_DETAILS, MORE_DETAILS, CLOSER, WIDER, WARMER, COOLER }

  /**
   * One change: the verb and what it names (the words to add or remove, a time, weather, season or style id,
   * a mood phrase), as the person typed it where that matters.
   */
  record Change(Verb verb, String words) {}

  private static final String VERB_WORDS = "make|add|include|put|insert|remove|without|no|drop|delete|erase|omit|exclude|minus|lose|"
      + "get|take|fewer|less|more|closer|wider|warmer|cooler|colder|zoom|pull|turn|change|set|switch|with|simplify|simpler";
  private static final Pattern CLAUSES = Pattern.compile("\\s*(?:[,;\\n]+\\s*(?:and\\s+|then\\s+)?|\\s+(?:and\\s+then|then|and)\\s+(?=(?:"
      + VERB_WORDS + ")\\b)|\\s+(?:but\\s+)?(?=(?:without|minus)\\s))", Pattern.CASE_INSENSITIVE);
  private static final String SOFTENERS = "(?:please\\s+|just\\s+|now\\s+|also\\s+|a\\s+(?:little|bit)\\s+|a\\s+little\\s+bit\\s+|slightly\\s+|much\\s+|even\\s+|way\\s+)*";
  private static final String MAKE = "(?:(?:make|get|move|go|bring|zoom|crop|frame|shoot|render)\\s+(?:it|this|the\\s+\\w+|the\\s+shot|the\\s+image|the\\s+colou?rs)?\\s*)?" + SOFTENERS;
  private static final Pattern FEWER = Pattern.compile("^" + SOFTENERS + "(?:(?:make\\s+it\\s+)?" + SOFTENERS
      + "(?:(?:fewer|less|reduce|cut|drop|remove|lose|tone\\s+down|no)(?:\\s+(?:the|of\\s+the))?\\s+(?:details?|detailing|clutter)(?:\\s+\\w+)?"
      + "|less\\s+(?:detailed|busy|cluttered)|simpler|simplify(?:\\s+it)?|cleaner|declutter(?:\\s+it)?|less\\s+(?:intricate|complex)))$");
  private static final Pattern MORE = Pattern.compile("^" + SOFTENERS + "(?:(?:make\\s+it\\s+)?" + SOFTENERS
      + "(?:more\\s+(?:details?|detailed|detailing|intricate|intricacy)|add\\s+(?:more\\s+)?(?:details?|detailing|fine\\s+detail)"
      + "|(?:highly\\s+|ultra\\s+|hyper\\s+|very\\s+)detailed|increase\\s+(?:the\\s+)?details?))$");
  private static final Pattern CLOSER = Pattern.compile("^" + SOFTENERS + MAKE
      + "(?:closer(?:\\s+up|\\s+in|\\s+shot|\\s+view)?|zoom(?:ed)?\\s+in|in\\s+closer|tighter(?:\\s+(?:crop|framing|shot))?|(?:a\\s+)?close[- ]?up(?:\\s+(?:shot|view))?|crop\\s+(?:in|tighter))$");
  private static final Pattern WIDER = Pattern.compile("^" + SOFTENERS + MAKE
      + "(?:wider(?:\\s+(?:shot|angle|view|framing))?|zoom(?:ed)?\\s+out|pull(?:ed)?\\s+back|further\\s+(?:away|back)|farther\\s+(?:away|back)"
      + "|(?:a\\s+)?wide(?:\\s+(?:shot|angle|view))|show\\s+more(?:\\s+of\\s+the\\s+(?:surroundings|scene))?)$");
  private static final Pattern WARMER = Pattern.compile("^" + SOFTENERS + MAKE
      + "(?:warmer(?:\\s+(?:colou?rs|tones|palette|light|lighting))?|more\\s+warm|warm(?:er)?\\s+(?:colou?rs|tones|palette|light|lighting)|warm\\s+it\\s+up)$");
  private static final Pattern COOLER = Pattern.compile("^" + SOFTENERS + MAKE
      + "(?:(?:cooler|colder)(?:\\s+(?:colou?rs|tones|palette|light|lighting))?|more\\s+cool|cool(?:er)?\\s+(?:colou?rs|tones|palette|light|lighting)|cool\\s+it\\s+down)$");
  private static final Pattern REMOVE = Pattern.compile("^" + SOFTENERS
      + "(?:remove|without|no|drop|delete|erase|omit|exclude|minus|lose|get\\s+rid\\s+of|take\\s+(?:out|away)|leave\\s+out|no\\s+more|ohne|sin|sans|senza)\\s+(.+)$");
  private static final Pattern ADD = Pattern.compile("^" + SOFTENERS + "(?:add|include|put|insert|with|plus|and)\\s+(.+)$");
  private static final Pattern NAMED_STYLE = Pattern.compile("^(?:make\\s+it\\s+|do\\s+it\\s+|render\\s+it\\s+|paint\\s+it\\s+)?(in\\s+the\\s+style\\s+of\\s+.+|in\\s+(?:an?\\s+)?\\S+(?:\\s+\\S+)?\\s+style)$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern COMPARATIVE = Pattern.compile("\\b(\\w{3,}?)(i)?er\\b");
  private static final Pattern LEADING_ARTICLE = Pattern.compile("^(?:(?:all\\s+)?(?:the|any|some|those|these)\\s+|a\\s+|an\\s+|all\\s+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern PLACE_TAIL = Pattern.compile("\\s+(?:to|from|in|into|out\\s+of)\\s+(?:it|this|the\\s+(?:image|picture|scene|prompt|shot))$", Pattern.CASE_INSENSITIVE);

  static Refinement parse(String instruction, Vocabulary vocabulary) {
    if (instruction == null || instruction.isBlank()) {
      return NONE;
    }
    TimeOfDay time = null;
    Weather weather = null;
    String styleId = null;
    boolean givesMood = false;
    boolean givesColor = false;
    List<String> additions = new ArrayList<>();
    List<String> exclusions = new ArrayList<>();
    List<Change> changes = new ArrayList<>();
    for (String raw : CLAUSES.split(instruction.strip())) {
      String clause = raw.strip().replaceAll("[.!]+$", "").replaceAll("(?i)^please\\s+|,?\\s+please$", "").strip();
      String lower = clause.toLowerCase(Locale.ROOT);
      if (clause.isEmpty()) {
        continue;
      }
      Matcher m;
      if (FEWER.matcher(lower).matches()) {
        changes.add(new Change(Verb.FEWER_DETAILS, null));
      } else if (MORE.matcher(lower).matches()) {
        changes.add(new Change(Verb.MORE_DETAILS, null));
      } else if (CLOSER.matcher(lower).matches()) {
        changes.add(new Change(Verb.CLOSER, null));
      } else if (WIDER.matcher(lower).matches()) {
        changes.add(new Change(Verb.WIDER, null));
      } else if (WARMER.matcher(lower).matches()) {
        changes.add(new Change(Verb.WARMER, null));
      } else if (COOLER.matcher(lower).matches()) {
        changes.add(new Change(Verb.COOLER, null));
      } else if ((m = REMOVE.matcher(clause)).matches() && !bare(m.group(1))) {
        for (String item : m.group(1).split("\\s+(?:and|or|nor)\\s+|\\s*,\\s*")) {
          String thing = thing(item);
          if (!thing.isEmpty()) {
            exclusions.add(thing);
            changes.add(new Change(Verb.REMOVE, thing));
          }
        }
      } else if ((m = NAMED_STYLE.matcher(clause)).matches() && IdeaReading.styleIn(Text.of(m.group(1)), vocabulary) == null) {
        // A style the engine has no entry for ("in the style of ukiyo-e") is kept as the person wrote it.
        additions.add(m.group(1));
        changes.add(new Change(Verb.ADD, m.group(1)));
      } else if ((m = ADD.matcher(clause)).matches() && !bare(m.group(1))) {
        String thing = PLACE_TAIL.matcher(m.group(1).strip()).replaceFirst("");
        additions.add(thing);
        changes.add(new Change(Verb.ADD, thing));
      } else {
        // "make it night", "as a watercolor", "eerie", "autumn": what the clause names replaces the prompt's own.
        IdeaReading reading = IdeaReading.read(clause, vocabulary);
        List<Text.Span> consumed = new ArrayList<>();
        String season = RefineWords.standard().seasonIn(reading.text(), consumed);
        if (season != null) {
          changes.add(new Change(Verb.SEASON, season));
        }
        if (reading.time() != null) {
          time = reading.time();
          consumed.addAll(reading.timeSpans());
          changes.add(new Change(Verb.TIME, time.id()));
        }
        if (reading.weather() != null) {
          consumed.addAll(reading.weatherSpans());
          if (season == null || !"snow".equals(reading.weather().id()) || vocabulary.allWeatherTriggers.find(withoutSpans(reading.text(), consumed)).size() > 0) {
            weather = reading.weather();
            changes.add(new Change(Verb.WEATHER, weather.id()));
          } else {
            weather = reading.weather();
          }
        }
        if (reading.styleId() != null) {
          styleId = reading.styleId();
          consumed.addAll(vocabulary.styleTriggers.get(styleId).find(reading.text()));
          changes.add(new Change(Verb.STYLE, styleId));
        }
        // "happier", "calmer", "spookier" name the mood they compare to; the text keeps its length so spans still fit.
        Text plain = Text.of(comparatives(clause));
        for (Vocabulary.Mood mood : vocabulary.moods) {
          List<Text.Span> found = Terms.of(mood.words()).find(plain);
          if (!found.isEmpty()) {
            consumed.addAll(found);
            changes.add(new Change(Verb.MOOD, mood.phrase()));
            givesMood = true;
            break;
          }
        }
        givesMood |= reading.givesMood();
        givesColor |= reading.givesColor();
        for (String run : contentRuns(reading.text(), consumed, vocabulary.fillers)) {
          additions.add(run);
          changes.add(new Change(Verb.ADD, run));
        }
      }
    }
    if (changes.isEmpty()) {
      return NONE;
    }
    return new Refinement(time, weather, styleId, List.copyOf(additions), List.copyOf(exclusions), givesMood, givesColor,
        List.copyOf(changes));
  }

  boolean isEmpty() {
    return this == NONE;
  }

  boolean has(Verb verb) {
    return changes.stream().anyMatch(c -> c.verb() == verb);
  }

  /** Each comparative written as its base word, padded to the same length: "happier" becomes "happy  ". */
  private static String comparatives(String clause) {
    Matcher m = COMPARATIVE.matcher(clause.toLowerCase(Locale.ROOT));
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String base = m.group(2) != null ? m.group(1) + "y" : m.group(1);
      m.appendReplacement(out, Matcher.quoteReplacement(base + " ".repeat(m.group().length() - base.length())));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** "details", "it" or nothing at all are not things to add or remove. */
  private static boolean bare(String words) {
    return words.isBlank() || words.strip().matches("(?i)it|this|that|them|details?|more|one");
  }

  /** "the people in the background" → "people in the background": what to keep out, without its article. */
  private static String thing(String item) {
    String thing = PLACE_TAIL.matcher(item.strip()).replaceFirst("");
    return LEADING_ARTICLE.matcher(thing).replaceFirst("").strip();
  }

  private static Text withoutSpans(Text text, List<Text.Span> spans) {
    StringBuilder out = new StringBuilder(text.raw());
    for (Text.Span span : spans) {
      for (int i = span.start(); i < span.end(); i++) {
        out.setCharAt(i, ' ');
      }
    }
    return Text.of(out.toString());
  }

  /** Runs of adjacent words that are neither small instruction words nor already understood, as typed. */
  static List<String> contentRuns(Text text, List<Text.Span> consumed, Terms fillers) {
    List<String> runs = new ArrayList<>();
    int start = -1;
    int end = -1;
    Text.Token previous = null;
    for (Text.Token token : text.tokens()) {
      boolean content = !fillers.isWord(token.word()) && !inside(token, consumed);
      if (content && previous != null && text.adjacent(previous, token)) {
        end = token.end();
      } else {
        if (start >= 0) {
          runs.add(text.raw().substring(start, end));
        }
        start = content ? token.start() : -1;
        end = content ? token.end() : -1;
      }
      previous = content ? token : null;
    }
    if (start >= 0) {
      runs.add(text.raw().substring(start, end));
    }
    return List.copyOf(runs);
  }

  private static boolean inside(Text.Token token, List<Text.Span> spans) {
    for (Text.Span span : spans) {
      if (token.start() < span.end() && token.end() > span.start()) {
        return true;
      }
    }
    return false;
  }
}
