package dev.visionary.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.App;
import dev.visionary.support.Http;
import dev.visionary.support.TestServer;
import io.javalin.config.RoutesConfig;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class FoundationHttpTest {
  private final Http http = Http.toTestServer();

  @Test
  void studioIsAFullPageWithHtmxAndTheStylesheet() {
    HttpResponse<String> page = http.get("/");
    assertEquals(200, page.statusCode());
    assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    String html = page.body();
    assertTrue(html.startsWith("<!DOCTYPE html>"));
    assertTrue(html.contains("<title>Studio · Visionary</title>"));
    assertTrue(html.contains(Pages.AssetPaths.INSTANCE.htmx()));
    assertEquals(200, http.get(Pages.AssetPaths.INSTANCE.htmx()).statusCode(), "the HTMX webjar is served");
    assertEquals(200, http.get(Pages.AssetPaths.INSTANCE.css()).statusCode(), "the stylesheet is served");
    assertEquals(200, http.get(Pages.AssetPaths.INSTANCE.js()).statusCode(), "the script is served");
  }

  @Test
  void healthReportsTheDatabase() {
    HttpResponse<String> health = http.get("/health");
    assertEquals(200, health.statusCode());
    assertEquals("{\"status\":\"ok\",\"db\":\"ok\"}".length(), health.body().length());
    assertTrue(health.body().contains("\"status\":\"ok\""));
    assertTrue(health.body().contains("\"db\":\"ok\""));
  }

  @Test
  void unknownUrlsGetTheDesigned404PageOrAFragmentForHtmx() {
    HttpResponse<String> page = http.get("/no/such/page");
    assertEquals(404, page.statusCode());
    assertTrue(page.body().contains("<title>Page not found · Visionary</title>"));
    assertTrue(page.body().contains("There is nothing at this address"));
    assertFalse(page.body().contains("Endpoint GET"), "no router internals on the page");

    HttpResponse<String> fragment = http.get("/no/such/page", "HX-Request", "true");
    assertEquals(404, fragment.statusCode());
    assertFalse(fragment.body().contains("<html"), "HTMX gets a fragment, not a page");
    assertTrue(fragment.body().contains("data-testid=\"error\""));
  }

  @Test
  void aFailingHandlerAnswersA500PageWithoutStackTrace() {
    Consumer<RoutesConfig> failing = routes -> routes.get("/boom", ctx -> {
      throw new IllegalStateException("secret internal detail at dev.visionary.Something");
    }, RouteAccess.PUBLIC);
    try (App app = TestServer.startApp(Map.of(), List.of(failing))) {
      HttpResponse<String> page = new Http("http://localhost:" + app.port()).get("/boom");
      assertEquals(500, page.statusCode());
      assertTrue(page.body().contains("Something went wrong"));
      // Read after pressing Save, the page must not claim the save worked.
      assertTrue(page.body().contains("If you were saving something, it may not have been saved: check, and try again."), page.body());
      assertFalse(page.body().contains("nothing you saved is lost"));
      assertFalse(page.body().contains("secret internal detail"));
      assertFalse(page.body().contains("at dev.visionary"));
      assertFalse(page.body().contains("Exception"));
    }
  }

  @Test
  void targetHintFragmentRejectsUnknownTargetsWithA400() {
    assertTrue(http.get("/target-hint?target=midjourney").body().contains("--stylize"));
    HttpResponse<String> bad = http.get("/target-hint?target=%3Cscript%3E", "HX-Request", "true");
    assertEquals(400, bad.statusCode());
    assertTrue(bad.body().contains("Unknown target model"));
    assertFalse(bad.body().contains("<script>"));
  }
}
