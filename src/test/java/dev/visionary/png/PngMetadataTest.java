package dev.visionary.png;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.generate.Pixels;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;

class PngMetadataTest {

  private static final String INFOTEXT = "a lighthouse 灯台 🌊, at dusk\nNegative prompt: fog\n"
      + "Steps: 20, Sampler: Euler a, CFG scale: 7, Seed: 42, Size: 32x16, Engine: builtin";

  private static BufferedImage picture() {
    BufferedImage image = new BufferedImage(32, 16, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(0x336699));
    g.fillRect(0, 0, 32, 16);
    g.setColor(Color.ORANGE);
    g.fillOval(4, 2, 12, 12);
    g.dispose();
    return image;
  }

  /** A chunk as it sits in the file: its four-letter type and its raw data. */
  private record Chunk(String type, byte[] data) {
    String keyword() {
      int end = 0;
      while (end < data.length && data[end] != 0) {
        end++;
      }
      return new String(data, 0, end, StandardCharsets.ISO_8859_1);
    }
  }

  /** Walks the PNG byte layout by hand, independently of ImageIO. */
  private static List<Chunk> chunks(byte[] png) {
    ByteBuffer in = ByteBuffer.wrap(png);
    in.position(8);
    List<Chunk> chunks = new ArrayList<>();
    while (in.remaining() >= 12) {
      int length = in.getInt();
      byte[] type = new byte[4];
      in.get(type);
      byte[] data = new byte[length];
      in.get(data);
      in.getInt();
      chunks.add(new Chunk(new String(type, StandardCharsets.ISO_8859_1), data));
    }
    return chunks;
  }

