package dev.visionary.library;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import dev.visionary.support.Accounts;
import dev.visionary.support.Browser;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The suggestions under the search fields, as a person meets them: typed into, walked with the keyboard, followed,
 * closed with Escape, and only ever their own prompts in the library (public ones on Explore).
 */
class SearchSuggestionsBrowserIT {

  @Test
  void typingInTheLibrarySuggestsMyOwnTitlesAndTagsAndTheKeyboardFollowsOne() {
    // Explore is everyone's: its title carries a word no other test uses. A library is one person's own.
    String word = "qz" + Accounts.uniqueName("s").replace("_", "").toLowerCase();
    LibraryClient other = LibraryClient.signedIn("sugother");
    other.save("title", "Harbour kept private", "text", "someone else's harbour", "visibility", "private");
    String shared = LibraryClient.idOf(other.save("title", word + " lighthouse for everyone", "text", "a shared lighthouse", "visibility", "public"));

    try (BrowserContext context = Browser.newContext()) {
      Page page = context.newPage();
      Browser.signUp(page, Accounts.uniqueName("suggest"));
      String dawn = save(page, "Harbour at dawn", "fishing boats in the first light, mist on the water");
      save(page, "Harbour lights", "a harbour at night, lanterns reflected in black water");
      save(page, "Lavender field", "rows of lavender under a summer storm");
      page.navigate("/p/" + dawn);
      page.getByLabel("Add tags").fill("harbour-boats");
      page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add").setExact(true)).first().click();
      assertThat(page.locator("#tags .tag", new Page.LocatorOptions().setHasText("harbour-boats"))).isVisible();

      page.navigate("/library");
      Locator field = page.getByLabel("Search", new Page.GetByLabelOptions().setExact(true));
      Locator suggestions = page.getByTestId("suggestion");
      field.pressSequentially("harb", new Locator.PressSequentiallyOptions().setDelay(40));
      assertThat(suggestions).hasCount(3);
      assertThat(suggestions.nth(0)).hasText("Harbour at dawn");
      assertThat(suggestions.nth(1)).hasText("Harbour lights");
      assertThat(suggestions.nth(2)).containsText("harbour-boats");
      assertThat(suggestions.nth(2)).containsText("tag");
      assertThat(page.locator("#q-suggestions")).not().containsText("kept private");
      assertThat(page.locator("#q-suggestions")).not().containsText("for everyone");
      assertThat(page.locator("#q-suggestions-status")).hasText("3 suggestions: press the down arrow to choose.");
      Browser.settled(page);
      Browser.screenshots(page, "search-suggestions");

      // Down into the list and along it, up back to the field; Escape closes the list and keeps what was typed.
      field.press("ArrowDown");
      assertThat(suggestions.nth(0)).isFocused();
      page.keyboard().press("ArrowDown");
      assertThat(suggestions.nth(1)).isFocused();
      page.keyboard().press("ArrowUp");
      page.keyboard().press("ArrowUp");
      assertThat(field).isFocused();
      field.press("ArrowDown");
      page.keyboard().press("Escape");
      assertThat(page.locator("#q-suggestions")).isHidden();
      assertThat(field).isFocused();
      assertThat(field).hasValue("harb");

      // Typing again opens it; Tab reaches it too, and Enter follows the tag to the library filtered by it.
      field.press("End");
      field.pressSequentially(" ", new Locator.PressSequentiallyOptions().setDelay(40));
      field.press("Backspace");
      assertThat(suggestions).hasCount(3);
      field.press("Tab");
      assertThat(suggestions.nth(0)).isFocused();
      page.keyboard().press("ArrowDown");
      page.keyboard().press("ArrowDown");
      assertThat(suggestions.nth(2)).isFocused();
      page.keyboard().press("Enter");
      page.waitForURL(Pattern.compile(".*/library\\?tag=harbour-boats$"));
      assertThat(page.getByTestId("library-item")).hasCount(1);
      assertThat(page.getByTestId("library-item")).containsText("Harbour at dawn");

      // A title leads to the library searched for it.
      page.navigate("/library");
      field.pressSequentially("harbour l", new Locator.PressSequentiallyOptions().setDelay(40));
      assertThat(suggestions).hasCount(1);
      field.press("ArrowDown");
      page.keyboard().press("Enter");
      page.waitForURL(Pattern.compile(".*/library\\?q=Harbour\\+lights$"));
      assertThat(page.getByTestId("library-item").filter(new Locator.FilterOptions().setHasText("Harbour lights"))).hasCount(1);
      assertThat(field).hasValue("Harbour lights");

      // Explore, signed out, suggests the public title and none of the private ones; a click follows it.
      try (BrowserContext visitor = Browser.newContext()) {
        Page explore = visitor.newPage();
        explore.navigate("/explore");
        Locator exploreField = explore.getByLabel("Search", new Page.GetByLabelOptions().setExact(true));
        exploreField.pressSequentially(word, new Locator.PressSequentiallyOptions().setDelay(40));
        assertThat(explore.getByTestId("suggestion")).hasCount(1);
        assertThat(explore.getByTestId("suggestion")).hasText(word + " lighthouse for everyone");
        Browser.settled(explore);
        Browser.screenshots(explore, "explore-suggestions");
        explore.getByTestId("suggestion").click();
        explore.waitForURL(Pattern.compile(".*/explore\\?q=" + Pattern.quote(URLEncoder.encode(word + " lighthouse for everyone", StandardCharsets.UTF_8)) + "$"));
        assertThat(explore.locator("[data-testid=library-item] a[href*='/p/" + shared + "/']").first()).isVisible();
      }
    }
  }

  /** Saves a prompt through the page's own form endpoint, in the page's session; returns its id. */
  private static String save(Page page, String title, String text) {
    page.navigate("/prompts/new");
    String csrf = page.locator("input[name=_csrf]").first().inputValue();
    var response = page.request().post("/prompts", RequestOptions.create().setMaxRedirects(0).setForm(FormData.create()
        .set("_csrf", csrf).set("title", title).set("text", text).set("target", "generic").set("visibility", "private")));
    assertEquals(303, response.status(), response::text);
    return LibraryClient.idOf(response.headers().get("location"));
  }
}
