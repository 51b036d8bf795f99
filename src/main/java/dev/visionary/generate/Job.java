package dev.visionary.generate;

import dev.visionary.generate.engine.ImageRequest;
import java.time.Instant;
import org.jdbi.v3.core.mapper.Nested;

/**
 * A generation job as stored: what was asked, what it belongs to, and where it stands. The groups are mapped
 * from the row's columns by name ({@code @Nested}), so each column appears once, in its group.
 *
 * @param engine the id of the engine that draws it
 */
public record Job(String id, long ownerId, String engine, @Nested ImageRequest request, @Nested Links links,
    @Nested State state) {

  /**
   * The saved prompt and the expansion it was made from, each null when there is none, and the names of the
   * saved styles applied to its prompt, in the order applied (empty when none).
   */
  public record Links(String promptId, String expansionId, java.util.List<String> savedStyles) {
    public Links {
      savedStyles = savedStyles == null ? java.util.List.of() : java.util.List.copyOf(savedStyles);
    }
  }

  /**
   * Where the job stands.
   *
   * @param attempts      runs so far, counting the one under way
   * @param progress      from 0 to 1 while running, when the engine reports it; otherwise null
   * @param nextAttemptAt when a job waiting to retry runs again, otherwise null
   */
  public record State(Status status, int attempts, String lastError, Double progress, Instant nextAttemptAt,
      Instant createdAt, Instant finishedAt) {
    static final State QUEUED = new State(Status.QUEUED, 0, null, null, null, null, null);
  }

  public enum Status {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public String dbValue() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public boolean isFinished() {
    return state.status() == Status.SUCCEEDED || state.status() == Status.FAILED || state.status() == Status.CANCELLED;
  }
}
