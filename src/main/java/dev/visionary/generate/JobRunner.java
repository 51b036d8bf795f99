package dev.visionary.generate;

import dev.visionary.generate.engine.GeneratedImage;
import dev.visionary.generate.engine.ImageEngine;
import dev.visionary.generate.engine.ImageEngineException;
import dev.visionary.provider.Failure;
import dev.visionary.generate.engine.ProgressListener;
import dev.visionary.metrics.Metrics;
import dev.visionary.provider.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one attempt of a job: asks its engine for images and stores them with the job's success in
 * one transaction. Transient failures go back to the queue with a delay; permanent ones fail the job
 * with the engine's message.
 */
final class JobRunner {
  private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
  static final int MAX_ATTEMPTS = 4;
  /** Progress is written at most this often, so a fast engine does not flood the database. */
  private static final long PROGRESS_EVERY_NANOS = Duration.ofMillis(250).toNanos();
  /** Uploads made again when an image's stored bytes were released meanwhile (rare: it needs a delete at that moment). */
  private static final int SAVE_ROUNDS = 3;

  /**
   * The longest a job waits before its next attempt, whatever a provider's Retry-After asks for: a provider that
   * asks for hours is saying "not now", and the person is better served by a failed job they can retry.
   */
  static final Duration MAX_RETRY_WAIT = Duration.ofMinutes(1);
  /** How often this instance checks whether a running job was cancelled from another instance. */
  private static final Duration CANCEL_CHECK = Duration.ofSeconds(1);

  private final Jdbi jdbi;
  private final Jobs jobs;
  private final ImageEngines engines;
  private final ImageStore store;
  private final RetryPolicy retries;
  private final Map<String, Semaphore> permits = new ConcurrentHashMap<>();
  /** The thread of each job calling its engine on this instance, so a cancel can interrupt the call. */
  private final Map<String, Thread> running = new ConcurrentHashMap<>();
  private final ScheduledExecutorService cancelChecks;
  private final PromptLinks prompts;
  private final Metrics metrics;

