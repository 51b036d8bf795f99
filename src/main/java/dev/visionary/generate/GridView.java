package dev.visionary.generate;

import dev.visionary.web.Ratings;
import dev.visionary.web.Urls;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A grid as its page shows it: labelled rows of cells, each with its status and, once drawn, its image.
 *
 * @param mine whether the viewer owns it (and so may cancel, re-run, change or share it)
 */
record GridView(String id, String prompt, String rowKind, String colKind, List<String> colLabels, List<Row> rows, int done, int total,
    boolean cancellable, String visibility, boolean mine) {

  record Row(String label, List<CellView> cells) {}

  /**
   * One cell; {@code imageId} is null until its job has drawn it, {@code rating} null unless the viewer owns the drawn
   * image (ratings are their owner's only).
   */
  record CellView(int row, int col, String jobId, String status, String prompt, String negative, Long seed, String imageId, Integer width,
      Integer height, String error, String title, Ratings.Widget rating) {
    public String statusLabel() {
      return switch (status) {
        case "queued" -> "Queued";
        case "running" -> "Drawing…";
        case "succeeded" -> "Done";
        case "failed" -> "Failed";
        default -> "Cancelled";
      };
    }
  }

  public boolean finished() {
    return done == total;
  }

  static GridView of(Grids.Grid grid, List<Grids.Cell> cells, Map<String, List<ImageStore.StoredImage>> images, boolean mine) {
    List<Row> rows = new ArrayList<>();
    for (int r = 0; r < grid.rowLabels().size(); r++) {
      rows.add(new Row(grid.rowLabels().get(r), new ArrayList<>()));
    }
    int done = 0;
    for (Grids.Cell c : cells) {
      done += c.finished() ? 1 : 0;
      ImageStore.StoredImage image = images.getOrDefault(c.jobId(), List.of()).stream().findFirst().orElse(null);
      String title = grid.rowLabels().get(c.row()) + (grid.colLabels().isEmpty() ? "" : " · " + grid.colLabels().get(c.col()));
      rows.get(c.row()).cells().add(new CellView(c.row(), c.col(), c.jobId(), c.status().dbValue(), c.prompt(), c.negative(),
          image == null ? c.seed() : image.seed(), image == null ? null : image.id(), image == null ? null : image.width(),
          image == null ? null : image.height(), c.status() == Job.Status.FAILED ? c.lastError() : null, title,
          image == null || !mine ? null : image.ratingWidget(Urls.grid(grid.id()))));
    }
    return new GridView(grid.id(), grid.recipe().prompt(), grid.recipe().rows().kindOf().label(),
        grid.recipe().cols() == null ? null : grid.recipe().cols().kindOf().label(), grid.colLabels(), rows, done, cells.size(),
        done < cells.size() && mine, grid.visibility(), mine);
  }
}
