package dev.visionary.expand.builtin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A piece of text split into lower-cased words, each remembering where it sits in the original, so that
 * vocabulary terms can be found in it and the person's own words can be edited without retyping them.
 */
record Text(String raw, String lower, List<Token> tokens) {
  private static final int ZERO_WIDTH_JOINER = 0x200D;
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern SPACE_BEFORE_PUNCTUATION = Pattern.compile(" ([,.;:!?])");
  private static final Pattern REPEATED_PUNCTUATION = Pattern.compile("([,;:])(?:\\s*[,;:])+");
  private static final Pattern DANGLING = Pattern.compile("^[\\s,;:]+|[\\s,;:]+$");

  /**
   * One word: letters, digits and combining marks in any script, and emoji (symbols joined as people type
   * them), so "🌅 beach" has two words; everything else separates words.
   */
  record Token(String word, int start, int end) {}

  /** The characters a found term covers in {@link #raw}. */
  record Span(int start, int end) {}

  static Text of(String raw) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < raw.length()) {
      int cp = raw.codePointAt(i);
      if (isWordChar(cp)) {
        int start = i;
        while (i < raw.length() && isWordChar(raw.codePointAt(i))) {
          i += Character.charCount(raw.codePointAt(i));
        }
        tokens.add(new Token(raw.substring(start, i).toLowerCase(Locale.ROOT), start, i));
      } else {
        i += Character.charCount(cp);
      }
    }
    String lower = raw.toLowerCase(Locale.ROOT);
    // Lower-casing can change the length of a few characters; searching the original then keeps offsets right.
    return new Text(raw, lower.length() == raw.length() ? lower : raw, List.copyOf(tokens));
  }

  static boolean isWordChar(int cp) {
    int type = Character.getType(cp);
    return Character.isLetterOrDigit(cp) || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
        || type == Character.OTHER_SYMBOL || type == Character.ENCLOSING_MARK || cp == ZERO_WIDTH_JOINER;
  }

  List<String> words() {
    List<String> words = new ArrayList<>(tokens.size());
    for (Token token : tokens) {
      words.add(token.word());
    }
    return words;
  }

  /** Whether only spaces and hyphens stand between two tokens, so they read as one phrase. */
  boolean adjacent(Token left, Token right) {
    for (int i = left.end(); i < right.start(); i++) {
      char c = raw.charAt(i);
      if (!Character.isWhitespace(c) && c != '-' && c != '\'') {
        return false;
      }
    }
    return true;
  }

  /**
   * The text with the given spans taken out, together with the small words that only connected them
   * ("a beach at sunset" without "sunset" is "a beach", not "a beach at"), tidied of doubled spaces and
   * dangling punctuation.
   */
  String without(List<Span> spans, Terms connectives, Terms articles) {
    if (spans.isEmpty()) {
      return raw;
    }
    boolean[] removed = new boolean[raw.length()];
    for (Span span : spans) {
      int start = span.start();
      int end = span.end();
      int following = indexAtOrAfter(end);
      if (following < tokens.size() && !connectives.isWord(tokens.get(following).word()) && adjacent(tokenBefore(end), tokens.get(following))) {
        // Used like an adjective ("a sunny street"): only the word itself goes.
        mark(removed, start, end);
        continue;
      }
      int before = indexBefore(start);
      int taken = 0;
      while (before >= 0 && taken < 3 && connectives.isWord(tokens.get(before).word()) && adjacent(tokens.get(before), tokenAtOrAfter(start))) {
        start = tokens.get(before).start();
        before--;
        taken++;
      }
      if (before < 0) {
        // At the very start nothing precedes, so a following preposition would dangle instead.
        int after = indexAtOrAfter(end);
        while (after < tokens.size() && connectives.isWord(tokens.get(after).word()) && !articles.isWord(tokens.get(after).word())) {
          end = tokens.get(after).end();
          after++;
        }
      }
      mark(removed, start, end);
    }
    StringBuilder out = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      if (!removed[i]) {
        out.append(raw.charAt(i));
      }
    }
    return tidy(out.toString());
  }

  private static void mark(boolean[] removed, int start, int end) {
    for (int i = start; i < end; i++) {
      removed[i] = true;
    }
  }

  static String tidy(String text) {
    String tidied = SPACES.matcher(text).replaceAll(" ");
    tidied = SPACE_BEFORE_PUNCTUATION.matcher(tidied).replaceAll("$1");
    tidied = REPEATED_PUNCTUATION.matcher(tidied).replaceAll("$1");
    return DANGLING.matcher(tidied).replaceAll("");
  }

  private int indexBefore(int charIndex) {
    int index = -1;
    for (int i = 0; i < tokens.size() && tokens.get(i).end() <= charIndex; i++) {
      index = i;
    }
    return index;
  }

  private int indexAtOrAfter(int charIndex) {
    int i = 0;
    while (i < tokens.size() && tokens.get(i).start() < charIndex) {
      i++;
    }
    return i;
  }

  private Token tokenBefore(int charIndex) {
    int index = indexBefore(charIndex);
    return index >= 0 ? tokens.get(index) : new Token("", charIndex, charIndex);
  }

  private Token tokenAtOrAfter(int charIndex) {
    int index = indexAtOrAfter(charIndex);
    return index < tokens.size() ? tokens.get(index) : new Token("", charIndex, charIndex);
  }
}
