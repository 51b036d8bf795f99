package dev.visionary.expand;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.visionary.json.Json;
import dev.visionary.prompt.SavedStyle;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.generic.GenericType;
import org.jdbi.v3.core.mapper.ColumnMapperFactory;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** The expansions table: the history of every expansion and its results. */
final class Expansions {
  /** The status is stored in lower case, as the table's check spells it, and read by its enum constant's name. */
  private static final String COLUMNS = "id, owner_id, parent_id, source_id, source_card, idea, target, style, count, mode, engine, model, "
      + "instruction_version, seed, refinement, base_prompt, saved_styles::text as saved_styles, upper(status) as status, error, results::text as results, "
      + "created_at, finished_at";
  private static final TypeReference<List<Variation>> RESULTS = new TypeReference<>() {};
  /** Each column to the record component of the same name (owner_id to ownerId)... */
  private static final RowMapper<Expansion> EXPANSION = ConstructorMapper.of(Expansion.class);
  /** ...but for the results, stored as JSON and read with Jackson. */
  private static final ColumnMapperFactory RESULTS_COLUMN =
      ColumnMapperFactory.of(new GenericType<List<Variation>>() {}.getType(), (rs, column, ctx) -> read(rs.getString(column)));

  /** ...and the saved styles, stored as JSON too. */
  private static final ColumnMapperFactory STYLES_COLUMN = ColumnMapperFactory.of(new GenericType<List<SavedStyle>>() {}.getType(),
      (rs, column, ctx) -> readStyles(rs.getString(column)));
  private static final TypeReference<List<SavedStyle>> STYLES = new TypeReference<>() {};

  private final Jdbi jdbi;

  Expansions(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Records an expansion before its engine runs. */
  void insertRunning(Expansion e) {
    jdbi.useHandle(h -> insertRunning(h, e));
  }

  /** As {@link #insertRunning(Expansion)}, in the caller's transaction. */
  static void insertRunning(Handle h, Expansion e) {
    h.createUpdate("""
            insert into expansions (id, owner_id, parent_id, source_id, source_card, idea, target, style, count, mode, engine, model,
              instruction_version, seed, refinement, base_prompt, saved_styles, status)
            values (:id, :ownerId, :parentId, :sourceId, :sourceCard, :idea, :target, :style, :count, :mode, :engine, :model,
              :instructionVersion, :seed, :refinement, :basePrompt, cast(:savedStyles as jsonb), 'running')
            """)
        .bind("id", e.id()).bind("ownerId", e.ownerId()).bind("savedStyles", writeJson(e.ask().savedStyles()))
        .bindMethods(e.lineage()).bindMethods(e.ask()).bindMethods(e.engine())
        .execute();
  }

  /**
   * Records an expansion that has already run, with its outcome, in one statement: the person's action is one
   * commit, and no row ever says "running" for it.
   */
  Expansion insertFinished(Expansion e, String model, List<Variation> results, String error) {
    return jdbi.withHandle(h -> insertFinished(h, e, model, results, error));
  }

  /**
   * As {@link #insertFinished(Expansion, String, List, String)}, in the caller's transaction. The row is built here from
   * what was written, with the two times the database set: reading it back would parse the results just written.
   */
  static Expansion insertFinished(Handle h, Expansion e, String model, List<Variation> results, String error) {
    String finalModel = model != null ? model : e.engine().model();
    List<Variation> kept = error == null ? List.copyOf(results) : List.of();
    record Times(Instant createdAt, Instant finishedAt) {}
    Times times = h.createQuery("""
              insert into expansions (id, owner_id, parent_id, source_id, source_card, idea, target, style, count, mode, engine, model,
                instruction_version, seed, refinement, base_prompt, saved_styles, status, results, error, finished_at)
              values (:id, :ownerId, :parentId, :sourceId, :sourceCard, :idea, :target, :style, :count, :mode, :engine, :finalModel,
                :instructionVersion, :seed, :refinement, :basePrompt, cast(:savedStyles as jsonb), :status, cast(:results as jsonb), :error, now())
              returning created_at, finished_at
              """)
          .bind("id", e.id()).bind("ownerId", e.ownerId()).bind("savedStyles", writeJson(e.ask().savedStyles()))
          .bindMethods(e.lineage()).bindMethods(e.ask()).bindMethods(e.engine())
          .bind("finalModel", finalModel)
          .bind("status", error == null ? "succeeded" : "failed")
          .bind("results", write(kept))
          .bind("error", error)
          .map((rs, ctx) -> new Times(rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("finished_at").toInstant()))
          .one();
    return new Expansion(e.id(), e.ownerId(), e.lineage(), e.ask(), new Expansion.Engine(e.engine().engine(), finalModel, e.engine().instructionVersion()),
        new Expansion.Outcome(error == null ? Expansion.Status.SUCCEEDED : Expansion.Status.FAILED, error, kept, times.createdAt(), times.finishedAt()));
  }

  /**
   * Inserts a fill for the variations {@code e.lineage().sourceId()} left out, unless one that has not failed is
   * already there: the root expansion's row is locked for the check, so two clicks at once ask the engine once.
   */
  boolean insertFill(Expansion e) {
    return jdbi.inTransaction(h -> {
      h.createQuery("select id from expansions where id = :root for update").bind("root", e.lineage().parentId()).mapTo(String.class).findOne();
      boolean asked = h.createQuery("""
              select exists (select 1 from expansions where source_id = :source and source_card is null and refinement is null
                and status <> 'failed')
              """)
          .bind("source", e.lineage().sourceId()).mapTo(Boolean.class).one();
      if (asked) {
        return false;
      }
      insertRunning(h, e);
      return true;
    });
  }

  /** Stores the finished results; only a running expansion finishes, and only once. */
  boolean succeed(String id, String model, List<Variation> results) {
    return jdbi.withHandle(h -> h.createUpdate("""
            update expansions set status = 'succeeded', results = cast(:results as jsonb), model = coalesce(:model, model),
              error = null, finished_at = now()
            where id = :id and status = 'running'
            """)
        .bind("id", id).bind("model", model).bind("results", write(results))
        .execute()) == 1;
  }

  boolean fail(String id, String error) {
    return jdbi.withHandle(h -> h.createUpdate("""
            update expansions set status = 'failed', error = :error, finished_at = now() where id = :id and status = 'running'
            """)
        .bind("id", id).bind("error", error)
        .execute()) == 1;
  }

  /** Puts a failed expansion back to running for another attempt with the same idea and options. */
  boolean restart(String id) {
    return jdbi.withHandle(h -> h.createUpdate("""
            update expansions set status = 'running', error = null, finished_at = null, created_at = now()
            where id = :id and status = 'failed'
            """)
        .bind("id", id).execute()) == 1;
  }

  /**
   * Marks as failed the expansions whose engine stopped without a word (the instance running it was
   * restarted or killed), so they show Retry instead of spinning for ever.
   */
  int failAbandoned(Duration olderThan) {
    return jdbi.withHandle(h -> h.createUpdate("""
            update expansions set status = 'failed', finished_at = now(),
              error = 'The expansion was interrupted (Visionary restarted while it ran). Your idea is kept: try again.'
            where status = 'running' and created_at < now() - make_interval(secs => :seconds)
            """)
        .bind("seconds", (double) olderThan.toSeconds()).execute());
  }

  Optional<Expansion> find(String id) {
    return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from expansions where id = :id")
        .bind("id", id).registerColumnMapper(RESULTS_COLUMN).registerColumnMapper(STYLES_COLUMN).map(EXPANSION).findOne());
  }

