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
    Long seed,
    List<ImageStore.StoredImage> images,
    boolean builtin,
    String savedStyles) {

  static JobView of(Job job, String engineLabel, List<ImageStore.StoredImage> images) {
    String status = job.state().status().dbValue();
    String note = null;
    if (job.state().status() == Job.Status.QUEUED && job.state().lastError() != null) {
      long wait = job.state().nextAttemptAt() == null ? 0 : Math.max(0, Duration.between(Instant.now(), job.state().nextAttemptAt()).toSeconds());
      note = "Attempt " + job.state().attempts() + " of " + JobRunner.MAX_ATTEMPTS + " failed: " + job.state().lastError()
          + (wait > 0 ? " Trying again in " + wait + " s." : " Trying again now.");
    }
    String label = switch (job.state().status()) {
      case QUEUED -> job.state().lastError() != null ? "Waiting to retry" : "Queued";
      case RUNNING -> "Generating";
      case SUCCEEDED -> images.size() == 1 ? "1 image" : images.size() + " images";
      case FAILED -> "Failed";
      case CANCELLED -> "Cancelled";
    };
    int percent = job.state().progress() == null ? 0 : (int) Math.round(job.state().progress() * 100);
    return new JobView(job.id(), status, label, job.isFinished(), job.state().status() == Job.Status.SUCCEEDED,
        job.state().status() == Job.Status.FAILED, !job.isFinished(),
        job.state().status() == Job.Status.FAILED || job.state().status() == Job.Status.CANCELLED,
        percent, note, job.state().status() == Job.Status.FAILED ? job.state().lastError() : null, engineLabel, job.request().model(), job.request().prompt(),
        job.request().width() + "×" + job.request().height(), job.request().count(), job.request().seed(), images, "builtin".equals(job.engine()),
        job.links().savedStyles().isEmpty() ? null : String.join(", ", job.links().savedStyles()));
  }
}
