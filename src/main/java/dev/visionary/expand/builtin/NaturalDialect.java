package dev.visionary.expand.builtin;

import dev.visionary.prompt.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A descriptive paragraph, for models that read natural language (DALL·E, GPT Image, Runway and most others):
 * the subject first, then its details, light, framing, mood and finish, one short sentence each. When the
 * paragraph would pass the target's limit, the least important sentences go first.
 */
final class NaturalDialect implements Dialect {
  private static final java.util.regex.Pattern PHOTOGRAPHIC =
      java.util.regex.Pattern.compile("lens|camera|shutter|exposure|focus|filter|telescope|astrophotography|panning|mm\\b");

  private final Target target;

  NaturalDialect(Target target) {
    this.target = target;
  }

  @Override
  public ExpansionResult render(ScenePlan plan) {
    Draft draft = new Draft(plan);
    String text = draft.write();
    for (int step = 0; text.length() > target.maxChars() && draft.shorten(step); step++) {
      text = draft.write();
    }
    List<String> warnings = new ArrayList<>();
    if (text.length() > target.maxChars()) {
      text = cut(text, target.maxChars());
      warnings.add(String.format("%s reads at most %,d characters: the idea was cut to fit.", target.label(), target.maxChars()));
    }
    return new ExpansionResult(text, null, null, warnings);
  }

  /** Cuts at the last space that fits, so no word is left half-written. */
  private static String cut(String text, int max) {
    int space = text.lastIndexOf(' ', max - 1);
    String kept = text.substring(0, space > 0 ? space : max - 1);
    return kept.replaceAll("[\\s,;:]+$", "") + "…";
  }

  /** The paragraph's parts, which can be left out one group at a time. */
  private static final class Draft {
    private static final Set<String> DETERMINERS = Set.of("a", "an", "the", "this", "that", "these", "those", "my", "your",
        "his", "her", "its", "our", "their", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "some", "many", "several", "few", "every", "each", "no", "ein", "eine", "einen", "der", "die", "das", "un", "une", "le",
        "la", "les", "el", "los", "las", "il", "lo", "gli", "uma", "um", "o", "os", "as", "de", "del", "una", "uno", "unos", "unas",
        "des", "l", "i", "kein", "keine");
    // Nouns that take no article: "street photography of…", not "a street photography of…".
    private static final Set<String> UNCOUNTED = Set.of("photography", "art", "artwork", "light", "rain", "fog", "snow", "water",
        "sound", "loneliness", "silence", "music", "architecture", "typography", "design", "nature", "sunlight");

    private final ScenePlan plan;
    private final List<String> details;
    private final List<String> finish = new ArrayList<>();
    private final int turn;
    private String lighting;
    private String palette;
    private String composition;
    private String camera;
    private String mood;

    Draft(ScenePlan plan) {
      this.plan = plan;
      details = new ArrayList<>(plan.details());
      // Natural-language models want a description, not quality tags: only the style's own words finish it.
      finish.addAll(plan.styleWords());
      lighting = plan.lighting();
      palette = plan.palette();
      composition = plan.composition();
      camera = plan.camera();
      mood = plan.mood();
      // Which of the equivalent phrasings this variation uses, so paragraphs do not share one skeleton.
      turn = Math.floorMod(plan.stylize() * 7 + plan.chaos() * 3 + plan.subject().length(), 3);
    }

    String write() {
      List<String> sentences = new ArrayList<>();
      // Two details join the opening, unless it carries words kept from a prompt being refined; the rest follow.
      boolean bare = plan.anchors().isEmpty() && plan.additions().isEmpty();
      List<String> near = bare ? details.subList(0, Math.min(2, details.size())) : List.of();
      List<String> rest = details.subList(near.size(), details.size());
      sentences.add(near.isEmpty() ? opening() : opening() + ", with " + and(near));
      if (plan.textToRender() != null) {
        sentences.add(written(plan.textToRender()));
      }
      sentences.add(restOf(rest));
      sentences.add(light());
      sentences.add(framing());
      sentences.add(mood == null ? "" : turn == 1 ? mood + " throughout" : "capture " + mood);
      sentences.add(finish.isEmpty() ? "" : and(finish));
      if (!plan.exclusions().isEmpty()) {
        sentences.add("without " + String.join(" and ", plan.exclusions()));
      }
      // Phrases kept from a prompt being refined keep their form: sentences stay sentences, clauses join the first.
      for (String anchor : plan.anchors()) {
        if (Character.isUpperCase(anchor.codePointAt(0))) {
          sentences.add(1, anchor);
        }
      }
      StringBuilder out = new StringBuilder();
      for (String sentence : sentences) {
        if (sentence.isBlank()) {
          continue;
        }
        boolean first = out.length() == 0;
        out.append(first ? "" : " ").append(first ? sentence : capitalized(sentence));
        if (".!?…".indexOf(sentence.charAt(sentence.length() - 1)) < 0) {
          out.append('.');
        }
      }
      return out.toString();
    }

