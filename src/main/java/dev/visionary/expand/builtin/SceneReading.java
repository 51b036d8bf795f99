package dev.visionary.expand.builtin;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The idea read as a scene before anything is written: what it implies (setting, time, weather, era, medium,
 * mood…, see {@code vocabulary/conflicts.json}), what it rules out ("without people", "no animals"), the text
 * it asks to render, and whether it already names a lens or a light. Inspectable: {@link #describe()}.
 *
 * @param tags what the idea's words imply, less what they negate
 * @param forbidden implications the idea negates: "no animals" forbids anything implying animals
 * @param negated the words after "without" or "no", which no addition may contain
 * @param textToRender the words to appear in the picture, exactly as typed, or null
 * @param givesLens the idea names a lens, framing or camera technique, which no addition replaces
 * @param givesLighting the idea names its light, which no addition replaces
 */
record SceneReading(Set<String> tags, Set<String> forbidden, List<String> negated, List<Text.Span> negatedSpans, String textToRender,
                    boolean givesLens, boolean givesLighting) {
  private static final Pattern MILLIMETRES = Pattern.compile("\\b\\d+(?:-\\d+)? ?mm\\b");
  private static final Pattern QUOTED = Pattern.compile("[\"“«]([^\"”»]+)[\"”»]");
  private static final Set<String> LIST_WORDS = Set.of("or", "and", "any", "a", "an", "the", "nor", "oder", "und", "ni", "ou", "o");
  private static final Set<String> STOP_WORDS = Set.of("with", "in", "on", "at", "but", "while", "under", "by");
  private static final Pattern ATTACHING = Pattern.compile("\\b(?:with|holding|wearing|carrying|reading|beside|next to|near|behind|on|in|at|under|by)\\b");

  static SceneReading read(String idea, Vocabulary vocabulary) {
    Conflicts conflicts = vocabulary.conflicts;
    Text text = Text.of(idea);
    List<Text.Token> tokens = text.tokens();
    String raw = text.raw();

    // "without umbrellas or people", "no animals": the words up to the next comma or preposition.
    List<String> negated = new ArrayList<>();
    List<Text.Span> negatedSpans = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      if (!conflicts.negationMarkers.isWord(tokens.get(i).word())) {
        continue;
      }
      int start = tokens.get(i).start();
      int j = i + 1;
      for (; j < tokens.size(); j++) {
        Text.Token token = tokens.get(j);
        if (punctuationBetween(raw, tokens.get(j - 1).end(), token.start()) || STOP_WORDS.contains(token.word())) {
          break;
        }
        if (!LIST_WORDS.contains(token.word())) {
          negated.add(token.word());
        }
      }
      negatedSpans.add(new Text.Span(start, tokens.get(j - 1).end()));
      i = j - 1;
    }

    List<Terms.Match> matches = conflicts.implied.matches(text);
    // A design word after what attaches things to a subject ("a perfume bottle with a gold label", "a fisherman
    // holding a map") names a thing in the picture, not what the picture is: it implies nothing.
    Matcher attached = ATTACHING.matcher(raw.toLowerCase(Locale.ROOT));
    int head = attached.find() ? attached.start() : Integer.MAX_VALUE;
    Set<Text.Span> heldThings = new HashSet<>();
    for (Terms.Match match : matches) {
      if (match.owner().equals("graphic") && match.span().start() > head) {
        heldThings.add(match.span());
      }
    }
    Set<String> tags = new HashSet<>();
    for (Terms.Match match : matches) {
      if (!inside(match.span(), negatedSpans) && !heldThings.contains(match.span())) {
        tags.add(match.owner());
      }
    }
    Set<String> forbidden = new HashSet<>();
    negated.forEach(word -> forbidden.addAll(conflicts.tagsNamedBy(word)));
    tags.removeAll(forbidden);

    String render = textToRender(raw, text, conflicts);
    if (render != null) {
      tags.add("text");
      forbidden.remove("text");
    }
    return new SceneReading(Set.copyOf(tags), Set.copyOf(forbidden), List.copyOf(negated), List.copyOf(negatedSpans), render,
        conflicts.lensWords.foundIn(text) || MILLIMETRES.matcher(raw).find(), conflicts.lightingWords.foundIn(text));
  }

  boolean has(String tag) {
    return tags.contains(tag);
  }

  boolean graphic() {
    return tags.contains("graphic");
  }

  /** The setting in one word, as the Studio shows it. */
  String setting() {
    for (String tag : List.of("graphic", "underwater", "space", "indoor", "outdoor")) {
      if (tags.contains(tag)) {
        return tag.equals("graphic") ? "graphic design" : tag;
      }
    }
    return "open";
  }

  /** One line a person can read: what the engine understood. */
  String describe() {
    StringBuilder out = new StringBuilder("setting: ").append(setting());
    List<String> sorted = new ArrayList<>(tags);
    sorted.sort(null);
    out.append("; implies: ").append(String.join(", ", sorted));
    if (!negated.isEmpty()) {
      out.append("; without: ").append(String.join(", ", negated));
    }
    if (textToRender != null) {
      out.append("; text: \"").append(textToRender).append('"');
    }
    if (givesLens) {
      out.append("; keeps its lens");
    }
    if (givesLighting) {
      out.append("; keeps its light");
    }
    return out.toString();
  }

  /** Quoted words, or what follows "that says", "the words" or a name ("called Spoke & Chain"). */
  private static String textToRender(String raw, Text text, Conflicts conflicts) {
    Matcher quoted = QUOTED.matcher(raw);
    if (quoted.find()) {
      return quoted.group(1).strip();
    }
    for (Terms.Match marker : conflicts.textMarkers.matches(text)) {
      String rest = raw.substring(marker.span().end()).stripLeading();
      int stop = firstOf(rest, ",.;!?");
      String words = rest.substring(0, stop).strip();
      if (words.isEmpty()) {
        continue;
      }
      String markerWord = raw.substring(marker.span().start(), marker.span().end()).toLowerCase(Locale.ROOT);
      boolean saying = markerWord.contains("say") || markerWord.startsWith("the word") || markerWord.contains("text");
      // "an owl reading a newspaper" reads; "a sign reading OPEN" shows words: a name starts with a capital.
      if (saying || Character.isUpperCase(words.codePointAt(0))) {
        return words;
      }
    }
    return null;
  }

  private static int firstOf(String text, String stops) {
    for (int i = 0; i < text.length(); i++) {
      if (stops.indexOf(text.charAt(i)) >= 0) {
        return i;
      }
    }
    return text.length();
  }

  private static boolean punctuationBetween(String raw, int from, int to) {
    for (int i = from; i < to && i < raw.length(); i++) {
      if (",.;:!?".indexOf(raw.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean inside(Text.Span span, List<Text.Span> spans) {
    for (Text.Span s : spans) {
      if (span.start() >= s.start() && span.end() <= s.end()) {
        return true;
      }
    }
    return false;
  }
}
