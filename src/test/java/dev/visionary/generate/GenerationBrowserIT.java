package dev.visionary.generate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.visionary.support.Accounts;
import dev.visionary.support.Browser;
import org.junit.jupiter.api.Test;

class GenerationBrowserIT {

  @Test
  void theJobCardTurnsIntoImagesWithoutAReloadAndTheyStayAfterOne() {
    try (BrowserContext context = Browser.newContext()) {
      Page page = context.newPage();
      Browser.signUp(page, Accounts.uniqueName("gallery"));
      page.navigate("/generate");
      page.getByLabel("Prompt", new Page.GetByLabelOptions().setExact(true)).fill("a beach sunset with palm trees");
      page.getByLabel("Images").selectOption("2");
      page.getByLabel("Size").selectOption("768x1024");
      Browser.screenshots(page, "generate");
      String urlBefore = page.url();
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate")).click();

      assertThat(page.getByTestId("job-card").first()).isVisible();
      // Painting two images can outlast the default 5 s wait on a busy two-core machine; the card must still turn.
      assertThat(page.getByTestId("image")).hasCount(2, new LocatorAssertions.HasCountOptions().setTimeout(30_000));
      assertEquals(urlBefore, page.url(), "no page load happened");
      assertThat(page.getByTestId("job-card").first()).hasAttribute("data-status", "succeeded");
      Browser.screenshots(page, "generate-done");

      page.reload();
      assertThat(page.getByTestId("image")).hasCount(2);
      page.getByTestId("job-card").first().getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Permalink")).click();
      assertThat(page.getByTestId("image")).hasCount(2);
      Browser.screenshots(page, "job");
    }
  }
}
