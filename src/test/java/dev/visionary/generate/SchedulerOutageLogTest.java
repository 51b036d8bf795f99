package dev.visionary.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import com.github.kagkarlsson.shaded.jdbc.SQLRuntimeException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The scheduler's errors during an outage are two lines, not a stack trace a poll; its other errors still show. */
class SchedulerOutageLogTest {
  private final SchedulerOutageLog filter = new SchedulerOutageLog();
  private final ch.qos.logback.classic.Logger scheduler =
      new LoggerContext().getLogger("com.github.kagkarlsson.scheduler.RunUntilShutdown");

  @Test
  void aFailedRollbackAfterTheServerCutThePollsConnectionIsAnOutage() {
    // What db-scheduler reports when the server ends a poll's connection: the rollback that follows fails too,
    // and the cut rides along as suppressed.
    SQLRuntimeException failed = new SQLRuntimeException("Failed to rollback.", new SQLException("rollback failed"));
    failed.addSuppressed(new SQLRuntimeException(new SQLException("terminating connection due to administrator command", "57P01")));
    assertEquals(FilterReply.DENY, decide(failed));
  }

  @Test
  void otherSchedulerErrorsStillShow() {
    SQLRuntimeException failed = new SQLRuntimeException("Failed to rollback.", new SQLException("rollback failed"));
    failed.addSuppressed(new IllegalStateException("a bug"));
    assertEquals(FilterReply.NEUTRAL, decide(failed));
    assertEquals(FilterReply.NEUTRAL, decide(new SQLRuntimeException(new SQLException("syntax error", "42601"))));
  }

  private FilterReply decide(Throwable t) {
    return filter.decide(null, scheduler, Level.ERROR, "Unhandled exception. Will keep running.", null, t);
  }
}
