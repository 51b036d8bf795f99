package dev.visionary.db;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.visionary.App;
import dev.visionary.config.Config;
import dev.visionary.support.Accounts;
import dev.visionary.support.Browser;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a person in the Studio sees when the database goes away between typing an idea and pressing Expand. */
class DatabaseOutageBrowserIT {
  @TempDir
  Path pgData;

  @Test
  void theNotSavedNoticeAppearsBesideTheIdeaFormAndTheIdeaStaysAsTyped() throws Exception {
    EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(false).start();
    App app = App.start(Config.from(Map.of("PORT", "0",
        "DATABASE_URL", "postgres://postgres:postgres@localhost:" + pg.getPort() + "/postgres")));
    // The failed save answers 503 by design, and Chromium logs that answer as a console error.
    Browser.allowConsoleError("status of 503 (Service Unavailable)");
    try (BrowserContext context = Browser.newContext("http://localhost:" + app.port())) {
      Page page = context.newPage();
      Browser.signUp(page, Accounts.uniqueName("studio_outage"));
      // Typing asks for a preview; it is answered while the database is still up.
      page.waitForResponse(r -> r.url().contains("/expand/preview"), () -> page.locator("#idea").fill("a quiet harbour at dawn"));

      pg.close();
      page.locator("#idea-form button[type=submit]").click();

      assertThat(page.locator("[data-notice=unavailable]")).containsText("not saved");
      assertEquals("unavailable", page.evaluate("() => document.getElementById('idea-form').previousElementSibling.dataset.notice"),
          "the notice sits right above the form the person used, not at the top of the page");
      assertThat(page.locator("#idea")).hasValue("a quiet harbour at dawn");
      assertThat(page.locator("#flash [data-testid=error]")).hasCount(0);
      Browser.screenshots(page, "studio-database-outage");
    } finally {
      app.close();
      pg.close();
    }
  }
}
