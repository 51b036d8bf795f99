package dev.visionary.prompt;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word-level diff (longest common subsequence), so a version or a comparison shows exactly which words changed.
 * Whitespace runs are tokens of their own, so joining the segments gives back either text.
 */
public final class WordDiff {
  /** Beyond this many cells the table costs more than it helps; the change is shown as one replacement. */
  private static final long MAX_CELLS = 4_000_000;
  private static final Pattern TOKEN = Pattern.compile("\\s+|[^\\s]+");

  public enum Kind { SAME, ADDED, REMOVED }

  public record Segment(Kind kind, String text) {
    public boolean added() {
      return kind == Kind.ADDED;
    }

    public boolean removed() {
      return kind == Kind.REMOVED;
    }
  }

  private WordDiff() {}

  public static List<Segment> diff(String before, String after) {
    List<String> a = tokens(before);
    List<String> b = tokens(after);
    List<Segment> out = new ArrayList<>();
    if ((long) a.size() * b.size() > MAX_CELLS) {
      add(out, Kind.REMOVED, before);
      add(out, Kind.ADDED, after);
      return out;
    }
    int[][] lcs = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    int i = 0;
    int j = 0;
    while (i < a.size() && j < b.size()) {
      if (a.get(i).equals(b.get(j))) {
        add(out, Kind.SAME, a.get(i++));
        j++;
      } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
        add(out, Kind.REMOVED, a.get(i++));
      } else {
        add(out, Kind.ADDED, b.get(j++));
      }
    }
    while (i < a.size()) {
      add(out, Kind.REMOVED, a.get(i++));
    }
    while (j < b.size()) {
      add(out, Kind.ADDED, b.get(j++));
    }
    return out;
  }

  /** Whether any word is only on one side. */
  public static boolean differs(List<Segment> diff) {
    return diff.stream().anyMatch(s -> s.kind() != Kind.SAME);
  }

  private static List<String> tokens(String s) {
    List<String> tokens = new ArrayList<>();
    Matcher m = TOKEN.matcher(s == null ? "" : s);
    while (m.find()) {
      tokens.add(m.group());
    }
    return tokens;
  }

  /** Joins neighbours of the same kind, so the page shows runs of words rather than single words. */
  private static void add(List<Segment> out, Kind kind, String text) {
    if (text.isEmpty()) {
      return;
    }
    if (!out.isEmpty() && out.get(out.size() - 1).kind() == kind) {
      Segment last = out.remove(out.size() - 1);
      out.add(new Segment(kind, last.text() + text));
    } else {
      out.add(new Segment(kind, text));
    }
  }
}
