package dev.visionary.expand.builtin;

import dev.visionary.prompt.Target;
import java.util.ArrayList;
import java.util.List;

/**
 * A descriptive paragraph, for models that read natural language (DALL·E, GPT Image, Runway and most others):
 * the subject first, then its details, light, framing, mood and finish, one short sentence each. When the
 * paragraph would pass the target's limit, the least important sentences go first.
 */
final class NaturalDialect implements Dialect {
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
    private final ScenePlan plan;
    private final List<String> details;
    private final List<String> finish = new ArrayList<>();
    private String lighting;
    private String palette;
    private String composition;
    private String camera;
    private String mood;

    Draft(ScenePlan plan) {
      this.plan = plan;
      details = new ArrayList<>(plan.details());
      finish.addAll(plan.styleWords());
      finish.addAll(plan.quality());
      lighting = plan.lighting();
      palette = plan.palette();
      composition = plan.composition();
      camera = plan.camera();
      mood = plan.mood();
    }

    String write() {
      List<String> sentences = new ArrayList<>();
      sentences.add(opening());
      sentences.add(String.join(", ", details));
      sentences.add(join(lighting, palette));
      sentences.add(join(composition, camera));
      sentences.add(mood == null ? "" : mood);
      sentences.add(String.join(", ", finish));
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
        opening.append(capitalized(lead)).append(subject.isEmpty() ? "" : " ").append(subject);
      } else {
        // The person's words open the paragraph exactly as typed, capital letter or not.
        opening.append(plan.subject().isEmpty() ? capitalized(subject) : subject);
      }
      List<String> clauses = new ArrayList<>(plan.additions());
      plan.anchors().stream().filter(a -> !Character.isUpperCase(a.codePointAt(0))).forEach(clauses::add);
      for (String clause : clauses) {
        opening.append(opening.length() == 0 ? "" : ", ").append(clause);
      }
      return opening.toString();
    }
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
