package dev.visionary.expand;

import dev.visionary.expand.builtin.Expander;
import dev.visionary.expand.builtin.ExpansionRequest;
import dev.visionary.expand.builtin.ExpansionResult;
import dev.visionary.prompt.MidjourneyParameters;
import dev.visionary.prompt.StylePreset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The offline expander as a Studio engine: instant, deterministic for a seed, no instructions. */
final class BuiltinEngine implements StudioEngine {
  private final Expander expander;

  BuiltinEngine(Expander expander) {
    this.expander = expander;
  }

  @Override
  public String id() {
    return expander.id();
  }

  @Override
  public String label() {
    return expander.label();
  }

  @Override
  public String model() {
    return null;
  }

  @Override
  public boolean streams() {
    return false;
  }

  @Override
  public boolean instant() {
    return true;
  }

  @Override
  public boolean usesInstructions() {
    return false;
  }

  @Override
  public Answer run(EngineRequest r, String instructions, Consumer<String> onText) throws Failure {
    StylePreset style = StylePreset.byId(r.style()).orElse(StylePreset.NONE);
    try {
      List<ExpansionResult> results = expander.expand(
          new ExpansionRequest(r.idea(), r.target(), style, r.count(), r.seed(), r.refinement(), r.basePrompt()));
      return new Answer(null, results.stream().map(BuiltinEngine::variation).toList());
    } catch (IllegalArgumentException e) {
      throw new Failure(e.getMessage(), e);
    }
  }

  static Variation variation(ExpansionResult r) {
    Map<String, String> parameters = new LinkedHashMap<>();
    MidjourneyParameters mj = r.midjourney();
    if (mj != null) {
      parameters.put("ar", mj.aspectRatio());
      parameters.put("stylize", Integer.toString(mj.stylize()));
      parameters.put("chaos", Integer.toString(mj.chaos()));
      if (!mj.no().isEmpty()) {
        parameters.put("no", String.join(", ", mj.no()));
      }
      parameters.put("v", mj.version());
    }
    return new Variation(r.prompt(), r.negativePrompt(), parameters, r.warnings(), r.notes(), r.explores());
  }
}
