package dev.visionary.generate;

import dev.visionary.generate.engine.GeneratedImage;
import dev.visionary.generate.engine.ImageEngine;
import dev.visionary.generate.engine.ImageEngineException;
import dev.visionary.generate.engine.ProgressListener;
import dev.visionary.metrics.Metrics;
import dev.visionary.provider.RetryAfter;
import dev.visionary.provider.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
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

  /** Thrown to the scheduler to run the same job again after {@code delay}. */
  static final class RetryLater extends RuntimeException {
    final Duration delay;

    RetryLater(Duration delay) {
      super(null, null, false, false);
      this.delay = delay;
    }
  }

  private final Jdbi jdbi;
  private final Jobs jobs;
  private final ImageEngines engines;
  private final ImageStore store;
  private final RetryPolicy retries;
  private final Map<String, Semaphore> permits = new ConcurrentHashMap<>();
  private final PromptLinks prompts;
  private final Metrics metrics;

  JobRunner(Jdbi jdbi, Jobs jobs, ImageEngines engines, ImageStore store, Duration retryBase, PromptLinks prompts, Metrics metrics) {
    this.prompts = prompts;
    this.metrics = metrics;
    this.jdbi = jdbi;
    this.jobs = jobs;
    this.engines = engines;
    this.store = store;
    // Back-off doubles from the configured base up to a minute; a provider's Retry-After is honoured up to its cap.
    this.retries = new RetryPolicy(MAX_ATTEMPTS - 1, retryBase, Duration.ofMinutes(1), RetryAfter.MAX, 0);
  }

  void run(String jobId) {
    Optional<Job> waiting = jobs.find(jobId).filter(j -> !j.isFinished());
    if (waiting.isEmpty()) {
      return; // cancelled, or already finished by an earlier execution
    }
    String engineId = waiting.get().engine();
    Optional<ImageEngine> engine = engines.get(engineId);
    if (engine.isEmpty()) {
      jobs.fail(jobId, "The engine \"" + engineId + "\" is not configured on this server any more.");
      return;
    }
    // The engine's turn comes before the claim: a job waiting for one of its engine's permits is still
    // queued (its card, the queue depth metric and its attempts say so), and only jobs that are calling
    // the engine count as running.
    Semaphore limit = permits.computeIfAbsent(engineId, id -> new Semaphore(engines.concurrency(id), true));
    limit.acquireUninterruptibly();
    try {
      Optional<Job> claimed = jobs.claim(jobId);
      if (claimed.isEmpty()) {
        return; // cancelled while it waited for its turn
      }
      attempt(claimed.get(), engine.get());
    } finally {
      limit.release();
    }
  }

  private void attempt(Job job, ImageEngine engine) {
    try {
      List<GeneratedImage> images = generate(engine, job);
      Optional<List<String>> saved = jdbi.inTransaction(h -> {
        if (!Jobs.succeed(h, job.id())) {
          return Optional.<List<String>>empty(); // cancelled while it ran: the images are not kept
        }
        return Optional.of(store.save(h, job, engine, images));
      });
      saved.ifPresent(ids -> {
        log.info("Job {} produced {} image(s) with {}", job.id(), ids.size(), job.engine());
        if (job.links().promptId() != null) {
          prompts.imagesAdded(job.links().promptId(), ids);
        }
      });
    } catch (ImageEngineException e) {
      handleFailure(job, e);
    }
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

  private void handleFailure(Job job, ImageEngineException e) {
    int retriesSoFar = job.state().attempts() - 1;
    if (e.retryable() && retries.allowsRetry(retriesSoFar)) {
      Duration delay = retries.delay(e.retryAfter(), retriesSoFar);
      log.info("Job {} attempt {} failed ({}); retrying in {} ms", job.id(), job.state().attempts(), e.getMessage(), delay.toMillis());
      jobs.retryLater(job.id(), e.getMessage(), Instant.now().plus(delay));
      throw new RetryLater(delay);
    }
    String reason = e.retryable()
        ? e.getMessage() + " (gave up after " + job.state().attempts() + " attempts)"
        : e.getMessage();
    log.info("Job {} failed: {}", job.id(), reason);
    jobs.fail(job.id(), reason);
  }

  private ProgressListener progressWriter(String jobId) {
    long[] last = {0};
    return (fraction, preview) -> {
      long now = System.nanoTime();
      if (now - last[0] >= PROGRESS_EVERY_NANOS) {
        last[0] = now;
        jobs.progress(jobId, Math.max(0, Math.min(1, fraction)));
      }
    };
  }
}
