package dev.visionary.generate.engine;

import java.util.Arrays;
import java.util.Objects;

/**
 * One finished image.
 *
 * @param bytes the encoded image, PNG unless {@code mimeType} says otherwise
 * @param seed the seed that reproduces this image on the same engine and model, or null when the engine takes none
 * @param revisedPrompt the prompt the engine actually used when it rewrote ours (DALL·E 3 does), or null
 * @param engineInfotext the parameters text the engine wrote itself (AUTOMATIC1111 does), kept as it is, or null
 * @param batchIndex the image's place in a batch that shares one seed (ComfyUI), which with the seed reproduces
 *     it; null when the seed alone does
 */
public record GeneratedImage(byte[] bytes, int width, int height, Long seed, String revisedPrompt, String mimeType, String engineInfotext,
    Integer batchIndex) {

  public static final String PNG = "image/png";

  public GeneratedImage(byte[] bytes, int width, int height, Long seed, String revisedPrompt, String mimeType) {
    this(bytes, width, height, seed, revisedPrompt, mimeType, null, null);
  }

  public GeneratedImage {
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(mimeType, "mimeType");
  }

  // Records compare arrays by reference; two images are equal when their bytes are.
  @Override
  public boolean equals(Object o) {
    return o instanceof GeneratedImage other
        && Arrays.equals(bytes, other.bytes)
        && width == other.width
        && height == other.height
        && Objects.equals(seed, other.seed)
        && Objects.equals(revisedPrompt, other.revisedPrompt)
        && mimeType.equals(other.mimeType)
        && Objects.equals(engineInfotext, other.engineInfotext)
        && Objects.equals(batchIndex, other.batchIndex);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(bytes), width, height, seed, revisedPrompt, mimeType, engineInfotext, batchIndex);
  }

  @Override
  public String toString() {
    return "GeneratedImage[" + width + "x" + height + ", seed=" + seed + ", " + bytes.length + " bytes " + mimeType + "]";
  }
}
