package dev.visionary.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.App;
import dev.visionary.config.Config;
import dev.visionary.support.Accounts;
import dev.visionary.support.Http;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PostgreSQL stopped and started again under a running app: 503 during the outage, back without a restart. */
class DatabaseOutageTest {

  @TempDir
  Path pgData;

  @Test
  void theAppAnswers503WhileTheDatabaseIsDownAndRecoversByItself() throws Exception {
    EmbeddedPostgres pg = start(0);
    int port = pg.getPort();
    App app = App.start(Config.from(Map.of("PORT", "0", "DATABASE_URL", "postgres://postgres:postgres@localhost:" + port + "/postgres")));
    try {
      Http http = new Http("http://localhost:" + app.port());
      String name = Accounts.signedIn(http, "outage");
      assertEquals(200, http.get("/settings").statusCode());

      pg.close();
      HttpResponse<String> health = http.get("/health");
      assertEquals(503, health.statusCode());
      HttpResponse<String> page = http.get("/settings");
      assertTrue(page.statusCode() >= 500, "a page that needs the database fails while it is down: " + page.statusCode());
      assertTrue(!page.body().contains("Exception") && page.body().contains("data-testid=\"error\""), "a designed error page, no trace");

      pg = start(port);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (http.get("/health").statusCode() != 200 && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      assertEquals(200, http.get("/health").statusCode(), "recovered without restarting the app");
      HttpResponse<String> settings = http.get("/settings");
      assertEquals(200, settings.statusCode(), "the session survived the outage");
      assertTrue(settings.body().contains(name));
    } finally {
      app.close();
      pg.close();
    }
  }

  /** The same data directory each time, so the restarted server is the same database. */
  private EmbeddedPostgres start(int port) throws Exception {
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(false);
    if (port > 0) {
      builder.setPort(port);
    }
    return builder.start();
  }
}
