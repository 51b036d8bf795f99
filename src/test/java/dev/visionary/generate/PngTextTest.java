package dev.visionary.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

class PngTextTest {

  @Test
  void readsCompressedTextUpToTheCapAndSkipsLongerTextSayingWhy() {
    String atCap = "a".repeat(PngText.MAX_CHUNK_BYTES);
    byte[] png = png(
        chunk("zTXt", bytes("workflow", new byte[] {0, 0}, deflate(("b".repeat(PngText.MAX_CHUNK_BYTES + 1)).getBytes(StandardCharsets.US_ASCII)))),
        chunk("iTXt", bytes("parameters", new byte[] {0, 1, 0, 0, 0}, deflate(atCap.getBytes(StandardCharsets.UTF_8)))),
        chunk("tEXt", bytes("Software", new byte[] {0}, "paint".getBytes(StandardCharsets.ISO_8859_1))));
    PngText read = PngText.read(png).orElseThrow();
    assertEquals(List.of("parameters", "Software"), List.copyOf(read.text().keySet()));
    assertEquals(atCap, read.text().get("parameters"));
    assertEquals(List.of("The “workflow” text is longer than Visionary reads (1 MB per text, 4 MB per image), so it was skipped."),
        read.skipped());
  }

  @Test
  void stopsReadingTextOnceTheFileHasGivenFourMegabytes() {
    byte[] megabyte = "c".repeat(PngText.MAX_CHUNK_BYTES).getBytes(StandardCharsets.US_ASCII);
    byte[][] chunks = new byte[5][];
    for (int i = 0; i < 5; i++) {
      chunks[i] = chunk("zTXt", bytes("part" + i, new byte[] {0, 0}, deflate(megabyte)));
    }
    PngText read = PngText.read(png(chunks)).orElseThrow();
    assertEquals(List.of("part0", "part1", "part2", "part3"), List.copyOf(read.text().keySet()));
    assertEquals(1, read.skipped().size());
  }

  @Test
  void readsAtMostSixtyFourTextChunks() {
    byte[][] chunks = new byte[70][];
    for (int i = 0; i < chunks.length; i++) {
      chunks[i] = chunk("tEXt", bytes("k" + i, new byte[] {0}, "v".getBytes(StandardCharsets.US_ASCII)));
    }
    PngText read = PngText.read(png(chunks)).orElseThrow();
    assertEquals(PngText.MAX_CHUNKS, read.text().size());
    assertEquals(List.of("It has more than 64 text chunks; the ones after that were skipped."), read.skipped());
  }

  @Test
  void skipsDamagedTextAndBrokenCompressedData() {
    byte[] damaged = chunk("tEXt", bytes("parameters", new byte[] {0}, "a cat".getBytes(StandardCharsets.ISO_8859_1)));
    damaged[damaged.length - 1] ^= 1;
    byte[] notZlib = chunk("zTXt", bytes("prompt", new byte[] {0, 0}, "plain, not deflated".getBytes(StandardCharsets.US_ASCII)));
    byte[] deflated = deflate("cut short".getBytes(StandardCharsets.US_ASCII));
    byte[] cutShort = chunk("zTXt", bytes("workflow", new byte[] {0, 0}, Arrays.copyOf(deflated, deflated.length - 3)));
    PngText read = PngText.read(png(damaged, notZlib, cutShort)).orElseThrow();
    assertEquals(Map.of(), read.text());
    assertEquals(List.of("The “parameters” text is damaged, so it was skipped.",
        "The “prompt” text could not be decompressed, so it was skipped.",
        "The “workflow” text could not be decompressed, so it was skipped."), read.skipped());
  }

  @Test
  void aFileCutShortAfterItsImageDataStillGivesItsTextButOneCutBeforeDoesNot() {
    byte[] png = png(chunk("tEXt", bytes("parameters", new byte[] {0}, "a cat".getBytes(StandardCharsets.ISO_8859_1))));
    byte[] withoutEnd = Arrays.copyOf(png, png.length - 12);
    assertEquals(Map.of("parameters", "a cat"), PngText.read(withoutEnd).orElseThrow().text());
    assertEquals(Optional.empty(), PngText.read(Arrays.copyOf(png, 40)));
    assertEquals(Optional.empty(), PngText.read("not a png at all".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void aGigabyteOfCompressedTextCostsAMegabyteOfWork() {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    ByteArrayOutputStream zlib = new ByteArrayOutputStream();
    byte[] zeros = new byte[1024 * 1024];
    byte[] buffer = new byte[64 * 1024];
    for (int i = 0; i < 1024; i++) {
      deflater.setInput(zeros);
      while (!deflater.needsInput()) {
        zlib.write(buffer, 0, deflater.deflate(buffer));
      }
    }
    deflater.finish();
    while (!deflater.finished()) {
      zlib.write(buffer, 0, deflater.deflate(buffer));
    }
    deflater.end();
    byte[] png = png(chunk("zTXt", bytes("parameters", new byte[] {0, 0}, zlib.toByteArray())));
    long started = System.nanoTime();
    PngText read = PngText.read(png).orElseThrow();
    long took = System.nanoTime() - started;
    assertEquals(Map.of(), read.text());
    assertEquals(1, read.skipped().size());
    assertTrue(took < 2_000_000_000L, "took " + took / 1_000_000 + " ms");
  }

  private static byte[] bytes(String keyword, byte[] afterKeyword, byte[] text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(keyword.getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(afterKeyword);
    out.writeBytes(text);
    return out.toByteArray();
  }

  private static byte[] deflate(byte[] data) {
    Deflater deflater = new Deflater();
    deflater.setInput(data);
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    while (!deflater.finished()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
    deflater.end();
    return out.toByteArray();
  }

  /** A 1×1 grey PNG with the given chunks between its header and its image data. */
  private static byte[] png(byte[]... extra) {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    png.writeBytes(chunk("IHDR", ByteBuffer.allocate(13).putInt(1).putInt(1).put((byte) 8).put(new byte[4]).array()));
    for (byte[] chunk : extra) {
      png.writeBytes(chunk);
    }
    png.writeBytes(chunk("IDAT", deflate(new byte[] {0, (byte) 0x80})));
    png.writeBytes(chunk("IEND", new byte[0]));
    return png.toByteArray();
  }

  private static byte[] chunk(String type, byte[] data) {
    byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(typeBytes).put(data).putInt((int) crc.getValue()).array();
  }
}
