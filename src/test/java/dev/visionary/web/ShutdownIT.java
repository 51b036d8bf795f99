package dev.visionary.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.support.AppProcess;
import dev.visionary.support.Http;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM as a process manager sends it, after the kind of traffic that once left requests counted in flight forever. */
class ShutdownIT {
  private static final Pattern REDIRECTED_COUNT =
      Pattern.compile("http_server_requests_seconds_count\\{[^}]*status=\"303\"[^}]*uri=\"/library\"[^}]*} ([0-9.]+)");

  @TempDir
  Path dataDir;

  @Test
  void afterRequestsSentToSignInSigtermStopsTheAppWithNothingLeftInFlight() {
    try (AppProcess app = AppProcess.start(Map.of("DATA_DIR", dataDir.toString(), "PORT", "0"))) {
      Http http = new Http("http://localhost:" + app.awaitPort(Duration.ofSeconds(90)));
      for (int i = 0; i < 5; i++) {
        HttpResponse<String> redirected = http.get("/library");
        assertEquals(303, redirected.statusCode());
        assertTrue(redirected.headers().firstValue("Location").orElse("").startsWith("/login"));
      }
      assertEquals(401, http.get("/settings", "HX-Request", "true").statusCode(), "HTMX is told to sign in");

      Matcher counted = REDIRECTED_COUNT.matcher(http.get("/metrics").body());
      assertTrue(counted.find(), "requests sent to sign in appear in /metrics");
      assertEquals(5.0, Double.parseDouble(counted.group(1)), "each counted once");

      app.terminate();
      int exit = app.awaitExit(Duration.ofSeconds(30));
      // A request counted in flight forever made the stop wait out its whole grace and then say so in this line;
      // the line, not the clock, is what tells the two apart on a machine of any speed.
      assertTrue(app.output().stream().noneMatch(l -> l.contains("still in flight")), String.join("\n", app.output()));
      assertEquals(143, exit, "ended by its SIGTERM, through the shutdown hook");
      List<String> output = app.output();
      assertTrue(output.get(output.size() - 1).contains("Visionary stopped"), "the log ends saying so:\n" + String.join("\n", output));
    }
  }
}
