package dev.visionary.expand;

import java.time.Instant;
import java.util.List;

/** One row of the expansion history: what was asked, by whom, with which engine, and what came back. */
public record Expansion(
    String id,
    long ownerId,
    String parentId,
    String sourceId,
    Integer sourceCard,
    String idea,
    String target,
    String style,
    int count,
    String mode,
    String engine,
    String model,
    String instructionVersion,
    long seed,
    String refinement,
    String basePrompt,
    Status status,
    String error,
    List<Variation> results,
    Instant createdAt,
    Instant finishedAt) {

  public enum Status {
    RUNNING, SUCCEEDED, FAILED
  }

  public boolean running() {
    return status == Status.RUNNING;
  }

  public boolean failed() {
    return status == Status.FAILED;
  }
}
