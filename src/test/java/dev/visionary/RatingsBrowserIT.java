package dev.visionary;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.visionary.support.Accounts;
import dev.visionary.support.Browser;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Rating in a real browser: the widget swaps itself without a reload, and a rejected card is dimmed at once. */
class RatingsBrowserIT {

  @Test
  void starTwoCardsRejectOneAndTheLibrarySortsBestFirst() {
    try (BrowserContext context = Browser.newContext()) {
      Page page = context.newPage();
      Browser.signUp(page, Accounts.uniqueName("stars"));
      page.navigate("/");
      page.getByLabel("Your idea").fill("a lighthouse in fog");
      page.getByLabel("Your idea").press("Control+Enter");
      Locator cards = page.getByTestId("expansion-card");
      assertThat(cards).hasCount(4);
      String url = page.url();

      Browser.settled(page);
      cards.nth(0).getByTestId("star-4").click();
      assertThat(cards.nth(0).getByTestId("rating")).hasAttribute("data-state", "rated");
      Browser.settled(page);
      assertThat(cards.nth(0).getByTestId("star-4")).hasAttribute("aria-pressed", "true");
      cards.nth(2).getByTestId("star-5").click();
      assertThat(cards.nth(2).getByTestId("star-5")).hasAttribute("aria-pressed", "true");
      Browser.settled(page);
      cards.nth(3).getByTestId("reject").click();
      assertThat(cards.nth(3)).hasClass(Pattern.compile("\\brejected\\b"));
      assertThat(cards.nth(3).getByTestId("reject")).hasAttribute("aria-pressed", "true");
      Browser.settled(page);
      Browser.screenshots(page, "ratings-cards");
      cards.nth(3).getByTestId("reject").click();
      assertThat(cards.nth(3)).not().hasClass(Pattern.compile("\\brejected\\b"));
      Browser.settled(page);
      cards.nth(3).getByTestId("reject").click();
      assertThat(cards.nth(3)).hasClass(Pattern.compile("\\brejected\\b"));
      Browser.settled(page);
      assertThat(page).hasURL(url);

      page.reload();
      assertThat(cards.nth(0).getByTestId("rating")).hasAttribute("data-rating", "4");
      assertThat(cards.nth(2).getByTestId("rating")).hasAttribute("data-rating", "5");
      assertThat(cards.nth(3)).hasClass(Pattern.compile("\\brejected\\b"));
      assertThat(cards.nth(1).getByTestId("rating")).hasAttribute("data-state", "unrated");

      // Saved prompts: the third card saved last is rated first in "Best rated".
      for (int i : new int[] {0, 2}) {
        cards.nth(i).getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
            new Locator.GetByRoleOptions().setName("Save to library")).click();
        assertThat(cards.nth(i).locator(".card-status")).not().isEmpty();
      }
      page.navigate("/library");
      Locator items = page.getByTestId("library-item");
      assertThat(items).hasCount(2);
      items.nth(1).getByTestId("star-3").click();
      assertThat(items.nth(1).getByTestId("rating")).hasAttribute("data-state", "rated");
      Browser.settled(page);
      page.getByLabel("Sort").selectOption("best");
      assertThat(page).hasURL(Pattern.compile(".*sort=best.*"));
      assertThat(page.getByTestId("library-item").first().getByTestId("rating")).hasAttribute("data-rating", "3");
      Browser.screenshots(page, "ratings-library");
    }
  }
}
