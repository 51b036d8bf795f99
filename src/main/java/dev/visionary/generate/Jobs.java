package dev.visionary.generate;

import dev.visionary.web.PageReads;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** The generation_jobs table. Status changes are conditional updates, so two instances never both win. */
final class Jobs {
  /** The status is stored in lower case, as the table's check spells it, and read by its enum constant's name. */
  private static final String COLUMNS = "id, owner_id, prompt, negative_prompt, engine, model, width, height, count, seed, quality, style, "
      + "steps, cfg, sampler, scheduler, prompt_id, expansion_id, saved_styles, upper(status) as status, attempts, last_error, progress, next_attempt_at, "
      + "created_at, finished_at";

  /** Each column to the record component of the same name (owner_id to ownerId). */
  private static final RowMapper<Job> JOB = ConstructorMapper.of(Job.class);

  private final Jdbi jdbi;

  Jobs(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** The job row and its scheduled execution in one transaction: a job is either absent or certain to run. */
  void queue(Job job, JobScheduler scheduler) {
    jdbi.useTransaction(h -> {
      insert(h, job);
      scheduler.schedule(h, job.id());
    });
    scheduler.wake();
  }

  static void insert(Handle h, Job job) {
    h.createUpdate("""
            insert into generation_jobs (id, owner_id, prompt, negative_prompt, engine, model, width, height, count, seed,
              quality, style, steps, cfg, sampler, scheduler, prompt_id, expansion_id, saved_styles, status)
            values (:id, :ownerId, :prompt, :negativePrompt, :engine, :model, :width, :height, :count, :seed,
              :quality, :style, :steps, :cfg, :sampler, :scheduler, :promptId, :expansionId, :savedStyles, 'queued')
            """)
        .bind("id", job.id()).bind("ownerId", job.ownerId()).bind("engine", job.engine())
        .bindArray("savedStyles", String.class, job.links().savedStyles())
        .bindMethods(job.request()).bindMethods(job.links())
        .execute();
  }

  Optional<Job> find(String id) {
    return jdbi.withHandle(h -> find(h, id));
  }

  static Optional<Job> find(Handle h, String id) {
    return h.createQuery("select " + COLUMNS + " from generation_jobs where id = :id")
        .bind("id", id).map(JOB).findOne();
  }

  List<Job> recent(long ownerId, int limit) {
    return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from generation_jobs where owner_id = :owner order by created_at desc, id desc limit :limit")
        .bind("owner", ownerId).bind("limit", limit).map(JOB).list());
  }

  /**
   * What a kept Generate page is kept under: the person's latest jobs (as {@link #recent} lists them) in one string
   * that changes whenever one of their cards could, and whether one of them waits to retry (then the page is rendered
   * on every view, since its card counts down the seconds). Spelled out in V30, read with the session's lookup.
   */
  record RecentState(boolean retrying, String jobs) {}

  /** {@link RecentState} of the session's person, for their {@code limit} latest jobs, as {@link PageReads} sends it. */
  static PageReads.Read<RecentState> recentState(int limit) {
    return new PageReads.Read<>("recent_jobs_state(?, " + limit + ")", "jobs_state",
        rs -> new RecentState(rs.getBoolean("jobs_retrying"), rs.getString("jobs_state")), true);
  }

  List<Job> forExpansion(long ownerId, String expansionId) {
    return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from generation_jobs where owner_id = :owner and expansion_id = :x "
            + "order by created_at desc limit 50")
        .bind("owner", ownerId).bind("x", expansionId).map(JOB).list());
  }

  /** Marks the job running for one more attempt; empty when it is no longer waiting to run (cancelled or done). */
  Optional<Job> claim(String id) {
    return jdbi.withHandle(h -> h.createQuery("update generation_jobs set status = 'running', attempts = attempts + 1, "
            + "started_at = now(), next_attempt_at = null, progress = 0 "
            + "where id = :id and status in ('queued', 'running') returning " + COLUMNS)
        .bind("id", id).map(JOB).findOne());
  }

  void progress(String id, double fraction) {
    jdbi.useHandle(h -> h.createUpdate("update generation_jobs set progress = :p where id = :id and status = 'running'")
        .bind("p", fraction).bind("id", id).execute());
  }

  /** Back to the queue after a transient failure, showing why and when it will try again. */
  void retryLater(String id, String reason, Instant at) {
    jdbi.useHandle(h -> h.createUpdate("update generation_jobs set status = 'queued', last_error = :reason, next_attempt_at = :at, progress = null "
            + "where id = :id and status = 'running'")
        .bind("reason", reason).bind("at", OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC)).bind("id", id).execute());
  }

  void fail(String id, String reason) {
    jdbi.useHandle(h -> h.createUpdate("update generation_jobs set status = 'failed', last_error = :reason, finished_at = now(), progress = null "
            + "where id = :id and status in ('queued', 'running')")
        .bind("reason", reason).bind("id", id).execute());
  }

  /** True when this call finished the job (it was still running, not cancelled meanwhile). */
  static boolean succeed(Handle h, String id) {
    return h.createUpdate("update generation_jobs set status = 'succeeded', last_error = null, finished_at = now(), progress = 1 "
            + "where id = :id and status = 'running'")
        .bind("id", id).execute() == 1;
  }

  boolean cancel(String id, long ownerId) {
    return jdbi.withHandle(h -> h.createUpdate("update generation_jobs set status = 'cancelled', finished_at = now(), progress = null "
            + "where id = :id and owner_id = :owner and status in ('queued', 'running')")
        .bind("id", id).bind("owner", ownerId).execute() == 1);
  }

  /** Cancels those of the jobs still queued or running, in one statement (so all or none); returns the ones it cancelled. */
  List<String> cancelAll(List<String> ids, long ownerId) {
    return jdbi.withHandle(h -> h.createQuery("update generation_jobs set status = 'cancelled', finished_at = now(), progress = null "
            + "where id = any(:ids) and owner_id = :owner and status in ('queued', 'running') returning id")
        .bindArray("ids", String.class, ids).bind("owner", ownerId).mapTo(String.class).list());
  }

  /** A failed or cancelled job goes back to the queue with a fresh set of attempts, scheduled in the same transaction. */
  boolean requeue(String id, long ownerId, JobScheduler scheduler) {
    boolean requeued = jdbi.inTransaction(h -> {
      boolean changed = h.createUpdate("update generation_jobs set status = 'queued', attempts = 0, last_error = null, "
              + "finished_at = null, next_attempt_at = null where id = :id and owner_id = :owner and status in ('failed', 'cancelled')")
          .bind("id", id).bind("owner", ownerId).execute() == 1;
      if (changed) {
        scheduler.schedule(h, id);
      }
      return changed;
    });
    if (requeued) {
      scheduler.wake();
    }
    return requeued;
  }

  /**
   * An attempt cut short by this instance shutting down goes back to the queue without counting: the job did
   * nothing wrong, and a rolling restart must not use up its attempts.
   */
  void returnUnfinished(String id) {
    jdbi.useHandle(h -> h.createUpdate("update generation_jobs set status = 'queued', attempts = greatest(attempts - 1, 0), "
            + "progress = null, started_at = null where id = :id and status = 'running'")
        .bind("id", id).execute());
  }

  /** Of the given jobs, those no longer running (cancelled from any instance, or finished elsewhere). */
  List<String> notRunning(java.util.Collection<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbi.withHandle(h -> h.createQuery("select id from generation_jobs where id = any(:ids) and status <> 'running'")
        .bindArray("ids", String.class, ids).mapTo(String.class).list());
  }
}
