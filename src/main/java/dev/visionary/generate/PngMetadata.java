package dev.visionary.generate;

import java.awt.image.RenderedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.w3c.dom.Node;

/**
 * Text chunks in PNG files: the AUTOMATIC1111 {@code parameters} chunk Visionary writes, and whatever
 * other tools left (ComfyUI {@code prompt}/{@code workflow}, InvokeAI {@code invokeai_metadata}, …).
 *
 * <p>Text is written as uncompressed iTXt, which holds UTF-8; tEXt is Latin-1 only and would mangle
 * emoji and CJK prompts. All three text chunk types are read.
 */
public final class PngMetadata {

  public static final String PARAMETERS = "parameters";
  private static final String FORMAT = "javax_imageio_png_1.0";

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
   * earlier one. Pixels, bit depth and the other chunks ImageIO understands are kept.
   *
   * @throws IllegalArgumentException if the bytes are not a PNG ImageIO can read
   */
  public static byte[] withParameters(byte[] png, String parameters) {
    ImageReader reader = pngReader();
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(png))) {
      reader.setInput(in);
      IIOImage image = reader.readAll(0, null);
      IIOMetadata metadata = image.getMetadata();
      IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(FORMAT);
      removeText(root, PARAMETERS);
      metadata.setFromTree(FORMAT, root);
      addText(metadata, Map.of(PARAMETERS, parameters));
      ImageWriter writer = pngWriter();
      try {
        return write(writer, image);
      } finally {
        writer.dispose();
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("not a readable PNG: " + e.getMessage(), e);
    } finally {
      reader.dispose();
    }
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
    return readTextIfReadable(png).orElse(Map.of());
  }

  /** Like {@link #readText}, but empty when the bytes are not a readable PNG, so an importer can say so. */
  public static Optional<Map<String, String>> readTextIfReadable(byte[] png) {
    Map<String, String> text = new LinkedHashMap<>();
    ImageReader reader = pngReader();
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(png))) {
      reader.setInput(in, true, false);
      IIOMetadata metadata = reader.getImageMetadata(0);
      Node root = metadata.getAsTree(FORMAT);
      for (Node chunk = root.getFirstChild(); chunk != null; chunk = chunk.getNextSibling()) {
        String valueAttribute = switch (chunk.getNodeName()) {
          case "tEXt" -> "value";
          case "zTXt", "iTXt" -> "text";
          default -> null;
        };
        if (valueAttribute == null) {
          continue;
        }
        for (Node entry = chunk.getFirstChild(); entry != null; entry = entry.getNextSibling()) {
          IIOMetadataNode e = (IIOMetadataNode) entry;
          text.put(e.getAttribute("keyword"), e.getAttribute(valueAttribute));
        }
      }
    } catch (IOException | RuntimeException e) {
      // Truncated or foreign files throw from deep inside ImageIO.
      return Optional.empty();
    } finally {
      reader.dispose();
    }
    return Optional.of(text);
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

  private static void removeText(IIOMetadataNode root, String keyword) {
    for (Node chunk = root.getFirstChild(); chunk != null; chunk = chunk.getNextSibling()) {
      String name = chunk.getNodeName();
      if (!name.equals("tEXt") && !name.equals("zTXt") && !name.equals("iTXt")) {
        continue;
      }
      Node entry = chunk.getFirstChild();
      while (entry != null) {
        Node next = entry.getNextSibling();
        if (keyword.equals(((IIOMetadataNode) entry).getAttribute("keyword"))) {
          chunk.removeChild(entry);
        }
        entry = next;
      }
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

  private static ImageReader pngReader() {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("png");
    if (!readers.hasNext()) {
      throw new IllegalStateException("this Java runtime has no PNG reader");
    }
    return readers.next();
  }
}
