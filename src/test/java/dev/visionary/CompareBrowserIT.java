package dev.visionary;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.visionary.support.Accounts;
import dev.visionary.support.Browser;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Picking cards and images in a real browser, comparing them side by side, and the slider over two images. */
class CompareBrowserIT {

  @Test
  void twoOfFourCardsSideBySideThenTwoImagesUnderTheSlider() {
    try (BrowserContext context = Browser.newContext()) {
      Page page = context.newPage();
      Browser.signUp(page, Accounts.uniqueName("compare"));
      page.getByLabel("Your idea").fill("a lighthouse on a cliff");
      page.getByLabel("Your idea").press("Control+Enter");
      Locator cards = page.getByTestId("expansion-card");
      assertThat(cards).hasCount(4);
      Browser.settled(page);
      Locator compareCards = page.locator("form[id^=compare-x-]").getByTestId("compare-selected");
      assertThat(compareCards).isDisabled();
      cards.nth(0).getByTestId("compare-pick").check();
      assertThat(compareCards).isDisabled();
      cards.nth(2).getByTestId("compare-pick").check();
      assertThat(compareCards).isEnabled();
      Browser.screenshots(page, "compare-pick-cards");
      String first = cards.nth(0).getByTestId("prompt-text").textContent();
      compareCards.click();

      assertThat(page).hasURL(Pattern.compile(".*/x/[A-Za-z0-9]{10}/compare\\?card=1&card=3$"));
      Locator items = page.getByTestId("compare-item");
      assertThat(items).hasCount(2);
      assertThat(items.nth(0).getByTestId("compare-prompt")).hasText(first);
      assertTrue(items.nth(1).locator("ins.diff-only-here").count() > 0, "the second card's own words are marked");
      assertThat(page.getByTestId("compare-settings")).isVisible();
      Browser.screenshots(page, "compare-cards");

      // The same two cards saved to the library, picked there and compared as saved prompts.
      page.goBack();
      for (int card : new int[] {0, 2}) {
        page.getByTestId("expansion-card").nth(card).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save to library")).click();
        assertThat(page.getByTestId("expansion-card").nth(card).locator(".card-status")).not().isEmpty();
      }
      page.navigate("/library");
      Locator saved = page.getByTestId("library-item");
      assertThat(saved).hasCount(2);
      saved.nth(0).getByTestId("compare-pick").check();
      saved.nth(1).getByTestId("compare-pick").check();
      Browser.screenshots(page, "compare-pick-library");
      page.getByTestId("compare-selected").click();
      assertThat(page).hasURL(Pattern.compile(".*/library/compare\\?p=[A-Za-z0-9]{10}&p=[A-Za-z0-9]{10}$"));
      assertThat(page.getByTestId("compare-item")).hasCount(2);
      assertTrue(page.getByTestId("compare-item").nth(1).locator("ins.diff-only-here").count() > 0);
      Browser.screenshots(page, "compare-prompts");

      page.navigate("/generate");
      page.getByLabel("Prompt", new Page.GetByLabelOptions().setExact(true)).fill("a lighthouse on a cliff at dusk");
      page.getByLabel("Images").selectOption("2");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate")).click();
      assertThat(page.getByTestId("image")).hasCount(2, new LocatorAssertions.HasCountOptions().setTimeout(30_000));
      Browser.settled(page);
      Locator picks = page.getByTestId("job-card").first().getByTestId("compare-pick");
      picks.nth(0).check();
      picks.nth(1).check();
      page.getByTestId("compare-selected").click();

      assertThat(page).hasURL(Pattern.compile(".*/images/compare\\?i=[A-Za-z0-9]{10}&i=[A-Za-z0-9]{10}$"));
      assertThat(page.getByTestId("compare-item")).hasCount(2);
      assertThat(page.getByTestId("compare-slider")).isVisible();
      assertThat(page.getByTestId("compare-settings")).containsText("Seed");
      Locator range = page.getByTestId("compare-range");
      range.fill("20");
      assertEquals("20%", page.locator(".slider-frame").evaluate("f => getComputedStyle(f).getPropertyValue('--split').trim()"));
      // The top image's clip moved with it: its visible part is a fifth of the frame's width.
      Object visible = page.getByTestId("slider-over").evaluate("i => getComputedStyle(i).clipPath");
      assertTrue(String.valueOf(visible).contains("80%"), String.valueOf(visible));
      Browser.screenshots(page, "compare-images");
    }
  }
}
