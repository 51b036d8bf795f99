package dev.visionary.library;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.visionary.support.Accounts;
import dev.visionary.support.Browser;
import dev.visionary.support.FakeServer;
import dev.visionary.support.TestServer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The "Save to Visionary" bookmarklet on another site whose Content-Security-Policy forbids every script. A clicked
 * bookmarklet runs in the page as a browser's own action; Playwright's evaluate does the same (it too is not held to
 * the page's policy), so what this shows is that the code needs nothing from the page: it only opens Visionary's
 * prefilled form in a new tab, which is captured as the popup.
 */
class BookmarkletBrowserIT {
  private static final String SOURCE_TITLE = "Quillmere Sketchbook: herons";

  private static final String ARTICLE = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + SOURCE_TITLE + "</title>"
      + "<link rel=\"icon\" href=\"data:,\"></head><body><h1>Field notes</h1>"
      + "<p id=\"quote\">a grey heron standing in shallow water at dusk, ink wash</p>"
      + "<p id=\"other\">unrelated words</p>"
      // Proof that the page's policy holds: this script must not run.
      + "<script>document.title = 'scripts ran';</script></body></html>";

  @Test
  void theBookmarkletOnAStrictPageOpensThePrefilledFormAndTheSourceIsKeptAndSearchable() {
    Browser.allowConsoleError("Content Security Policy");
    try (FakeServer site = FakeServer.start();
         BrowserContext context = Browser.newContext()) {
      site.on("GET", "/notes/herons", r -> new FakeServer.Reply(200,
          Map.of("Content-Type", "text/html; charset=utf-8", "Content-Security-Policy", "script-src 'none'"),
          ARTICLE.getBytes(StandardCharsets.UTF_8)));
      Page page = context.newPage();
      Browser.signUp(page, Accounts.uniqueName("bookmarklet"));

      page.navigate("/library");
      page.getByText("Save prompts from any page").click();
      Locator link = page.getByTestId("bookmarklet");
      assertThat(link).isVisible();
      String href = link.getAttribute("href");
      assertTrue(href.startsWith("javascript:"), href);
      // Clicked here instead of dragged, it explains itself and goes nowhere.
      link.click();
      assertThat(page.locator("[data-bookmarklet-hint]")).isVisible();
      assertThat(page).hasURL(TestServer.baseUrl() + "/library");

      String articleUrl = site.uri() + "/notes/herons";
      page.navigate(articleUrl);
      assertEquals(SOURCE_TITLE, page.title(), "the page's own script was blocked by its policy");
      page.locator("#quote").selectText();
      // Percent-decoded as a browser decodes a javascript: address; a '+' stays a '+'.
      String code = URLDecoder.decode(href.substring("javascript:".length()).replace("+", "%2B"), StandardCharsets.UTF_8);
      assertFalse(code.contains("createElement") || code.contains("appendChild") || code.contains("src="),
          "the bookmarklet injects nothing into the page");

      Page form = context.waitForPage(() -> page.evaluate(code));
      form.waitForLoadState();
      assertTrue(form.url().startsWith(TestServer.baseUrl() + "/prompts/new?"), form.url());
      assertThat(form.locator("#text")).hasValue("a grey heron standing in shallow water at dusk, ink wash");
      assertThat(form.locator("#title")).hasValue(SOURCE_TITLE);
      assertThat(form.getByTestId("saving-from")).containsText(SOURCE_TITLE);
      assertThat(form.locator("input[name=source_url]")).hasValue(articleUrl);
      Browser.screenshots(form, "bookmarklet-form");

      // A title of one's own: the source's words still find the prompt.
      form.locator("#title").fill("Heron at dusk");
      form.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save prompt")).click();
      form.waitForURL("**/p/**");
      Locator source = form.getByTestId("source").locator("a");
      assertThat(source).hasText(SOURCE_TITLE);
      assertThat(source).hasAttribute("href", articleUrl);
      assertThat(source).hasAttribute("rel", "nofollow noopener");

      form.navigate("/library?q=quillmere");
      assertThat(form.getByTestId("library-item")).hasCount(1);
      assertThat(form.getByTestId("library-item")).containsText("Heron at dusk");
      form.close();

      // With nothing selected it asks for the text.
      page.navigate(articleUrl);
      page.onDialog(dialog -> dialog.accept("a heron taking flight"));
      Page asked = context.waitForPage(() -> page.evaluate(code));
      asked.waitForLoadState();
      assertThat(asked.locator("#text")).hasValue("a heron taking flight");
      assertThat(asked.getByTestId("saving-from")).containsText(SOURCE_TITLE);
    }
  }
}
