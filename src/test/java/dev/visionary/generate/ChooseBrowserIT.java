package dev.visionary.generate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.visionary.support.Accounts;
import dev.visionary.support.Browser;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Choosing among variations, start to end in a real browser: four cards, two starred and compared side by side,
 * one of them made into a 2 × 3 grid (two options × three seeds) that fills in without a reload, a cell rated
 * there, and the grid downloaded as one labelled PNG.
 */
class ChooseBrowserIT {

  @Test
  void starTwoCardsCompareThemAndGridOneOverOptionsAndSeeds() throws Exception {
    try (BrowserContext context = Browser.newContext()) {
      Page page = context.newPage();
      Browser.signUp(page, Accounts.uniqueName("chooser"));
      page.getByLabel("Your idea").fill("a kite over green hills");
      page.getByLabel("Your idea").press("Control+Enter");
      Locator cards = page.getByTestId("expansion-card");
      assertThat(cards).hasCount(4);
      Browser.settled(page);

      for (int card : new int[] {1, 3}) {
        cards.nth(card).getByTestId("star-5").click();
        assertThat(cards.nth(card).getByTestId("star-5")).hasAttribute("aria-pressed", "true");
        Browser.settled(page);
      }
      String second = cards.nth(1).getByTestId("prompt-text").textContent();
      cards.nth(1).getByTestId("compare-pick").check();
      cards.nth(3).getByTestId("compare-pick").check();
      page.locator("form[id^=compare-x-]").getByTestId("compare-selected").click();

      assertThat(page).hasURL(Pattern.compile(".*/x/[A-Za-z0-9]{10}/compare\\?card=2&card=4$"));
      Locator compared = page.getByTestId("compare-item");
      assertThat(compared).hasCount(2);
      assertThat(compared.nth(0).getByTestId("compare-prompt")).hasText(second);
      assertTrue(compared.nth(1).locator("ins.diff-only-here").count() > 0, "the other card's own words are marked");
      assertThat(compared.nth(0).getByTestId("rating")).hasAttribute("data-rating", "5");

      // The starred card becomes a grid: its prompt, with a choice the rows go through.
      page.goBack();
      page.getByTestId("expansion-card").nth(1).getByTestId("make-grid").click();
      page.waitForURL("**/grids/new?**");
      Locator prompt = page.getByLabel("Prompt", new Page.GetByLabelOptions().setExact(true));
      assertThat(prompt).hasValue(second);
      prompt.fill("{at dawn|at night}, " + second);
      page.getByLabel("Seed", new Page.GetByLabelOptions().setExact(true)).fill("100");
      assertThat(page.getByLabel("Rows vary")).hasValue("option");
      assertThat(page.getByLabel("Columns vary")).hasValue("seed");
      Browser.screenshots(page, "grid-new");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Queue the grid")).click();
      page.waitForURL(Pattern.compile(".*/grids/[A-Za-z0-9]{10}$"));
      String url = page.url();

      assertThat(page.getByTestId("grid-row")).hasText(new String[] {"at dawn", "at night"});
      assertThat(page.getByTestId("grid-col")).hasText(new String[] {"seed 100", "seed 101", "seed 102"});
      // Six pictures on a busy two-core machine can outlast the default wait; the cells must still fill in.
      assertThat(page.getByTestId("image")).hasCount(6, new LocatorAssertions.HasCountOptions().setTimeout(60_000));
      assertEquals(url, page.url(), "filled in without a page load");
      assertThat(page.getByTestId("grid-progress")).hasText("6 of 6 cells finished");
      Browser.settled(page);

      Locator cell = page.getByTestId("grid-cell").nth(4);
      cell.getByTestId("star-4").click();
      assertThat(cell.getByTestId("star-4")).hasAttribute("aria-pressed", "true");
      Browser.settled(page);
      page.reload();
      assertThat(page.getByTestId("grid-cell").nth(4).getByTestId("rating")).hasAttribute("data-rating", "4");
      Browser.screenshots(page, "grid");

      Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download PNG")).click());
      assertTrue(download.suggestedFilename().endsWith(".png"), download.suggestedFilename());
      BufferedImage picture = ImageIO.read(Files.newInputStream(download.path()));
      assertEquals(GridPicture.width(3), picture.getWidth());
      assertEquals(GridPicture.height(2), picture.getHeight());
      for (int row = 0; row < 2; row++) {
        for (int col = 0; col < 3; col++) {
          assertTrue(GridSupport.cellDrawn(picture, row, col), "cell " + row + "," + col + " holds its picture");
        }
      }
    }
  }
}