  JobRunner(Jdbi jdbi, Jobs jobs, ImageEngines engines, ImageStore store, Duration retryBase, PromptLinks prompts, Metrics metrics) {
    this.prompts = prompts;
    this.metrics = metrics;
    this.jdbi = jdbi;
    this.jobs = jobs;
    this.engines = engines;
    this.store = store;
    // Back-off doubles from the configured base up to a minute; a provider's Retry-After is honoured up to the same cap.
    this.retries = new RetryPolicy(MAX_ATTEMPTS - 1, retryBase, MAX_RETRY_WAIT, MAX_RETRY_WAIT, 0);
    this.cancelChecks = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "job-cancel-checks");
      t.setDaemon(true);
      return t;
    });
    cancelChecks.scheduleWithFixedDelay(this::stopCancelledElsewhere, CANCEL_CHECK.toMillis(), CANCEL_CHECK.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Interrupts the job's engine call if it runs on this instance; the engine then stops its server's work. */
  void stop(String jobId) {
    running.computeIfPresent(jobId, (id, thread) -> {
      thread.interrupt();
      return thread;
    });
  }

  void close() {
    cancelChecks.shutdownNow();
  }

  private void stopCancelledElsewhere() {
    try {
      jobs.notRunning(List.copyOf(running.keySet())).forEach(this::stop);
    } catch (RuntimeException e) {
      log.debug("Could not check for cancelled jobs: {}", e.toString());
    }
  }

  /**
   * Runs one attempt of the job.
   *
   * @param shuttingDown whether this instance is stopping, so an interrupted attempt goes back uncounted
   * @return the wait before the next attempt, or empty when the job is done with (finished, failed or cancelled)
   */
  Optional<Duration> run(String jobId, BooleanSupplier shuttingDown) {
    Optional<Job> waiting = jobs.find(jobId).filter(j -> !j.isFinished());
    if (waiting.isEmpty()) {
      return Optional.empty(); // cancelled, or already finished by an earlier execution
    }
    String engineId = waiting.get().engine();
    Optional<ImageEngine> engine = engines.get(engineId);
    if (engine.isEmpty()) {
      jobs.fail(jobId, "The engine \"" + engineId + "\" is not configured on this server any more.");
      return Optional.empty();
    }
    // The engine's turn comes before the claim: a job waiting for one of its engine's permits is still
    // queued (its card, the queue depth metric and its attempts say so), and only jobs that are calling
    // the engine count as running.
    Semaphore limit = permits.computeIfAbsent(engineId, id -> new Semaphore(engines.concurrency(id), true));
    limit.acquireUninterruptibly();
    try {
      if (shuttingDown.getAsBoolean()) {
        // Its turn came as this instance stops: left unclaimed for the next instance, its attempts untouched.
        Thread.interrupted();
        return Optional.of(Duration.ZERO);
      }
      Optional<Job> claimed = jobs.claim(jobId);
      if (claimed.isEmpty()) {
        return Optional.empty(); // cancelled while it waited for its turn
      }
      return attempt(claimed.get(), engine.get(), shuttingDown);
    } finally {
      limit.release();
    }
  }

  private Optional<Duration> attempt(Job job, ImageEngine engine, BooleanSupplier shuttingDown) {
    List<GeneratedImage> images = null;
    ImageEngineException failure = null;
    running.put(job.id(), Thread.currentThread());
    try {
      images = generate(engine, job);
    } catch (ImageEngineException e) {
      failure = e;
    } finally {
      running.remove(job.id());
      // Removed first, so no cancel can interrupt this thread once it has moved on; then the interrupt is
      // cleared, because the connection pool refuses to wait on an interrupted thread.
      Thread.interrupted();
    }
    if (failure != null) {
      return afterFailure(job, failure, shuttingDown);
    }
    // Stamping, hashing, thumbnails and uploads happen before the transaction, which then only writes rows: a
    // connection is held for milliseconds, not for the CPU work or a slow object store.
    List<ImageStore.Prepared> prepared = store.prepare(job, engine, images);
    Optional<List<String>> saved = Optional.empty();
    try {
      for (int round = 1; round <= SAVE_ROUNDS; round++) {
        try {
          store.upload(prepared);
          saved = jdbi.inTransaction(h -> {
            if (!Jobs.succeed(h, job.id())) {
              return Optional.<List<String>>empty(); // cancelled while it ran: the images are not kept
            }
            return Optional.of(store.save(h, job, prepared));
          });
          break;
        } catch (ImageStore.BlobGone e) {
          if (round == SAVE_ROUNDS) {
            throw new ObjectStore.Failed(e.getMessage(), true, e);
          }
          log.info("Job {}: {}; uploading again", job.id(), e.getMessage());
        }
      }
    } catch (ObjectStore.Failed e) {
      // The rows' transaction never committed, so the job is still running and no row points at a missing object.
      String message = "The images could not be stored: " + e.getMessage();
      return afterFailure(job, e.retryable ? ImageEngineException.retryable(Failure.SERVER, message, e)
          : ImageEngineException.lasting(Failure.SERVER, message), shuttingDown);
    }
    saved.ifPresent(ids -> {
      log.info("Job {} produced {} image(s) with {}", job.id(), ids.size(), job.engine());
      if (job.links().promptId() != null) {
        prompts.imagesAdded(job.links().promptId(), ids);
      }
    });
    return Optional.empty();
  }

  /** A cancelled job is left as it is; one interrupted by shutdown goes back to the queue without counting. */
  private Optional<Duration> afterFailure(Job job, ImageEngineException e, BooleanSupplier shuttingDown) {
    boolean stillRunning = jobs.find(job.id()).map(j -> j.state().status() == Job.Status.RUNNING).orElse(false);
    if (!stillRunning) {
      log.info("Job {} stopped: it was cancelled", job.id());
      return Optional.empty();
    }
    if (shuttingDown.getAsBoolean()) {
      log.info("Job {} goes back to the queue because this instance is stopping; the attempt does not count", job.id());
      jobs.returnUnfinished(job.id());
      return Optional.of(Duration.ZERO);
    }
    return handleFailure(job, e);
  }

  /** The engine call alone, timed by outcome: waiting for a permit and storing the images are not the provider's time. */
  private List<GeneratedImage> generate(ImageEngine engine, Job job) throws ImageEngineException {
    long started = System.nanoTime();
    String outcome = "error";
    try {
      List<GeneratedImage> images = engine.generate(job.request(), progressWriter(job.id()));
      outcome = "success";
      return images;
    } catch (ImageEngineException e) {
      outcome = e.kind().name().toLowerCase(Locale.ROOT);
      throw e;
    } finally {
      metrics.providerRequest(Metrics.IMAGE, job.engine(), outcome, System.nanoTime() - started);
    }
  }

  private Optional<Duration> handleFailure(Job job, ImageEngineException e) {
    int retriesSoFar = job.state().attempts() - 1;
    if (e.retryable() && retries.allowsRetry(retriesSoFar)) {
      Duration delay = retries.delay(e.retryAfter(), retriesSoFar);
      log.info("Job {} attempt {} of {} failed ({}); retrying in {} ms", job.id(), job.state().attempts(), MAX_ATTEMPTS, e.getMessage(),
          delay.toMillis());
      jobs.retryLater(job.id(), e.getMessage(), Instant.now().plus(delay));
      return Optional.of(delay);
    }
    String reason = e.retryable()
        ? e.getMessage() + " Gave up after " + job.state().attempts() + " attempts."
        : e.getMessage();
    log.info("Job {} failed: {}", job.id(), reason);
    jobs.fail(job.id(), reason);
    return Optional.empty();
  }

  private ProgressListener progressWriter(String jobId) {
    long[] last = {0};
    return bestEffort(jobId, (fraction, preview) -> {
      long now = System.nanoTime();
      if (now - last[0] >= PROGRESS_EVERY_NANOS) {
        last[0] = now;
        jobs.progress(jobId, Math.max(0, Math.min(1, fraction)));
      }
    });
  }

  /**
   * A progress report that cannot fail the engine's call: the bar on the card is not worth a job. Above all, a Cancel
   * that interrupts the thread while it waits for a connection to write progress must reach the engine's own
   * handling of the interrupt (which asks the server to stop); thrown out of the listener, it had the job retried
   * instead, with the server left generating. The thread's interrupt flag is kept for the engine to see.
   */
  static ProgressListener bestEffort(String jobId, ProgressListener listener) {
    return (fraction, preview) -> {
      try {
        listener.progress(fraction, preview);
      } catch (RuntimeException e) {
        log.debug("Job {}: progress not recorded ({})", jobId, e.toString());
      }
    };
  }
}
