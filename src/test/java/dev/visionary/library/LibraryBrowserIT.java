package dev.visionary.library;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.visionary.support.Accounts;
import dev.visionary.support.Browser;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LibraryBrowserIT {

  private static Page.GetByRoleOptions named(String name) {
    return new Page.GetByRoleOptions().setName(name).setExact(true);
  }

  @Test
  void savesTagsCollectsBookmarksFindsEditsAndRestoresAPrompt() {
    try (BrowserContext context = Browser.newContext()) {
      Page page = context.newPage();
      page.navigate("/signup");
      page.getByLabel("Username").fill(Accounts.uniqueName("lib"));
      page.getByLabel("Password").fill(Accounts.PASSWORD);
      page.getByRole(AriaRole.BUTTON, named("Create account")).click();
      assertThat(page).hasTitle("Studio · Visionary");

      page.navigate("/library");
      Browser.screenshots(page, "library-empty");
      page.getByRole(AriaRole.LINK, named("New prompt")).click();
      assertThat(page).hasTitle("New prompt · Visionary");
      page.getByLabel("Title").fill("Moonlit harbour");
      page.getByRole(AriaRole.BUTTON, named("Save prompt")).click();
      assertThat(page.getByTestId("error").first()).containsText("Nothing was saved yet");
      assertThat(page.getByLabel("Title")).hasValue("Moonlit harbour");
      Browser.screenshots(page, "prompt-form-error");
      page.getByLabel("Prompt", new Page.GetByLabelOptions().setExact(true)).fill("a moonlit harbour with fishing boats, long exposure");
      page.getByLabel("Negative prompt").fill("people, text");
      page.getByLabel("Target model").selectOption("stable-diffusion");
      page.getByRole(AriaRole.BUTTON, named("Save prompt")).click();
      assertThat(page).hasURL(Pattern.compile("/p/[A-Za-z0-9]{10}/moonlit-harbour$"));
      String permalink = page.url();
      assertThat(page.getByTestId("prompt-text")).hasText("a moonlit harbour with fishing boats, long exposure");

      page.getByLabel("Add tags").fill("night, boats");
      page.getByRole(AriaRole.BUTTON, named("Add")).first().click();
      assertThat(page.locator("#tags .tag", new Page.LocatorOptions().setHasText("night"))).isVisible();
      assertEquals(permalink, page.url(), "tags change in place");

      page.getByLabel("New collection").fill("Harbours");
      page.locator("form.add-to-collection button").click();
      assertThat(page.getByRole(AriaRole.LINK, named("Harbours"))).isVisible();

      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("Bookmark"))).click();
      assertThat(page.locator("#bookmark button")).hasText("★ Bookmarked · 1");
      assertThat(page.locator("#bookmark button")).hasAttribute("aria-pressed", "true");
      Browser.screenshots(page, "prompt");

      page.getByRole(AriaRole.LINK, named("Library")).first().click();
      page.getByLabel("Search", new Page.GetByLabelOptions().setExact(true)).fill("moonlit");
      page.waitForURL(Pattern.compile(".*[?&]q=moonlit.*"));
      String searchUrl = page.url();
      assertThat(page.getByTestId("library-item")).hasCount(1);
      assertThat(page.locator("#results mark").first()).hasText("Moonlit");
      Browser.screenshots(page, "library-search");

      Page fresh = context.newPage();
      fresh.navigate(searchUrl);
      assertThat(fresh.getByTestId("library-item")).hasCount(1);
      assertThat(fresh.getByLabel("Search", new Page.GetByLabelOptions().setExact(true))).hasValue("moonlit");
      fresh.close();

      page.locator("[data-testid=library-item] h3 a").click();
      assertThat(page).hasURL(permalink);
      page.getByRole(AriaRole.LINK, named("Edit")).click();
      page.getByLabel("Prompt", new Page.GetByLabelOptions().setExact(true)).fill("a moonlit harbour with sailing boats, long exposure");
      page.getByLabel("What changed").fill("sailing boats");
      Browser.screenshots(page, "prompt-edit");
      page.getByRole(AriaRole.BUTTON, named("Save new version")).click();
      assertThat(page.getByTestId("prompt-text")).hasText("a moonlit harbour with sailing boats, long exposure");

      page.getByRole(AriaRole.LINK, named("History")).click();
      assertThat(page.getByTestId("version")).hasCount(2);
      assertThat(page.getByRole(AriaRole.HEADING, named("Version 2 (current)"))).isVisible();
      assertThat(page.locator("#v2 ins")).hasText("sailing");
      Browser.screenshots(page, "history");
      page.getByRole(AriaRole.BUTTON, named("Restore version 1")).click();
      assertThat(page.getByRole(AriaRole.HEADING, named("Version 3 (current)"))).isVisible();
      page.navigate(permalink);
      assertThat(page.getByTestId("prompt-text")).hasText("a moonlit harbour with fishing boats, long exposure");

      page.getByRole(AriaRole.LINK, named("Harbours")).click();
      assertThat(page.getByTestId("library-item")).hasCount(1);
      Browser.screenshots(page, "collection");
      page.navigate("/collections");
      Browser.screenshots(page, "collections");
      page.navigate("/bookmarks");
      assertThat(page.getByTestId("library-item")).hasCount(1);
      Browser.screenshots(page, "bookmarks");
      page.navigate("/explore");
      assertThat(page.getByTestId("feed-link")).hasAttribute("href", "/explore/feed.atom");
      page.navigate("/export");
      Browser.screenshots(page, "import-export");

      page.navigate(permalink);
      page.getByRole(AriaRole.BUTTON, named("Move to Trash")).click();
      assertThat(page).hasTitle("Trash · Visionary");
      assertThat(page.getByTestId("library-item")).hasCount(1);
      Browser.screenshots(page, "trash");
      page.getByRole(AriaRole.BUTTON, named("Restore Moonlit harbour")).click();
      assertThat(page).hasURL(permalink);
      assertTrue(page.locator("text=This prompt is in Trash").count() == 0);
    }
  }

  @Test
  void explorePublicPromptsAndAProfileWorkWithoutSigningIn() {
    LibraryClient author = LibraryClient.signedIn("painter");
    author.save("title", "Lavender fields", "text", "endless lavender fields under a violet sky, impressionist", "visibility", "public",
        "tags", "provence");
    try (BrowserContext context = Browser.newContext()) {
      Page page = context.newPage();
      page.navigate("/explore?q=lavender");
      assertThat(page.getByTestId("library-item").first()).containsText("lavender");
      Browser.screenshots(page, "explore");
      page.getByRole(AriaRole.LINK, named(author.username)).first().click();
      assertThat(page).hasTitle(author.username + " · Visionary");
      Browser.screenshots(page, "profile");
      page.locator("[data-testid=library-item] h3 a").first().click();
      assertThat(page.locator("meta[property='og:title']")).hasAttribute("content", "Lavender fields");
      Browser.screenshots(page, "prompt-public");
    }
  }
}
