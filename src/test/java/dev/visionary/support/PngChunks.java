package dev.visionary.support;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** PNG files put together chunk by chunk, hostile ones included, without any image library deciding what is allowed. */
public final class PngChunks {
  private static final int MiB = 1024 * 1024;

  private PngChunks() {}

  /** A 1×1 grey PNG with the given chunks between its header and its image data. */
  public static byte[] png(byte[]... chunks) {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    png.writeBytes(chunk("IHDR", ByteBuffer.allocate(13).putInt(1).putInt(1).put((byte) 8).put(new byte[4]).array()));
    for (byte[] chunk : chunks) {
      png.writeBytes(chunk);
    }
    png.writeBytes(chunk("IDAT", deflate(new byte[] {0, (byte) 0x80})));
    png.writeBytes(chunk("IEND", new byte[0]));
    return png.toByteArray();
  }

  /** One chunk as it sits in the file: length, type, data, CRC. */
  public static byte[] chunk(String type, byte[] data) {
    byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(typeBytes).put(data).putInt((int) crc.getValue()).array();
  }

  /**
   * A text chunk's data: the keyword, the bytes that follow it ({@code 0} for tEXt; {@code 0, 0} for zTXt;
   * {@code 0, flag, 0, 0, 0} for iTXt), then the text.
   */
  public static byte[] text(String keyword, byte[] afterKeyword, byte[] text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(keyword.length() + afterKeyword.length + text.length);
    out.writeBytes(keyword.getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(afterKeyword);
    out.writeBytes(text);
    return out.toByteArray();
  }

  public static byte[] deflate(byte[] data) {
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

  /**
   * A zlib stream that inflates to {@code mebibytes} MiB of zeros, about a thousandth of that in size.
   * Deflating gigabytes takes seconds, so one megabyte is deflated and flushed, and the block that the
   * next megabyte gives (the same for every megabyte after it) is repeated; the stream ends with an empty
   * final block and the Adler-32 of that many zeros.
   */
  public static byte[] zerosDeflated(int mebibytes) {
    byte[] zeros = new byte[MiB];
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    byte[] first = flushed(deflater, zeros);
    byte[] next = flushed(deflater, zeros);
    if (!Arrays.equals(next, flushed(deflater, zeros))) {
      throw new IllegalStateException("this zlib does not repeat its blocks over zeros; build the stream the slow way");
    }
    deflater.end();
    ByteArrayOutputStream out = new ByteArrayOutputStream(first.length + next.length * mebibytes + 6);
    out.writeBytes(first);
    for (int i = 1; i < mebibytes; i++) {
      out.writeBytes(next);
    }
    long size = (long) mebibytes * MiB;
    // Adler-32 of n zero bytes: the low sum stays 1, the high sum is n.
    long adler = ((size % 65521) << 16) | 1;
    out.writeBytes(new byte[] {3, 0, (byte) (adler >>> 24), (byte) (adler >>> 16), (byte) (adler >>> 8), (byte) adler});
    return out.toByteArray();
  }

  private static byte[] flushed(Deflater deflater, byte[] input) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    deflater.setInput(input);
    int n;
    do {
      n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
      out.write(buffer, 0, n);
    } while (n == buffer.length || !deflater.needsInput());
    return out.toByteArray();
  }
}
