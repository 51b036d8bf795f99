package dev.visionary.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.App;
import dev.visionary.config.Config;
import dev.visionary.support.Http;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DATABASE_URL: the app migrates and serves from a PostgreSQL server it did not start. */
class ExternalDatabaseTest {

  @TempDir
  Path dataDir;

  @Test
  void migratesAndServesFromTheServerInDatabaseUrlAndReports503WhenItGoesAway() throws Exception {
    EmbeddedPostgres other = EmbeddedPostgres.builder().start();
    try {
      String herokuStyle = "postgres://postgres:postgres@localhost:" + other.getPort() + "/postgres";
      App app = App.start(Config.from(Map.of("PORT", "0", "DATABASE_URL", herokuStyle, "DATA_DIR", dataDir.toString())));
      try {
        Http http = new Http("http://localhost:" + app.port());
        assertEquals(200, http.get("/health").statusCode());
        assertEquals(200, http.get("/").statusCode());
        try (Connection c = other.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("select count(*) from flyway_schema_history where success")) {
          rs.next();
          assertTrue(rs.getInt(1) >= 1, "migrations ran on the DATABASE_URL server");
        }
        assertTrue(dataDir.toFile().list().length == 0, "no embedded database was started");

        other.close();
        var down = http.get("/health");
        assertEquals(503, down.statusCode());
        assertTrue(down.body().contains("\"db\":\"unreachable\""));
      } finally {
        app.close();
      }
    } finally {
      other.close();
    }
  }
}
