package dev.visionary.expand.builtin;

import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ideas typed in French, German, Spanish, Italian, Portuguese or Japanese, or in emoji, read into the English the
 * rest of the engine understands ({@code vocabulary/languages.json}). The English serves only to read the idea and to
 * gloss it after the person's words; the person's words themselves stay exactly as typed.
 */
final class Glossary {
  /** @param emoji what an emoji shows, in English with its article ("🍄": "a mushroom") */
  record File(String note, Map<String, String> emoji, Map<String, Language> languages) {}

  /**
   * One language's words. {@code small}: articles, prepositions, "without"; {@code positions} and
   * {@code modifiers}: Japanese nouns that place ("中", in) or time ("夜", at night) the noun after "の".
   */
  record Language(String name, boolean adjectiveAfterNoun, Map<String, String> small, Map<String, String> adjectives,
                  Map<String, String> words, Map<String, String> positions, Map<String, String> modifiers) {
    Language {
      small = mapOf(small);
      adjectives = mapOf(adjectives);
      words = mapOf(words);
      positions = mapOf(positions);
      modifiers = mapOf(modifiers);
    }
  }

  /**
   * An idea understood in another language.
   *
   * @param language the language's name in English ("French")
   * @param typed the person's words, as typed (without a gloss the engine wrote after them earlier)
   * @param english what the engine understood, in English: "a black cat on the roofs of Paris"
   */
  record Reading(String language, String typed, String english) {
    /** The person's words followed by the English the engine read them as. */
    String glossed() {
      return typed + " (" + english + ")";
    }
  }

  private enum Role { SMALL, ADJECTIVE, WORD, POSITION, MODIFIER, UNKNOWN }

  private record Piece(String english, Role role, String key, int start, int end) {}

  private record Entry(String english, Role role) {}

  // No "\\s*" before the bracket: next to a lazy group it backtracks over a long run of spaces; read() strips them.
  private static final Pattern GLOSSED = Pattern.compile("^(.+?)\\(([^()]+)\\)$", Pattern.DOTALL);
  private static final Pattern ARTICLE_BEFORE_VOWEL = Pattern.compile("\\b([Aa]) (?=[aeiouAEIOU])");
  private static final Pattern REPEATED_THE = Pattern.compile("\\bthe the\\b");
  private static final String NO = "の";
  private static final int LONGEST_PHRASE = 4;

  final String note;
  private final Map<String, String> emoji;
  private final List<String> codes = new ArrayList<>();
  private final List<Language> languages = new ArrayList<>();
  // Per language: every key, written the way Text splits words ("d'estate" as "d estate"), and what it means.
  private final List<Map<String, Entry>> entries = new ArrayList<>();
  private final Map<String, Entry> japanese;
  private final int longestJapanese;

  Glossary(File file) {
    note = file.note();
    emoji = mapOf(file.emoji());
    Map<String, Entry> ja = Map.of();
    int longest = 0;
    for (Map.Entry<String, Language> language : file.languages().entrySet()) {
      Language l = language.getValue();
      Map<String, Entry> byKey = new HashMap<>();
      put(byKey, l.words(), Role.WORD, language.getKey());
      put(byKey, l.adjectives(), Role.ADJECTIVE, language.getKey());
      put(byKey, l.modifiers(), Role.MODIFIER, language.getKey());
      put(byKey, l.positions(), Role.POSITION, language.getKey());
      put(byKey, l.small(), Role.SMALL, language.getKey());
      codes.add(language.getKey());
      languages.add(l);
      entries.add(byKey);
      if (language.getKey().equals("ja")) {
        ja = byKey;
        longest = byKey.keySet().stream().mapToInt(String::length).max().orElse(1);
      }
    }
    japanese = ja;
    longestJapanese = longest;
  }

  private static void put(Map<String, Entry> byKey, Map<String, String> words, Role role, String code) {
    words.forEach((key, english) -> byKey.put(code.equals("ja") ? key : String.join(" ", Text.of(key).words()), new Entry(english, role)));
  }

