package dev.visionary.expand.builtin;

import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A set of vocabulary terms ("sunset", "golden hour", "夜", "🌅") compiled for finding in a {@link Text}, each
 * optionally labelled with what it stands for (a subject id, a time id). Words match whole words, forgiving a
 * plural ("wave" finds "waves"); terms written in scripts without spaces between words (Chinese, Japanese,
 * Thai) and emoji match anywhere in the text.
 */
final class Terms {
  /** Where a term was found, and the label of the term. */
  record Match(String owner, Text.Span span) {}

  private record Term(String text, List<String> words, String owner) {}

  // Indexed by first word, so finding terms costs a few lookups per word of the text, not one per term.
  private final Map<String, List<Term>> byFirstWord = new HashMap<>();
  private final List<Term> anywhere = new ArrayList<>();
  private final Set<String> singleWords = new HashSet<>();

  private Terms() {}

  static Terms of(Collection<String> texts) {
    Terms terms = new Terms();
    texts.forEach(text -> terms.add(text, null));
    return terms;
  }

  /** Terms labelled by owner: {@link #matches} tells which owner's term was found. */
  static Terms owned(Map<String, ? extends Collection<String>> byOwner) {
    Terms terms = new Terms();
    byOwner.forEach((owner, texts) -> texts.forEach(text -> terms.add(text, owner)));
    return terms;
  }

  private void add(String text, String owner) {
    String lower = text.toLowerCase(Locale.ROOT).strip();
    if (lower.isEmpty()) {
      return;
    }
    if (writtenWithoutSpaces(lower)) {
      anywhere.add(new Term(lower, List.of(), owner));
      return;
    }
    List<String> words = Text.of(lower).words();
    if (!words.isEmpty()) {
      byFirstWord.computeIfAbsent(words.get(0), w -> new ArrayList<>()).add(new Term(lower, words, owner));
      if (words.size() == 1) {
        singleWords.add(words.get(0));
      }
    }
  }

  /** Whether this exact word is one of the single-word terms (used for small closed lists like fillers). */
  boolean isWord(String word) {
    return singleWords.contains(word);
  }

  boolean foundIn(Text text) {
    for (Term term : anywhere) {
      if (text.lower().contains(term.text())) {
        return true;
      }
    }
    List<Text.Token> tokens = text.tokens();
    for (int i = 0; i < tokens.size(); i++) {
      if (matchAt(text, i, null)) {
        return true;
      }
    }
    return false;
  }

  /** Every place any of the terms occurs, with the owner of the term. */
  List<Match> matches(Text text) {
    List<Match> matches = new ArrayList<>();
    for (Term term : anywhere) {
      for (int at = text.lower().indexOf(term.text()); at >= 0; at = text.lower().indexOf(term.text(), at + 1)) {
        matches.add(new Match(term.owner(), new Text.Span(at, at + term.text().length())));
      }
    }
    List<Text.Token> tokens = text.tokens();
    for (int i = 0; i < tokens.size(); i++) {
      matchAt(text, i, matches);
    }
    return matches;
  }

  List<Text.Span> find(Text text) {
    List<Text.Span> spans = new ArrayList<>();
    matches(text).forEach(m -> spans.add(m.span()));
    return spans;
  }

  /** Whether a term starts at token {@code i}; collects every such term into {@code into} when it is not null. */
  private boolean matchAt(Text text, int i, List<Match> into) {
    List<Text.Token> tokens = text.tokens();
    String word = tokens.get(i).word();
    boolean found = false;
    for (String key : baseForms(word)) {
      List<Term> candidates = byFirstWord.get(key);
      if (candidates == null) {
        continue;
      }
      for (Term term : candidates) {
        int size = term.words().size();
        boolean matches = i + size <= tokens.size();
        for (int j = 1; j < size && matches; j++) {
          matches = sameWord(tokens.get(i + j).word(), term.words().get(j)) && text.adjacent(tokens.get(i + j - 1), tokens.get(i + j));
        }
        if (matches) {
          if (into == null) {
            return true;
          }
          found = true;
          into.add(new Match(term.owner(), new Text.Span(tokens.get(i).start(), tokens.get(i + size - 1).end())));
        }
      }
    }
    return found;
  }

  /** The word and what it would be without a plural ending: the keys a term starting with it is filed under. */
  static List<String> baseForms(String word) {
    if (word.length() > 2 && word.endsWith("es")) {
      return List.of(word, word.substring(0, word.length() - 1), word.substring(0, word.length() - 2));
    }
    if (word.length() > 1 && word.endsWith("s")) {
      return List.of(word, word.substring(0, word.length() - 1));
    }
    return List.of(word);
  }

  static boolean sameWord(String word, String term) {
    if (word.equals(term)) {
      return true;
    }
    if (word.length() <= term.length() || !word.startsWith(term)) {
      return false;
    }
    int ending = word.length() - term.length();
    return ending == 1 && word.endsWith("s") || ending == 2 && word.endsWith("es");
  }

  private static boolean writtenWithoutSpaces(String term) {
    for (int i = 0; i < term.length(); ) {
      int cp = term.codePointAt(i);
      if (Character.getType(cp) == Character.OTHER_SYMBOL) {
        return true;
      }
      if (Character.isLetter(cp)) {
        UnicodeScript script = UnicodeScript.of(cp);
        if (script == UnicodeScript.HAN || script == UnicodeScript.HIRAGANA || script == UnicodeScript.KATAKANA
            || script == UnicodeScript.THAI || script == UnicodeScript.LAO || script == UnicodeScript.KHMER) {
          return true;
        }
      }
      i += Character.charCount(cp);
    }
    return false;
  }
}
