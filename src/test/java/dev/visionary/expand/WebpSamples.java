package dev.visionary.expand;

import java.util.Base64;

/**
 * Real WebP files, one of each kind of first chunk, made by libwebp (ImageMagick 6.9, {@code convert -size 40x30
 * gradient:#f08020-#102060 lossy.webp}, {@code -define webp:lossless=true}, and a half-transparent fill, which libwebp
 * writes as VP8X with an alpha chunk). The Java runtime cannot write WebP, so they are kept here as bytes.
 */
final class WebpSamples {
  /** 40 × 30, lossy: a {@code VP8 } chunk. */
  static final byte[] LOSSY = Base64.getDecoder().decode(
      "UklGRngAAABXRUJQVlA4IGwAAACwBACdASooAB4APmUoj0WkIqEapABABkSyAGQJyH0mmA//wGi4iv6KuVTJXFSAAP3W+F8dOx7Z//P/Kv3bDX7B2v/84QdZmPufQafCUYNrJkOiR5/NC30KGJzuiqmrDAZ56aAwixb8PQcAAAA=");
  /** 33 × 17, lossless: a {@code VP8L} chunk. */
  static final byte[] LOSSLESS = Base64.getDecoder().decode("UklGRh4AAABXRUJQVlA4TBEAAAAvIAAEAAfQv6r0p/+BiOh/AAA=");
  /** 21 × 13 with transparency: a {@code VP8X} chunk, then {@code ALPH} and {@code VP8 }. */
  static final byte[] EXTENDED = Base64.getDecoder().decode(
      "UklGRmgAAABXRUJQVlA4WAoAAAAQAAAAFAAADAAAQUxQSAoAAAABB9C/iAhERP8DVlA4IDgAAAAQAwCdASoVAA0APpE4l0eloyIhMAgAsBIJQBdl0AAQNgAA/uy9j6+AKeqP/z0z+tv4/8iTsAAAAA==");

  private WebpSamples() {}

  /** A VP8X header declaring {@code width × height} with the given flags (0x02: animated), and nothing after it. */
  static byte[] extendedHeader(int width, int height, int flags) {
    byte[] b = new byte[30];
    System.arraycopy("RIFF".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, b, 0, 4);
    b[4] = 22;
    System.arraycopy("WEBPVP8X".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, b, 8, 8);
    b[16] = 10;
    b[20] = (byte) flags;
    int w = width - 1;
    int h = height - 1;
    b[24] = (byte) w;
    b[25] = (byte) (w >> 8);
    b[26] = (byte) (w >> 16);
    b[27] = (byte) h;
    b[28] = (byte) (h >> 8);
    b[29] = (byte) (h >> 16);
    return b;
  }
}
