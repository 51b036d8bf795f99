package dev.visionary.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the thread that runs image jobs the lowest CPU priority (nice 19), so painting with the built-in engine
 * takes the cores only when pages do not need them: on two cores, 24 queued jobs had every page wait behind them.
 * Java's own thread priorities reach the operating system only with a JVM flag that warns on every start unless
 * run as root, so the thread asks Linux itself: {@code renice} on its own thread id. Raising one's niceness needs
 * no permission. Where that is not possible (not Linux, no {@code renice}), jobs run at normal priority, as before.
 */
final class BackgroundPriority {
  private static final Logger log = LoggerFactory.getLogger(BackgroundPriority.class);
  static final int NICE = 19;
  private static final ThreadLocal<Boolean> LOWERED = ThreadLocal.withInitial(() -> false);
  private static volatile boolean unavailable;

  private BackgroundPriority() {}

  /** Lowers the calling thread's priority, once per thread; later calls cost a thread-local read. */
  static void lower() {
    if (unavailable || LOWERED.get()) {
      return;
    }
    LOWERED.set(true);
    try {
      // "<pid>/task/<tid>": the thread's own id, which setpriority (and so renice) takes for one thread on Linux.
      String tid = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
      Process renice = new ProcessBuilder("renice", "-n", Integer.toString(NICE), "-p", tid)
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!renice.waitFor(5, TimeUnit.SECONDS)) {
        renice.destroyForcibly();
        unavailable("renice did not answer");
      } else if (renice.exitValue() != 0) {
        unavailable("renice exited with " + renice.exitValue());
      }
    } catch (IOException | UnsupportedOperationException e) {
      unavailable(e.toString());
    } catch (InterruptedException e) {
      // A job being cancelled: it stops soon anyway, and the interrupt is what tells it to.
      Thread.currentThread().interrupt();
    }
  }

  private static void unavailable(String why) {
    unavailable = true;
    log.info("Image jobs run at normal CPU priority ({}), so pages may wait while the built-in engine paints", why);
  }
}
