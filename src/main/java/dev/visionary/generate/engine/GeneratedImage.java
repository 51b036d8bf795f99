package dev.visionary.generate.engine;

import java.util.Arrays;
import java.util.Objects;

/**
 * One finished image.
 *
 * @param bytes the encoded image, PNG unless {@code mimeType} says otherwise
 * @param seed the seed that reproduces this image on the same engine and model
 * @param revisedPrompt the prompt the engine actually used when it rewrote ours (DALL·E 3 does), or null
 */
public record GeneratedImage(byte[] bytes, int width, int height, long seed, String revisedPrompt, String mimeType) {

  public static final String PNG = "image/png";

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
        && seed == other.seed
        && Objects.equals(revisedPrompt, other.revisedPrompt)
        && mimeType.equals(other.mimeType);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(bytes), width, height, seed, revisedPrompt, mimeType);
  }

  @Override
  public String toString() {
    return "GeneratedImage[" + width + "x" + height + ", seed=" + seed + ", " + bytes.length + " bytes " + mimeType + "]";
  }
}
