package dev.visionary.expand.builtin;

import dev.visionary.expand.builtin.Vocabulary.TimeOfDay;
import dev.visionary.expand.builtin.Vocabulary.Weather;
import java.util.ArrayList;
import java.util.List;

/**
 * A short instruction read as changes to a prompt: "make it night" sets the time of day, "in watercolor" the
 * style, "add a red balloon" adds words, "without people" keeps something out. Whatever it names replaces what
 * the idea said about the same thing; everything else stays.
 */
record Refinement(TimeOfDay time, Weather weather, String styleId, List<String> additions,
                  List<String> exclusions, boolean givesMood, boolean givesColor) {
  static final Refinement NONE = new Refinement(null, null, null, List.of(), List.of(), false, false);

  static Refinement parse(String instruction, Vocabulary vocabulary) {
    if (instruction == null || instruction.isBlank()) {
      return NONE;
    }
    Text all = Text.of(instruction);
    int marker = -1;
    for (int i = 0; i < all.tokens().size() && marker < 0; i++) {
      if (vocabulary.exclusionMarkers.isWord(all.tokens().get(i).word())) {
        marker = i;
      }
    }
    String asked = marker < 0 ? instruction : instruction.substring(0, all.tokens().get(marker).start());
    String keptOut = marker < 0 ? "" : instruction.substring(all.tokens().get(marker).end());

    IdeaReading reading = IdeaReading.read(asked, vocabulary);
    List<Text.Span> consumed = new ArrayList<>(reading.timeSpans());
    consumed.addAll(reading.weatherSpans());
    if (reading.styleId() != null) {
      consumed.addAll(vocabulary.styleTriggers.get(reading.styleId()).find(reading.text()));
    }
    List<String> additions = contentRuns(reading.text(), consumed, vocabulary.fillers);
    List<String> exclusions = contentRuns(Text.of(keptOut), List.of(), vocabulary.fillers);
    return new Refinement(reading.time(), reading.weather(), reading.styleId(), additions, exclusions,
        reading.givesMood(), reading.givesColor());
  }

  boolean isEmpty() {
    return this == NONE;
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
