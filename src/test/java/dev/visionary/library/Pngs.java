package dev.visionary.library;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/** Small PNGs carrying a text chunk, as Stable Diffusion tools write them. */
final class Pngs {
  private Pngs() {}

  /** A 4×4 PNG with {@code keyword} in a tEXt chunk, or in an uncompressed iTXt chunk when {@code international}. */
  static byte[] withText(String keyword, String text, boolean international) {
    IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
    IIOMetadataNode chunk = new IIOMetadataNode(international ? "iTXt" : "tEXt");
    chunk.appendChild(entry(keyword, text, international));
    root.appendChild(chunk);
    return png(root);
  }

  /**
   * A 4×4 PNG with one text chunk per entry, in order, chosen as Pillow's {@code PngInfo.add_text} (which
   * AUTOMATIC1111, ComfyUI, InvokeAI and Fooocus all use) chooses: tEXt when the text is Latin-1, else iTXt.
   */
  static byte[] withChunks(Map<String, String> chunks) {
    IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
    IIOMetadataNode latin = new IIOMetadataNode("tEXt");
    IIOMetadataNode international = new IIOMetadataNode("iTXt");
    chunks.forEach((keyword, text) -> {
      boolean wide = !StandardCharsets.ISO_8859_1.newEncoder().canEncode(text);
      (wide ? international : latin).appendChild(entry(keyword, text, wide));
    });
    root.appendChild(latin);
    if (international.hasChildNodes()) {
      root.appendChild(international);
    }
    return png(root);
  }

  private static IIOMetadataNode entry(String keyword, String text, boolean international) {
    IIOMetadataNode entry = new IIOMetadataNode(international ? "iTXtEntry" : "tEXtEntry");
    entry.setAttribute("keyword", keyword);
    if (international) {
      entry.setAttribute("compressionFlag", "FALSE");
      entry.setAttribute("compressionMethod", "0");
      entry.setAttribute("languageTag", "");
      entry.setAttribute("translatedKeyword", "");
      entry.setAttribute("text", text);
    } else {
      entry.setAttribute("value", text);
    }
    return entry;
  }

  private static byte[] png(IIOMetadataNode root) {
    try {
      BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
      ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
      IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), writer.getDefaultWriteParam());
      metadata.mergeTree("javax_imageio_png_1.0", root);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
        writer.setOutput(out);
        writer.write(new IIOImage(image, null, metadata));
      }
      writer.dispose();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
