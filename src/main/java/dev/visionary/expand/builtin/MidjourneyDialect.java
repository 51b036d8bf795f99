package dev.visionary.expand.builtin;

import dev.visionary.prompt.MidjourneyParameters;
import java.util.ArrayList;
import java.util.List;

/**
 * Short descriptive phrases followed by parameters ({@code --ar --stylize --chaos --no --v}), the way people
 * write for Midjourney. Quality words are left out: Midjourney's own aesthetic takes care of finish.
 */
final class MidjourneyDialect implements Dialect {
  private static final int MAX_DETAILS = 4;

  private final Vocabulary vocabulary;

  MidjourneyDialect(Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  @Override
  public ExpansionResult render(ScenePlan plan) {
    List<String> phrases = new ArrayList<>();
    add(phrases, plan.subjectPhrase());
    plan.additions().forEach(a -> add(phrases, a));
    plan.anchors().forEach(a -> add(phrases, a));
    String words = plan.textToRender();
    if (words != null) {
      // Midjourney renders what it reads in quotes.
      add(phrases, "the words \"" + words + "\" in clear legible lettering");
    }
    add(phrases, plan.styleTag());
    plan.details().stream().limit(MAX_DETAILS).forEach(d -> add(phrases, d));
    add(phrases, plan.lighting());
    add(phrases, plan.palette());
    add(phrases, plan.composition());
    add(phrases, plan.camera());
    add(phrases, plan.mood());
    plan.styleWords().stream().forEach(w -> add(phrases, w));

    List<String> no = new ArrayList<>(plan.exclusions());
    plan.negated().stream().filter(n -> !no.contains(n)).forEach(no::add);
    // Text asked for (or a design that carries it) is never sent to --no; the planner drops "text" then.
    boolean textWanted = !plan.negatives().contains("text");
    StableDiffusionDialect.notStated(vocabulary.midjourneyNegatives, plan.stated(), vocabulary).stream()
        .filter(n -> !textWanted || !n.equals("text") && !n.equals("logo"))
        .filter(n -> !no.contains(n))
        .limit(vocabulary.midjourney.noCount())
        .forEach(no::add);
    String[] aspect = plan.aspect().split(":");
    MidjourneyParameters parameters = new MidjourneyParameters(Integer.parseInt(aspect[0]), Integer.parseInt(aspect[1]),
        plan.stylize(), plan.chaos(), no, vocabulary.midjourney.version());
    // Parameters start with "--"; the same characters inside the description would be read as one.
    return new ExpansionResult(String.join(", ", phrases).replace("--", "—"), null, parameters, List.of());
  }

  private static void add(List<String> phrases, String phrase) {
    if (phrase != null && !phrase.isBlank()) {
      phrases.add(phrase);
    }
  }
}
