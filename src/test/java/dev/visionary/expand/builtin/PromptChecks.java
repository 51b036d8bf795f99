package dev.visionary.expand.builtin;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the tests measure in a prompt, written independently of the engine's own text handling. */
final class PromptChecks {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}\\p{M}\\p{So}]+");
  private static final Set<String> SMALL_WORDS = Set.of("a", "an", "the", "of", "in", "on", "at", "with", "and", "to",
      "by", "for", "im", "al", "una", "is");

  /** Midjourney's parameters as a person would read them back from the copied text. */
  record Parameters(int width, int height, int stylize, int chaos, List<String> no, String version) {}

  private static final Pattern AR = Pattern.compile(" --ar (\\d+):(\\d+)(?= --|$)");
  private static final Pattern STYLIZE = Pattern.compile(" --stylize (\\d+)(?= --|$)");
  private static final Pattern CHAOS = Pattern.compile(" --chaos (\\d+)(?= --|$)");
  private static final Pattern NO = Pattern.compile(" --no ([^-][^\\n]*?)(?= --|$)");
  private static final Pattern VERSION = Pattern.compile(" --v (\\d+(?:\\.\\d+)?)$");

  private PromptChecks() {}

  static Set<String> words(String text) {
    Set<String> words = new LinkedHashSet<>();
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      words.add(m.group());
    }
    return words;
  }

  /**
   * Whether the prompt says what a vocabulary phrase says, in whatever grammatical form the dialect wrote it:
   * "gentle waves lapping at the shore" is also there as "Gentle waves are lapping at the shore".
   */
  static boolean mentions(String prompt, String phrase) {
    Set<String> said = words(prompt);
    Set<String> wanted = words(phrase);
    wanted.removeAll(SMALL_WORDS);
    return !wanted.isEmpty() && said.containsAll(wanted);
  }

  /** The idea's words that carry meaning: every variation must keep all of them. */
  static Set<String> keyWords(String idea) {
    Set<String> words = words(idea);
    words.removeAll(SMALL_WORDS);
    return words;
  }

  static double jaccard(String a, String b) {
    Set<String> left = words(a);
    Set<String> right = words(b);
    Set<String> union = new HashSet<>(left);
    union.addAll(right);
    left.retainAll(right);
    return union.isEmpty() ? 1 : (double) left.size() / union.size();
  }

  static Parameters parseMidjourney(String fullText) {
    Matcher ar = find(AR, fullText, "--ar");
    Matcher no = NO.matcher(fullText);
    List<String> exclusions = no.find() ? List.of(no.group(1).split(",\\s*")) : List.of();
    return new Parameters(Integer.parseInt(ar.group(1)), Integer.parseInt(ar.group(2)),
        Integer.parseInt(find(STYLIZE, fullText, "--stylize").group(1)), Integer.parseInt(find(CHAOS, fullText, "--chaos").group(1)),
        exclusions, find(VERSION, fullText, "--v").group(1));
  }

  private static Matcher find(Pattern pattern, String text, String name) {
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      throw new AssertionError("No valid " + name + " parameter in: " + text);
    }
    return m;
  }

  static boolean mentionsAny(String prompt, String... words) {
    Set<String> present = words(prompt);
    for (String word : words) {
      if (word.contains(" ") ? prompt.toLowerCase(Locale.ROOT).contains(word) : present.contains(word)) {
        return true;
      }
    }
    return false;
  }
}
