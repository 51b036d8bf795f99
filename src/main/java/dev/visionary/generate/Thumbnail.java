package dev.visionary.generate;

import java.util.Arrays;
import java.util.Objects;

/** A small preview of an image, ready to serve. */
public record Thumbnail(byte[] bytes, String mimeType, int width, int height) {

  public Thumbnail {
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(mimeType, "mimeType");
  }

  // Records compare arrays by reference; two thumbnails are equal when their bytes are.
  @Override
  public boolean equals(Object o) {
    return o instanceof Thumbnail other && Arrays.equals(bytes, other.bytes) && mimeType.equals(other.mimeType)
        && width == other.width && height == other.height;
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(bytes), mimeType, width, height);
  }

  @Override
  public String toString() {
    return "Thumbnail[" + width + "x" + height + ", " + bytes.length + " bytes " + mimeType + "]";
  }
}
