package dev.visionary.generate;

import dev.visionary.generate.engine.GeneratedImage;
import dev.visionary.png.PngMetadata;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Small previews for grids and cards: at most {@value #MAX_SIDE} pixels on the longer side, aspect ratio
 * kept, never enlarged.
 *
 * <p>An opaque thumbnail is encoded both as JPEG (quality 0.85) and as PNG and the smaller one is kept.
 * Generated pictures are photographic, so JPEG is usually several times smaller, which is what a page
 * of thumbnails needs; flat artwork with large even areas comes out smaller as PNG and then stays
 * sharp, without JPEG's ringing around edges. Images with transparency are always PNG. Both encoders
 * are deterministic, so the same image always gives the same thumbnail bytes.
 */
public final class Thumbnails {

  public static final int MAX_SIDE = 384;
  public static final float JPEG_QUALITY = 0.85f;

  private Thumbnails() {
  }

  /**
   * @param image encoded PNG, JPEG, GIF or BMP bytes
   * @throws IllegalArgumentException if the bytes are not an image the Java runtime can decode
   */
  public static Thumbnail of(byte[] image) {
    BufferedImage source;
    try {
      source = ImageIO.read(new ByteArrayInputStream(image));
    } catch (IOException e) {
      throw new IllegalArgumentException("not a readable image: " + e.getMessage(), e);
    }
    if (source == null) {
      throw new IllegalArgumentException("not an image format this server can read");
    }
    return of(source);
  }

  public static Thumbnail of(BufferedImage source) {
    BufferedImage small = scale(source, MAX_SIDE);
    byte[] png = PngMetadata.encode(small, Map.of());
    if (small.getColorModel().hasAlpha()) {
      return new Thumbnail(png, GeneratedImage.PNG, small.getWidth(), small.getHeight());
    }
    byte[] jpeg = jpeg(small);
    return jpeg.length < png.length
        ? new Thumbnail(jpeg, "image/jpeg", small.getWidth(), small.getHeight())
        : new Thumbnail(png, GeneratedImage.PNG, small.getWidth(), small.getHeight());
  }

  /**
   * Scales down by repeated halving, then one bicubic step to the exact size. A single bicubic step
   * from a large image skips most source pixels and shimmers; halving averages all of them.
   */
  static BufferedImage scale(BufferedImage source, int maxSide) {
    int w = source.getWidth();
    int h = source.getHeight();
    double factor = Math.min(1.0, (double) maxSide / Math.max(w, h));
    int targetW = Math.max(1, (int) Math.round(w * factor));
    int targetH = Math.max(1, (int) Math.round(h * factor));
    int type = source.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
    BufferedImage current = copy(source, w, h, type, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
    while (w / 2 >= targetW && h / 2 >= targetH && (w > targetW || h > targetH)) {
      w /= 2;
      h /= 2;
      current = copy(current, w, h, type, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    }
    if (w != targetW || h != targetH) {
      current = copy(current, targetW, targetH, type, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    }
    return current;
  }

  private static BufferedImage copy(BufferedImage source, int w, int h, int type, Object interpolation) {
    BufferedImage out = new BufferedImage(w, h, type);
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.drawImage(source, 0, 0, w, h, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  private static byte[] jpeg(BufferedImage image) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 * 1024);
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(JPEG_QUALITY);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException("writing JPEG to memory failed", e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }
}
