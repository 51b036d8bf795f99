package dev.visionary.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.visionary.support.Browser;
import org.junit.jupiter.api.Test;

class StudioBrowserIT {

  @Test
  void studioLoadsHtmxAndSwapsTheTargetHint() {
    try (BrowserContext context = Browser.newContext()) {
      Page page = context.newPage();
      java.util.List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();
      page.onConsoleMessage(m -> {
        if (m.type().equals("error")) {
          problems.add(m.text());
        }
      });
      page.navigate("/");
      assertThat(page).hasTitle("Studio · Visionary");
      assertEquals(Boolean.TRUE, page.evaluate("() => typeof window.htmx === 'object' && typeof htmx.version === 'string'"));

      assertThat(page.getByTestId("target-hint")).containsText("Any model");
      page.getByLabel("Target model").selectOption("midjourney");
      // The hint is replaced by the server's fragment, without a page load.
      assertThat(page.getByTestId("target-hint")).containsText("--stylize");
      assertTrue(page.url().endsWith("/"), "no navigation happened");
      assertTrue(problems.isEmpty(), "no console errors (such as Content-Security-Policy violations): " + problems);
      Browser.screenshots(page, "studio");
    }
  }

  @Test
  void unknownPageShowsTheDesigned404() {
    try (BrowserContext context = Browser.newContext()) {
      Page page = context.newPage();
      page.navigate("/definitely/missing");
      assertThat(page.getByTestId("error")).containsText("Page not found");
      Browser.screenshots(page, "not-found");
    }
  }
}
