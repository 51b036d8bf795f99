package dev.visionary.expand.builtin;

import dev.visionary.expand.builtin.Vocabulary.Subject;
import dev.visionary.expand.builtin.Vocabulary.TimeOfDay;
import dev.visionary.expand.builtin.Vocabulary.Weather;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What the person's own words already say: which subjects, time of day, weather, style, mood, colours and
 * place. The engine adds only what is missing and never anything that would contradict these.
 */
record IdeaReading(Text text, List<Subject> subjects, TimeOfDay time, List<Text.Span> timeSpans, Weather weather,
                   List<Text.Span> weatherSpans, String styleId, boolean givesMood, boolean givesColor, boolean givesPlace) {

  static IdeaReading read(String idea, Vocabulary vocabulary) {
    Text text = Text.of(idea);
    List<Terms.Match> subjectMatches = new ArrayList<>();
    // "shallow depth of field" names no field: a word inside a camera term is about the lens.
    List<Text.Span> cameraTerms = vocabulary.conflicts.lensWords.matches(text).stream().map(Terms.Match::span).toList();
    for (Terms.Match match : vocabulary.subjectTriggers.matches(text)) {
      // "children's book", "a dog's bed": a possessive describes something else, it is not the subject.
      boolean possessive = text.raw().startsWith("'s", match.span().end()) || text.raw().startsWith("’s", match.span().end());
      boolean camera = cameraTerms.stream().anyMatch(c -> c.start() <= match.span().start() && match.span().end() <= c.end());
      if (!possessive && !camera) {
        subjectMatches.add(match);
      }
    }
    // A noun directly before another noun only describes it: a "ramen shop" is a shop, a "book illustration" an
    // illustration, a "spaceship cockpit" a cockpit. The head is the later noun: a subject, a style or a medium.
    // Two words for people or animals are one thing ("elderly woman", "golden retriever puppy"); two places are
    // a place and the place it is in ("a mountain lake", "a tokyo crossing").
    List<Text.Span> media = new ArrayList<>();
    vocabulary.styleIndex.matches(text).forEach(m -> media.add(m.span()));
    vocabulary.conflicts.implied.matches(text).stream().filter(m -> m.owner().equals("design")).forEach(m -> media.add(m.span()));
    Map<String, String> kindOf = new HashMap<>();
    vocabulary.subjects.forEach(s -> kindOf.put(s.id(), s.kind()));
    Map<String, List<Text.Span>> spansBySubject = new HashMap<>();
    Set<String> named = new HashSet<>();
    for (Terms.Match match : subjectMatches) {
      String kind = kindOf.get(match.owner());
      boolean modifier = media.stream().anyMatch(head -> directlyBefore(text, match.span(), head))
          || subjectMatches.stream().anyMatch(m -> !m.owner().equals(match.owner()) && (!kindOf.get(m.owner()).equals(kind) || kind.equals("scene"))
              && directlyBefore(text, match.span(), m.span()));
      if (!modifier) {
        named.add(match.owner());
      }
      spansBySubject.computeIfAbsent(match.owner(), id -> new ArrayList<>()).add(match.span());
    }
    // Only describing, wherever it appears: "a bakery window" is no picture of bread, "bread in a bakery" is.
    Set<String> modifying = new HashSet<>(spansBySubject.keySet());
    modifying.removeAll(named);
    record Found(Subject subject, int offset, List<Text.Span> spans) {}
    List<Found> matched = new ArrayList<>();
    for (Subject subject : vocabulary.subjects) {
      List<Text.Span> spans = spansBySubject.get(subject.id());
      if (spans != null) {
        matched.add(new Found(subject, spans.stream().mapToInt(Text.Span::start).min().orElse(0), spans));
      }
    }
    // "deep sea" is the underwater world, not the sea: a subject found only inside a longer match gives way.
    List<Found> found = new ArrayList<>();
    for (Found candidate : matched) {
      boolean inside = candidate.spans().stream().allMatch(span -> matched.stream()
          .anyMatch(other -> other != candidate && other.spans().stream().anyMatch(o -> longerAround(o, span))));
      // A place describing another thing keeps a word to say ("a mountain lake"); a food or an object does not:
      // a ramen shop gets no sauces, a book illustration no pages.
      boolean describes = modifying.contains(candidate.subject().id()) && !candidate.subject().kind().equals("scene");
      if (!inside && !describes) {
        found.add(candidate);
      }
    }
    // The idea's head comes first ("a kitchen with fresh bread" is a kitchen, "a marketplace … children" a market),
    // then what describes it; a framing word ("portrait of …", "the loneliness of …") leads only when alone,
    // and a few ("reflected in a puddle") always lead.
    found.sort(Comparator.<Found>comparingInt(f -> rank(f.subject(), modifying)).thenComparingInt(Found::offset));
    List<Subject> subjects = found.stream().map(Found::subject).toList();

    List<Terms.Match> timeMatches = vocabulary.allTimeTriggers.matches(text);
    List<Terms.Match> weatherMatches = vocabulary.allWeatherTriggers.matches(text);
    TimeOfDay time = earliest(timeMatches, vocabulary.times, TimeOfDay::id);
    Weather weather = earliest(weatherMatches, vocabulary.weather, Weather::id);
    List<Text.Span> timeSpans = timeMatches.stream().map(Terms.Match::span).toList();
    List<Text.Span> weatherSpans = weatherMatches.stream().map(Terms.Match::span).toList();
    return new IdeaReading(text, subjects, time, timeSpans, weather, weatherSpans, styleIn(text, vocabulary),
        vocabulary.moodWords.foundIn(text), vocabulary.colorTriggers.foundIn(text),
        givesPlace(text, timeSpans, weatherSpans, vocabulary));
  }

  /** The entry whose term comes first in the text, or null. */
  private static <T> T earliest(List<Terms.Match> matches, List<T> entries, Function<T, String> id) {
    Terms.Match first = null;
    for (Terms.Match match : matches) {
      if (first == null || match.span().start() < first.span().start()) {
        first = match;
      }
    }
    if (first == null) {
      return null;
    }
    for (T entry : entries) {
      if (id.apply(entry).equals(first.owner())) {
        return entry;
      }
    }
    return null;
  }

  /** The first style, in the order of styles.json, that the text names. */
  static String styleIn(Text text, Vocabulary vocabulary) {
    Set<String> named = new HashSet<>();
    vocabulary.styleIndex.matches(text).forEach(m -> named.add(m.owner()));
    for (String id : vocabulary.styles.keySet()) {
      if (named.contains(id)) {
        return id;
      }
    }
    return null;
  }

  /** "a cat under a table" places its subject; "a cat in the rain" only sets the weather. */
  private static boolean givesPlace(Text text, List<Text.Span> timeSpans, List<Text.Span> weatherSpans, Vocabulary vocabulary) {
    List<Text.Token> tokens = text.tokens();
    for (int i = 0; i < tokens.size(); i++) {
      if (!vocabulary.placeWords.isWord(tokens.get(i).word())) {
        continue;
      }
      int next = i + 1;
      while (next < tokens.size() && vocabulary.articles.isWord(tokens.get(next).word())) {
        next++;
      }
      if (next < tokens.size() && !covered(tokens.get(next), timeSpans) && !covered(tokens.get(next), weatherSpans)) {
        return true;
      }
    }
    return false;
  }

  private static int rank(Subject subject, Set<String> modifying) {
    if (Boolean.TRUE.equals(subject.leads())) {
      return 0;
    }
    return Boolean.FALSE.equals(subject.leads()) || modifying.contains(subject.id()) ? 2 : 1;
  }

  /** Whether {@code first} ends right where {@code next} begins, one space or hyphen apart ("ramen shop"). */
  private static boolean directlyBefore(Text text, Text.Span first, Text.Span next) {
    if (next.start() <= first.end()) {
      return false;
    }
    String gap = text.raw().substring(first.end(), next.start());
    return gap.length() <= 2 && gap.chars().allMatch(c -> c == ' ' || c == '-');
  }

  private static boolean longerAround(Text.Span outer, Text.Span inner) {
    return outer.start() <= inner.start() && outer.end() >= inner.end() && outer.end() - outer.start() > inner.end() - inner.start();
  }

  private static boolean covered(Text.Token token, List<Text.Span> spans) {
    for (Text.Span span : spans) {
      if (token.start() >= span.start() && token.end() <= span.end()) {
        return true;
      }
    }
    return false;
  }
}
