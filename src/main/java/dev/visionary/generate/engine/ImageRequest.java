package dev.visionary.generate.engine;

import dev.visionary.png.Infotext;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a person asked an engine to draw. Fields an engine does not understand are ignored by it.
 *
 * @param negativePrompt what to keep out of the picture, or null
 * @param count how many images; engines set their own upper bound
 * @param seed the first image's seed, or null for engines that take none (OpenAI Images); how later images of a
 *     batch derive theirs is the engine's own rule, recorded on each {@link GeneratedImage}
 * @param model engine-specific model name, or null for the engine's default
 * @param quality engine-specific quality level (e.g. {@code hd}), or null
 * @param style engine-specific style (e.g. {@code vivid}), or null
 * @param steps sampling steps for diffusion servers, or null
 * @param cfg classifier-free guidance scale for diffusion servers, or null
 * @param sampler sampler name for diffusion servers (e.g. {@code Euler a}), or null
 * @param scheduler noise schedule for diffusion servers (e.g. {@code Karras}), or null
 */
public record ImageRequest(
    String prompt,
    String negativePrompt,
    int width,
    int height,
    int count,
    Long seed,
    String model,
    String quality,
    String style,
    Integer steps,
    Double cfg,
    String sampler,
    String scheduler) {

  public ImageRequest {
    Objects.requireNonNull(prompt, "prompt");
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("width and height must be positive, got " + width + "x" + height);
    }
    if (count <= 0) {
      throw new IllegalArgumentException("count must be at least 1, got " + count);
    }
  }

  /** A request for one image with every optional field left to the engine. */
  public static ImageRequest of(String prompt, int width, int height, long seed) {
    return new ImageRequest(prompt, null, width, height, 1, seed, null, null, null, null, null, null, null);
  }

  /**
   * The usual description of the image drawn for this request: Steps, Sampler, Schedule type, CFG scale, Seed,
   * Size, Model, then Visionary's own Quality, Style and Engine, each only when it was sent. Seed and size are
   * those of the image actually produced, which may differ from what was asked for; {@code image.batchIndex()}
   * becomes AUTOMATIC1111's Batch size and Batch pos, for engines whose batch shares one seed.
   */
  public Infotext infotext(String engineId, GeneratedImage image) {
    return infotext(engineId, image.seed(), image.width(), image.height(), image.batchIndex());
  }

  /** {@link #infotext(String, GeneratedImage)} for an image not yet encoded. */
  public Infotext infotext(String engineId, Long seed, int width, int height, Integer batchIndex) {
    Map<String, String> p = new LinkedHashMap<>();
    if (steps != null) {
      p.put("Steps", steps.toString());
    }
    if (sampler != null) {
      p.put("Sampler", sampler);
    }
    if (scheduler != null) {
      p.put("Schedule type", scheduler);
    }
    if (cfg != null) {
      p.put("CFG scale", BigDecimal.valueOf(cfg).stripTrailingZeros().toPlainString());
    }
    if (seed != null) {
      p.put("Seed", Long.toString(seed));
    }
    p.put("Size", width + "x" + height);
    if (model != null) {
      p.put("Model", model);
    }
    if (quality != null) {
      p.put("Quality", quality);
    }
    if (style != null) {
      p.put("Style", style);
    }
    if (batchIndex != null) {
      p.put("Batch size", Integer.toString(count));
      p.put("Batch pos", Integer.toString(batchIndex));
    }
    p.put("Engine", engineId);
    return new Infotext(prompt, negativePrompt, p);
  }
}
