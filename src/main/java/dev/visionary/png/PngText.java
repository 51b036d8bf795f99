package dev.visionary.png;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The text chunks (tEXt, zTXt, iTXt) of a PNG someone uploaded, read by walking the chunks in the bytes.
 *
 * <p>ImageIO's metadata reader inflated every compressed chunk whole before anyone could look at its
 * length: a 1 MB file whose zTXt inflated to 1 GB took 39 s and 2.5 GB of memory, 3 GB ran out of it.
 * Here compressed text is inflated only up to {@link #MAX_CHUNK_BYTES}; text that would be longer is
 * skipped, and so is text past {@link #MAX_TOTAL_BYTES} for the file or {@link #MAX_CHUNKS} chunks. The
 * pixels are never decoded.
 *
 * @param text every readable text chunk by keyword, in file order; when a keyword repeats, the last one wins
 * @param skipped what was left out and why, one sentence each, for the person who uploaded the file
 */
public record PngText(Map<String, String> text, List<String> skipped) {

  /** Largest text taken from one chunk, in bytes after inflating; prompts and their settings fit many times over. */
  public static final int MAX_CHUNK_BYTES = 1024 * 1024;
  /** Largest text taken from one file, all chunks together. */
  public static final int MAX_TOTAL_BYTES = 4 * 1024 * 1024;
  /** Most text chunks read from one file; tools write one to three. */
  public static final int MAX_CHUNKS = 64;

  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final int MAX_KEYWORD = 79;

  public PngText {
    text = Collections.unmodifiableMap(new LinkedHashMap<>(text));
    skipped = List.copyOf(skipped);
  }

  /**
   * The text of {@code png}, or empty when the bytes are not a readable PNG: no signature, no IHDR
   * first, or cut short before any image data.
   */
  public static Optional<PngText> read(byte[] png) {
    if (png.length < SIGNATURE.length || !Arrays.equals(png, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
      return Optional.empty();
    }
    Map<String, String> text = new LinkedHashMap<>();
    List<String> skipped = new ArrayList<>();
    int chunks = 0;
    long total = 0;
    boolean sawImageData = false;
    int at = SIGNATURE.length;
    while (at + 12 <= png.length) {
      long length = readInt(png, at) & 0xffffffffL;
      if (length > png.length - at - 12) {
        break;
      }
      int dataStart = at + 8;
      int dataLength = (int) length;
      String type = new String(png, at + 4, 4, StandardCharsets.ISO_8859_1);
      if (at == SIGNATURE.length && !(type.equals("IHDR") && dataLength == 13)) {
        return Optional.empty();
      }
      at = dataStart + dataLength + 4;
      if (type.equals("IDAT")) {
        sawImageData = true;
      } else if (type.equals("IEND")) {
        return Optional.of(new PngText(text, skipped));
      }
      if (!type.equals("tEXt") && !type.equals("zTXt") && !type.equals("iTXt")) {
        continue;
      }
      if (++chunks > MAX_CHUNKS) {
        if (chunks == MAX_CHUNKS + 1) {
          skipped.add("It has more than " + MAX_CHUNKS + " text chunks; the ones after that were skipped.");
        }
        continue;
      }
      Chunk chunk = new Chunk(type, png, dataStart, dataLength, readInt(png, dataStart + dataLength));
      long budget = Math.min(MAX_CHUNK_BYTES, MAX_TOTAL_BYTES - total);
      Optional<String> value = chunk.text(budget, skipped);
      if (value.isPresent()) {
        text.put(chunk.keyword(), value.get());
        total += chunk.decodedBytes;
      }
    }
    // Cut short or no IEND: the text before the image data is still what the tool wrote.
    return sawImageData ? Optional.of(new PngText(text, skipped)) : Optional.empty();
  }

  private static int readInt(byte[] b, int at) {
    return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
  }

  /** One text chunk's bytes, decoded on demand within a byte budget. */
  private static final class Chunk {
    private final String type;
    private final byte[] png;
    private final int start;
    private final int length;
    private final int crc;
    private final int keywordEnd;
    private long decodedBytes;

    Chunk(String type, byte[] png, int start, int length, int crc) {
      this.type = type;
      this.png = png;
      this.start = start;
      this.length = length;
      this.crc = crc;
      int end = start;
      while (end < start + length && png[end] != 0) {
        end++;
      }
      this.keywordEnd = end;
    }

    String keyword() {
      return new String(png, start, keywordEnd - start, StandardCharsets.ISO_8859_1);
    }

    /** The chunk's text, or empty (with the reason added to {@code skipped}) when it is damaged or too long. */
    Optional<String> text(long budget, List<String> skipped) {
      String keyword = keyword();
      String name = keyword.isEmpty() || keywordEnd - start > MAX_KEYWORD ? "A " + type + " chunk" : "The “" + keyword + "” text";
      CRC32 check = new CRC32();
      check.update(png, start - 4, length + 4);
      if ((int) check.getValue() != crc || keywordEnd == start + length || keywordEnd - start > MAX_KEYWORD) {
        skipped.add(name + " is damaged, so it was skipped.");
        return Optional.empty();
      }
      int at = keywordEnd + 1;
      int end = start + length;
      boolean compressed;
      boolean utf8 = type.equals("iTXt");
      if (type.equals("tEXt")) {
        compressed = false;
      } else if (type.equals("zTXt")) {
        compressed = true;
        at++; // compression method, 0 (zlib) is the only one defined
      } else {
        if (at + 2 > end) {
          skipped.add(name + " is damaged, so it was skipped.");
          return Optional.empty();
        }
        compressed = png[at] != 0;
        at += 2;
        // Language tag and translated keyword, each ending in NUL.
        for (int field = 0; field < 2 && at <= end; field++) {
          while (at < end && png[at] != 0) {
            at++;
          }
          at++;
        }
      }
      if (at > end) {
        skipped.add(name + " is damaged, so it was skipped.");
        return Optional.empty();
      }
      byte[] bytes;
      if (compressed) {
        bytes = inflate(png, at, end - at, budget);
        if (bytes == null) {
          skipped.add(name + " could not be decompressed, so it was skipped.");
          return Optional.empty();
        }
      } else {
        bytes = end - at > budget ? null : Arrays.copyOfRange(png, at, end);
      }
      if (bytes == null || bytes.length > budget) {
        skipped.add(name + " is longer than Visionary reads (" + MAX_CHUNK_BYTES / (1024 * 1024) + " MB per text, "
            + MAX_TOTAL_BYTES / (1024 * 1024) + " MB per image), so it was skipped.");
        return Optional.empty();
      }
      decodedBytes = bytes.length;
      return Optional.of(new String(bytes, utf8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1));
    }

    /**
     * Inflates at most {@code budget + 1} bytes: one byte more than allowed is enough to know the text is
     * too long, whatever it would have grown to. Null when the data is not zlib or ends early.
     */
    private static byte[] inflate(byte[] data, int from, int length, long budget) {
      Inflater inflater = new Inflater();
      try {
        inflater.setInput(data, from, length);
        byte[] out = new byte[(int) Math.min(budget + 1, 64 * 1024)];
        int produced = 0;
        while (!inflater.finished() && produced <= budget) {
          if (produced == out.length) {
            out = Arrays.copyOf(out, (int) Math.min(budget + 1, (long) out.length * 2));
          }
          int n = inflater.inflate(out, produced, out.length - produced);
          if (n == 0 && !inflater.finished()) {
            // Out of input, or a preset dictionary PNG does not allow: the text ends early.
            return null;
          }
          produced += n;
        }
        return Arrays.copyOf(out, produced);
      } catch (DataFormatException e) {
        return null;
      } finally {
        inflater.end();
      }
    }
  }
}
