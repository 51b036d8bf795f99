package dev.visionary.generate;

import dev.visionary.generate.engine.GeneratedImage;
import dev.visionary.generate.engine.ImageEngine;
import dev.visionary.png.Infotext;
import dev.visionary.png.PngMetadata;

/** Turning an engine's image into what Visionary stores. */
final class ImageFiles {
  private ImageFiles() {}

  /**
   * The image as stored: a PNG carries its prompt and parameters in AUTOMATIC1111's format, so other
   * tools (and Visionary's own PNG import) can read how it was made.
   */
  static byte[] stamp(GeneratedImage image, Job job, ImageEngine engine) {
    if (!GeneratedImage.PNG.equals(image.mimeType())) {
      return image.bytes();
    }
    Infotext infotext = job.request().infotext(engine.id(), image.seed(), image.width(), image.height());
    return PngMetadata.withParameters(image.bytes(), infotext.format());
  }

  static String extension(String mimeType) {
    return switch (mimeType) {
      case "image/jpeg" -> ".jpg";
      case "image/webp" -> ".webp";
      default -> ".png";
    };
  }
}