  /** A person's own expansion; anyone else's is treated as absent. */
  Optional<Expansion> findOwned(String id, long ownerId) {
    return find(id).filter(e -> e.ownerId() == ownerId);
  }

  static final String RECENT = """
      select id, idea, target, engine, upper(status) as status, error, jsonb_array_length(results) as results, created_at
      from expansions where owner_id = :owner and parent_id is null order by created_at desc, id limit :limit
      """;

  /**
   * The person's latest top-level expansions, for "Recent" on the Studio page: only what an entry shows, since the list
   * is read after every expansion and a results column is the most of a row (V26 keeps the rows in the list's order).
   */
  List<RecentEntry> recent(long ownerId, int limit) {
    return jdbi.withHandle(h -> h.createQuery(RECENT)
        .bind("owner", ownerId).bind("limit", limit)
        .map((rs, ctx) -> new RecentEntry(rs.getString("id"), rs.getString("idea"), rs.getString("target"), rs.getString("engine"),
            Expansion.Status.valueOf(rs.getString("status")), rs.getString("error"), rs.getInt("results"),
            rs.getTimestamp("created_at").toInstant()))
        .list());
  }

  /** An entry of "Recent": an expansion without its results, of which it shows how many there are. */
  record RecentEntry(String id, String idea, String target, String engine, Expansion.Status status, String error, int results,
                     Instant createdAt) {}

  /** Refinements and "more like this" made from an expansion's cards, oldest first. */
  List<Expansion> children(String parentId) {
    return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from expansions where parent_id = :parent order by created_at, id")
        .bind("parent", parentId).registerColumnMapper(RESULTS_COLUMN).registerColumnMapper(STYLES_COLUMN)
        .map(EXPANSION).list());
  }

  static String write(List<Variation> results) {
    return writeJson(results);
  }

  private static String writeJson(List<?> results) {
    try {
      return Json.MAPPER.writeValueAsString(results);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Could not be written as JSON", e);
    }
  }

  private static List<Variation> read(String json) {
    try {
      return json == null ? List.of() : Json.MAPPER.readValue(json, RESULTS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored results are not valid JSON", e);
    }
  }

  private static List<SavedStyle> readStyles(String json) {
    try {
      return json == null ? List.of() : Json.MAPPER.readValue(json, STYLES);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored styles are not valid JSON", e);
    }
  }
}
