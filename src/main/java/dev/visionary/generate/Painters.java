package dev.visionary.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads the built-in engine paints on, at the lowest CPU priority (nice 19), so painting takes the cores only
 * when pages do not need them: on two cores, 24 queued jobs had every page wait behind them. Only the painting runs
 * here; the job's own thread, which claims the job, reports progress and stores the images (holding a connection
 * and row locks meanwhile), keeps its normal priority, so a starved painter never holds up anyone waiting on those.
 *
 * <p>Java's thread priorities reach the operating system only with a JVM flag that warns on every start unless run
 * as root, so each thread asks Linux itself as it starts: {@code renice} on its own thread id (raising one's niceness
 * needs no permission). Where that is not possible (not Linux, no {@code renice}) painting runs at normal priority.
 */
final class Painters {
  private static final Logger log = LoggerFactory.getLogger(Painters.class);
  static final int NICE = 19;
  /** Linux shows a thread's name cut to 15 characters: "visionary-paint". */
  static final String NAME = "visionary-painter-";
  private static final Path RENICE = Path.of("/usr/bin/renice");
  private static volatile boolean unavailable;

  private static final ExecutorService POOL = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()),
      new java.util.concurrent.ThreadFactory() {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable work) {
          Thread t = new Thread(() -> {
            lower();
            work.run();
          }, NAME + count.incrementAndGet());
          t.setDaemon(true); // idle painters never keep a stopping JVM alive
          return t;
        }
      });

  private Painters() {}

  /**
   * Runs {@code work} on a painter and waits for it; an interrupt of the waiting thread (a cancelled job) interrupts
   * the painter too. What {@code work} throws comes out as it was thrown.
   */
  static <T> T paint(Callable<T> work) throws InterruptedException {
    Future<T> done = POOL.submit(work);
    try {
      return done.get();
    } catch (InterruptedException e) {
      done.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Lowers the calling thread's priority; called once by each painter as it starts. */
  private static void lower() {
    if (unavailable) {
      return;
    }
    try {
      // "<pid>/task/<tid>": the thread's own id, which setpriority (and so renice) takes for one thread on Linux.
      String tid = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
      ProcessBuilder builder = new ProcessBuilder(Files.isExecutable(RENICE) ? RENICE.toString() : "renice", "-n", Integer.toString(NICE), "-p", tid)
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
      builder.environment().clear(); // it needs none of the app's settings, keys among them
      Process renice = builder.start();
      if (!renice.waitFor(5, TimeUnit.SECONDS)) {
        renice.destroyForcibly();
        unavailable("renice did not answer");
      } else if (renice.exitValue() != 0) {
        unavailable("renice exited with " + renice.exitValue());
      }
    } catch (IOException | UnsupportedOperationException e) {
      unavailable(e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void unavailable(String why) {
    unavailable = true;
    log.info("The built-in engine paints at normal CPU priority ({}), so pages may wait while it paints", why);
  }
}
