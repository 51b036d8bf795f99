package dev.visionary.generate;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import com.github.kagkarlsson.scheduler.event.AbstractSchedulerListener;
import com.github.kagkarlsson.scheduler.event.SchedulerListener;
import dev.visionary.db.DatabaseUnavailable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * db-scheduler logs each failed poll, heartbeat and dead-execution check as an ERROR with a full stack trace,
 * several a second while the database is down. An outage is worth two lines to an operator: one WARN when the
 * scheduler first cannot reach the database, one INFO when a poll succeeds again. Its other errors still show.
 */
final class SchedulerOutageLog extends TurboFilter {
  private static final Logger log = LoggerFactory.getLogger(JobScheduler.class);
  private static final String SCHEDULER_LOGGERS = "com.github.kagkarlsson.";

  private final AtomicBoolean down = new AtomicBoolean();
  /** Hears each completed poll for due jobs, which proves the database answers again. */
  final SchedulerListener polls = new AbstractSchedulerListener() {
    @Override
    public void onSchedulerEvent(SchedulerEventType type) {
      if (type == SchedulerEventType.RAN_EXECUTE_DUE && down.compareAndSet(true, false)) {
        log.info("Jobs run again: the database is back");
      }
    }
  };

  @Override
  public FilterReply decide(Marker marker, ch.qos.logback.classic.Logger logger, Level level, String format, Object[] params,
      Throwable t) {
    if (level == null || !level.isGreaterOrEqual(Level.WARN) || !logger.getName().startsWith(SCHEDULER_LOGGERS)) {
      return FilterReply.NEUTRAL;
    }
    Throwable failure = t != null ? t : params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last ? last : null;
    if (failure == null || !outage(failure)) {
      return FilterReply.NEUTRAL;
    }
    if (down.compareAndSet(false, true)) {
      log.warn("Jobs wait: the database cannot be reached ({}); they run again when it is back", rootMessage(failure));
    }
    return FilterReply.DENY;
  }

  /**
   * The failure or what it carries: when a poll's connection is cut, the scheduler's rollback fails in turn, and
   * it reports that, with the cut itself attached as suppressed rather than as the cause.
   */
  private static boolean outage(Throwable failure) {
    if (DatabaseUnavailable.causedBy(failure)) {
      return true;
    }
    int links = 0;
    for (Throwable t = failure; t != null && links++ < DatabaseUnavailable.MAX_CAUSES; t = t.getCause()) {
      for (Throwable suppressed : t.getSuppressed()) {
        if (DatabaseUnavailable.causedBy(suppressed)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Filters the scheduler's log from now on; with another logging backend than logback there is nothing to filter. */
  void install() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      setContext(context);
      start();
      context.addTurboFilter(this);
    }
  }

  void uninstall() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      context.getTurboFilterList().remove(this);
    }
  }

  private static String rootMessage(Throwable failure) {
    Throwable t = failure;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return String.valueOf(t.getMessage());
  }
}
