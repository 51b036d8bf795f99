package dev.visionary.config;

import java.lang.management.ManagementFactory;
import java.util.Comparator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

/**
 * The moments of one start-up, each in milliseconds since the JVM started, from whichever thread reached it
 * (the database comes up beside the app's build), logged in one line once the app listens, so a slow start
 * says which step it spent its time in.
 */
public final class StartTimes {
  private record Mark(String phase, long atMillis) {}

  /** When the JVM started, by its own clock (the operating system's record of the process start is to a second). */
  private final long originMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
  private final ConcurrentLinkedQueue<Mark> marks = new ConcurrentLinkedQueue<>();

  /** Records that {@code phase} has just ended. */
  public void mark(String phase) {
    marks.add(new Mark(phase, System.currentTimeMillis() - originMillis));
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
