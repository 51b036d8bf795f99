package dev.visionary.prompt;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a comparison page shows of two to four items, whatever they are: each text as a word diff against the
 * first item's, and rows of settings with the values that differ marked. Computed here so templates only loop.
 */
public final class SideBySide {
  private SideBySide() {}

  /** One item's text: the first as it is, the others with the words only they have and the words they lack marked. */
  public record DiffedText(String text, List<WordDiff.Segment> segments, boolean differs) {
    public boolean empty() {
      return text.isEmpty();
    }
  }

  /** A setting across the items; a value differs when it is not the first item's. */
  public record Row(String label, List<Cell> cells, boolean differs) {}

  /** One item's value of a setting; an empty value reads as a dash. */
  public record Cell(String value, boolean differs) {
    public String shown() {
      return value.isEmpty() ? "—" : value;
    }
  }

  /** The texts in order, each but the first diffed against the first; a missing text is an empty one. */
  public static List<DiffedText> texts(List<String> texts) {
    List<DiffedText> out = new ArrayList<>(texts.size());
    String first = texts.isEmpty() || texts.get(0) == null ? "" : texts.get(0);
    for (int i = 0; i < texts.size(); i++) {
      String text = texts.get(i) == null ? "" : texts.get(i);
      if (i == 0) {
        out.add(new DiffedText(text, WordDiff.diff("", text).stream()
            .map(s -> new WordDiff.Segment(WordDiff.Kind.SAME, s.text())).toList(), false));
      } else {
        List<WordDiff.Segment> diff = grouped(WordDiff.diff(first, text));
        out.add(new DiffedText(text, diff, WordDiff.differs(diff)));
      }
    }
    return out;
  }

  /**
   * A change of several words reads as what was there, then what is there ("<del>northern lights</del><ins>a full
   * moon</ins>"), not word by word in turns. A run of changes and the spaces between them becomes one removal and
   * one addition, each holding those spaces, so either text still reads back from the segments. A run that only
   * adds or only removes words is left as it is.
   */
  static List<WordDiff.Segment> grouped(List<WordDiff.Segment> diff) {
    List<WordDiff.Segment> out = new ArrayList<>();
    int i = 0;
    while (i < diff.size()) {
      if (diff.get(i).kind() == WordDiff.Kind.SAME) {
        out.add(diff.get(i++));
        continue;
      }
      int end = i;
      int last = i;
      while (end < diff.size() && (diff.get(end).kind() != WordDiff.Kind.SAME || diff.get(end).text().isBlank())) {
        if (diff.get(end).kind() != WordDiff.Kind.SAME) {
          last = end;
        }
        end++;
      }
      List<WordDiff.Segment> run = diff.subList(i, last + 1);
      StringBuilder removed = new StringBuilder();
      StringBuilder added = new StringBuilder();
      for (WordDiff.Segment seg : run) {
        if (!seg.added()) {
          removed.append(seg.text());
        }
        if (!seg.removed()) {
          added.append(seg.text());
        }
      }
      if (removed.toString().isBlank() || added.toString().isBlank()) {
        out.addAll(run);
      } else {
        out.add(new WordDiff.Segment(WordDiff.Kind.REMOVED, removed.toString()));
        out.add(new WordDiff.Segment(WordDiff.Kind.ADDED, added.toString()));
      }
      i = last + 1;
    }
    return out;
  }

  /** Whether any of the texts differs from the first. */
  public static boolean anyDiffers(List<DiffedText> texts) {
    return texts.stream().anyMatch(DiffedText::differs);
  }

  /** A row of one setting's values, in the items' order; null reads as no value. */
  public static Row row(String label, List<String> values) {
    String first = values.isEmpty() || values.get(0) == null ? "" : values.get(0);
    List<Cell> cells = new ArrayList<>(values.size());
    boolean differs = false;
    for (String v : values) {
      String value = v == null ? "" : v;
      boolean d = !Objects.equals(first, value);
      differs |= d;
      cells.add(new Cell(value, d));
    }
    return new Row(label, cells, differs);
  }
}
