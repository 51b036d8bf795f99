package dev.visionary.expand.builtin;

import java.util.List;

/**
 * The offline engine: expands an idea from a curated vocabulary, with no network and no model. Deterministic:
 * the same request and seed always give the same prompts. Fast enough to run on every keystroke.
 */
public final class BuiltinExpander implements Expander {
  public static final String ID = "builtin";

  private final Vocabulary vocabulary;
  private final ScenePlanner planner;

  public BuiltinExpander() {
    this(Vocabulary.standard());
  }

  BuiltinExpander(Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
    this.planner = new ScenePlanner(vocabulary);
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String label() {
    return "Built-in (offline)";
  }

  @Override
  public List<ExpansionResult> expand(ExpansionRequest request) {
    Dialect dialect = switch (request.target()) {
      case STABLE_DIFFUSION -> new StableDiffusionDialect(vocabulary);
      case MIDJOURNEY -> new MidjourneyDialect(vocabulary);
      case DALLE, GPT_IMAGE, RUNWAY, GENERIC -> new NaturalDialect(request.target());
    };
    return planner.plan(request).stream().map(dialect::render).toList();
  }
}
