package dev.visionary.expand;

import java.time.Instant;
import dev.visionary.prompt.SavedStyle;
import java.util.List;
import org.jdbi.v3.core.mapper.Nested;

/**
 * One row of the expansion history: what was asked, by whom, with which engine, and what came back. The groups
 * are mapped from the row's columns by name ({@code @Nested}), so each column appears once, in its group.
 */
public record Expansion(String id, long ownerId, @Nested Lineage lineage, @Nested Ask ask, @Nested Engine engine,
    @Nested Outcome outcome) {

  /**
   * Where a derived expansion came from; all null for one started from an idea.
   *
   * @param parentId   the top-level expansion it is listed under
   * @param sourceId   the expansion whose card it was made from
   * @param sourceCard that card's index
   */
  public record Lineage(String parentId, String sourceId, Integer sourceCard) {
    static final Lineage NONE = new Lineage(null, null, null);
  }

  /**
   * What the person asked for.
   *
   * @param refinement a short instruction applied to {@code basePrompt} ("make it night"), or null
   * @param basePrompt the card's prompt a refinement or "more like this" starts from, or null
   * @param savedStyles the person's saved styles applied to every result, in order, as they were when asked
   */
  public record Ask(String idea, String target, String style, int count, String mode, long seed, String refinement,
      String basePrompt, List<SavedStyle> savedStyles) {
    public Ask {
      savedStyles = savedStyles == null ? List.of() : List.copyOf(savedStyles);
    }
  }

  /** The engine that runs it, the model it was given, and the instructions' version it was sent. */
  public record Engine(String engine, String model, String instructionVersion) {}

  /** Where it stands; {@code results} is empty until it succeeds. */
  public record Outcome(Status status, String error, List<Variation> results, Instant createdAt, Instant finishedAt) {
    static final Outcome STARTING = new Outcome(Status.RUNNING, null, List.of(), null, null);
  }

  public enum Status {
    RUNNING, SUCCEEDED, FAILED
  }

  /** A new expansion, about to run. */
  static Expansion starting(String id, long ownerId, Lineage lineage, Ask ask, Engine engine) {
    return new Expansion(id, ownerId, lineage, ask, engine, Outcome.STARTING);
  }

  public boolean running() {
    return outcome.status() == Status.RUNNING;
  }

  public boolean failed() {
    return outcome.status() == Status.FAILED;
  }
}