  /** The idea read in the language it is written in, or null when it reads as English (or as nothing known). */
  Reading read(String idea) {
    String typed = idea.strip();
    // A card refined later carries the gloss written earlier: the person's words are what precedes it.
    Matcher glossed = GLOSSED.matcher(typed);
    if (glossed.matches()) {
      Reading inner = read(glossed.group(1));
      if (inner != null) {
        return inner;
      }
    }
    String fromEmoji = emoji(typed);
    if (fromEmoji != null) {
      return new Reading("emoji", typed, fromEmoji);
    }
    if (hasJapanese(typed) && !japanese.isEmpty()) {
      String english = japanese(typed);
      return english == null ? null : new Reading(languages.get(codes.indexOf("ja")).name(), typed, english);
    }
    Text text = Text.of(typed);
    List<Text.Token> tokens = text.tokens();
    int best = -1;
    int bestCount = 0;
    for (int l = 0; l < languages.size(); l++) {
      if (codes.get(l).equals("ja")) {
        continue;
      }
      int count = 0;
      for (Text.Token token : tokens) {
        Entry entry = entries.get(l).get(token.word());
        // A word spelled the same in English ("in", "dragon") says nothing about the language.
        if (entry != null && !entry.english().equalsIgnoreCase(token.word())) {
          count++;
        }
      }
      if (count > bestCount) {
        best = l;
        bestCount = count;
      }
    }
    // Most words must be known: one shared word ("see", "pain") does not make an English idea German or French.
    boolean foreign = bestCount >= 2 && bestCount * 2 >= tokens.size()
        || bestCount == 1 && tokens.size() == 1 && entries.get(best).get(tokens.get(0).word()).role() == Role.WORD;
    if (!foreign) {
      return null;
    }
    return new Reading(languages.get(best).name(), typed, tidy(spaced(text, entries.get(best), languages.get(best))));
  }

  /** Word by word, longest phrase first; Romance adjectives move before their noun ("chat noir", a black cat). */
  private static String spaced(Text text, Map<String, Entry> byKey, Language language) {
    List<Text.Token> tokens = text.tokens();
    List<Piece> pieces = new ArrayList<>();
    for (int i = 0; i < tokens.size(); ) {
      int taken = 1;
      Piece piece = null;
      for (int k = Math.min(LONGEST_PHRASE, tokens.size() - i); k >= 1 && piece == null; k--) {
        StringBuilder key = new StringBuilder(tokens.get(i).word());
        for (int j = 1; j < k; j++) {
          key.append(' ').append(tokens.get(i + j).word());
        }
        Entry entry = byKey.get(key.toString());
        if (entry != null) {
          piece = new Piece(entry.english(), entry.role(), key.toString(), tokens.get(i).start(), tokens.get(i + k - 1).end());
          taken = k;
        }
      }
      if (piece == null) {
        Text.Token token = tokens.get(i);
        piece = new Piece(text.raw().substring(token.start(), token.end()), Role.UNKNOWN, token.word(), token.start(), token.end());
      }
      pieces.add(piece);
      i += taken;
    }
    if (language.adjectiveAfterNoun()) {
      for (int i = 0; i + 1 < pieces.size(); i++) {
        if (pieces.get(i).role() == Role.WORD && pieces.get(i + 1).role() == Role.ADJECTIVE) {
          swap(pieces, i, i + 1);
          i++;
        }
      }
      // "une rue de village": a village street; "les toits de Paris" keeps "of" before a name.
      for (int i = 0; i + 2 < pieces.size(); i++) {
        if (pieces.get(i).role() == Role.WORD && pieces.get(i + 1).english().equals("of") && pieces.get(i + 2).role() == Role.WORD
            && (i + 3 == pieces.size() || pieces.get(i + 3).role() != Role.ADJECTIVE)) {
          Piece head = pieces.get(i);
          pieces.set(i, pieces.get(i + 2));
          pieces.set(i + 1, new Piece("", Role.SMALL, "", head.start(), head.start()));
          pieces.set(i + 2, head);
        }
      }
    }
    StringBuilder out = new StringBuilder();
    int previousEnd = -1;
    for (Piece piece : pieces) {
      if (!piece.english().isEmpty()) {
        boolean comma = previousEnd >= 0 && text.raw().substring(previousEnd, Math.max(previousEnd, piece.start())).contains(",");
        out.append(out.length() == 0 ? "" : comma ? ", " : " ").append(piece.english());
      }
      previousEnd = Math.max(previousEnd, piece.end());
    }
    return out.toString();
  }

