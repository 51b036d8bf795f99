package dev.visionary.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class GzipTest {
  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] gunzip(byte[] gzip) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
      return in.readAllBytes();
    }
  }

  private static byte[] joined(byte[][] parts, byte[] token) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        out.writeBytes(token);
      }
      out.writeBytes(parts[i]);
    }
    return out.toByteArray();
  }

  private static void assertRoundTrip(byte[][] parts, byte[] token) throws IOException {
    byte[][] deflated = Gzip.deflateParts(parts);
    byte[] gzip = Gzip.join(parts, deflated, token);
    assertArrayEquals(joined(parts, token), gunzip(gzip));
  }

  @Test
  void partsJoinedAroundATokenInflateToTheWholeText() throws IOException {
    byte[] token = utf8("tok3nAbcdefghijklmnopqrstuvwxyz0123456789_-");
    assertRoundTrip(new byte[][] {utf8("<html><form><input value=\""), utf8("\"></form><p>Ünïcode — “quotes” 🌅</p><div hx-headers='{\"X\": \""),
        utf8("\"}'></div></html>")}, token);
    assertRoundTrip(new byte[][] {utf8("no token at all")}, token);
    assertRoundTrip(new byte[][] {new byte[0], utf8("token first and last"), new byte[0]}, token);
    assertRoundTrip(new byte[][] {new byte[0]}, token);
    assertRoundTrip(new byte[][] {utf8("a"), utf8("b")}, new byte[0]);
  }

  @Test
  void largePartsAndLargeTokensSpanSeveralBlocks() throws IOException {
    Random random = new Random(7);
    byte[] noise = new byte[300_000]; // incompressible: deflate falls back to stored blocks of its own
    random.nextBytes(noise);
    byte[] text = utf8("a lighthouse at dusk, amber light, ".repeat(8_000));
    byte[] bigToken = new byte[150_000]; // more than one stored block can hold
    random.nextBytes(bigToken);
    assertRoundTrip(new byte[][] {noise, text, noise}, utf8("short"));
    assertRoundTrip(new byte[][] {text, text}, bigToken);
  }

  @Test
  void aPageIsCompressedWellDespiteTheCuts() throws IOException {
    byte[] part = utf8("<div class=\"card\"><a href=\"/p/abc/amber\">Amber lighthouse</a></div>\n".repeat(300));
    byte[][] parts = {part, part, part};
    byte[] gzip = Gzip.join(parts, Gzip.deflateParts(parts), utf8("x".repeat(43)));
    assertTrue(gzip.length * 20 < part.length * 3, "compressed to " + gzip.length + " bytes");
  }

  @Test
  void gzipIsTakenOnlyWhenNamedWithoutAZeroWeight() {
    assertTrue(Gzip.accepted("gzip, deflate, br, zstd"));
    assertTrue(Gzip.accepted("br;q=1.0, GZIP;q=0.5"));
    assertTrue(Gzip.accepted(" gzip "));
    assertFalse(Gzip.accepted(null));
    assertFalse(Gzip.accepted(""));
    assertFalse(Gzip.accepted("deflate, br"));
    assertFalse(Gzip.accepted("gzip;q=0"));
    assertFalse(Gzip.accepted("gzip; q=0.0, identity"));
    assertFalse(Gzip.accepted("gzip;q=nonsense"));
    assertFalse(Gzip.accepted("x-gzip-like"));
  }
}
