package dev.visionary.web;

import java.io.ByteArrayOutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Gzip for kept pages, compressed once when kept rather than on every answer. Browsers ask for gzip on every
 * request, and compressing a 25 KB page each time cost several times what serving the kept copy does.
 *
 * <p>A shared page is kept in parts cut where the session's CSRF token goes. Each part is compressed on its
 * own, ending on a full flush (byte-aligned, no reference back across the cut), so an answer is one gzip stream
 * made by joining the compressed parts with the token between them as an uncompressed (stored) deflate block,
 * and a trailer with the CRC of the whole text. Any inflater reads that as one ordinary stream (RFC 1951, 1952).
 */
final class Gzip {
  private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
  /** A final, empty, fixed-Huffman block: ends the deflate stream. */
  private static final byte[] LAST_BLOCK = {3, 0};
  private static final int MAX_STORED = 65_535;

  private Gzip() {}

  /** Pages smaller than this are sent as they are: compressing them saves less than a packet. */
  static final int MIN_BYTES = 1_500;

  /** Whether an Accept-Encoding header takes gzip (named, and not with q=0). */
  static boolean accepted(String acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    for (String coding : acceptEncoding.split(",")) {
      String[] params = coding.split(";");
      if (!params[0].trim().equalsIgnoreCase("gzip")) {
        continue;
      }
      for (int i = 1; i < params.length; i++) {
        String param = params[i].trim();
        if (param.startsWith("q=") || param.startsWith("Q=")) {
          try {
            return Double.parseDouble(param.substring(2).trim()) > 0;
          } catch (NumberFormatException e) {
            return false;
          }
        }
      }
      return true;
    }
    return false;
  }

  /** Each part deflated on its own, ending byte-aligned; an empty part stays empty. */
  static byte[][] deflateParts(byte[][] parts) {
    byte[][] deflated = new byte[parts.length][];
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    try {
      byte[] buffer = new byte[16 * 1024];
      for (int i = 0; i < parts.length; i++) {
        if (parts[i].length == 0) {
          deflated[i] = parts[i];
          continue;
        }
        deflater.reset();
        deflater.setInput(parts[i]);
        ByteArrayOutputStream out = new ByteArrayOutputStream(parts[i].length / 3 + 64);
        int n;
        do {
          n = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH);
          out.write(buffer, 0, n);
        } while (n == buffer.length); // a full buffer may leave more of the flush to write
        deflated[i] = out.toByteArray();
      }
    } finally {
      deflater.end();
    }
    return deflated;
  }

  /**
   * The gzip stream of {@code parts} joined with {@code token} between each two: {@code deflated} is
   * {@link #deflateParts} of {@code parts}.
   */
  static byte[] join(byte[][] parts, byte[][] deflated, byte[] token) {
    CRC32 crc = new CRC32();
    long size = 0;
    int length = HEADER.length + LAST_BLOCK.length + 8;
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        crc.update(token);
        size += token.length;
        length += storedLength(token.length);
      }
      crc.update(parts[i]);
      size += parts[i].length;
      length += deflated[i].length;
    }
    byte[] out = new byte[length];
    System.arraycopy(HEADER, 0, out, 0, HEADER.length);
    int at = HEADER.length;
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        at = stored(token, out, at);
      }
      System.arraycopy(deflated[i], 0, out, at, deflated[i].length);
      at += deflated[i].length;
    }
    System.arraycopy(LAST_BLOCK, 0, out, at, LAST_BLOCK.length);
    at += LAST_BLOCK.length;
    at = littleEndian(crc.getValue(), out, at);
    littleEndian(size, out, at);
    return out;
  }

  private static int storedLength(int bytes) {
    return bytes + 5 * Math.max(1, (bytes + MAX_STORED - 1) / MAX_STORED);
  }

  /** Non-final stored blocks of {@code data}, written at a byte boundary (every part ends on one). */
  private static int stored(byte[] data, byte[] out, int at) {
    int from = 0;
    do {
      int n = Math.min(MAX_STORED, data.length - from);
      out[at++] = 0; // BFINAL 0, BTYPE 00, padded to the byte
      out[at++] = (byte) n;
      out[at++] = (byte) (n >>> 8);
      out[at++] = (byte) ~n;
      out[at++] = (byte) (~n >>> 8);
      System.arraycopy(data, from, out, at, n);
      at += n;
      from += n;
    } while (from < data.length);
    return at;
  }

  private static int littleEndian(long value, byte[] out, int at) {
    for (int i = 0; i < 4; i++) {
      out[at++] = (byte) (value >>> (8 * i));
    }
    return at;
  }
}
