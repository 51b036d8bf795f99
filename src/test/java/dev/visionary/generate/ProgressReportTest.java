package dev.visionary.generate;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.generate.engine.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.ConnectionException;
import org.junit.jupiter.api.Test;

/**
 * A job's progress report never fails the engine's call. Seen in CI: a Cancel interrupted a remote job's thread
 * while it waited for a connection to write progress; the failure escaped the engine, the job was retried, and the
 * server was never asked to stop.
 */
class ProgressReportTest {

  @Test
  void aCancelLandingWhileProgressIsWrittenLeavesTheInterruptForTheEngine() throws Exception {
    ProgressListener report = JobRunner.bestEffort("job1", (fraction, preview) -> {
      // What the connection pool does when the waiting thread is interrupted: the flag set again, then a failure.
      Thread.currentThread().interrupt();
      throw new ConnectionException(new java.sql.SQLException("Interrupted while waiting for a database connection"));
    });
    boolean[] seen = new boolean[2];
    Thread engine = new Thread(() -> {
      assertDoesNotThrow(() -> report.progress(0.5, null));
      seen[0] = true;
      seen[1] = Thread.currentThread().isInterrupted(); // the engine's next wait sees the Cancel
    });
    engine.start();
    engine.join();
    assertTrue(seen[0], "the report returned");
    assertTrue(seen[1], "the interrupt is still there for the engine");
  }

  @Test
  void reportsThatWorkAreWrittenAsTheyCome() {
    List<Double> written = new ArrayList<>();
    ProgressListener report = JobRunner.bestEffort("job2", (fraction, preview) -> written.add(fraction));
    report.progress(0.25, null);
    report.progress(1.0, null);
    assertEquals(List.of(0.25, 1.0), written);
  }
}
