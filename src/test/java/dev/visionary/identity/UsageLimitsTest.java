package dev.visionary.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.App;
import dev.visionary.support.Accounts;
import dev.visionary.support.Http;
import dev.visionary.support.TestServer;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One person cannot drain a shared server: expansions and generations per minute are limited. */
class UsageLimitsTest {

  @Test
  void theThirdExpansionAndGenerationInAMinuteWaitWithAClearMessage() {
    try (App app = TestServer.startIsolatedApp(Map.of("EXPAND_PER_MINUTE", "2", "GENERATE_PER_MINUTE", "2"))) {
      Http http = new Http("http://localhost:" + app.port());
      Accounts.signedIn(http, "busy");
      String csrf = Accounts.csrf(http, "/");
      Map<String, String> idea = Http.form("_csrf", csrf, "idea", "a red kite over dunes", "target", "generic", "style", "none",
          "count", "1", "engine", "builtin");
      assertEquals(303, http.postForm("/expand", idea).statusCode());
      assertEquals(303, http.postForm("/expand", idea).statusCode());
      HttpResponse<String> third = http.postForm("/expand", idea);
      assertEquals(429, third.statusCode());
      assertTrue(third.body().matches("(?s).*limit of 2 expansions a minute\\. Try again in \\d+ seconds\\..*"), third.body());

      Map<String, String> image = Http.form("_csrf", csrf, "prompt", "a red kite", "engine", "builtin", "size", "512x512", "count", "1");
      assertEquals(303, http.postForm("/generate", image).statusCode());
      assertEquals(303, http.postForm("/generate", image).statusCode());
      HttpResponse<String> blocked = http.postForm("/generate", image);
      assertEquals(429, blocked.statusCode());
      assertTrue(blocked.body().contains("limit of 2 image generations a minute"), blocked.body());

      Http other = new Http(http.base());
      Accounts.signedIn(other, "calm");
      assertEquals(303, other.postForm("/expand", Http.form("_csrf", Accounts.csrf(other, "/"), "idea", "a calm sea", "target", "generic",
          "style", "none", "count", "1", "engine", "builtin")).statusCode(), "the limit is per person");
    }
  }
}
