package dev.visionary.generate;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.jdbc.PostgreSqlJdbcCustomization;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Durable job execution on db-scheduler: a job is a row in scheduled_tasks until it has run, so it
 * survives restarts; a job whose instance died mid-run is picked up again once its heartbeat stops;
 * with several instances each job runs once. The app's recurring tasks (housekeeping) share this scheduler, so
 * one poller serves the one scheduled_tasks table and no instance meets a task it does not know.
 */
final class JobScheduler {
  private static final Logger log = LoggerFactory.getLogger(JobScheduler.class);
  private static final String TASK = "generate-images";
  /** Unexpected errors (the database briefly gone) are retried a few times before the job fails. */
  private static final int MAX_UNEXPECTED = 5;

  private final DataSource dataSource;
  private final int threads;
  private final Duration heartbeat;
  private final OneTimeTask<Void> task;
  /** Built on start, when the recurring tasks are known; jobs are scheduled only once the app is listening. */
  private volatile Scheduler scheduler;

  JobScheduler(DataSource dataSource, JobRunner runner, Jobs jobs, int threads, Duration heartbeat) {
    this.dataSource = dataSource;
    this.threads = threads;
    this.heartbeat = heartbeat;
    FailureHandler<Void> onFailure = (complete, operations) -> {
      Throwable cause = complete.getCause().orElse(null);
      if (cause instanceof JobRunner.RetryLater retry) {
        operations.reschedule(complete, Instant.now().plus(retry.delay));
        return;
      }
      int failures = complete.getExecution().consecutiveFailures + 1;
      String jobId = complete.getExecution().taskInstance.getId();
      if (failures < MAX_UNEXPECTED) {
        log.warn("Job {} hit an unexpected error; retrying: {}", jobId, String.valueOf(cause));
        operations.reschedule(complete, Instant.now().plusSeconds(2L << failures));
      } else {
        log.error("Job {} failed after repeated unexpected errors", jobId, cause);
        jobs.fail(jobId, "Visionary could not run this job because of an internal error. Try again.");
        operations.remove();
      }
    };
    task = Tasks.oneTime(TASK)
        .onFailure(onFailure)
        .onDeadExecutionRevive()
        .execute((instance, context) -> runner.run(instance.getId()));
  }

  void start(List<RecurringTask<?>> recurring) {
    // startTasks makes the recurring tasks known as well as scheduling their first run.
    scheduler = Scheduler.create(dataSource, task)
        .startTasks(recurring)
        .threads(threads)
        .pollingInterval(Duration.ofSeconds(1))
        .heartbeatInterval(heartbeat)
        .missedHeartbeatsLimit(4)
        .enableImmediateExecution()
        .shutdownMaxWait(Duration.ofSeconds(5))
        // Named rather than detected: detection opens a connection, and the scheduler is built while
        // the database may still be starting. The same settings detection picks for PostgreSQL.
        .jdbcCustomization(new PostgreSqlJdbcCustomization(false, false))
        .build();
    scheduler.start();
  }

  void stop() {
    if (scheduler != null) {
      scheduler.stop();
    }
  }

  void schedule(String jobId) {
    scheduler.schedule(task.instance(jobId), Instant.now());
  }

  /** Removes a queued job's execution; a running one finishes and finds its job cancelled. */
  void unschedule(String jobId) {
    try {
      scheduler.cancel(task.instance(jobId));
    } catch (RuntimeException e) {
      log.debug("Job {} was not waiting in the scheduler: {}", jobId, e.getMessage());
    }
  }
}
