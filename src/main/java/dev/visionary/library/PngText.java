package dev.visionary.library;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.Node;

/** The text chunks of a PNG (tEXt, zTXt and iTXt), read with the JDK's own PNG reader without decoding pixels. */
final class PngText {
  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private PngText() {}

  static boolean isPng(byte[] bytes) {
    if (bytes.length < SIGNATURE.length) {
      return false;
    }
    for (int i = 0; i < SIGNATURE.length; i++) {
      if (bytes[i] != SIGNATURE[i]) {
        return false;
      }
    }
    return true;
  }

  /** Keyword to text; throws IllegalArgumentException when the file is not a readable PNG. */
  static Map<String, String> read(byte[] png) {
    Map<String, String> chunks = new LinkedHashMap<>();
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
      Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("png");
      if (!readers.hasNext() || in == null) {
        throw new IllegalArgumentException("This Java runtime cannot read PNG files.");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, false);
        IIOMetadata metadata = reader.getImageMetadata(0);
        Node root = metadata.getAsTree("javax_imageio_png_1.0");
        for (Node chunk = root.getFirstChild(); chunk != null; chunk = chunk.getNextSibling()) {
          String type = chunk.getNodeName();
          if (!type.equals("tEXt") && !type.equals("zTXt") && !type.equals("iTXt")) {
            continue;
          }
          for (Node entry = chunk.getFirstChild(); entry != null; entry = entry.getNextSibling()) {
            String keyword = attribute(entry, "keyword");
            String value = type.equals("tEXt") ? attribute(entry, "value") : attribute(entry, "text");
            if (keyword != null && value != null) {
              chunks.putIfAbsent(keyword, value);
            }
          }
        }
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof IllegalArgumentException iae && iae.getMessage() != null && iae.getMessage().startsWith("This Java")) {
        throw iae;
      }
      throw new IllegalArgumentException("The PNG file could not be read: it may be damaged or not a PNG.");
    }
    return chunks;
  }

  private static String attribute(Node node, String name) {
    Node attr = node.getAttributes() == null ? null : node.getAttributes().getNamedItem(name);
    return attr == null ? null : attr.getNodeValue();
  }
}
