package dev.visionary.generate;

import java.util.Objects;

/**
 * What a person asked an engine to draw. Fields an engine does not understand are ignored by it.
 *
 * @param negativePrompt what to keep out of the picture, or null
 * @param count how many images; engines set their own upper bound
 * @param seed the first image's seed; image {@code i} of a batch uses {@code seed + i}
 * @param model engine-specific model name, or null for the engine's default
 * @param quality engine-specific quality level (e.g. {@code hd}), or null
 * @param style engine-specific style (e.g. {@code vivid}), or null
 * @param steps sampling steps for diffusion servers, or null
 * @param cfg classifier-free guidance scale for diffusion servers, or null
 * @param sampler sampler name for diffusion servers (e.g. {@code Euler a}), or null
 */
public record ImageRequest(
    String prompt,
    String negativePrompt,
    int width,
    int height,
    int count,
    long seed,
    String model,
    String quality,
    String style,
    Integer steps,
    Double cfg,
    String sampler) {

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
    return new ImageRequest(prompt, null, width, height, 1, seed, null, null, null, null, null, null);
  }
}
