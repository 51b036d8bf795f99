package dev.visionary.generate;

import java.time.Instant;

/** A generation job as stored: what was asked, and where it stands. */
public record Job(
    String id,
    long ownerId,
    String prompt,
    String negativePrompt,
    String engine,
    String model,
    int width,
    int height,
    int count,
    long seed,
    String quality,
    String style,
    Integer steps,
    Double cfg,
    String sampler,
    String promptId,
    String expansionId,
    Status status,
    int attempts,
    String lastError,
    Double progress,
    Instant nextAttemptAt,
    Instant createdAt,
    Instant finishedAt) {

  public enum Status {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public String dbValue() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public boolean isFinished() {
    return status == Status.SUCCEEDED || status == Status.FAILED || status == Status.CANCELLED;
  }

  public ImageRequest toRequest() {
    return new ImageRequest(prompt, negativePrompt, width, height, count, seed, model, quality, style, steps, cfg, sampler);
  }
}