  private static void swap(List<Piece> pieces, int a, int b) {
    Piece first = pieces.get(a);
    pieces.set(a, pieces.get(b));
    pieces.set(b, first);
  }

  /**
   * Japanese has no spaces and puts the head noun last: "竹林の中の小さな寺" is a small temple in the bamboo
   * forest. Each part between "の" is read longest word first; the last part is the subject, a part naming a
   * position ("中") places it in the part before, a part naming a time or weather ("夜") joins as "at night".
   */
  private String japanese(String typed) {
    List<List<Piece>> parts = new ArrayList<>();
    List<Piece> part = new ArrayList<>();
    boolean known = false;
    StringBuilder unknown = new StringBuilder();
    for (int i = 0; i < typed.length(); ) {
      Entry entry = null;
      int length = 0;
      for (int k = Math.min(longestJapanese, typed.length() - i); k >= 1 && entry == null; k--) {
        entry = japanese.get(typed.substring(i, i + k));
        length = k;
      }
      if (entry == null && typed.startsWith(NO, i)) {
        flush(unknown, part, i);
        parts.add(part);
        part = new ArrayList<>();
        i += NO.length();
        continue;
      }
      if (entry == null) {
        int cp = typed.codePointAt(i);
        if (Character.isWhitespace(cp) || !Text.isWordChar(cp)) {
          flush(unknown, part, i);
        } else {
          unknown.appendCodePoint(cp);
        }
        i += Character.charCount(cp);
        continue;
      }
      flush(unknown, part, i);
      known = true;
      String key = typed.substring(i, i + length);
      part.add(new Piece(entry.english(), entry.role(), key, i, i + length));
      i += length;
    }
    flush(unknown, part, typed.length());
    parts.add(part);
    parts.removeIf(List::isEmpty);
    if (!known || parts.isEmpty()) {
      return null;
    }
    Language ja = languages.get(codes.indexOf("ja"));
    List<String> after = new ArrayList<>();
    List<List<Piece>> nouns = new ArrayList<>();
    for (int k = 0; k < parts.size(); k++) {
      List<Piece> p = parts.get(k);
      String position = k + 1 < parts.size() ? single(parts.get(k + 1), ja.positions()) : null;
      String modifier = single(p, ja.modifiers());
      if (position != null) {
        // "雨の中", in the rain: a time or weather says its own preposition.
        after.add(modifier != null ? modifier : position + " " + definite(phrase(p)));
        k++;
      } else if (modifier != null && parts.size() > 1) {
        after.add(modifier);
      } else {
        nouns.add(p);
      }
    }
    if (nouns.isEmpty()) {
      return null;
    }
    StringBuilder out = new StringBuilder(withArticle(phrase(nouns.get(nouns.size() - 1))));
    for (int k = nouns.size() - 2; k >= 0; k--) {
      out.append(" of ").append(definite(phrase(nouns.get(k))));
    }
    after.forEach(a -> out.append(' ').append(a));
    return tidy(out.toString());
  }

  /** What a part means in the given role, when the part is that one word. */
  private static String single(List<Piece> part, Map<String, String> role) {
    return part.size() == 1 ? role.get(part.get(0).key()) : null;
  }

  /** "the bamboo forest", but "Tokyo". */
  private static String definite(String noun) {
    return noun.isEmpty() || !Character.isLowerCase(noun.codePointAt(0)) ? noun : "the " + noun;
  }