    /** The words the picture must show, exactly as typed. */
    private String written(String words) {
      return switch (turn) {
        case 0 -> "the words \"" + words + "\" appear in clear, legible lettering";
        case 1 -> "the lettering reads \"" + words + "\", crisp and legible";
        default -> "\"" + words + "\" is written in clear, readable letters";
      };
    }

    private String restOf(List<String> rest) {
      if (rest.isEmpty()) {
        return "";
      }
      if (rest.size() == 1) {
        return "notice " + rest.get(0);
      }
      return switch (turn) {
        case 0 -> and(rest) + " complete the picture";
        case 1 -> "notice " + and(rest);
        default -> "there are also " + and(rest);
      };
    }

    private String light() {
      if (lighting == null) {
        return palette == null ? "" : palette;
      }
      if (palette == null) {
        return lighting;
      }
      return turn == 2 ? palette + ", under " + lighting : lighting + ", with " + palette;
    }

    private String framing() {
      String how = null;
      if (camera != null) {
        how = camera.startsWith("shot ") ? camera : PHOTOGRAPHIC.matcher(camera).find() && !camera.contains("shot") ? "shot with " + camera : "with " + camera;
      }
      if (composition == null) {
        return how == null ? "" : how;
      }
      // "An eye-level shot, shot with…" reads twice: the second takes another verb.
      if (how != null && how.startsWith("shot with ") && composition.contains("shot")) {
        how = "taken with " + how.substring("shot with ".length());
      }
      return how == null ? composition : composition + ", " + how;
    }

    /** Leaves out the next least important group; false when nothing optional is left. */
    boolean shorten(int step) {
      switch (step) {
        case 0 -> finish.clear();
        case 1 -> mood = null;
        case 2 -> palette = null;
        case 3 -> camera = null;
        case 4 -> details.subList(Math.min(1, details.size()), details.size()).clear();
        case 5 -> composition = null;
        case 6 -> lighting = null;
        case 7 -> details.clear();
        default -> {
          return false;
        }
      }
      return true;
    }

    /** "A watercolor painting of a beach sunset, a red kite" — the lead, the person's words, then additions. */
    private String opening() {
      String subject = plan.subjectPhrase();
      String lead = plan.styleLead();
      StringBuilder opening = new StringBuilder();
      if (lead != null) {
        opening.append(capitalized(lead)).append(subject.isEmpty() ? "" : " ").append(withArticle(subject));
      } else {
        // The person's words open the paragraph as typed, but with the capital letter a sentence starts with.
        opening.append(capitalized(plan.subject().isEmpty() ? subject : withArticle(subject)));
      }
      List<String> clauses = new ArrayList<>(plan.additions());
      plan.anchors().stream().filter(a -> !Character.isUpperCase(a.codePointAt(0))).forEach(clauses::add);
      for (String clause : clauses) {
        opening.append(opening.length() == 0 ? "" : ", ").append(clause);
      }
      return opening.toString();
    }

    /** "a photograph of a cat", never "of cat": a singular noun after a lead takes its article. */
    static String withArticle(String subject) {
      int space = subject.indexOf(' ');
      String first = (space < 0 ? subject : subject.substring(0, space)).toLowerCase(Locale.ROOT);
      if (first.isEmpty() || !Character.isLetter(first.codePointAt(0)) || DETERMINERS.contains(first)
          || first.endsWith("s") && !first.endsWith("ss") || first.endsWith("'s") || first.matches("\\d.*")
          || !Character.isLowerCase(subject.codePointAt(0)) || uncounted(subject)) {
        return subject;
      }
      return ("aeiou".indexOf(first.charAt(0)) >= 0 ? "an " : "a ") + subject;
    }
  }

  /** Whether the noun the phrase is about (before "of", "in", a comma…) takes no article. */
  private static boolean uncounted(String subject) {
    String head = subject.toLowerCase(Locale.ROOT).split("[,.;:]| of | in | on | at | with | for | through | and ")[0].strip();
    String last = head.substring(head.lastIndexOf(' ') + 1);
    return Draft.UNCOUNTED.contains(last) || last.endsWith("s") && !last.endsWith("ss");
  }

  /** "a, b and c". */
  static String and(List<String> items) {
    if (items.size() <= 1) {
      return items.isEmpty() ? "" : items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
  }

  private static String join(String first, String second) {
    if (first == null) {
      return second == null ? "" : second;
    }
    return second == null ? first : first + ", " + second;
  }

  static String capitalized(String text) {
    if (text.isEmpty() || !Character.isLowerCase(text.codePointAt(0))) {
      return text;
    }
    int first = text.codePointAt(0);
    return new StringBuilder().appendCodePoint(Character.toUpperCase(first)).append(text, Character.charCount(first), text.length()).toString();
  }
}
