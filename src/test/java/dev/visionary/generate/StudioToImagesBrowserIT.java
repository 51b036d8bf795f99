package dev.visionary.generate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.visionary.support.Accounts;
import dev.visionary.support.Browser;
import org.junit.jupiter.api.Test;

/** The whole offline path a person takes: an idea, its cards, two images from one card, still there after a reload. */
class StudioToImagesBrowserIT {

  @Test
  void expandThenGenerateTwoImagesFromACardThenReload() {
    try (BrowserContext context = Browser.newContext()) {
      Page page = context.newPage();
      Browser.signUp(page, Accounts.uniqueName("sunset"));
      page.getByLabel("Your idea").fill("a beach sunset");
      page.getByLabel("Your idea").press("Control+Enter");
      Locator cards = page.getByTestId("expansion-card");
      assertThat(cards).hasCount(4);
      String url = page.url();

      Locator card = cards.first();
      card.getByLabel("Images to generate").selectOption("2");
      card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Generate")).click();
      Locator job = card.getByTestId("job-card");
      assertThat(job).isVisible();
      // Painting two images can outlast the default 5 s wait on a busy two-core machine (as in GenerationBrowserIT).
      assertThat(job.getByTestId("image")).hasCount(2, new LocatorAssertions.HasCountOptions().setTimeout(30_000));
      assertEquals(url, page.url(), "the images arrived without a page load");
      Browser.screenshots(page, "studio-images");
      // The two new images can be compared at once, without a reload.
      Browser.settled(page);
      job.getByTestId("compare-pick").nth(0).check();
      job.getByTestId("compare-pick").nth(1).check();
      page.locator("#compare-images").getByTestId("compare-selected").click();
      assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/images/compare\\?i=[A-Za-z0-9]{10}&i=[A-Za-z0-9]{10}$"));
      assertThat(page.getByTestId("compare-item")).hasCount(2);
      page.goBack();

      page.reload();
      assertThat(page.getByTestId("expansion-card")).hasCount(4);
      assertThat(page.getByTestId("image")).hasCount(2);

      card = page.getByTestId("expansion-card").first();
      card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save to library")).click();
      assertThat(card.getByText("Saved")).isVisible();
    }
  }
}
