package dev.visionary.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.support.Http;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The app's static files and the webjar files its pages load: served with caching, nothing else reachable. */
class StaticAssetsTest {
  private final Http http = Http.toTestServer();

  @Test
  void ourFilesAreServedWithAnETagAnHourOfCachingAnd304s() throws Exception {
    HttpResponse<String> css = http.get("/static/app.css");
    assertEquals(200, css.statusCode());
    assertEquals("text/css; charset=utf-8", css.headers().firstValue("Content-Type").orElse(""));
    assertEquals("public, max-age=3600", css.headers().firstValue("Cache-Control").orElse(""));
    assertEquals(Files.readString(Path.of("static/app.css")), css.body());
    String etag = css.headers().firstValue("ETag").orElseThrow();

    HttpResponse<String> again = http.get("/static/app.css", "If-None-Match", etag);
    assertEquals(304, again.statusCode());
    assertEquals("", again.body());
    assertEquals(etag, again.headers().firstValue("ETag").orElse(""));
    assertEquals(304, http.get("/static/app.css", "If-None-Match", "\"other\", W/" + etag).statusCode());
    assertEquals(200, http.get("/static/app.css", "If-None-Match", "\"other\"").statusCode());
  }

  @Test
  void webjarFilesAreServedForAYearBecauseTheirUrlsCarryTheirVersion() {
    HttpResponse<String> htmx = http.get(Pages.AssetPaths.INSTANCE.htmx());
    assertEquals(200, htmx.statusCode());
    assertEquals("text/javascript; charset=utf-8", htmx.headers().firstValue("Content-Type").orElse(""));
    assertEquals("max-age=31622400", htmx.headers().firstValue("Cache-Control").orElse(""));
    assertTrue(htmx.body().contains("htmx"));
    assertEquals(200, http.get(Pages.AssetPaths.INSTANCE.htmxSse()).statusCode());
  }

  @Test
  void nothingElseOnTheClassPathIsReachable() {
    for (String path : List.of("/static/", "/static/readme", "/static/nope.css", "/static//app.css", "/static/readme/../app.css",
        "/static/..%2ftemplates/layout.html", "/static/%2e%2e/templates/layout.html", "/static/../templates/layout.html",
        "/webjars/", "/webjars/htmx.org/2.0.10/package.json", "/webjars/../../dev/visionary/App.class")) {
      HttpResponse<String> response = http.get(path);
      // 404, or 400 where Jetty itself refuses a path that climbs above the root.
      assertTrue(response.statusCode() == 404 || response.statusCode() == 400, path + " answered " + response.statusCode());
      assertFalse(response.body().contains("th:"), path);
    }
  }
}
