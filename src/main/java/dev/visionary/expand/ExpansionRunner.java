package dev.visionary.expand;

import dev.visionary.provider.ProviderException;
import dev.visionary.metrics.Metrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs engines and records their outcome. A streaming run happens on its own thread, independent of any
 * browser: the stream endpoint only follows it, so closing the tab never loses the result.
 */
final class ExpansionRunner implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ExpansionRunner.class);

  private final Expansions expansions;
  private final Map<String, Run> running = new ConcurrentHashMap<>();
  /** The thread making each expansion's calls on this instance, so a deadline or a Cancel can interrupt them. */
  private final Map<String, Thread> calling = new ConcurrentHashMap<>();
  private final ExecutorService pool;
  private final ScheduledExecutorService deadlines;
  private final Metrics metrics;
  private final Duration deadline;

  /** The engine calls to make, and the saved styles to apply to their results for the target. */
  record Job(String expansionId, StudioEngine engine, List<StudioEngine.EngineRequest> requests, String instructions,
      List<dev.visionary.prompt.SavedStyle> styles, dev.visionary.prompt.Target target) {}

  /** The text of a run so far; followers wait on it for changes. */
  static final class Run {
    private String text = "";
    private long version;
    private boolean done;

    synchronized void text(String latest) {
      text = latest;
      version++;
      notifyAll();
    }

    synchronized void finish() {
      done = true;
      notifyAll();
    }

    /** Waits until the text is newer than {@code seen} or the run is done, at most {@code millis}. */
    synchronized Snapshot await(long seen, long millis) throws InterruptedException {
      long deadline = System.currentTimeMillis() + millis;
      while (!done && version == seen) {
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) {
          break;
        }
        wait(left);
      }
      return new Snapshot(text, version, done);
    }
  }

  record Snapshot(String text, long version, boolean done) {}

  /** @param deadline the longest a whole expansion may take, all its calls and retries included */
  ExpansionRunner(Expansions expansions, Metrics metrics, Duration deadline) {
    this.expansions = expansions;
    this.metrics = metrics;
    this.deadline = deadline;
    this.deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "expansion-deadlines");
      t.setDaemon(true);
      return t;
    });
    AtomicInteger n = new AtomicInteger();
    this.pool = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "expansion-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** Runs on the caller's thread and returns the recorded expansion. */
  Expansion runNow(Job job) {
    execute(job, new Run());
    return expansions.find(job.expansionId()).orElseThrow();
  }

  /** Starts the run in the background; {@link #follow} sees it from now until it is recorded. */
  void start(Job job) {
    Run run = new Run();
    running.put(job.expansionId(), run);
    pool.execute(() -> {
      try {
        execute(job, run);
      } catch (RuntimeException e) {
        // The outcome could not be recorded (the database went away during shutdown): the row stays
        // "running" and is shown as interrupted, with Retry, once it is old enough.
        log.warn("Expansion {} finished but could not be recorded: {}", job.expansionId(), e.toString());
      } finally {
        running.remove(job.expansionId());
        run.finish();
      }
    });
  }

  /** The run in progress on this instance, if any. */
  Optional<Run> follow(String expansionId) {
    return Optional.ofNullable(running.get(expansionId));
  }

  /**
   * Interrupts the expansion's calls if they run on this instance; the caller has already recorded why. A run
   * on another instance finds its expansion no longer running when it records its outcome, and leaves it.
   */
  void stop(String expansionId) {
    calling.computeIfPresent(expansionId, (id, thread) -> {
      thread.interrupt();
      return thread;
    });
  }

  /** What a run came to: the model that answered and its variations, or why it failed. */
  record Outcome(String model, List<Variation> variations, String failure) {}

  /** Makes the job's engine calls on the caller's thread and returns what they came to; records nothing. */
  Outcome compute(Job job) {
    return outcome(job, new Run());
  }

  private void execute(Job job, Run run) {
    Outcome outcome = outcome(job, run);
    if (outcome.failure() == null) {
      expansions.succeed(job.expansionId(), outcome.model(), outcome.variations());
    } else if (expansions.fail(job.expansionId(), outcome.failure())) {
      log.info("Expansion {} failed on {}: {}", job.expansionId(), job.engine().id(), outcome.failure());
    } else {
      log.info("Expansion {} stopped: it was cancelled", job.expansionId());
    }
  }

  private Outcome outcome(Job job, Run run) {
    AtomicBoolean late = new AtomicBoolean();
    calling.put(job.expansionId(), Thread.currentThread());
    ScheduledFuture<?> alarm = deadlines.schedule(() -> {
      late.set(true);
      stop(job.expansionId());
    }, deadline.toMillis(), TimeUnit.MILLISECONDS);
    List<Variation> variations = new ArrayList<>();
    String model = job.engine().model();
    String failure = null;
    try {
      for (StudioEngine.EngineRequest request : job.requests()) {
        StudioEngine.Answer answer = call(job, request, run);
        variations.addAll(answer.variations());
        model = answer.model();
      }
    } catch (StudioEngine.Failure e) {
      failure = e.getMessage();
    } catch (RuntimeException e) {
      log.error("Expansion {} failed unexpectedly on {}", job.expansionId(), job.engine().id(), e);
      failure = "The " + job.engine().label() + " engine failed unexpectedly. Your idea is kept: try again.";
    } finally {
      alarm.cancel(false);
      calling.remove(job.expansionId());
      // Removed first, so nothing interrupts this thread afterwards; cleared because the connection pool
      // refuses to wait on an interrupted thread, and the outcome is still to be written.
      Thread.interrupted();
    }
    if (failure == null && !late.get()) {
      try {
        variations = StyledResults.apply(variations, job.styles(), job.target());
      } catch (dev.visionary.prompt.A1111Styles.TooLong e) {
        failure = String.format("With the chosen styles a prompt would be %,d characters, past the %,d Visionary keeps. "
            + "Your idea is kept: expand it again with fewer styles or ones without {prompt} repeated.", e.length(), StyledResults.MAX_CHARS);
      }
    }
    if (late.get()) {
      failure = job.engine().label() + " did not finish within " + readable(deadline) + ", so Visionary stopped waiting. "
          + "Your idea is kept: try again, or pick another engine.";
    }
    return new Outcome(model, variations, failure);
  }

  private static String readable(Duration d) {
    long seconds = d.toSeconds();
    return seconds < 120 ? seconds + (seconds == 1 ? " second" : " seconds") : d.toMinutes() + " minutes";
  }

  /** One engine call, timed by outcome: "success", the provider's failure kind, or "failed" when the answer was unusable. */
  private StudioEngine.Answer call(Job job, StudioEngine.EngineRequest request, Run run) throws StudioEngine.Failure {
    long started = System.nanoTime();
    String outcome = "error";
    try {
      StudioEngine.Answer answer = job.engine().run(request, job.instructions(), run::text);
      outcome = "success";
      return answer;
    } catch (StudioEngine.Failure e) {
      outcome = e.getCause() instanceof ProviderException llm ? llm.kind().name().toLowerCase(Locale.ROOT) : "failed";
      throw e;
    } finally {
      metrics.providerRequest(Metrics.EXPANSION, job.engine().id(), outcome, System.nanoTime() - started);
    }
  }

  @Override
  public void close() {
    deadlines.shutdownNow();
    pool.shutdown();
    try {
      // Runs still going after this are marked as interrupted the next time the history is read.
      pool.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
