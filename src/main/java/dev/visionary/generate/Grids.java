package dev.visionary.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.visionary.json.Json;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The grids and grid_cells tables; a cell's status, prompt and seed are its job's. */
final class Grids {
  /** A grid as stored. */
  record Grid(String id, long ownerId, GridRecipe recipe, List<String> rowLabels, List<String> colLabels, String visibility, Instant createdAt) {}

  /** A cell and where its job stands. */
  record Cell(int row, int col, String jobId, Job.Status status, String prompt, String negative, Long seed, String engine, String lastError) {
    boolean finished() {
      return status == Job.Status.SUCCEEDED || status == Job.Status.FAILED || status == Job.Status.CANCELLED;
    }
  }

  /** A line of the person's list of grids. */
  record Summary(String id, String prompt, int rows, int cols, int done, int total, String visibility, Instant createdAt) {}

  static final List<String> VISIBILITIES = List.of("private", "unlisted", "public");

  private final Jdbi jdbi;

  Grids(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** The grid, its jobs, their scheduled executions and its cells in one transaction: all of it is queued, or none. */
  void create(Grid grid, List<GridPlan.Cell> cells, JobScheduler scheduler) {
    jdbi.useTransaction(h -> {
      h.createUpdate("""
              insert into grids (id, owner_id, recipe, row_kind, row_labels, col_kind, col_labels)
              values (:id, :owner, cast(:recipe as jsonb), :rowKind, :rowLabels, :colKind, :colLabels)
              """)
          .bind("id", grid.id()).bind("owner", grid.ownerId()).bind("recipe", json(grid.recipe()))
          .bind("rowKind", grid.recipe().rows().kind()).bindArray("rowLabels", String.class, grid.rowLabels())
          .bind("colKind", grid.recipe().cols() == null ? null : grid.recipe().cols().kind())
          .bindArray("colLabels", String.class, grid.colLabels())
          .execute();
      for (GridPlan.Cell cell : cells) {
        Jobs.insert(h, cell.job());
        scheduler.schedule(h, cell.job().id());
        h.createUpdate("insert into grid_cells (grid_id, row, col, job_id) values (:grid, :row, :col, :job)")
            .bind("grid", grid.id()).bind("row", cell.row()).bind("col", cell.col()).bind("job", cell.job().id())
            .execute();
      }
    });
    scheduler.wake();
  }

  Optional<Grid> find(String id) {
    return jdbi.withHandle(h -> h.createQuery("""
            select id, owner_id, recipe::text as recipe, row_labels, col_labels, visibility, created_at from grids where id = :id
            """)
        .bind("id", id)
        .map((rs, ctx) -> new Grid(rs.getString("id"), rs.getLong("owner_id"), recipe(rs.getString("recipe")),
            List.of((String[]) rs.getArray("row_labels").getArray()), List.of((String[]) rs.getArray("col_labels").getArray()),
            rs.getString("visibility"), rs.getTimestamp("created_at").toInstant()))
        .findOne());
  }

  List<Cell> cells(String gridId) {
    return jdbi.withHandle(h -> h.createQuery("""
            select c.row, c.col, c.job_id, upper(j.status) as status, j.prompt, j.negative_prompt, j.seed, j.engine, j.last_error
            from grid_cells c join generation_jobs j on j.id = c.job_id
            where c.grid_id = :grid order by c.row, c.col
            """)
        .bind("grid", gridId)
        .map((rs, ctx) -> new Cell(rs.getInt("row"), rs.getInt("col"), rs.getString("job_id"), Job.Status.valueOf(rs.getString("status")),
            rs.getString("prompt"), rs.getString("negative_prompt"), (Long) rs.getObject("seed"), rs.getString("engine"), rs.getString("last_error")))
        .list());
  }

  List<Summary> mine(long ownerId, int limit) {
    return jdbi.withHandle(h -> h.createQuery("""
            select g.id, g.recipe->>'prompt' as prompt, cardinality(g.row_labels) as rows, greatest(cardinality(g.col_labels), 1) as cols,
              g.visibility, g.created_at,
              (select count(*) from grid_cells c join generation_jobs j on j.id = c.job_id
                where c.grid_id = g.id and j.status in ('succeeded', 'failed', 'cancelled')) as done,
              (select count(*) from grid_cells c where c.grid_id = g.id) as total
            from grids g where g.owner_id = :owner order by g.created_at desc limit :limit
            """)
        .bind("owner", ownerId).bind("limit", limit)
        .map((rs, ctx) -> new Summary(rs.getString("id"), rs.getString("prompt"), rs.getInt("rows"), rs.getInt("cols"), rs.getInt("done"),
            rs.getInt("total"), rs.getString("visibility"), rs.getTimestamp("created_at").toInstant()))
        .list());
  }

  void visibility(String id, long ownerId, String visibility) {
    jdbi.useHandle(h -> h.createUpdate("update grids set visibility = :v where id = :id and owner_id = :owner")
        .bind("v", visibility).bind("id", id).bind("owner", ownerId).execute());
  }

  /** Whether the image was drawn for a cell of a grid its owner shared (unlisted or public), so its viewers may see it. */
  boolean shared(String imageId) {
    return jdbi.withHandle(h -> h.createQuery("""
            select exists (select 1 from images i join grid_cells c on c.job_id = i.job_id join grids g on g.id = c.grid_id
              where i.id = :image and g.visibility <> 'private')
            """)
        .bind("image", imageId).mapTo(Boolean.class).one());
  }

  private static String json(GridRecipe recipe) {
    try {
      return Json.MAPPER.writeValueAsString(recipe);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static GridRecipe recipe(String json) {
    try {
      return Json.MAPPER.readValue(json, GridRecipe.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A grid's recipe could not be read", e);
    }
  }
}
