package dev.visionary.generate;

import dev.visionary.config.Config;
import dev.visionary.generate.engine.ImageEngine;
import dev.visionary.generate.remote.ComfyUiEngine;
import dev.visionary.generate.remote.ImageModels;
import dev.visionary.generate.remote.OpenAiImageEngine;
import dev.visionary.generate.remote.RemoteEngines;
import dev.visionary.generate.remote.RemoteTimeouts;
import dev.visionary.generate.remote.RunwayEngine;
import java.time.Duration;
import java.util.List;

/** Builds the engines this server offers from its configuration, with the choices each model accepts. */
public final class EngineCatalog {
  /** Sizes Stable Diffusion checkpoints are trained around (SD 1.5 and SDXL). */
  private static final List<String> DIFFUSION_SIZES = List.of("1024x1024", "832x1216", "1216x832", "768x768", "512x512", "512x768", "768x512");
  private static final List<String> BUILTIN_SIZES = List.of("1024x1024", "1344x768", "768x1344", "1024x768", "768x1024", "512x512");

  /** AUTOMATIC1111's own txt2img tab since 1.9 (its API alone would use 50 steps and Euler). */
  static final ImageEngines.Tuning A1111_DEFAULTS = new ImageEngines.Tuning(20, 7, "DPM++ 2M", "Automatic");
  /** ComfyUI's KSampler node as it is added to a graph. */
  static final ImageEngines.Tuning COMFYUI_DEFAULTS = new ImageEngines.Tuning(20, 8, "euler", "normal");

  private EngineCatalog() {}

  public static ImageEngines fromConfig(Config config) {
    ImageEngines engines = new ImageEngines();
    int cores = Runtime.getRuntime().availableProcessors();
    engines.add(new BuiltinImageEngine(), List.of(new ImageEngines.ModelChoice("sketch", "Offline sketch", BUILTIN_SIZES, false,
        BuiltinImageEngine.MAX_COUNT, List.of(), List.of(), 32_000, true, true, null)), Math.max(1, cores));
    int remoteConcurrency = config.images().concurrency();
    List<ImageEngine> remote;
    try {
      remote = RemoteEngines.fromEnvironment(config.providers().variables(), timeouts(config.images()));
    } catch (IllegalArgumentException e) {
      throw new Config.Invalid(e.getMessage());
    }
    for (ImageEngine engine : remote) {
      engines.add(engine, modelsOf(engine), remoteConcurrency);
    }
    return engines;
  }

  private static RemoteTimeouts timeouts(Config.ImageProviders images) {
    return new RemoteTimeouts(Duration.ofSeconds(10), images.requestTimeout(), images.generationTimeout(), images.pollInterval());
  }

  private static List<ImageEngines.ModelChoice> modelsOf(ImageEngine engine) {
    if (engine instanceof OpenAiImageEngine openAi) {
      List<ImageModels.ImageModel> all = ImageModels.all();
      // The configured default model first, so a plain request uses it. OpenAI Images take no negative prompt and no seed.
      return all.stream()
          .sorted((a, b) -> Boolean.compare(!a.id().equals(openAi.defaultModel()), !b.id().equals(openAi.defaultModel())))
          .map(m -> new ImageEngines.ModelChoice(m.id(), m.label(), m.sizes(), m.freeSize(), m.maxCount(), m.qualities(), m.styles(),
              m.maxPromptLength(), false, false, null))
          .toList();
    }
    if (engine instanceof RunwayEngine) {
      List<String> sizes = RunwayEngine.RATIOS.stream().map(r -> r.replace(':', 'x')).toList();
      return List.of(new ImageEngines.ModelChoice("gen4_image", "Gen-4 Image", sizes, false, 1, List.of(), List.of(), RunwayEngine.MAX_PROMPT_LENGTH,
          false, true, null));
    }
    // AUTOMATIC1111/Forge and ComfyUI: the checkpoint is one the server lists, or its current one when none is named.
    ImageEngines.Tuning tuning = engine instanceof ComfyUiEngine ? COMFYUI_DEFAULTS : A1111_DEFAULTS;
    return List.of(new ImageEngines.ModelChoice("", "Server's checkpoint", DIFFUSION_SIZES, false, 4, List.of(), List.of(), 32_000, true, true,
        tuning));
  }
}
