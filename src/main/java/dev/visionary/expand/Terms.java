package dev.visionary.expand;

import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A set of vocabulary terms ("sunset", "golden hour", "夜", "🌅") compiled for finding in a {@link Text}.
 * Words match whole words, forgiving a plural ("wave" finds "waves"); terms written in scripts without spaces
 * between words (Chinese, Japanese, Thai) and emoji match anywhere in the text.
 */
final class Terms {
  private record Term(String text, List<String> words, boolean anywhere) {}

  private final List<Term> terms;
  private final Set<String> singleWords = new HashSet<>();

  private Terms(List<Term> terms) {
    this.terms = terms;
    for (Term term : terms) {
      if (!term.anywhere() && term.words().size() == 1) {
        singleWords.add(term.words().get(0));
      }
    }
  }

  static Terms of(Collection<String> texts) {
    List<Term> terms = new ArrayList<>();
    for (String text : texts) {
      String lower = text.toLowerCase(Locale.ROOT).strip();
      if (lower.isEmpty()) {
        continue;
      }
      if (writtenWithoutSpaces(lower)) {
        terms.add(new Term(lower, List.of(), true));
      } else {
        List<String> words = Text.of(lower).words();
        if (!words.isEmpty()) {
          terms.add(new Term(lower, words, false));
        }
      }
    }
    return new Terms(List.copyOf(terms));
  }

  static Terms none() {
    return new Terms(List.of());
  }

  boolean isEmpty() {
    return terms.isEmpty();
  }

  /** Whether this exact word is one of the single-word terms (used for small closed lists like fillers). */
  boolean isWord(String word) {
    return singleWords.contains(word);
  }

  boolean foundIn(Text text) {
    for (Term term : terms) {
      if (term.anywhere() ? text.lower().contains(term.text()) : firstMatch(term, text, 0) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** Every place any of the terms occurs. */
  List<Text.Span> find(Text text) {
    List<Text.Span> spans = new ArrayList<>();
    for (Term term : terms) {
      if (term.anywhere()) {
        for (int at = text.lower().indexOf(term.text()); at >= 0; at = text.lower().indexOf(term.text(), at + 1)) {
          spans.add(new Text.Span(at, at + term.text().length()));
        }
      } else {
        List<Text.Token> tokens = text.tokens();
        for (int at = firstMatch(term, text, 0); at >= 0; at = firstMatch(term, text, at + 1)) {
          spans.add(new Text.Span(tokens.get(at).start(), tokens.get(at + term.words().size() - 1).end()));
        }
      }
    }
    return spans;
  }

  /** The character offset of the earliest match, or -1; used to order what an idea mentions first. */
  int firstOffset(Text text) {
    int first = -1;
    for (Text.Span span : find(text)) {
      if (first < 0 || span.start() < first) {
        first = span.start();
      }
    }
    return first;
  }

  private static int firstMatch(Term term, Text text, int from) {
    List<Text.Token> tokens = text.tokens();
    int size = term.words().size();
    for (int i = from; i + size <= tokens.size(); i++) {
      boolean matches = true;
      for (int j = 0; j < size && matches; j++) {
        matches = sameWord(tokens.get(i + j).word(), term.words().get(j)) && (j == 0 || text.adjacent(tokens.get(i + j - 1), tokens.get(i + j)));
      }
      if (matches) {
        return i;
      }
    }
    return -1;
  }

  static boolean sameWord(String word, String term) {
    if (word.equals(term)) {
      return true;
    }
    if (word.length() <= term.length() || !word.startsWith(term)) {
      return false;
    }
    String ending = word.substring(term.length());
    return ending.equals("s") || ending.equals("es");
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
