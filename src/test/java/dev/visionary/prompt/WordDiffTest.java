package dev.visionary.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The word diff behind prompt history and every comparison page. */
class WordDiffTest {

  @Test
  void diffsShowChangedWordsOnly() {
    List<WordDiff.Segment> diff = WordDiff.diff("a red fox in snow", "a white fox in deep snow");
    assertEquals(List.of(
        new WordDiff.Segment(WordDiff.Kind.SAME, "a "),
        new WordDiff.Segment(WordDiff.Kind.REMOVED, "red"),
        new WordDiff.Segment(WordDiff.Kind.ADDED, "white"),
        new WordDiff.Segment(WordDiff.Kind.SAME, " fox in "),
        new WordDiff.Segment(WordDiff.Kind.ADDED, "deep "),
        new WordDiff.Segment(WordDiff.Kind.SAME, "snow")), diff);
  }

  @Test
  void eitherTextCanBeReadBackFromTheSegments() {
    String before = "a lighthouse, stormy sea, 35mm";
    String after = "a lighthouse at dusk, calm sea";
    List<WordDiff.Segment> diff = WordDiff.diff(before, after);
    assertEquals(before, diff.stream().filter(s -> !s.added()).map(WordDiff.Segment::text).collect(Collectors.joining()));
    assertEquals(after, diff.stream().filter(s -> !s.removed()).map(WordDiff.Segment::text).collect(Collectors.joining()));
    assertTrue(WordDiff.differs(diff));
    assertFalse(WordDiff.differs(WordDiff.diff("same words", "same words")));
    assertEquals(List.of(), WordDiff.diff(null, ""), "no text on either side is no segment");
  }

  @Test
  void aComparisonShowsAChangeOfSeveralWordsAsWhatWasThereThenWhatIs() {
    List<SideBySide.DiffedText> texts = SideBySide.texts(List.of("a fjord under northern lights", "a fjord under a full moon", "a fjord"));
    assertEquals(List.of(new WordDiff.Segment(WordDiff.Kind.SAME, "a fjord under northern lights")), texts.get(0).segments());
    assertEquals(List.of(
        new WordDiff.Segment(WordDiff.Kind.SAME, "a fjord under "),
        new WordDiff.Segment(WordDiff.Kind.REMOVED, "northern lights"),
        new WordDiff.Segment(WordDiff.Kind.ADDED, "a full moon")), texts.get(1).segments());
    assertTrue(texts.get(1).differs());
    assertEquals("a fjord", texts.get(2).segments().stream().filter(s -> !s.removed()).map(WordDiff.Segment::text).collect(Collectors.joining()),
        "only removed words: the third text still reads back");
    assertTrue(SideBySide.anyDiffers(texts));
  }
}
