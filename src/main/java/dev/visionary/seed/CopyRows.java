package dev.visionary.seed;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Rows streamed into one {@code COPY … FROM STDIN} in PostgreSQL's text format. Rows go out in 64 KB
 * chunks as they are written, so a million rows never sit in memory.
 */
final class CopyRows implements AutoCloseable {
  private final Writer out;
  private boolean rowStarted;
  private long rows;

  private CopyRows(Writer out) {
    this.out = out;
  }

  static CopyRows open(Connection connection, String copySql) throws SQLException {
    PGConnection pg = connection.unwrap(PGConnection.class);
    return new CopyRows(new BufferedWriter(new OutputStreamWriter(new PGCopyOutputStream(pg, copySql, 1 << 16), StandardCharsets.UTF_8), 1 << 16));
  }

  CopyRows text(String value) {
    try {
      separate();
      if (value == null) {
        out.write("\\N");
        return this;
      }
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        switch (c) {
          case '\\' -> out.write("\\\\");
          case '\t' -> out.write("\\t");
          case '\n' -> out.write("\\n");
          case '\r' -> out.write("\\r");
          default -> out.write(c);
        }
      }
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  CopyRows number(long value) {
    return raw(Long.toString(value));
  }

  CopyRows time(Instant value) {
    return value == null ? text(null) : raw(value.toString());
  }

  /** A bytea in hex form ({@code \x…}), its backslash escaped for the text format. */
  CopyRows bytes(byte[] value) {
    StringBuilder hex = new StringBuilder(value.length * 2 + 3).append("\\\\x");
    for (byte b : value) {
      hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return raw(hex.toString());
  }

  void endRow() {
    try {
      out.write('\n');
      rowStarted = false;
      rows++;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  long rows() {
    return rows;
  }

  private CopyRows raw(String value) {
    try {
      separate();
      out.write(value);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void separate() throws IOException {
    if (rowStarted) {
      out.write('\t');
    }
    rowStarted = true;
  }

  /** Ends the COPY; PostgreSQL checks the rows and constraints now. */
  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
