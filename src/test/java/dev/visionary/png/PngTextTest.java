package dev.visionary.png;

import static dev.visionary.support.PngChunks.chunk;
import static dev.visionary.support.PngChunks.deflate;
import static dev.visionary.support.PngChunks.png;
import static dev.visionary.support.PngChunks.text;
import static dev.visionary.support.PngChunks.zerosDeflated;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

class PngTextTest {

  @Test
  void readsCompressedTextUpToTheCapAndSkipsLongerTextSayingWhy() {
    String atCap = "a".repeat(PngText.MAX_CHUNK_BYTES);
    byte[] png = png(
        chunk("zTXt", text("workflow", new byte[] {0, 0}, deflate(("b".repeat(PngText.MAX_CHUNK_BYTES + 1)).getBytes(StandardCharsets.US_ASCII)))),
        chunk("iTXt", text("parameters", new byte[] {0, 1, 0, 0, 0}, deflate(atCap.getBytes(StandardCharsets.UTF_8)))),
        chunk("tEXt", text("Software", new byte[] {0}, "paint".getBytes(StandardCharsets.ISO_8859_1))));
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
      chunks[i] = chunk("zTXt", text("part" + i, new byte[] {0, 0}, deflate(megabyte)));
    }
    PngText read = PngText.read(png(chunks)).orElseThrow();
    assertEquals(List.of("part0", "part1", "part2", "part3"), List.copyOf(read.text().keySet()));
    assertEquals(1, read.skipped().size());
  }

  @Test
  void readsAtMostSixtyFourTextChunks() {
    byte[][] chunks = new byte[70][];
    for (int i = 0; i < chunks.length; i++) {
      chunks[i] = chunk("tEXt", text("k" + i, new byte[] {0}, "v".getBytes(StandardCharsets.US_ASCII)));
    }
    PngText read = PngText.read(png(chunks)).orElseThrow();
    assertEquals(PngText.MAX_CHUNKS, read.text().size());
    assertEquals(List.of("It has more than 64 text chunks; the ones after that were skipped."), read.skipped());
  }

  @Test
  void skipsDamagedTextAndBrokenCompressedData() {
    byte[] damaged = chunk("tEXt", text("parameters", new byte[] {0}, "a cat".getBytes(StandardCharsets.ISO_8859_1)));
    damaged[damaged.length - 1] ^= 1;
    byte[] notZlib = chunk("zTXt", text("prompt", new byte[] {0, 0}, "plain, not deflated".getBytes(StandardCharsets.US_ASCII)));
    byte[] deflated = deflate("cut short".getBytes(StandardCharsets.US_ASCII));
    byte[] cutShort = chunk("zTXt", text("workflow", new byte[] {0, 0}, Arrays.copyOf(deflated, deflated.length - 3)));
    PngText read = PngText.read(png(damaged, notZlib, cutShort)).orElseThrow();
    assertEquals(Map.of(), read.text());
    assertEquals(List.of("The “parameters” text is damaged, so it was skipped.",
        "The “prompt” text could not be decompressed, so it was skipped.",
        "The “workflow” text could not be decompressed, so it was skipped."), read.skipped());
  }

  @Test
  void aFileCutShortAfterItsImageDataStillGivesItsTextButOneCutBeforeDoesNot() {
    byte[] png = png(chunk("tEXt", text("parameters", new byte[] {0}, "a cat".getBytes(StandardCharsets.ISO_8859_1))));
    byte[] withoutEnd = Arrays.copyOf(png, png.length - 12);
    assertEquals(Map.of("parameters", "a cat"), PngText.read(withoutEnd).orElseThrow().text());
    assertEquals(Optional.empty(), PngText.read(Arrays.copyOf(png, 40)));
    assertEquals(Optional.empty(), PngText.read("not a png at all".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void theBombsTheseTestsBuildAreCompleteZlibStreams() throws Exception {
    Inflater inflater = new Inflater();
    inflater.setInput(zerosDeflated(16));
    byte[] out = new byte[17 * 1024 * 1024];
    int n = 0;
    while (!inflater.finished()) {
      n += inflater.inflate(out, n, out.length - n);
    }
    inflater.end();
    assertEquals(16 * 1024 * 1024, n);
    assertTrue(IntStream.range(0, n).allMatch(i -> out[i] == 0));
  }

  @Test
  void aGigabyteOfCompressedTextCostsAMegabyteOfWork() {
    byte[] png = png(chunk("zTXt", text("parameters", new byte[] {0, 0}, zerosDeflated(1024))));
    long started = System.nanoTime();
    PngText read = PngText.read(png).orElseThrow();
    long took = System.nanoTime() - started;
    assertEquals(Map.of(), read.text());
    assertEquals(1, read.skipped().size());
    assertTrue(took < 2_000_000_000L, "took " + took / 1_000_000 + " ms");
  }
}
