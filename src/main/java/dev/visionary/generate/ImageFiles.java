package dev.visionary.generate;

import dev.visionary.generate.engine.GeneratedImage;
import dev.visionary.generate.engine.ImageEngine;
import dev.visionary.png.Infotext;
import dev.visionary.png.PngMetadata;
import java.util.LinkedHashMap;
import java.util.Map;

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
    Infotext ours = job.request().infotext(engine.id(), image);
    return PngMetadata.withParameters(image.bytes(), image.engineInfotext() == null ? ours.format() : merged(image.engineInfotext(), ours));
  }

  /**
   * The engine's own text exactly as it wrote it, with only the pairs it does not know (such as Engine) added at
   * the end of its parameters line, where AUTOMATIC1111's extensions add theirs, so every parser still reads it.
   */
  static String merged(String engineText, Infotext ours) {
    Map<String, String> known = Infotext.parse(engineText).parameters();
    if (known.isEmpty()) {
      return engineText;
    }
    Map<String, String> extra = new LinkedHashMap<>();
    ours.parameters().forEach((key, value) -> {
      if (!known.containsKey(key)) {
        extra.put(key, value);
      }
    });
    if (extra.isEmpty()) {
      return engineText;
    }
    return engineText.stripTrailing() + ", " + new Infotext("", "", extra).format();
  }

  static String extension(String mimeType) {
    return switch (mimeType) {
      case "image/jpeg" -> ".jpg";
      case "image/webp" -> ".webp";
      default -> ".png";
    };
  }
}
