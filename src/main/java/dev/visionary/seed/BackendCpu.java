package dev.visionary.seed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalDouble;

/**
 * CPU time used so far by a connection's PostgreSQL backend, read from {@code /proc} when the database runs on this
 * machine (the embedded one, or a local server). The seed prints it beside each step's duration: on a busy machine
 * the wall time says little about what a step costs, the CPU time does.
 */
final class BackendCpu {
  /** Linux reports process times in USER_HZ, 100 per second on every architecture it supports. */
  private static final double TICKS_PER_SECOND = 100;
  private static final BackendCpu NONE = new BackendCpu(null);

  private final Path stat;

  private BackendCpu(Path stat) {
    this.stat = stat;
  }

  static BackendCpu of(Connection c) {
    try (Statement s = c.createStatement();
        // Over a Unix socket there is no server address; over TCP only a loopback address means this machine.
        ResultSet r = s.executeQuery("select pg_backend_pid(), coalesce(host(inet_server_addr()) in ('127.0.0.1', '::1'), true)")) {
      if (!r.next() || !r.getBoolean(2)) {
        return NONE;
      }
      Path proc = Path.of("/proc", Integer.toString(r.getInt(1)));
      // The same pid could belong to something else if the server were in another pid namespace (a container).
      if (!Files.readString(proc.resolve("comm")).startsWith("postgres")) {
        return NONE;
      }
      return new BackendCpu(proc.resolve("stat"));
    } catch (SQLException | IOException | RuntimeException e) {
      return NONE;
    }
  }

  /** User and system time, in seconds; empty when unknown. */
  OptionalDouble seconds() {
    if (stat == null) {
      return OptionalDouble.empty();
    }
    try {
      String line = Files.readString(stat);
      // Fields after the command name, which is in parentheses and may contain spaces: utime is the 12th, stime the 13th.
      String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
      return OptionalDouble.of((Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND);
    } catch (IOException | RuntimeException e) {
      return OptionalDouble.empty();
    }
  }

  /** CPU seconds since {@code before}, a value {@link #seconds()} returned; NaN when unknown. */
  double since(OptionalDouble before) {
    OptionalDouble now = seconds();
    return before.isPresent() && now.isPresent() ? now.getAsDouble() - before.getAsDouble() : Double.NaN;
  }
}
