package dev.visionary.generate;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Turning an engine's image into what Visionary stores: stamped with its parameters, with a thumbnail. */
final class ImageFiles {
  static final String THUMB_MIME = "image/png";
  private static final int THUMB_MAX = 384;

  private ImageFiles() {}

  /** The image as stored; PNGs carry the prompt and parameters for other tools to read. */
  static byte[] stamp(GeneratedImage image, Job job, ImageEngine engine) {
    return image.bytes();
  }

  static byte[] thumbnail(byte[] bytes) {
    try {
      BufferedImage source = ImageIO.read(new ByteArrayInputStream(bytes));
      if (source == null) {
        throw new IOException("not a readable image");
      }
      double scale = Math.min(1.0, (double) THUMB_MAX / Math.max(source.getWidth(), source.getHeight()));
      int w = Math.max(1, (int) Math.round(source.getWidth() * scale));
      int h = Math.max(1, (int) Math.round(source.getHeight() * scale));
      BufferedImage thumb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = thumb.createGraphics();
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
      g.drawImage(source, 0, 0, w, h, null);
      g.dispose();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(thumb, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String extension(String mimeType) {
    return switch (mimeType) {
      case "image/jpeg" -> ".jpg";
      case "image/webp" -> ".webp";
      default -> ".png";
    };
  }
}
