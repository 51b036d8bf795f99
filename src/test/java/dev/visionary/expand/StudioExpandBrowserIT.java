package dev.visionary.expand;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.visionary.App;
import dev.visionary.support.Accounts;
import dev.visionary.support.Browser;
import dev.visionary.support.TestServer;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The Studio in a real browser: Ctrl+Enter, cards, Refine in place, streaming text and error cards. */
class StudioExpandBrowserIT {

  static void signUp(Page page) {
    page.navigate("/signup");
    page.getByLabel("Username").fill(Accounts.uniqueName("studio"));
    page.getByLabel("Password").fill(Accounts.PASSWORD);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
    assertThat(page.getByLabel("Your idea")).isVisible();
  }

  @Test
  void ctrlEnterExpandsIntoFourCardsAndRefineChangesOneInPlace() {
    try (BrowserContext context = Browser.newContext()) {
      Page page = context.newPage();
      signUp(page);
      page.getByLabel("Your idea").fill("a beach sunset");
      page.getByLabel("Your idea").press("Control+Enter");
      Locator cards = page.getByTestId("expansion-card");
      assertThat(cards).hasCount(4);
      assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/x/[A-Za-z0-9]{10}$"));
      assertThat(page.getByTestId("recent")).containsText("a beach sunset");
      Browser.screenshots(page, "studio-cards");

      Locator first = cards.first();
      String before = first.getByTestId("prompt-text").textContent();
      first.getByLabel("Refine").fill("make it night");
      first.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Refine")).click();
      Locator refined = page.getByTestId("expansion-card").first();
      assertThat(refined).containsText("Refined: make it night");
      String after = refined.getByTestId("prompt-text").textContent();
      assertNotEquals(before, after);
      assertTrue(after.toLowerCase(Locale.ROOT).contains("night"), after);
      assertThat(page.getByTestId("expansion-card")).hasCount(4);

      // The bookmarkable page shows the cards as they were left, refined card included.
      page.reload();
      assertThat(page.getByTestId("expansion-card")).hasCount(4);
      assertThat(page.getByTestId("expansion-card").first()).containsText("Refined: make it night");
      assertThat(page.getByLabel("Your idea")).hasValue("a beach sunset");
      Browser.screenshots(page, "expansion-page");

      page.getByTestId("expansion-card").nth(1).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("More like this")).click();
      assertThat(page.getByTestId("expansion-card")).hasCount(4 + ExpansionService.MORE_LIKE_THIS);

      page.navigate("/instructions");
      assertThat(page.getByTestId("instruction-version")).hasCount(1);
      Browser.screenshots(page, "instructions");
      page.navigate("/wildcards");
      page.getByLabel("Name").fill("colors");
      page.getByLabel("Values, one per line").fill("crimson\nteal\nochre");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save list")).click();
      assertThat(page.getByTestId("wildcard")).containsText("__colors__");
      assertThat(page.getByTestId("wildcard")).containsText("crimson, teal, ochre");
      Browser.screenshots(page, "wildcards");
    }
  }

  @Test
  void typingATemplateListsThePromptsItMakesBeforeExpanding() {
    try (BrowserContext context = Browser.newContext()) {
      Page page = context.newPage();
      signUp(page);
      page.getByLabel("Your idea").fill("${c={red|blue}}a ${c} and ${c} kite");
      Locator shown = page.getByTestId("combination");
      assertThat(shown).hasText(new String[] {"a red and red kite", "a red and blue kite", "a blue and red kite", "a blue and blue kite"});
      assertThat(page.getByTestId("idea-preview")).containsText("This idea makes 4 prompts");

      page.getByLabel("Your idea").fill("a {red|blue} {@kite|balloon}");
      assertThat(page.getByTestId("idea-preview")).containsText("{@…} at character 14 is not supported");
      assertThat(shown).hasCount(0);
      Browser.screenshots(page, "studio-template-preview");
    }
  }

  @Test
  void aStreamingEngineShowsTheFirstWordsBeforeItFinishes() throws Exception {
    try (FakeOpenAi fake = new FakeOpenAi(); App app = TestServer.startApp(fake.env());
         BrowserContext context = Browser.newContext("http://localhost:" + app.port())) {
      fake.answering("Lanterns drift over a night market, steam rising from food stalls",
          "A night market seen from above, strings of warm bulbs", "Rain-slick night market, neon reflections",
          "Quiet corner of a night market, an old vendor smiling");
      CountDownLatch last = fake.holdingTheLastChunk();
      Page page = context.newPage();
      signUp(page);
      page.getByLabel("Engine").selectOption("openai");
      page.getByLabel("Your idea").fill("a night market");
      page.getByLabel("Your idea").press("Control+Enter");
      // The answer is not finished (its last chunk is held), yet the first prompt's words are on the page.
      assertThat(page.getByTestId("stream-text")).containsText("Lanterns drift over a night market");
      assertThat(page.getByTestId("expansion-card")).hasCount(0);
      Browser.screenshots(page, "studio-streaming");
      assertThat(page.getByTestId("recent")).containsText("running");
      last.countDown();
      assertThat(page.getByTestId("expansion-card")).hasCount(4);
      assertThat(page.getByTestId("expansion-card").first().getByTestId("prompt-text"))
          .containsText("Lanterns drift over a night market");
      // Recent follows the end of the stream without a reload.
      assertThat(page.getByTestId("recent")).not().containsText("running");
      assertThat(page.getByTestId("recent")).containsText("4 prompts");
    }
  }

  @Test
  void cancelEndsARunningExpansionAndRecentFollows() throws Exception {
    try (FakeOpenAi fake = new FakeOpenAi(); App app = TestServer.startApp(fake.env());
         BrowserContext context = Browser.newContext("http://localhost:" + app.port())) {
      fake.answering("A paper boat on a flooded street, evening light", "Paper boats racing in a gutter stream");
      CountDownLatch last = fake.holdingTheLastChunk();
      Page page = context.newPage();
      signUp(page);
      page.getByLabel("Engine").selectOption("openai");
      page.getByLabel("Variations").fill("2");
      page.getByLabel("Your idea").fill("a paper boat");
      page.getByLabel("Your idea").press("Control+Enter");
      assertThat(page.getByTestId("stream-text")).containsText("A paper boat");
      assertThat(page.getByTestId("recent")).containsText("running");

      page.getByTestId("cancel-expansion").click();
      assertThat(page.locator(".error-card")).containsText("Cancelled");
      assertThat(page.getByTestId("recent")).not().containsText("running");
      Browser.screenshots(page, "studio-cancelled");
      last.countDown();
      page.reload();
      assertThat(page.locator(".error-card")).containsText("Cancelled");
      assertThat(page.getByTestId("expansion-card")).hasCount(0);
    }
  }

  @Test
  void aFailingEngineShowsAnErrorCardAndRetryRecovers() throws Exception {
    try (FakeOpenAi fake = new FakeOpenAi().failingWith(401); App app = TestServer.startApp(fake.env());
         BrowserContext context = Browser.newContext("http://localhost:" + app.port())) {
      Page page = context.newPage();
      signUp(page);
      page.getByLabel("Engine").selectOption("openai");
      page.getByLabel("Your idea").fill("a glass greenhouse in the rain");
      page.getByLabel("Your idea").press("Control+Enter");
      Locator error = page.locator(".error-card");
      assertThat(error).containsText("API key was rejected");
      assertThat(page.getByLabel("Your idea")).hasValue("a glass greenhouse in the rain");
      Browser.screenshots(page, "studio-error-card");

      fake.answering("A glass greenhouse in the rain, ferns pressed to fogged panes", "Rain on a greenhouse roof at dusk");
      page.getByTestId("retry").click();
      assertThat(page.getByTestId("expansion-card")).hasCount(2);
    }
  }
}
