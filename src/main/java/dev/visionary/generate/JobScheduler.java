package dev.visionary.generate;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.jdbc.PostgreSqlJdbcCustomization;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
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
  private final CustomTask<Void> task;
  private final SchedulerOutageLog outageLog = new SchedulerOutageLog();
  /** Built on start, when the recurring tasks are known; jobs are scheduled only once the app is listening. */
  private volatile Scheduler scheduler;

  JobScheduler(DataSource dataSource, JobRunner runner, Jobs jobs, int threads, Duration heartbeat) {
    this.dataSource = dataSource;
    this.threads = threads;
    this.heartbeat = heartbeat;
    FailureHandler<Void> onFailure = (complete, operations) -> {
      Throwable cause = complete.getCause().orElse(null);
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
    // A dead instance's job goes back at the time it was first due, not now, so it runs before the jobs queued
    // after it instead of waiting behind the survivor's whole backlog.
    DeadExecutionHandler<Void> onDead = (complete, operations) -> {
      log.info("Job {} was running on an instance that stopped; running it again", complete.getExecution().taskInstance.getId());
      operations.reschedule(complete, complete.getExecution().executionTime);
    };
    // A retry is an ordinary outcome, not an exception: it is rescheduled by the completion handler, so the
    // scheduler does not log it as a failed execution.
    task = Tasks.custom(TASK, Void.class)
        .onFailure(onFailure)
        .onDeadExecution(onDead)
        .execute((instance, context) -> runner.run(instance.getId(), context.getSchedulerState()::isShuttingDown)
            .<CompletionHandler<Void>>map(delay -> (complete, operations) -> operations.reschedule(complete, Instant.now().plus(delay)))
            .orElse((complete, operations) -> operations.remove()));
  }

  void start(List<RecurringTask<?>> recurring) {
    // startTasks makes the recurring tasks known as well as scheduling their first run.
    outageLog.install();
    scheduler = Scheduler.create(dataSource, task)
        .startTasks(recurring)
        .addSchedulerListener(outageLog.polls)
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

  /** Waits a few seconds for running jobs, then interrupts them; each goes back to the queue without using an attempt. */
  void stop() {
    if (scheduler != null) {
      scheduler.stop();
    }
    outageLog.uninstall();
  }

  /**
   * Adds the job's execution inside the caller's transaction, so a job row never exists without it, whatever
   * moment the process dies at. The row is the one db-scheduler's own schedule call writes for a one-time task
   * without data; an execution already there is left alone.
   */
  void schedule(Handle h, String jobId) {
    h.createUpdate("insert into scheduled_tasks (task_name, task_instance, execution_time, picked, version) "
            + "values (:task, :id, now(), false, 1) on conflict (task_name, task_instance) do nothing")
        .bind("task", TASK).bind("id", jobId).execute();
  }

  /** Once the transaction that scheduled a job has committed: look for due work now rather than at the next poll. */
  void wake() {
    if (scheduler != null) {
      scheduler.triggerCheckForDueExecutions();
    }
  }

  /**
   * Housekeeping: schedules queued jobs that have no execution (left by versions that queued a job in two
   * steps and died between them); returns how many.
   */
  int scheduleOrphans(Jdbi jdbi) {
    int scheduled = jdbi.withHandle(h -> h.createUpdate("""
            insert into scheduled_tasks (task_name, task_instance, execution_time, picked, version)
            select :task, j.id, now(), false, 1 from generation_jobs j
            where j.status in ('queued', 'running') and j.created_at < now() - interval '5 seconds'
              and not exists (select 1 from scheduled_tasks t where t.task_name = :task and t.task_instance = j.id)
            on conflict (task_name, task_instance) do nothing
            """).bind("task", TASK).execute());
    if (scheduled > 0) {
      wake();
    }
    return scheduled;
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
