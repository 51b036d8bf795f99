package dev.visionary.generate;

import dev.visionary.generate.engine.ImageRequest;
import dev.visionary.generate.remote.ImageModels;
import dev.visionary.prompt.A1111Styles;
import dev.visionary.web.Forms;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What a person sent to POST /generate, checked against what the chosen engine and model accept
 * before any provider is called. Settings the engine does not take (a negative prompt or seed for OpenAI Images,
 * steps for anything but a diffusion server) are dropped, so a job and its PNGs record only what was sent.
 */
record GenerateForm(
    String prompt,
    String negative,
    String engine,
    String model,
    String size,
    String count,
    String seed,
    String quality,
    String style,
    String steps,
    String cfg,
    String sampler,
    String scheduler,
    String promptId,
    String expansionId) {

  static final int MAX_NEGATIVE = 4000;

  static GenerateForm read(Context ctx) {
    return new GenerateForm(
        Forms.param(ctx, "prompt"),
        Forms.param(ctx, "negative"),
        orDefault(Forms.param(ctx, "engine"), "builtin"),
        Forms.param(ctx, "model"),
        Forms.param(ctx, "size"),
        Forms.param(ctx, "count"),
        Forms.param(ctx, "seed"),
        Forms.param(ctx, "quality"),
        Forms.param(ctx, "style"),
        Forms.param(ctx, "steps"),
        Forms.param(ctx, "cfg"),
        Forms.param(ctx, "sampler"),
        Forms.param(ctx, "scheduler"),
        blankToNull(Forms.param(ctx, "prompt_id")),
        blankToNull(Forms.param(ctx, "expansion_id")));
  }

  static GenerateForm empty(String prompt, String negative, String promptId, String engine, String expansionId) {
    return new GenerateForm(prompt, negative, engine, null, null, "1", null, null, null, null, null, null, null, promptId, expansionId);
  }

  GenerateForm withEngine(String engineId) {
    return new GenerateForm(prompt, negative, engineId, null, size, count, seed, quality, style, steps, cfg, sampler, scheduler, promptId, expansionId);
  }

  /** The settings a diffusion engine's fields show, or null for an engine that takes none. */
  DiffusionSettings diffusion(ImageEngines engines, ImageEngines.ModelChoice m) {
    return m.tuning() == null ? null : DiffusionSettings.of(m.tuning(), engines.listing(engine).orElse(null), this);
  }

  /** The problems, by field, that stop this request; empty when it can be queued. */
  Map<String, String> problems(ImageEngines engines, Context ctx) {
    Map<String, String> errors = new LinkedHashMap<>();
    Optional<ImageEngines.EngineChoice> engineChoice = engines.choice(engine);
    if (engineChoice.isEmpty()) {
      errors.put("engine", "Choose one of the image engines in the list.");
      return errors;
    }
    Optional<ImageEngines.ModelChoice> modelChoice = engineChoice.get().model(model);
    if (modelChoice.isEmpty()) {
      errors.put("model", engineChoice.get().label() + " has no model called \"" + model + "\".");
      return errors;
    }
    ImageEngines.ModelChoice m = modelChoice.get();
    String text = cleaned(ctx, "prompt", "The prompt", m.maxPromptChars(), errors);
    if (text != null && text.isEmpty()) {
      errors.put("prompt", "Write or paste a prompt to generate from.");
    }
    if (m.takesNegative()) {
      cleaned(ctx, "negative", "The negative prompt", MAX_NEGATIVE, errors);
    }
    if (!m.acceptsSize(sizeOrDefault(m))) {
      errors.put("size", m.label() + " can make " + String.join(", ", m.sizes()) + (m.freeSize() ? ", or " + ImageModels.FREE_SIZE_RULE : "")
          + "; " + size + " is not one of them.");
    }
    Integer n = parseInt(count, 1);
    if (n == null || n < 1 || n > m.maxCount()) {
      errors.put("count", m.maxCount() == 1 ? m.label() + " makes one image per request." : "Choose 1 to " + m.maxCount() + " images.");
    }
    if (m.takesSeed() && seed != null && !seed.isBlank() && parseLong(seed) == null) {
      errors.put("seed", "The seed must be a whole number, or empty for a random one.");
    }
    if (quality != null && !quality.isBlank() && !m.qualities().contains(quality)) {
      errors.put("quality", m.qualities().isEmpty() ? m.label() + " has no quality setting." : "Choose a quality from " + String.join(", ", m.qualities()) + ".");
    }
    if (style != null && !style.isBlank() && !m.styles().contains(style)) {
      errors.put("style", m.styles().isEmpty() ? m.label() + " has no style setting." : "Choose a style from " + String.join(", ", m.styles()) + ".");
    }
    DiffusionSettings tuning = diffusion(engines, m);
    if (tuning != null) {
      tuning.check(errors);
    }
    return errors;
  }

  /**
   * The chosen saved styles applied to the prompt and, for an engine that takes one, the negative prompt; only
   * call when {@link #problems} is empty.
   */
  GenerateStyles styled(ImageEngines engines, Context ctx, A1111Styles.Choice styles, Map<String, String> errors) {
    ImageEngines.ModelChoice m = engines.choice(engine).orElseThrow().model(model).orElseThrow();
    String neg = m.takesNegative() ? Forms.text(ctx, "negative", "The negative prompt", MAX_NEGATIVE, true) : null;
    return GenerateStyles.apply(styles, Forms.text(ctx, "prompt", "The prompt", m.maxPromptChars(), true), neg, m, errors);
  }

  /** The job to queue, with the prompts as styled; only call when {@link #problems} is empty. */
  Job toJob(String id, long ownerId, ImageEngines engines, GenerateStyles styled) {
    ImageEngines.EngineChoice e = engines.choice(engine).orElseThrow();
    ImageEngines.ModelChoice m = e.model(model).orElseThrow();
    String[] wh = sizeOrDefault(m).split("x");
    Long seedValue = !m.takesSeed() ? null
        : seed == null || seed.isBlank() ? ThreadLocalRandom.current().nextLong(0, 1L << 32) : parseLong(seed);
    String text = styled.prompt();
    String neg = styled.negative();
    DiffusionSettings tuning = diffusion(engines, m);
    String modelName = e.serverModels() ? tuning == null ? null : blankToNull(tuning.model()) : blankToNull(m.id());
    String qualityValue = blankToNull(quality) == null ? m.defaultQuality() : quality;
    ImageRequest request = new ImageRequest(text, neg == null || neg.isEmpty() ? null : neg, Integer.parseInt(wh[0]), Integer.parseInt(wh[1]),
        parseInt(count, 1), seedValue, modelName, qualityValue, blankToNull(style),
        tuning == null ? null : tuning.stepsValue(), tuning == null ? null : tuning.cfgValue(),
        tuning == null ? null : tuning.sampler(), tuning == null ? null : tuning.scheduler());
    return new Job(id, ownerId, engine, request, new Job.Links(promptId, expansionId, styled.names()), Job.State.QUEUED);
  }

  String sizeOrDefault(ImageEngines.ModelChoice m) {
    return size == null || size.isBlank() ? m.sizes().get(0) : size.strip();
  }

  private static String cleaned(Context ctx, String field, String label, int max, Map<String, String> errors) {
    try {
      return Forms.text(ctx, field, label, max, true);
    } catch (Forms.Invalid e) {
      errors.put(field, e.getMessage());
      return null;
    }
  }

  private static Integer parseInt(String s, int fallback) {
    if (s == null || s.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Long parseLong(String s) {
    try {
      long v = Long.parseLong(s.trim());
      return v < 0 ? null : v;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String orDefault(String s, String fallback) {
    return s == null || s.isBlank() ? fallback : s;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
