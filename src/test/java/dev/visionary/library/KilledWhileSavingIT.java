package dev.visionary.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.support.Accounts;
import dev.visionary.support.AppProcess;
import dev.visionary.support.Http;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 in the middle of a stream of saves: every prompt that exists is whole, and every acknowledged save exists. */
class KilledWhileSavingIT {

  @TempDir
  Path dataDir;

  @Test
  void noPartialPromptAndNoLostAcknowledgedSave() throws Exception {
    Map<String, String> env = Map.of("DATA_DIR", dataDir.toString(), "PORT", "0");
    String name = Accounts.uniqueName("saver");
    AtomicInteger acknowledged = new AtomicInteger();
    try (AppProcess app = AppProcess.start(env)) {
      Http http = new Http("http://localhost:" + app.awaitPort(Duration.ofSeconds(90)));
      Accounts.signUp(http, name, Accounts.PASSWORD);
      String csrf = Accounts.csrf(http, "/prompts/new");
      Thread saver = new Thread(() -> {
        for (int i = 0; i < 10_000; i++) {
          try {
            var saved = http.postForm("/prompts", Http.form("_csrf", csrf, "title", "Harbour " + i, "text",
                "a harbour at dawn, boat number " + i, "negative", "text", "target", "generic", "tags", "sea, dawn"));
            if (saved.statusCode() == 303) {
              acknowledged.incrementAndGet();
            }
          } catch (RuntimeException connectionLost) {
            return;
          }
        }
      });
      saver.start();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (acknowledged.get() < 40 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      app.kill();
      app.awaitExit(Duration.ofSeconds(30));
      saver.join(30_000);
    }
    assertTrue(acknowledged.get() >= 40, "saves were running when the process died");

    try (AppProcess again = AppProcess.start(env)) {
      again.awaitPort(Duration.ofSeconds(90));
      String port = Files.readAllLines(dataDir.resolve("pgdata/postmaster.pid")).get(3).trim();
      try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres",
          Files.readString(dataDir.resolve("pg-password")).trim());
          Statement s = c.createStatement()) {
        int prompts = count(s, "select count(*) from prompts p join users u on u.id = p.owner_id where u.username = '" + name + "'");
        int withoutVersion = count(s, "select count(*) from prompts p where not exists (select 1 from prompt_versions v where v.prompt_id = p.id)");
        int withoutTags = count(s, "select count(*) from prompts p join users u on u.id = p.owner_id where u.username = '" + name + "' "
            + "and (select count(*) from prompt_tags t where t.prompt_id = p.id) <> 2");
        assertTrue(prompts >= acknowledged.get(), prompts + " prompts stored, " + acknowledged.get() + " acknowledged");
        assertTrue(prompts <= acknowledged.get() + 1, "at most the one save in flight may have committed unacknowledged");
        assertEquals(0, withoutVersion, "no prompt without its first version");
        assertEquals(0, withoutTags, "no prompt with only some of its tags");
      }
    }
  }

  private static int count(Statement s, String sql) throws Exception {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
