package dev.visionary.png;

import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Text chunks in PNG files: the AUTOMATIC1111 {@code parameters} chunk Visionary writes, and whatever
 * other tools left (ComfyUI {@code prompt}/{@code workflow}, InvokeAI {@code invokeai_metadata}, …).
 *
 * <p>Text is written as uncompressed iTXt, which holds UTF-8; tEXt is Latin-1 only and would mangle
 * emoji and CJK prompts. All three text chunk types are read, within bounds, by {@link PngText}.
 */
public final class PngMetadata {

  public static final String PARAMETERS = "parameters";
  private static final String FORMAT = "javax_imageio_png_1.0";
  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private PngMetadata() {
  }

  /** Encodes an image as PNG with each entry of {@code text} in its own iTXt chunk. */
  public static byte[] encode(RenderedImage image, Map<String, String> text) {
    ImageWriter writer = pngWriter();
    try {
      IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), null);
      addText(metadata, text);
      return write(writer, new IIOImage(image, null, metadata));
    } finally {
      writer.dispose();
    }
  }

  /**
   * Returns a copy of {@code png} whose {@code parameters} chunk holds the given text, replacing any
   * earlier one. The new iTXt chunk goes before the image data; every other chunk, pixels included, is
   * copied byte for byte.
   *
   * <p>The chunk is spliced into the file rather than written by decoding and re-encoding the image:
   * re-encoding a provider's 1024×1024 picture with ImageIO took 190-270 ms of CPU per image on the
   * benchmark machine (the largest share of an image job's CPU in the slow-provider drill's profile),
   * and it rewrote chunks nobody asked to change.
   *
   * @throws IllegalArgumentException if the bytes are not a PNG: no signature, no IHDR first, a chunk
   *     running past the end, or no image data
   */
  public static byte[] withParameters(byte[] png, String parameters) {
    if (png.length < SIGNATURE.length || !Arrays.equals(png, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
      throw new IllegalArgumentException("not a readable PNG: no PNG signature");
    }
    byte[] text = itxt(PARAMETERS, parameters);
    ByteArrayOutputStream out = new ByteArrayOutputStream(png.length + text.length + 12);
    out.write(png, 0, SIGNATURE.length);
    int at = SIGNATURE.length;
    boolean inserted = false;
    boolean ended = false;
    while (!ended) {
      if (at + 12 > png.length) {
        throw new IllegalArgumentException("not a readable PNG: it ends without an IEND chunk");
      }
      long length = readInt(png, at) & 0xffffffffL;
      if (at + 12 + length > png.length) {
        throw new IllegalArgumentException("not a readable PNG: a chunk runs past the end of the file");
      }
      String type = new String(png, at + 4, 4, StandardCharsets.ISO_8859_1);
      if (at == SIGNATURE.length && !type.equals("IHDR")) {
        throw new IllegalArgumentException("not a readable PNG: it does not start with IHDR");
      }
      if (type.equals("IDAT") || type.equals("IEND")) {
        if (!inserted) {
          writeChunk(out, "iTXt", text);
          inserted = true;
        }
        ended = type.equals("IEND");
      }
      boolean replaced = (type.equals("tEXt") || type.equals("zTXt") || type.equals("iTXt"))
          && PARAMETERS.equals(keyword(png, at + 8, (int) length));
      if (!replaced) {
        out.write(png, at, 12 + (int) length);
      }
      at += 12 + (int) length;
    }
    return out.toByteArray();
  }

  /** An uncompressed iTXt chunk's data: keyword NUL, flag 0, method 0, empty language tag and translated keyword, UTF-8 text. */
  private static byte[] itxt(String keyword, String text) {
    ByteArrayOutputStream data = new ByteArrayOutputStream(keyword.length() + text.length() * 3 + 5);
    data.writeBytes(keyword.getBytes(StandardCharsets.ISO_8859_1));
    data.writeBytes(new byte[] {0, 0, 0, 0, 0});
    data.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    return data.toByteArray();
  }

  private static void writeChunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    out.writeBytes(typeBytes);
    out.writeBytes(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  /** A text chunk's keyword: its data up to the first NUL. */
  private static String keyword(byte[] png, int from, int length) {
    int end = from;
    while (end < from + length && png[end] != 0) {
      end++;
    }
    return new String(png, from, end - from, StandardCharsets.ISO_8859_1);
  }

  private static int readInt(byte[] b, int at) {
    return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
  }

  /** The {@code parameters} text, from whichever text chunk type holds it. */
  public static Optional<String> readParameters(byte[] png) {
    return Optional.ofNullable(readText(png).get(PARAMETERS));
  }

  /**
   * Every text chunk by keyword, in file order; when a keyword repeats, the last one wins. Returns an
   * empty map for bytes that are not a readable PNG, since a picture without metadata is ordinary.
   */
  public static Map<String, String> readText(byte[] png) {
    return PngText.read(png).map(PngText::text).orElse(Map.of());
  }

  private static void addText(IIOMetadata metadata, Map<String, String> text) {
    if (text.isEmpty()) {
      return;
    }
    IIOMetadataNode itxt = new IIOMetadataNode("iTXt");
    text.forEach((keyword, value) -> {
      IIOMetadataNode entry = new IIOMetadataNode("iTXtEntry");
      entry.setAttribute("keyword", keyword);
      entry.setAttribute("compressionFlag", "FALSE");
      entry.setAttribute("compressionMethod", "0");
      entry.setAttribute("languageTag", "");
      entry.setAttribute("translatedKeyword", "");
      entry.setAttribute("text", value);
      itxt.appendChild(entry);
    });
    IIOMetadataNode root = new IIOMetadataNode(FORMAT);
    root.appendChild(itxt);
    try {
      metadata.mergeTree(FORMAT, root);
    } catch (IIOInvalidTreeException e) {
      throw new IllegalArgumentException("invalid PNG text chunk: " + e.getMessage(), e);
    }
  }

  // Memory-backed streams: ImageIO's default stream factory may spill to temporary files.
  private static byte[] write(ImageWriter writer, IIOImage image) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
    try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.write(null, image, writer.getDefaultWriteParam());
    } catch (IOException e) {
      throw new UncheckedIOException("writing PNG to memory failed", e);
    }
    return bytes.toByteArray();
  }

  private static ImageWriter pngWriter() {
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
    if (!writers.hasNext()) {
      throw new IllegalStateException("this Java runtime has no PNG writer");
    }
    return writers.next();
  }
}
