package dev.visionary.expand;

import dev.visionary.expand.llm.ChatRequest;
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
 *
 * <p>A WebP is not decoded at all (the Java runtime has no decoder for it): its size comes from its RIFF header and
 * its bytes are kept as they are, for a vision model, which takes WebP, and for the browser, which shows it.
 *
 * @param sample the decoded copy; null for a WebP
 * @param webp   a WebP's bytes as uploaded; null for a PNG or JPEG
 */
record Picture(String format, int width, int height, BufferedImage sample, byte[] webp) {
  static final int MAX_PIXELS = 50_000_000;
  static final int SAMPLE_SIDE = 512;
  static final int THUMBNAIL_SIDE = 256;
  /**
   * The largest WebP sent as it is: Anthropic refuses an image whose base64 text passes 5 MiB, which is 3.75 MiB of
   * bytes; OpenAI and Ollama take more.
   */
  static final int MAX_WEBP_BYTES = 5 * 1024 * 1024 / 4 * 3;
  /** The longest side Anthropic takes; a WebP is sent unscaled, so a longer one is refused here rather than there. */
  static final int MAX_WEBP_SIDE = 8000;

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

  /** The picture in {@code bytes}: PNG, JPEG or WebP, by what the bytes start with, whatever the file is called. */
  static Picture read(byte[] bytes) throws Unreadable {
    if (isWebp(bytes)) {
      return webp(bytes);
    }
    String format = isPng(bytes) ? "png" : isJpeg(bytes) ? "jpeg" : null;
    if (format == null) {
      throw new Unreadable(400, "This file is not a picture: choose a PNG, JPEG or WebP image.");
    }
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
    ImageReader reader = readers.next();
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      reader.setInput(in, true, true);
      int width = reader.getWidth(0);
      int height = reader.getHeight(0);
      checkPixels(width, height);
      ImageReadParam param = reader.getDefaultReadParam();
      int step = Math.max(1, (int) Math.ceil((double) Math.max(width, height) / SAMPLE_SIDE));
      param.setSourceSubsampling(step, step, 0, 0);
      BufferedImage decoded = reader.read(0, param);
      return new Picture(format, width, height, rgb(decoded), null);
    } catch (IOException | RuntimeException e) {
      // A cut-short or damaged file fails inside the decoder, with whatever exception that decoder throws.
      throw new Unreadable(400, "This picture could not be read: the file may be damaged or cut short.");
    } finally {
      reader.dispose();
    }
  }

  private static void checkPixels(int width, int height) throws Unreadable {
    if (width < 1 || height < 1 || (long) width * height > MAX_PIXELS) {
      throw new Unreadable(413, "This picture is " + width + " × " + height + " pixels; Visionary reads pictures of up to "
          + MAX_PIXELS / 1_000_000 + " million pixels.");
    }
  }

  /**
   * A WebP's size from the header of its first chunk (RIFF, little-endian): {@code VP8 } (lossy) holds 14-bit sizes
   * after its key frame's start code, {@code VP8L} (lossless) 14-bit sizes less one after its signature byte, and
   * {@code VP8X} (extended) 24-bit canvas sizes less one after its flags.
   */
  private static Picture webp(byte[] b) throws Unreadable {
    String chunk = b.length >= 20 ? new String(b, 12, 4, java.nio.charset.StandardCharsets.ISO_8859_1) : "";
    int width;
    int height;
    int data = 20;
    if (chunk.equals("VP8 ") && b.length >= data + 10 && (b[data + 3] & 0xff) == 0x9d && (b[data + 4] & 0xff) == 0x01
        && (b[data + 5] & 0xff) == 0x2a) {
      width = little(b, data + 6, 2) & 0x3fff;
      height = little(b, data + 8, 2) & 0x3fff;
    } else if (chunk.equals("VP8L") && b.length >= data + 5 && (b[data] & 0xff) == 0x2f) {
      int bits = little(b, data + 1, 4);
      width = (bits & 0x3fff) + 1;
      height = ((bits >>> 14) & 0x3fff) + 1;
    } else if (chunk.equals("VP8X") && b.length >= data + 10) {
      if ((b[data] & 0x02) != 0) {
        throw new Unreadable(415, "This WebP picture is animated. Vision models take still pictures: save one frame as PNG, JPEG or WebP and try again.");
      }
      width = little(b, data + 4, 3) + 1;
      height = little(b, data + 7, 3) + 1;
    } else {
      throw new Unreadable(400, "This WebP picture could not be read: the file may be damaged or cut short.");
    }
    checkPixels(width, height);
    if (Math.max(width, height) > MAX_WEBP_SIDE) {
      throw new Unreadable(413, "This WebP picture is " + width + " × " + height + " pixels. A WebP goes to the vision model as it is, "
          + "and models take up to " + MAX_WEBP_SIDE + " pixels a side: save it smaller, or as PNG or JPEG, which Visionary shrinks first.");
    }
    if (b.length > MAX_WEBP_BYTES) {
      throw new Unreadable(413, String.format(java.util.Locale.ROOT, "This WebP picture is %.1f MB. A WebP goes to the vision model as it is, and models take "
          + "up to 3.75 MB: save it smaller, or as PNG or JPEG, which Visionary shrinks first.", b.length / (1024.0 * 1024)));
    }
    return new Picture("webp", width, height, null, b);
  }

  private static int little(byte[] b, int from, int length) {
    int value = 0;
    for (int i = length - 1; i >= 0; i--) {
      value = (value << 8) | (b[from + i] & 0xff);
    }
    return value;
  }

  boolean isWebp() {
    return webp != null;
  }

  /**
   * What a vision model is sent: a WebP as it is, otherwise a JPEG of at most {@link #SAMPLE_SIDE} pixels a side, well
   * under every provider's limit for one image, and a few hundred tokens of input rather than thousands.
   */
  ChatRequest.Image forModel() {
    return isWebp() ? new ChatRequest.Image("image/webp", webp) : new ChatRequest.Image("image/jpeg", jpeg(SAMPLE_SIDE));
  }

  /** A JPEG of at most {@link #THUMBNAIL_SIDE} pixels a side, for the expansion's page; null for a WebP, shown as it is. */
  byte[] thumbnail() {
    return isWebp() ? null : jpeg(THUMBNAIL_SIDE);
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
