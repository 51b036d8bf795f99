package dev.visionary.seed;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows for a {@code COPY … FROM STDIN} in PostgreSQL's text format. Rows are formatted into a buffer that goes
 * out in chunks of about 256 KB, so a million rows never sit in memory; a chunk holds whole rows only, so
 * chunks can also be shared out among several COPYs ({@link ParallelCopy}).
 */
final class CopyRows implements AutoCloseable {
  private static final int CHUNK = 1 << 18;

  /** Where finished chunks go. */
  interface Sink {
    void write(byte[] chunk) throws SQLException;

    /** No more chunks: the rows are complete. */
    void end() throws SQLException;
  }

  private final StringBuilder buffer = new StringBuilder(CHUNK + (CHUNK >> 2));
  private final Sink sink;
  private boolean rowStarted;
  private long rows;

  private CopyRows(Sink sink) {
    this.sink = sink;
  }

  /** A COPY on one connection; PostgreSQL checks the rows when it is closed. */
  static CopyRows open(Connection connection, String copySql) throws SQLException {
    CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
    return new CopyRows(new Sink() {
      @Override
      public void write(byte[] chunk) throws SQLException {
        copy.writeToCopy(chunk, 0, chunk.length);
      }

      @Override
      public void end() throws SQLException {
        copy.endCopy();
      }
    });
  }

  /** Rows handed over in chunks to whatever sends them. */
  static CopyRows to(Sink sink) {
    return new CopyRows(sink);
  }

  CopyRows text(String value) {
    separate();
    if (value == null) {
      buffer.append("\\N");
      return this;
    }
    int i = 0;
    // Nearly every value needs no escaping; append those in one go.
    while (i < value.length() && !special(value.charAt(i))) {
      i++;
    }
    if (i == value.length()) {
      buffer.append(value);
      return this;
    }
    buffer.append(value, 0, i);
    for (; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> buffer.append("\\\\");
        case '\t' -> buffer.append("\\t");
        case '\n' -> buffer.append("\\n");
        case '\r' -> buffer.append("\\r");
        default -> buffer.append(c);
      }
    }
    return this;
  }

  private static boolean special(char c) {
    return c == '\\' || c == '\t' || c == '\n' || c == '\r';
  }

  CopyRows number(long value) {
    separate();
    buffer.append(value);
    return this;
  }

  CopyRows time(Instant value) {
    return value == null ? text(null) : raw(value.toString());
  }

  /** A bytea in hex form ({@code \x…}), its backslash escaped for the text format. */
  CopyRows bytes(byte[] value) {
    separate();
    buffer.append("\\\\x");
    for (byte b : value) {
      buffer.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return this;
  }

  void endRow() {
    buffer.append('\n');
    rowStarted = false;
    rows++;
    if (buffer.length() >= CHUNK) {
      flush();
    }
  }

  long rows() {
    return rows;
  }

  private CopyRows raw(String value) {
    separate();
    buffer.append(value);
    return this;
  }

  private void separate() {
    if (rowStarted) {
      buffer.append('\t');
    }
    rowStarted = true;
  }

  private void flush() {
    if (buffer.isEmpty()) {
      return;
    }
    byte[] chunk = buffer.toString().getBytes(StandardCharsets.UTF_8);
    buffer.setLength(0);
    try {
      sink.write(chunk);
    } catch (SQLException e) {
      throw new CopyFailed(e);
    }
  }

  /** Sends what is left and ends the COPY; PostgreSQL checks the rows and constraints now. */
  @Override
  public void close() {
    flush();
    try {
      sink.end();
    } catch (SQLException e) {
      throw new CopyFailed(e);
    }
  }

  /** The database refused a chunk or the end of the COPY. */
  static final class CopyFailed extends RuntimeException {
    CopyFailed(SQLException cause) {
      super(cause.getMessage(), cause);
    }
  }
}
