package dev.visionary.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.App;
import dev.visionary.png.Infotext;
import dev.visionary.png.PngMetadata;
import dev.visionary.support.Accounts;
import dev.visionary.support.Http;
import dev.visionary.support.TestServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Grids over real HTTP with the built-in engine: made, filled, drawn as one PNG, capped, and kept private. */
class GridHttpTest {
  private final Http http = Http.toTestServer();

  private String twoByThree(Http who) {
    return GridSupport.make(who, "prompt", "a {red|blue} kite over green hills", "engine", "builtin", "size", "512x512", "seed", "100",
        "rows", "option", "rows_values", "", "cols", "seed", "cols_values", "3 seeds");
  }

  @Test
  void aGridOfTwoOptionsByThreeSeedsFillsEveryCellWithItsOptionAndSeedAndDownloadsAsOneLabelledPng() throws Exception {
    Accounts.signedIn(http, "gridder");
    String grid = twoByThree(http);

    String page = http.get("/grids/" + grid).body();
    for (String label : List.of("red", "blue", "seed 100", "seed 101", "seed 102")) {
      assertTrue(page.contains(">" + label + "<"), label + " labels a row or column");
    }
    List<GridSupport.Cell> cells = GridSupport.awaitFinished(http, grid, Duration.ofSeconds(90));
    assertEquals(6, cells.size());
    String[] options = {"red", "blue"};
    for (int r = 0; r < 2; r++) {
      for (int c = 0; c < 3; c++) {
        GridSupport.Cell cell = cells.get(r * 3 + c);
        assertEquals("succeeded", cell.status(), cell.toString());
        assertNotNull(cell.imageId(), "a finished cell shows its image");
        Infotext info = Infotext.parse(PngMetadata.readParameters(http.getBytes("/images/" + cell.imageId()).body()).orElseThrow());
        assertEquals("a " + options[r] + " kite over green hills", info.prompt());
        assertEquals(100L + c, info.seed().orElseThrow());
      }
    }
    assertFalse(http.get("/grids/" + grid, "HX-Request", "true").body().contains("hx-trigger"), "a finished grid stops polling");
    assertTrue(http.get("/grids").body().contains("/grids/" + grid), "listed among the person's grids");

    HttpResponse<byte[]> png = http.getBytes("/grids/" + grid + "/grid.png");
    assertEquals(200, png.statusCode());
    assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
    assertTrue(png.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
    BufferedImage picture = ImageIO.read(new ByteArrayInputStream(png.body()));
    assertEquals(GridPicture.width(3), picture.getWidth());
    assertEquals(GridPicture.height(2), picture.getHeight());
    assertTrue(inked(picture, GridPicture.ROW_LABELS, 0, picture.getWidth(), GridPicture.LABEL_BAND), "column labels drawn");
    assertTrue(inked(picture, 0, GridPicture.LABEL_BAND, GridPicture.ROW_LABELS, picture.getHeight()), "row labels drawn");
    for (int row = 0; row < 2; row++) {
      for (int col = 0; col < 3; col++) {
        assertTrue(GridSupport.cellDrawn(picture, row, col), "cell " + row + "," + col + " holds its picture");
      }
    }
  }

  @Test
  void capsAreStatedAndEnforcedWithAClearMessageBeforeAnythingIsQueued() {
    Accounts.signedIn(http, "capped");
    String form = http.get("/grids/new").body();
    assertTrue(form.contains("At most 8 values an axis and 36 cells a grid"), form);
    String[][] cases = {
        {"a {red|blue} kite", "option", "", "seed", "9 seeds", "at most 8 values"},
        {"a {a|b|c|d|e|f|g} kite", "option", "", "seed", "1 2 3 4 5 6", "at most 36 cells; this one would have 42"},
        {"a plain kite", "option", "", "seed", "2 seeds", "write a group such as {red|blue}"},
        {"a {red|blue} kite", "seed", "1, two", "none", "", "“two” is neither"},
        {"a {red|blue} kite", "seed", "1", "seed", "2", "choose something else for the columns"},
        {"a {red|blue} kite", "style", "Nonexistent", "none", "", "not one of your saved styles"},
        {"a {red|blue} kite", "engine", "dall-e-9000", "none", "", "not one of the image engines"},
        {"a {red|blue kite", "option", "", "none", "", "never closed"},
    };
    for (String[] c : cases) {
      HttpResponse<String> response = GridSupport.post(http, "prompt", c[0], "engine", "builtin", "rows", c[1], "rows_values", c[2],
          "cols", c[3], "cols_values", c[4]);
      assertEquals(422, response.statusCode(), String.join(" ", c));
      assertTrue(response.body().contains(c[5].replace("“", "&ldquo;").replace("”", "&rdquo;")) || response.body().contains(c[5]),
          c[5] + " in " + response.body());
    }
    assertFalse(http.get("/grids").body().contains("data-testid=\"grid-item\""), "nothing was queued");
  }

  @Test
  void aGridCountsAsItsCellsAgainstThePersonsGenerationLimit() {
    try (App app = TestServer.startApp(Map.of("GENERATE_PER_MINUTE", "8"))) {
      Http limited = new Http("http://localhost:" + app.port());
      Accounts.signedIn(limited, "limited");
      HttpResponse<String> tooBig = GridSupport.post(limited, "prompt", "a {a|b|c} kite", "rows", "option", "cols", "seed", "cols_values", "3 seeds");
      assertEquals(422, tooBig.statusCode());
      assertTrue(tooBig.body().contains("That is 9 images, more than the limit of 8"), tooBig.body());
      twoByThree(limited);
      assertEquals(303, GridSupport.post(limited, "prompt", "a {red|blue} kite", "rows", "option", "cols", "none").statusCode(), "6 + 2 is within 8");
      HttpResponse<String> over = GridSupport.post(limited, "prompt", "a {red|blue} kite", "rows", "option", "cols", "none");
      assertEquals(429, over.statusCode(), "6 + 2 + 2 is not");
      assertTrue(over.body().contains("limit of 8 image generations a minute"), over.body());
      assertTrue(over.body().contains("a {red|blue} kite</textarea>"), "the form comes back as typed");
    }
  }

  @Test
  void anotherPersonsPrivateGridIs404UntilItsOwnerSharesItAndStaysReadOnlyForThem() {
    Accounts.signedIn(http, "sharer");
    String grid = twoByThree(http);
    List<GridSupport.Cell> cells = GridSupport.awaitFinished(http, grid, Duration.ofSeconds(90));
    Http other = new Http(http.base());
    Accounts.signedIn(other, "stranger");
    String otherCsrf = Accounts.csrf(other, "/grids/new");
    Http anonymous = new Http(http.base());
    for (Http who : List.of(other, anonymous)) {
      assertEquals(404, who.get("/grids/" + grid).statusCode());
      assertEquals(404, who.getBytes("/grids/" + grid + "/grid.png").statusCode());
      assertEquals(404, who.getBytes("/images/" + cells.get(0).imageId()).statusCode());
    }
    assertEquals(404, other.get("/grids/new?from=" + grid).statusCode());
    for (String action : List.of("cancel", "rerun", "visibility")) {
      assertEquals(404, other.postForm("/grids/" + grid + "/" + action, Http.form("_csrf", otherCsrf, "visibility", "public")).statusCode(), action);
    }

    // The owner rates a cell's image on the grid itself; the next view of the grid shows it.
    String image = cells.get(0).imageId();
    assertEquals(200, http.postForm("/images/" + image + "/rating",
        Http.form("_csrf", Accounts.csrf(http, "/grids/new"), "rating", "4", "back", "/grids/" + grid), "HX-Request", "true").statusCode());
    String mine = http.get("/grids/" + grid).body();
    assertTrue(mine.contains("action=\"/images/" + image + "/rating\"") && mine.contains("data-rating=\"4\""), "the cell's rating: " + mine);

    assertEquals(303, http.postForm("/grids/" + grid + "/visibility",
        Http.form("_csrf", Accounts.csrf(http, "/grids/new"), "visibility", "unlisted")).statusCode());
    HttpResponse<String> shared = anonymous.get("/grids/" + grid);
    assertFalse(shared.body().contains("data-testid=\"rating\"") || other.get("/grids/" + grid).body().contains("data-testid=\"rating\""),
        "ratings are their owner's alone");
    assertEquals(404, other.postForm("/images/" + image + "/rating", Http.form("_csrf", otherCsrf, "rating", "1")).statusCode());
    assertEquals(200, shared.statusCode());
    assertTrue(shared.body().contains(">red<"));
    assertFalse(shared.body().contains("/cancel") || shared.body().contains("/rerun") || shared.body().contains("/visibility"),
        "no changes offered to a visitor");
    assertEquals(200, anonymous.getBytes("/grids/" + grid + "/grid.png").statusCode());
    assertEquals(200, anonymous.getBytes("/images/" + cells.get(0).imageId() + "/thumb").statusCode(), "its cells' images are shared with it");
    assertEquals(404, other.postForm("/grids/" + grid + "/rerun", Http.form("_csrf", otherCsrf)).statusCode(), "shared is still read-only");
    assertEquals(400, http.postForm("/grids/" + grid + "/visibility",
        Http.form("_csrf", Accounts.csrf(http, "/grids/new"), "visibility", "everyone")).statusCode());
  }

  @Test
  void aGridRunsAgainFromItsRecipeAndItsFormOpensPrefilledFromACardPromptOrGrid() {
    Accounts.signedIn(http, "rerunner");
    String grid = twoByThree(http);
    HttpResponse<String> again = http.postForm("/grids/" + grid + "/rerun", Http.form("_csrf", Accounts.csrf(http, "/grids/new")));
    assertEquals(303, again.statusCode());
    String second = again.headers().firstValue("Location").orElseThrow().substring("/grids/".length());
    assertFalse(second.equals(grid));
    List<GridSupport.Cell> cells = GridSupport.awaitFinished(http, second, Duration.ofSeconds(90));
    assertEquals(6, cells.size());
    Infotext info = Infotext.parse(PngMetadata.readParameters(http.getBytes("/images/" + cells.get(5).imageId()).body()).orElseThrow());
    assertEquals("a blue kite over green hills", info.prompt());
    assertEquals(102L, info.seed().orElseThrow(), "the same seeds as the first run");

    String changeForm = http.get("/grids/new?from=" + grid).body();
    assertTrue(changeForm.contains("a {red|blue} kite over green hills"));
    assertTrue(changeForm.contains("100\n101\n102"), "the seeds to change: " + changeForm);
    String job = dev.visionary.support.Jobs.submit(http, "prompt", "a {cat|dog} on a sofa", "size", "512x512");
    java.util.regex.Matcher link = java.util.regex.Pattern.compile("href=\"(/grids/new\\?prompt=[^\"]+)\"")
        .matcher(http.get("/jobs/" + job).body());
    assertTrue(link.find(), "a job card offers to make a grid of its prompt");
    String prefilled = http.get(link.group(1).replace("&amp;", "&")).body();
    assertTrue(prefilled.contains("a {cat|dog} on a sofa"), prefilled);

    HttpResponse<String> saved = http.postForm("/prompts", Http.form("_csrf", Accounts.csrf(http, "/prompts/new"), "title", "Sofa",
        "text", "a {cat|dog} on a sofa", "negative", "blurry", "target", "generic", "visibility", "private"));
    java.util.regex.Matcher fromPrompt = java.util.regex.Pattern.compile("data-testid=\"make-grid\" href=\"([^\"]+)\"")
        .matcher(http.get(saved.headers().firstValue("Location").orElseThrow()).body());
    assertTrue(fromPrompt.find(), "a saved prompt's page offers to make a grid of it");
    String fromSaved = http.get(fromPrompt.group(1).replace("&amp;", "&")).body();
    assertTrue(fromSaved.contains("a {cat|dog} on a sofa") && fromSaved.contains(">blurry</textarea>"), "prompt and negative carried over");
  }

  @Test
  void rowsOfSavedStylesAndAColumnPerEngineApplyEachStyleAsGenerateDoes() throws Exception {
    Accounts.signedIn(http, "stylist");
    HttpResponse<String> style = http.postForm("/prompts", Http.form("_csrf", Accounts.csrf(http, "/prompts/new"), "title", "Noir",
        "text", "{prompt}, film noir", "tags", "style", "target", "generic", "visibility", "private"));
    assertEquals(303, style.statusCode(), style.body());
    assertTrue(http.get("/grids/new").body().contains("yours: Noir"), "the form names the person's styles");
    String grid = GridSupport.make(http, "prompt", "a lighthouse", "size", "512x512", "seed", "5", "rows", "style", "rows_values", "none\nnoir",
        "cols", "engine", "cols_values", "");
    String page = http.get("/grids/" + grid).body();
    assertTrue(page.contains(">no style<") && page.contains(">Noir<"), "rows labelled by style");
    List<GridSupport.Cell> cells = GridSupport.awaitFinished(http, grid, Duration.ofSeconds(90));
    assertEquals(2, cells.size(), "one column: the one engine configured here");
    List<String> prompts = List.of("a lighthouse", "a lighthouse, film noir");
    for (int i = 0; i < 2; i++) {
      Infotext info = Infotext.parse(PngMetadata.readParameters(http.getBytes("/images/" + cells.get(i).imageId()).body()).orElseThrow());
      assertEquals(prompts.get(i), info.prompt());
      assertEquals(5L, info.seed().orElseThrow());
    }
  }

  @Test
  void everyStudioCardOffersToMakeAGridOfItsPrompt() throws Exception {
    Accounts.signedIn(http, "carder");
    HttpResponse<String> expanded = http.postForm("/expand", Http.form("_csrf", Accounts.csrf(http, "/"), "idea", "a lighthouse",
        "target", "generic", "style", "none", "count", "2", "engine", "builtin", "seed", "3"));
    assertEquals(303, expanded.statusCode());
    String expansion = expanded.headers().firstValue("Location").orElseThrow();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    String page = http.get(expansion).body();
    while (!page.contains("data-testid=\"make-grid\"") && System.nanoTime() < deadline) {
      Thread.sleep(200);
      page = http.get(expansion).body();
    }
    java.util.regex.Matcher link = java.util.regex.Pattern.compile("data-testid=\"make-grid\" href=\"([^\"]+)\"").matcher(page);
    assertTrue(link.find(), "a card links to the grid form");
    java.util.regex.Matcher text = java.util.regex.Pattern.compile("data-testid=\"prompt-text\"[^>]*>([^<]+)<").matcher(page);
    assertTrue(text.find());
    assertTrue(http.get(link.group(1).replace("&amp;", "&")).body().contains(text.group(1)), "the form holds the card's prompt");
  }

  /** Whether any pixel in the rectangle differs from the background. */
  private static boolean inked(BufferedImage image, int x0, int y0, int x1, int y1) {
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        if (image.getRGB(x, y) != GridPicture.BACKGROUND.getRGB()) {
          return true;
        }
      }
    }
    return false;
  }
}
