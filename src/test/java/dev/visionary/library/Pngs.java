package dev.visionary.library;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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
    try {
      BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
      ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
      IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), writer.getDefaultWriteParam());
      IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
      IIOMetadataNode chunk = new IIOMetadataNode(international ? "iTXt" : "tEXt");
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
      chunk.appendChild(entry);
      root.appendChild(chunk);
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
