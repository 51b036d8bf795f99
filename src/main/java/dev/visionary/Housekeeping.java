package dev.visionary;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.util.List;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's cleaning, in one recurring task: rows that have outlived their use are deleted or closed here,
 * never on the way to answering a page, so a GET writes nothing and no reader pays for everyone's cleaning.
 * db-scheduler runs it on one instance at a time, once a minute, the first time at start-up.
 */
final class Housekeeping {
  static final String TASK = "housekeeping";
  private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

  /** One kind of cleaning: a name for the log and the work, which answers how many rows it changed. */
  record Chore(String name, IntSupplier work) {}

  private final List<Chore> chores;

  Housekeeping(List<Chore> chores) {
    this.chores = List.copyOf(chores);
  }

  RecurringTask<Void> task() {
    return Tasks.recurring(TASK, FixedDelay.ofMinutes(1)).execute((instance, context) -> run());
  }

  /** Each chore on its own: one that fails (its table locked, say) does not keep the others from running. */
  private void run() {
    for (Chore chore : chores) {
      try {
        int changed = chore.work().getAsInt();
        if (changed > 0) {
          log.info("Housekeeping: {} ({} rows)", chore.name(), changed);
        }
      } catch (RuntimeException e) {
        log.warn("Housekeeping: {} failed; trying again next run: {}", chore.name(), e.toString());
      }
    }
  }
}
