package dev.visionary.expand.builtin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A prompt being refined, taken apart into phrases: the vocabulary phrases the built-in engine knows
 * (lighting, details, style words...) and everything else, kept word for word. Reads all dialects: paragraphs,
 * Stable Diffusion's weighted tags and Midjourney's trailing parameters.
 *
 * @param subject the first phrase the engine does not know, less any style lead, setting, time or weather phrase
 * @param anchors the other unknown phrases, as written
 * @param styleId the style whose lead or tag the prompt uses, or null
 * @param aspect the Midjourney aspect ratio it was written with ("16:9"), or null
 * @param stylize its Midjourney {@code --stylize}, or null
 * @param chaos its Midjourney {@code --chaos}, or null
 */
record BasePrompt(String text, String subject, List<String> anchors, List<KnownPhrase> known, List<String> exclusions,
                  String styleId, String aspect, Integer stylize, Integer chaos) {
  private static final Pattern PARAMETERS = Pattern.compile("(?:^|\\s)--[a-zA-Z]");
  private static final Pattern NO_PARAMETER = Pattern.compile("--no\\s+(.*?)(?=\\s--[a-zA-Z]|$)");
  private static final Pattern ASPECT_PARAMETER = Pattern.compile("--(?:ar|aspect)\\s+(\\d+:\\d+)");
  private static final Pattern STYLIZE_PARAMETER = Pattern.compile("--(?:stylize|s)\\s+(\\d+)");
  private static final Pattern CHAOS_PARAMETER = Pattern.compile("--(?:chaos|c)\\s+(\\d+)");
  private static final Pattern WEIGHTED = Pattern.compile("(?<!\\\\)\\(([^()]*?):\\s*[-+]?\\d*\\.?\\d+\\s*\\)");
  private static final Pattern EMPHASIS = Pattern.compile("(?<!\\\\)[()\\[\\]]");
  private static final Pattern ESCAPED = Pattern.compile("\\\\([()\\[\\]])");
  private static final Pattern SEGMENTS = Pattern.compile("[,;\\n]+|\\.(?=\\s|$)");
  private static final String WITHOUT = "without ";

  static BasePrompt parse(String prompt, Vocabulary vocabulary) {
    List<String> exclusions = new ArrayList<>();
    String text = prompt;
    String aspect = null;
    Integer stylize = null;
    Integer chaos = null;
    Matcher parameters = PARAMETERS.matcher(text);
    if (parameters.find()) {
      String written = text.substring(parameters.start());
      aspect = group(ASPECT_PARAMETER, written);
      stylize = number(group(STYLIZE_PARAMETER, written), 1000);
      chaos = number(group(CHAOS_PARAMETER, written), 100);
      Matcher no = NO_PARAMETER.matcher(text.substring(parameters.start()));
      if (no.find()) {
        for (String item : no.group(1).split(",")) {
          // The usual --no list the engine writes itself is not something the person asked to keep out.
          if (!vocabulary.midjourneyNegatives.contains(item.strip())) {
            addIfPresent(exclusions, item);
          }
        }
      }
      text = text.substring(0, parameters.start());
    }
    String unweighted;
    do {
      unweighted = text;
      text = WEIGHTED.matcher(text).replaceAll("$1");
    } while (!text.equals(unweighted));
    text = ESCAPED.matcher(EMPHASIS.matcher(text).replaceAll("")).replaceAll("$1");

    String subject = null;
    String styleId = null;
    List<String> anchors = new ArrayList<>();
    List<KnownPhrase> known = new ArrayList<>();
    for (String raw : SEGMENTS.split(text)) {
      String segment = raw.strip();
      String lower = segment.toLowerCase(Locale.ROOT);
      KnownPhrase phrase = vocabulary.knownPhrases.get(lower);
      List<KnownPhrase> joined = phrase == null && subject != null ? joinedPhrases(lower, vocabulary) : null;
      if (joined != null) {
        known.addAll(joined);
        continue;
      }
      if (segment.isEmpty()) {
        continue;
      } else if (lower.startsWith(WITHOUT)) {
        for (String item : segment.substring(WITHOUT.length()).split(" and ")) {
          addIfPresent(exclusions, item);
        }
      } else if (phrase != null) {
        known.add(phrase);
        if (phrase.role() == KnownPhrase.Role.STYLE_TAG) {
          styleId = phrase.owner();
        }
      } else if (subject == null) {
        for (var style : vocabulary.styles.entrySet()) {
          String lead = style.getValue().lead();
          if (lead != null && lower.startsWith(lead.toLowerCase(Locale.ROOT) + " ")) {
            styleId = style.getKey();
            segment = segment.substring(lead.length() + 1);
            break;
          }
        }
        subject = withoutTrailingPhrases(segment, vocabulary, known);
      } else {
        anchors.add(segment);
      }
    }
    return new BasePrompt(text, subject, List.copyOf(anchors), List.copyOf(known), List.copyOf(exclusions), styleId,
        aspect, stylize, chaos);
  }

  // Where a clause of the natural paragraph joins two phrases: "soft light brings out warm tones", "warm tones under soft light".
  private static final Pattern CLAUSE_JOINS = Pattern.compile("\\s+(?:under|brings? out)\\s+");

  /**
   * Known phrases woven into a clause by the paragraph's own words ("with a, b and c", "look closer for d", "e sets
   * the scene", "soft light brings out warm tones", "the first lights are flickering on"), or null when any part of
   * the clause is not the engine's: then the clause is the person's and is kept as written.
   */
  private static List<KnownPhrase> joinedPhrases(String segment, Vocabulary vocabulary) {
    String rest = segment;
    for (String unwoven = CardEdit.WOVEN.matcher(rest).replaceAll(""); !unwoven.equals(rest); unwoven = CardEdit.WOVEN.matcher(rest).replaceAll("")) {
      rest = unwoven;
    }
    KnownPhrase whole = lookup(rest, vocabulary);
    if (whole != null) {
      return List.of(whole);
    }
    // Phrases of their own hold "under" ("pools of light under the street lamps"): split there only when the
    // clause does not read as known phrases without it.
    List<KnownPhrase> listed = listed(rest, vocabulary);
    if (listed != null) {
      return listed;
    }
    List<KnownPhrase> out = new ArrayList<>();
    for (String clause : CLAUSE_JOINS.split(rest)) {
      List<KnownPhrase> part = listed(clause, vocabulary);
      if (part == null) {
        return null;
      }
      out.addAll(part);
    }
    return out.isEmpty() ? null : out;
  }

  /** "a, b and c" as known phrases, or null; phrases with "and" of their own ("rigging and ropes") are matched whole first. */
  private static List<KnownPhrase> listed(String clause, Vocabulary vocabulary) {
    String[] parts = clause.split(" and ");
    List<KnownPhrase> out = new ArrayList<>();
    for (int first = 0; first < parts.length; ) {
      KnownPhrase found = null;
      int next = first + 1;
      for (int last = parts.length; last > first && found == null; last--) {
        found = lookup(String.join(" and ", java.util.Arrays.asList(parts).subList(first, last)), vocabulary);
        next = last;
      }
      if (found == null) {
        return null;
      }
      out.add(found);
      first = next;
    }
    return out.isEmpty() ? null : out;
  }

  /** A known phrase as written, or as the paragraph turned it into a sentence ("clouds are drifting" for "clouds drifting"). */
  private static KnownPhrase lookup(String phrase, Vocabulary vocabulary) {
    KnownPhrase known = vocabulary.knownPhrases.get(phrase);
    if (known == null) {
      String participle = CardEdit.HELPER.matcher(phrase).replaceFirst(" ");
      known = participle.equals(phrase) ? null : vocabulary.knownPhrases.get(participle);
    }
    return known;
  }

  /** Splits "a cat on a windowsill at golden hour" into the subject and the known phrases written after it. */
  private static String withoutTrailingPhrases(String segment, Vocabulary vocabulary, List<KnownPhrase> known) {
    String rest = segment;
    boolean stripped = true;
    while (stripped) {
      stripped = false;
      String lower = rest.toLowerCase(Locale.ROOT);
      KnownPhrase longest = vocabulary.knownPhrases.values().stream()
          .filter(p -> p.role() == KnownPhrase.Role.TIME_PHRASE || p.role() == KnownPhrase.Role.WEATHER_PHRASE || p.role() == KnownPhrase.Role.SETTING)
          .filter(p -> lower.endsWith(" " + p.phrase().toLowerCase(Locale.ROOT)))
          .max(Comparator.comparingInt(p -> p.phrase().length()))
          .orElse(null);
      if (longest != null) {
        known.add(longest);
        rest = rest.substring(0, rest.length() - longest.phrase().length()).strip();
        stripped = true;
      }
    }
    return rest;
  }

  /** The person's (or another engine's) own words: the subject and the anchors. */
  List<String> written() {
    List<String> written = new ArrayList<>();
    if (subject != null) {
      written.add(subject);
    }
    written.addAll(anchors);
    return written;
  }

  private static String group(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    return matcher.find() ? matcher.group(1) : null;
  }

  /** A parameter value, or null when absent or outside what Midjourney accepts. */
  private static Integer number(String digits, int max) {
    if (digits == null || digits.length() > 4) {
      return null;
    }
    int value = Integer.parseInt(digits);
    return value <= max ? value : null;
  }

  private static void addIfPresent(List<String> list, String item) {
    String stripped = item.strip();
    if (!stripped.isEmpty()) {
      list.add(stripped);
    }
  }
}
