package dev.visionary.expand;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * An uploaded picture, decoded small: its size as the file declares it and a copy of at most {@link #SAMPLE_SIDE}
 * pixels a side, which is all that measuring and a thumbnail need.
 *
 * <p>The size is read from the header before any pixel is decoded, and a picture of more than {@link #MAX_PIXELS}
 * is refused there: a 20 MB PNG can declare 100,000 × 100,000 pixels of one colour, 40 GB once decoded. Below
 * that, the decoder skips rows and columns ({@link ImageReadParam#setSourceSubsampling}), so the copy it builds is
 * small whatever the picture's size.
 */
record Picture(String format, int width, int height, BufferedImage sample) {
  static final int MAX_PIXELS = 50_000_000;
  static final int SAMPLE_SIDE = 512;
  static final int THUMBNAIL_SIDE = 256;

  /** Bytes that are not a picture Visionary can read, said in a sentence for the person who sent them. */
  static final class Unreadable extends Exception {
    final int status;

    Unreadable(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  static boolean isWebp(byte[] b) {
    return b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P';
  }

  static boolean isJpeg(byte[] b) {
    return b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff;
  }

  static boolean isPng(byte[] b) {
    return b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
  }

  /** The picture in {@code bytes}: PNG or JPEG, by what the bytes start with, whatever the file is called. */
  static Picture read(byte[] bytes) throws Unreadable {
    String format = isPng(bytes) ? "png" : isJpeg(bytes) ? "jpeg" : null;
    if (format == null) {
      throw new Unreadable(isWebp(bytes) ? 415 : 400, isWebp(bytes)
          ? "This is a WebP picture. Without a vision model Visionary measures PNG and JPEG pictures only: save it as PNG or JPEG and try again."
          : "This file is not a picture: choose a PNG or JPEG image.");
    }
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
    ImageReader reader = readers.next();
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      reader.setInput(in, true, true);
      int width = reader.getWidth(0);
      int height = reader.getHeight(0);
      if (width < 1 || height < 1 || (long) width * height > MAX_PIXELS) {
        throw new Unreadable(413, "This picture is " + width + " × " + height + " pixels; Visionary reads pictures of up to "
            + MAX_PIXELS / 1_000_000 + " million pixels.");
      }
      ImageReadParam param = reader.getDefaultReadParam();
      int step = Math.max(1, (int) Math.ceil((double) Math.max(width, height) / SAMPLE_SIDE));
      param.setSourceSubsampling(step, step, 0, 0);
      BufferedImage decoded = reader.read(0, param);
      return new Picture(format, width, height, rgb(decoded));
    } catch (IOException | RuntimeException e) {
      // A cut-short or damaged file fails inside the decoder, with whatever exception that decoder throws.
      throw new Unreadable(400, "This picture could not be read: the file may be damaged or cut short.");
    } finally {
      reader.dispose();
    }
  }

  /** A JPEG of at most {@link #THUMBNAIL_SIDE} pixels a side, for the expansion's page. */
  byte[] thumbnail() {
    return jpeg(THUMBNAIL_SIDE);
  }

  /**
   * The copy a vision model is sent: a JPEG of at most {@link #SAMPLE_SIDE} pixels a side, well under every
   * provider's limit for one image, and a few hundred tokens of input rather than thousands.
   */
  byte[] forModel() {
    return jpeg(SAMPLE_SIDE);
  }

  private byte[] jpeg(int maxSide) {
    double factor = Math.min(1.0, (double) maxSide / Math.max(sample.getWidth(), sample.getHeight()));
    int w = Math.max(1, (int) Math.round(sample.getWidth() * factor));
    int h = Math.max(1, (int) Math.round(sample.getHeight() * factor));
    BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = small.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(sample, 0, 0, w, h, null);
    } finally {
      g.dispose();
    }
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0.85f);
      writer.write(null, new IIOImage(small, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  /** Transparent pixels are measured as if on white, as a browser shows them on the light theme. */
  private static BufferedImage rgb(BufferedImage decoded) {
    BufferedImage out = new BufferedImage(decoded.getWidth(), decoded.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setColor(java.awt.Color.WHITE);
      g.fillRect(0, 0, out.getWidth(), out.getHeight());
      g.drawImage(decoded, 0, 0, null);
    } finally {
      g.dispose();
    }
    return out;
  }
}
