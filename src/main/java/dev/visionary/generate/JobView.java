package dev.visionary.generate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What a job card shows, computed here so the template holds no logic. */
public record JobView(
    String id,
    String status,
    String statusLabel,
    boolean finished,
    boolean succeeded,
    boolean failed,
    boolean cancellable,
    boolean retryable,
    int progressPercent,
    String note,
    String error,
    String engineLabel,
    String model,
    String prompt,
    String size,
    int count,
    long seed,
    List<ImageStore.StoredImage> images,
    boolean builtin) {

  static JobView of(Job job, String engineLabel, List<ImageStore.StoredImage> images) {
    String status = job.status().dbValue();
    String note = null;
    if (job.status() == Job.Status.QUEUED && job.lastError() != null) {
      long wait = job.nextAttemptAt() == null ? 0 : Math.max(0, Duration.between(Instant.now(), job.nextAttemptAt()).toSeconds());
      note = "Attempt " + job.attempts() + " of " + JobRunner.MAX_ATTEMPTS + " failed: " + job.lastError()
          + (wait > 0 ? " Trying again in " + wait + " s." : " Trying again now.");
    }
    String label = switch (job.status()) {
      case QUEUED -> job.lastError() != null ? "Waiting to retry" : "Queued";
      case RUNNING -> "Generating";
      case SUCCEEDED -> images.size() == 1 ? "1 image" : images.size() + " images";
      case FAILED -> "Failed";
      case CANCELLED -> "Cancelled";
    };
    int percent = job.progress() == null ? 0 : (int) Math.round(job.progress() * 100);
    return new JobView(job.id(), status, label, job.isFinished(), job.status() == Job.Status.SUCCEEDED,
        job.status() == Job.Status.FAILED, !job.isFinished(),
        job.status() == Job.Status.FAILED || job.status() == Job.Status.CANCELLED,
        percent, note, job.status() == Job.Status.FAILED ? job.lastError() : null, engineLabel, job.model(), job.prompt(),
        job.width() + "×" + job.height(), job.count(), job.seed(), images, "builtin".equals(job.engine()));
  }
}
