package dev.visionary.generate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.visionary.support.Accounts;
import dev.visionary.support.Browser;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** A 2 × 3 grid made from the form fills in on its page without a reload, and downloads as one PNG. */
class GridBrowserIT {

  @Test
  void aGridOfTwoOptionsByThreeSeedsFillsInAndDownloadsAsOnePng() throws Exception {
    try (BrowserContext context = Browser.newContext()) {
      Page page = context.newPage();
      Browser.signUp(page, Accounts.uniqueName("gridview"));
      page.navigate("/grids/new");
      page.getByLabel("Prompt", new Page.GetByLabelOptions().setExact(true)).fill("a {red|blue} kite over green hills");
      page.getByLabel("Seed", new Page.GetByLabelOptions().setExact(true)).fill("100");
      assertThat(page.getByLabel("Rows vary")).hasValue("option");
      assertThat(page.getByLabel("Columns vary")).hasValue("seed");
      Browser.screenshots(page, "grid-new");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Queue the grid")).click();
      page.waitForURL("**/grids/*");
      String url = page.url();

      assertThat(page.getByTestId("grid-row")).hasText(new String[] {"red", "blue"});
      assertThat(page.getByTestId("grid-col")).hasText(new String[] {"seed 100", "seed 101", "seed 102"});
      // Six pictures on a busy two-core machine can outlast the default wait; the cells must still fill in.
      assertThat(page.getByTestId("image")).hasCount(6, new LocatorAssertions.HasCountOptions().setTimeout(60_000));
      assertEquals(url, page.url(), "filled in without a page load");
      assertThat(page.getByTestId("grid-progress")).hasText("6 of 6 cells finished");
      Browser.screenshots(page, "grid");

      Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download PNG")).click());
      assertTrue(download.suggestedFilename().endsWith(".png"), download.suggestedFilename());
      BufferedImage picture = ImageIO.read(Files.newInputStream(download.path()));
      assertEquals(GridPicture.width(3), picture.getWidth());
      assertEquals(GridPicture.height(2), picture.getHeight());
    }
  }
}
