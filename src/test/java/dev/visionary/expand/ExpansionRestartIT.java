package dev.visionary.expand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.support.AppProcess;
import dev.visionary.support.Accounts;
import dev.visionary.support.Http;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The history is in the database: a restarted Visionary still lists an expansion and renders its page. */
class ExpansionRestartIT {

  @Test
  void historySurvivesARestart() throws Exception {
    Path dataDir = Files.createTempDirectory("visionary-restart");
    Map<String, String> env = Map.of("PORT", "0", "DATA_DIR", dataDir.toString());
    String name;
    String id;
    String firstPrompt;
    try (AppProcess app = AppProcess.start(env)) {
      Http http = new Http("http://localhost:" + app.awaitPort(Duration.ofSeconds(90)));
      name = Accounts.signedIn(http, "restart");
      id = ExpansionHttpTest.expand(http, ExpansionHttpTest.form(Accounts.csrf(http, "/"), "idea", "a lighthouse in a storm"));
      firstPrompt = ExpansionHttpTest.prompts(http.get("/x/" + id).body()).get(0);
      app.terminate();
      assertEquals(143, app.awaitExit(Duration.ofSeconds(30)), "stopped by SIGTERM, shutdown hook run");
    }
    try (AppProcess app = AppProcess.start(env)) {
      Http http = new Http("http://localhost:" + app.awaitPort(Duration.ofSeconds(90)));
      assertEquals(303, Accounts.logIn(http, name, Accounts.PASSWORD).statusCode());
      String studio = http.get("/").body();
      assertTrue(studio.contains("href=\"/x/" + id + "\""), "Recent lists the expansion");
      assertTrue(studio.contains("a lighthouse in a storm"));
      String page = http.get("/x/" + id).body();
      assertEquals(4, ExpansionHttpTest.count(page, "data-testid=\"expansion-card\""));
      assertTrue(page.contains(firstPrompt), "the same prompts, read back from the database");
    }
  }
}