  /** Writes a PNG the way another tool would, with ImageIO and a chosen text chunk type. */
  private static byte[] writtenByAnotherTool(String chunkType, Map<String, String> text) throws Exception {
    BufferedImage image = picture();
    ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
    IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), null);
    IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
    IIOMetadataNode chunk = new IIOMetadataNode(chunkType);
    text.forEach((keyword, value) -> {
      IIOMetadataNode entry = new IIOMetadataNode(chunkType + "Entry");
      entry.setAttribute("keyword", keyword);
      switch (chunkType) {
        case "tEXt" -> entry.setAttribute("value", value);
        case "zTXt" -> {
          entry.setAttribute("compressionMethod", "deflate");
          entry.setAttribute("text", value);
        }
        default -> {
          entry.setAttribute("compressionFlag", "TRUE");
          entry.setAttribute("compressionMethod", "0");
          entry.setAttribute("languageTag", "");
          entry.setAttribute("translatedKeyword", "");
          entry.setAttribute("text", value);
        }
      }
      chunk.appendChild(entry);
    });
    root.appendChild(chunk);
    metadata.mergeTree("javax_imageio_png_1.0", root);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(image, null, metadata), null);
    }
    writer.dispose();
    return bytes.toByteArray();
  }

  @Test
  void writesParametersAsAnUncompressedUtf8ITxtChunk() {
    byte[] png = PngMetadata.encode(picture(), Map.of(PngMetadata.PARAMETERS, INFOTEXT));

    assertEquals(Optional.of(INFOTEXT), PngMetadata.readParameters(png));
    List<Chunk> parameters = chunks(png).stream().filter(c -> c.keyword().equals("parameters")).toList();
    assertEquals(1, parameters.size());
    Chunk chunk = parameters.get(0);
    assertEquals("iTXt", chunk.type());
    byte[] data = chunk.data();
    int k = "parameters".length();
    assertEquals(0, data[k + 1], "compression flag");
    // keyword NUL, flag, method, empty language tag NUL, empty translated keyword NUL, then the UTF-8 text.
    String text = new String(data, k + 5, data.length - k - 5, StandardCharsets.UTF_8);
    assertEquals(INFOTEXT, text);
  }

  @Test
  void keepsThePixels() {
    BufferedImage image = picture();
    BufferedImage back = Pixels.decode(PngMetadata.encode(image, Map.of(PngMetadata.PARAMETERS, "x")));
    assertEquals(0.0, Pixels.difference(image, back));
  }

  @Test
  void readsParametersFromATExtChunkWrittenByAnotherTool() throws Exception {
    String latin1 = "a café by the sea\nSteps: 20, Seed: 7, Size: 32x16";
    byte[] png = writtenByAnotherTool("tEXt", Map.of("parameters", latin1));
    assertEquals("tEXt", chunks(png).stream().filter(c -> c.keyword().equals("parameters")).findFirst()
        .orElseThrow().type());
    assertEquals(Optional.of(latin1), PngMetadata.readParameters(png));
  }

  @Test
  void readsParametersFromACompressedZTxtChunk() throws Exception {
    String text = "a forest\nSteps: 20, Seed: 8, Size: 32x16";
    byte[] png = writtenByAnotherTool("zTXt", Map.of("parameters", text));
    assertEquals(Optional.of(text), PngMetadata.readParameters(png));
  }

  @Test
  void readsOtherToolsTextChunks() throws Exception {
    String prompt = "{\"3\":{\"class_type\":\"KSampler\",\"inputs\":{\"seed\":1}}}";
    String workflow = "{\"nodes\":[]}";
    byte[] png = writtenByAnotherTool("iTXt", Map.of("prompt", prompt, "workflow", workflow));
    Map<String, String> text = PngMetadata.readText(png);
    assertEquals(prompt, text.get("prompt"));
    assertEquals(workflow, text.get("workflow"));
    assertEquals(Optional.empty(), PngMetadata.readParameters(png));
  }

  @Test
  void replacesEarlierParametersAndKeepsOtherChunks() throws Exception {
    byte[] original = writtenByAnotherTool("tEXt",
        Map.of("parameters", "old prompt\nSteps: 1, Seed: 1, Size: 32x16", "invokeai_metadata", "{\"seed\":1}"));
    byte[] updated = PngMetadata.withParameters(original, INFOTEXT);

    assertEquals(Optional.of(INFOTEXT), PngMetadata.readParameters(updated));
    assertEquals("{\"seed\":1}", PngMetadata.readText(updated).get("invokeai_metadata"));
    assertEquals(1, chunks(updated).stream().filter(c -> c.keyword().equals("parameters")).count());
    assertEquals(0.0, Pixels.difference(Pixels.decode(original), Pixels.decode(updated)));
  }

  @Test
  void replacingParametersCopiesEveryOtherChunkByteForByte() throws Exception {
    // A private ancillary chunk ImageIO does not know: re-encoding would have dropped it.
    byte[] original = withChunkAfterHeader(writtenByAnotherTool("iTXt",
        Map.of("parameters", "old prompt", "workflow", "{\"nodes\":[]}")), "vsNa", "kept as it is".getBytes(StandardCharsets.US_ASCII));
    byte[] updated = PngMetadata.withParameters(original, INFOTEXT);

    List<String> before = chunks(original).stream().filter(c -> !c.keyword().equals("parameters")).map(PngMetadataTest::describe).toList();
    List<String> after = chunks(updated).stream().filter(c -> !c.keyword().equals("parameters")).map(PngMetadataTest::describe).toList();
    assertEquals(before, after);
    List<Chunk> all = chunks(updated);
    int parameters = indexOf(all, c -> c.keyword().equals("parameters"));
    assertEquals("iTXt", all.get(parameters).type());
    assertTrue(parameters < indexOf(all, c -> c.type().equals("IDAT")), "the text comes before the image data");
    assertEquals(Optional.of(INFOTEXT), PngMetadata.readParameters(updated));
    assertTrue(crcsAreValid(updated));
  }

  @Test
  void refusesBytesThatAreNotACompletePng() throws Exception {
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    ImageIO.write(picture(), "png", plain);
    byte[] png = plain.toByteArray();
    assertThrows(IllegalArgumentException.class, () -> PngMetadata.withParameters(java.util.Arrays.copyOf(png, png.length / 2), "x"));
    byte[] noHeader = png.clone();
    noHeader[12] = 'X'; // the first chunk's type is no longer IHDR
    assertThrows(IllegalArgumentException.class, () -> PngMetadata.withParameters(noHeader, "x"));
  }

  private static String describe(Chunk chunk) {
    return chunk.type() + ":" + java.util.HexFormat.of().formatHex(chunk.data());
  }

  private static int indexOf(List<Chunk> chunks, java.util.function.Predicate<Chunk> test) {
    for (int i = 0; i < chunks.size(); i++) {
      if (test.test(chunks.get(i))) {
        return i;
      }
    }
    throw new AssertionError("no such chunk");
  }

  /** Inserts a chunk with a correct CRC right after IHDR (signature 8 bytes, IHDR 25). */
  private static byte[] withChunkAfterHeader(byte[] png, String type, byte[] data) {
    ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
    byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(typeBytes);
    crc.update(data);
    chunk.putInt(data.length).put(typeBytes).put(data).putInt((int) crc.getValue());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(png, 0, 33);
    out.writeBytes(chunk.array());
    out.write(png, 33, png.length - 33);
    return out.toByteArray();
  }

  private static boolean crcsAreValid(byte[] png) {
    ByteBuffer in = ByteBuffer.wrap(png);
    in.position(8);
    while (in.remaining() >= 12) {
      int length = in.getInt();
      java.util.zip.CRC32 crc = new java.util.zip.CRC32();
      crc.update(png, in.position(), 4 + length);
      in.position(in.position() + 4 + length);
      if (in.getInt() != (int) crc.getValue()) {
        return false;
      }
    }
    return true;
  }

  @Test
  void addsParametersToAPngThatHadNone() throws Exception {
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    ImageIO.write(picture(), "png", plain);
    byte[] updated = PngMetadata.withParameters(plain.toByteArray(), INFOTEXT);
    assertEquals(Optional.of(INFOTEXT), PngMetadata.readParameters(updated));
  }

  @Test
  void findsNoTextInBytesThatAreNotAPng() {
    assertEquals(Map.of(), PngMetadata.readText("not a png".getBytes(StandardCharsets.US_ASCII)));
    assertEquals(Map.of(), PngMetadata.readText(new byte[0]));
    assertThrows(IllegalArgumentException.class, () -> PngMetadata.withParameters(new byte[] {1, 2, 3}, "x"));
  }

  @Test
  void encodingIsDeterministic() {
    assertArrayEquals(PngMetadata.encode(picture(), Map.of(PngMetadata.PARAMETERS, INFOTEXT)),
        PngMetadata.encode(picture(), Map.of(PngMetadata.PARAMETERS, INFOTEXT)));
  }
}
