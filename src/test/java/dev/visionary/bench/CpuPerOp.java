package dev.visionary.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * CPU time per operation over a benchmark's measured iterations: this JVM's (the benchmark thread plus JIT and
 * GC) and, when PostgreSQL runs on this machine, its postmaster's and children's. Unlike latency, CPU time is
 * barely changed by other work on a shared machine, so it is what compares two runs on a busy one (as the
 * wrk table's CPU columns do). Written to {@link BenchTable}'s notes, which shows it beside the percentiles.
 */
public final class CpuPerOp {
  private static final long TICK_NANOS = 10_000_000L; // USER_HZ is 100 on Linux
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private final long postmaster;
  private boolean measuring;
  private long ops;
  private long appStart;
  private long dbStart;
  private long appNanos;
  private long dbNanos;

  private CpuPerOp(long postmaster) {
    this.postmaster = postmaster;
  }

  /** For work in this JVM only. */
  public static CpuPerOp app() {
    return new CpuPerOp(-1);
  }

  /** Also counts the PostgreSQL server one of whose backends has the given process id, if it runs here. */
  public static CpuPerOp withDatabase(long backendPid) {
    long parent = field(backendPid, 1);
    return new CpuPerOp(parent > 0 && Files.isReadable(Path.of("/proc", Long.toString(parent), "stat")) ? parent : -1);
  }

  /** Call from a {@code @Setup(Level.Iteration)} method. */
  public void start(IterationParams iteration) {
    measuring = iteration.getType() == IterationType.MEASUREMENT;
    if (measuring) {
      appStart = OS.getProcessCpuTime();
      dbStart = dbTicks();
    }
  }

  /** Call once per operation, in the benchmark method. */
  public void op() {
    ops++;
  }

  /** Call from a {@code @TearDown(Level.Iteration)} method. */
  public void stop() {
    if (measuring) {
      appNanos += OS.getProcessCpuTime() - appStart;
      dbNanos += (dbTicks() - dbStart) * TICK_NANOS;
      measuring = false;
    } else {
      ops = 0; // operations of warm-up iterations are not measured
    }
  }

  /** Call from a {@code @TearDown(Level.Trial)} method. */
  public void report(BenchmarkParams params) {
    if (ops == 0) {
      return;
    }
    double db = postmaster > 0 ? dbNanos / 1e6 / ops : Double.NaN;
    BenchTable.cpu(params, appNanos / 1e6 / ops, db);
  }

  /** utime + stime of the postmaster and its children, in clock ticks; 0 when it is not on this machine. */
  private long dbTicks() {
    if (postmaster <= 0) {
      return 0;
    }
    long total = ticks(postmaster);
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path p : (Iterable<Path>) procs::iterator) {
        String name = p.getFileName().toString();
        if (name.chars().allMatch(Character::isDigit)) {
          long pid = Long.parseLong(name);
          if (field(pid, 1) == postmaster) {
            total += ticks(pid);
          }
        }
      }
    } catch (IOException e) {
      return 0;
    }
    return total;
  }

  /** utime + stime; 0 for a process that has gone. */
  private static long ticks(long pid) {
    return Math.max(0, field(pid, 11)) + Math.max(0, field(pid, 12));
  }

  /** A numeric field of /proc/pid/stat counted from after the command name (0 = state, 1 = ppid, 11 = utime). */
  private static long field(long pid, int index) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[index]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
