package dev.visionary.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.visionary.support.Accounts;
import dev.visionary.support.Http;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Making a grid over HTTP and reading its cells from the page, as a person's browser would. */
final class GridSupport {
  private static final Pattern CELL = Pattern.compile("data-testid=\"grid-cell\" data-status=\"([a-z]+)\" data-job=\"([A-Za-z0-9]{10})\"");
  private static final Pattern IMAGE = Pattern.compile("src=\"/images/([A-Za-z0-9]{10})/thumb\"");
  private static final Pattern DONE = Pattern.compile("data-done=\"(\\d+)\" data-total=\"(\\d+)\"");

  /** A cell as the page shows it; {@code imageId} null until drawn. */
  record Cell(String status, String jobId, String imageId) {}

  private GridSupport() {}

  /** POSTs the grid form (the CSRF token added) and returns the response. */
  static HttpResponse<String> post(Http http, String... fields) {
    String[] all = new String[fields.length + 2];
    all[0] = "_csrf";
    all[1] = Accounts.csrf(http, "/grids/new");
    System.arraycopy(fields, 0, all, 2, fields.length);
    return http.postForm("/grids", Http.form(all));
  }

  /** Makes the grid and returns its id (from the 303 to /grids/{id}). */
  static String make(Http http, String... fields) {
    HttpResponse<String> response = post(http, fields);
    assertEquals(303, response.statusCode(), response.body());
    return response.headers().firstValue("Location").orElseThrow().substring("/grids/".length());
  }

  /** The cells in reading order (row by row), from the fragment the page polls. */
  static List<Cell> cells(Http http, String grid) {
    HttpResponse<String> fragment = http.get("/grids/" + grid, "HX-Request", "true");
    assertEquals(200, fragment.statusCode(), fragment.body());
    List<Cell> cells = new ArrayList<>();
    String[] parts = fragment.body().split("<td ");
    for (String part : parts) {
      Matcher m = CELL.matcher(part);
      if (m.find()) {
        Matcher image = IMAGE.matcher(part);
        cells.add(new Cell(m.group(1), m.group(2), image.find() ? image.group(1) : null));
      }
    }
    return cells;
  }

  /** Polls the grid as its page does until every cell is finished; returns the cells. */
  static List<Cell> awaitFinished(Http http, String grid, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Matcher m = DONE.matcher(http.get("/grids/" + grid, "HX-Request", "true").body());
      if (m.find() && m.group(1).equals(m.group(2))) {
        return cells(http, grid);
      }
      try {
        Thread.sleep(150);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("Grid " + grid + " did not finish in " + timeout + ": " + cells(http, grid));
  }

  /**
   * Whether the grid PNG's cell at (row, col) holds a picture: a sketch has hundreds of colours, while an empty cell
   * is one flat grey.
   */
  static boolean cellDrawn(java.awt.image.BufferedImage grid, int row, int col) {
    int x0 = GridPicture.ROW_LABELS + GridPicture.GAP + col * (GridPicture.CELL + GridPicture.GAP);
    int y0 = GridPicture.LABEL_BAND + GridPicture.GAP + row * (GridPicture.CELL + GridPicture.GAP);
    java.util.Set<Integer> colours = new java.util.HashSet<>();
    for (int y = y0; y < y0 + GridPicture.CELL; y += 4) {
      for (int x = x0; x < x0 + GridPicture.CELL; x += 4) {
        colours.add(grid.getRGB(x, y));
      }
    }
    return colours.size() > 100;
  }
}
