package dev.visionary.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

/**
 * The moments of one start-up, each in milliseconds since the process started (or since the start was asked
 * for, in a process that runs more than one), from whichever thread reached it (the database comes up beside the
 * app's build), logged in one line once the app listens, so a slow start says which step it spent its time in.
 */
public final class StartTimes {
  private record Mark(String phase, long atMillis) {}

  private final long originMillis;
  private final String origin;
  private final ConcurrentLinkedQueue<Mark> marks = new ConcurrentLinkedQueue<>();

  private StartTimes(long originMillis, String origin) {
    this.originMillis = originMillis;
    this.origin = origin;
  }

  /** Measured from the process's start: for the process that runs the app. */
  public static StartTimes sinceProcessStart() {
    long started = processStart();
    return started < 0 ? sinceNow() : new StartTimes(started, "the process's start");
  }

  /** Measured from now: for a start among others in one process (tests, tools). */
  public static StartTimes sinceNow() {
    return new StartTimes(System.currentTimeMillis(), "the call to start");
  }

  /** What the times are measured from, for the log line. */
  public String origin() {
    return origin;
  }

  /** Records that {@code phase} has just ended. */
  public void mark(String phase) {
    marks.add(new Mark(phase, System.currentTimeMillis() - originMillis));
  }

  /**
   * When this process started, to a clock tick: Linux's /proc gives its age. (The JVM's own start time comes from its
   * management beans, whose loading cost tens of milliseconds of the start being measured; ProcessHandle's start
   * instant is to a second.) Elsewhere, or when the answer is implausible, -1.
   */
  private static long processStart() {
    long now = System.currentTimeMillis();
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      // Fields after the command name, which may hold spaces; the start time is the 22nd field, in ticks of 1/100 s.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long startedAfterBootMillis = Long.parseLong(fields[19]) * 10;
      long uptimeMillis = Math.round(Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]) * 1000);
      long age = uptimeMillis - startedAfterBootMillis;
      return age >= 0 && age < 600_000 ? now - age : -1;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** {@code main 140 ms, data directory locked 171 ms, …} in the order they happened. */
  @Override
  public String toString() {
    return marks.stream()
        .sorted(Comparator.comparingLong(Mark::atMillis))
        .map(m -> m.phase() + " " + m.atMillis() + " ms")
        .collect(Collectors.joining(", "));
  }
}