  private static void flush(StringBuilder unknown, List<Piece> part, int end) {
    if (!unknown.isEmpty()) {
      part.add(new Piece(unknown.toString(), Role.UNKNOWN, unknown.toString(), end - unknown.length(), end));
      unknown.setLength(0);
    }
  }

  private static String phrase(List<Piece> part) {
    List<String> words = new ArrayList<>();
    part.stream().map(Piece::english).filter(w -> !w.isEmpty()).forEach(words::add);
    return String.join(" ", words);
  }

  /** "a small temple"; a plural, a name or a word not understood stands alone. */
  private static String withArticle(String noun) {
    if (noun.isEmpty() || !Character.isLowerCase(noun.codePointAt(0))) {
      return noun;
    }
    String head = noun.substring(noun.lastIndexOf(' ') + 1);
    return head.endsWith("s") ? noun : "a " + noun;
  }

  private static String tidy(String english) {
    String out = REPEATED_THE.matcher(english).replaceAll("the");
    out = ARTICLE_BEFORE_VOWEL.matcher(out).replaceAll("$1n ");
    return Text.tidy(out);
  }

  private static boolean hasJapanese(String text) {
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (Character.isLetter(cp)) {
        UnicodeScript script = UnicodeScript.of(cp);
        if (script == UnicodeScript.HIRAGANA || script == UnicodeScript.KATAKANA || script == UnicodeScript.HAN) {
          return true;
        }
      }
      i += Character.charCount(cp);
    }
    return false;
  }

  private static final Pattern DETERMINER = Pattern.compile("(?i)(?:a|an|the|my|your|his|her|its|our|their|one|this|that)");
  private static final Pattern ARTICLE = Pattern.compile("^(?:a|an|the) ");

  /**
   * "🍄🌲✨" as "a mushroom with an evergreen tree and sparkles", "a 🐱 on a 🛋️" as "a cat on a sofa"; null when the idea
   * has no emoji this knows, or one joined into a sequence ("👩‍🍳"), whose parts would misread it.
   */
  private String emoji(String typed) {
    List<String> words = new ArrayList<>();
    boolean known = false;
    boolean letters = false;
    for (String token : typed.split("\\s+")) {
      if (token.indexOf('\u200D') >= 0) {
        return null;
      }
      StringBuilder plain = new StringBuilder();
      List<String> shown = new ArrayList<>();
      for (int i = 0; i < token.length(); ) {
        int cp = token.codePointAt(i);
        i += Character.charCount(cp);
        String meaning = emoji.get(new String(Character.toChars(cp)));
        if (meaning != null) {
          shown.add(meaning);
          known = true;
        } else if (cp != 0xFE0F) {
          plain.appendCodePoint(cp);
          letters |= Character.isLetterOrDigit(cp);
        }
      }
      if (!plain.isEmpty()) {
        words.add(plain.toString());
      }
      for (String meaning : shown) {
        // "a 🐱": the person's article stands; the emoji brings only its noun.
        boolean determined = !words.isEmpty() && DETERMINER.matcher(words.get(words.size() - 1)).matches();
        words.add(determined ? ARTICLE.matcher(meaning).replaceFirst("") : meaning);
      }
    }
    if (!known) {
      return null;
    }
    if (letters) {
      return String.join(" ", words); // among words an emoji stands for its word
    }
    // Emoji alone are things seen together, said without commas: Stable Diffusion's tags split on them.
    return words.size() < 3 ? String.join(" and ", words)
        : words.get(0) + " with " + String.join(" and ", words.subList(1, words.size()));
  }

  private static Map<String, String> mapOf(Map<String, String> map) {
    return map == null ? Map.of() : Map.copyOf(map);
  }

  /** What the card says about an idea in another language. */
  String noteFor(Reading reading) {
    return "Read as " + reading.language() + ": \u201C" + reading.english() + "\u201D. " + note;
  }
}
