package dev.visionary.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.support.AppProcess;
import dev.visionary.support.Http;
import dev.visionary.support.Procfile;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Visionary run as a real process on its embedded database: restarts, kills and bad configuration. The
 * restarts use the Procfile's JVM options with the AOT cache pointed at a file that does not exist, so they
 * also show that every JDK starts the app with them without a cache (JDK 17 does not know the options).
 */
class LifecycleIT {
  private static final Duration START = Duration.ofSeconds(90);

  @TempDir
  Path dataDir;

  @Test
  void keepsItsDatabaseAcrossSigtermAndRecoversFromKillDashNine() throws Exception {
    Map<String, String> env = Map.of("DATA_DIR", dataDir.toString(), "PORT", "0");
    List<String> jvm = Procfile.jvmOptionsWithCache(dataDir.resolve("none.aot"));

    try (AppProcess first = AppProcess.start(jvm, env)) {
      int port = first.awaitPort(START);
      assertHealthy(port);
      assertEquals(200, new Http("http://localhost:" + port).get("/").statusCode());
      // Something only this data directory holds, written while the app runs.
      sql("create table lifecycle_probe(note text); insert into lifecycle_probe values ('kept')");
      first.terminate();
      assertEquals(143 & 0xff, first.awaitExit(Duration.ofSeconds(30)) & 0xff, "exits as terminated by SIGTERM");
      assertTrue(first.output().stream().anyMatch(l -> l.contains("new data directory")));
    }
    assertTrue(Files.exists(dataDir.resolve("pgdata/PG_VERSION")));
    assertTrue(Files.notExists(dataDir.resolve("pgdata/postmaster.pid")), "PostgreSQL was stopped cleanly");

    try (AppProcess second = AppProcess.start(jvm, env)) {
      int port = second.awaitPort(START);
      assertHealthy(port);
      assertTrue(second.output().stream().anyMatch(l -> l.contains("existing data directory")), "no new initdb after a restart");
      assertEquals("kept", sql("select note from lifecycle_probe"));
      second.kill();
      assertNotEquals(0, second.awaitExit(Duration.ofSeconds(30)));
    }
    assertTrue(Files.exists(dataDir.resolve("pgdata/postmaster.pid")), "kill -9 leaves PostgreSQL's lock behind");

    try (AppProcess third = AppProcess.start(jvm, env)) {
      int port = third.awaitPort(START);
      assertHealthy(port);
      assertTrue(third.output().stream().anyMatch(l -> l.contains("existing data directory")));
      assertEquals("kept", sql("select note from lifecycle_probe"));
      assertEquals("on", sql("show fsync"));
      assertEquals("on", sql("show synchronous_commit"));
    }
  }

  @Test
  void invalidPortFailsFastWithOneClearLine() {
    try (AppProcess app = AppProcess.start(Map.of("PORT", "abc", "DATA_DIR", dataDir.toString()))) {
      assertEquals(2, app.awaitExit(Duration.ofSeconds(30)));
      assertTrue(app.output().contains("visionary: PORT must be a number between 0 and 65535, got \"abc\""), String.join("\n", app.output()));
    }
  }

  @Test
  void malformedDatabaseUrlFailsFastWithOneClearLine() {
    try (AppProcess app = AppProcess.start(Map.of("DATABASE_URL", "mysql://root@localhost/app", "DATA_DIR", dataDir.toString()))) {
      assertEquals(2, app.awaitExit(Duration.ofSeconds(30)));
      assertTrue(app.output().stream().anyMatch(l -> l.startsWith("visionary: DATABASE_URL must start with")), String.join("\n", app.output()));
      assertTrue(Files.notExists(dataDir.resolve("pgdata")), "nothing was started");
    }
  }

  @Test
  void untrustworthyProxySettingFailsFastWithOneClearLine() {
    try (AppProcess app = AppProcess.start(Map.of("TRUSTED_PROXIES", "10.0.0.0/8, proxy.example.com", "DATA_DIR", dataDir.toString()))) {
      assertEquals(2, app.awaitExit(Duration.ofSeconds(30)));
      assertTrue(app.output().stream().anyMatch(l -> l.startsWith("visionary: TRUSTED_PROXIES must be")
          && l.contains("\"proxy.example.com\"")), String.join("\n", app.output()));
      assertTrue(Files.notExists(dataDir.resolve("pgdata")), "nothing was started");
    }
  }

  private static void assertHealthy(int port) {
    var health = new Http("http://localhost:" + port).get("/health");
    assertEquals(200, health.statusCode());
    assertTrue(health.body().contains("\"db\":\"ok\""));
  }

  /** Runs SQL on the app's embedded server, found through the port PostgreSQL writes in its pid file. */
  private String sql(String sql) throws Exception {
    String port = Files.readAllLines(dataDir.resolve("pgdata/postmaster.pid")).get(3).trim();
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres",
        Files.readString(dataDir.resolve(EmbeddedDatabase.PASSWORD_FILE)).trim());
        Statement s = c.createStatement()) {
      if (!s.execute(sql)) {
        return null;
      }
      try (ResultSet rs = s.getResultSet()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }
}
