package dev.visionary.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.Test;

/** A start skips Flyway only when the database already holds exactly the jar's migrations. */
class MigrationsTest {

  @Test
  void aMigratedDatabaseIsRecognisedAndAnEditedMigrationStillStopsTheStart() throws Exception {
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      DataSource ds = pg.getPostgresDatabase();
      assertFalse(Migrations.current(ds), "no history yet");
      Migrations.migrate(ds);
      // Our checksums agree with the ones Flyway recorded, so the next start skips Flyway.
      assertTrue(Migrations.current(ds));
      Migrations.migrate(ds);
      assertEquals(Migrations.bundled().size(), count(ds, "select count(*) from flyway_schema_history"));

      exec(ds, "update flyway_schema_history set checksum = checksum + 1 where version = '1'");
      assertFalse(Migrations.current(ds));
      // Flyway runs again and refuses the changed migration, as it always did.
      assertThrows(FlywayValidateException.class, () -> Migrations.migrate(ds));

      exec(ds, "update flyway_schema_history set checksum = checksum - 1 where version = '1'");
      exec(ds, "delete from flyway_schema_history where version = '20'");
      assertFalse(Migrations.current(ds), "a migration missing from the history");
    }
  }

  @Test
  void aMigrationOutlastingThePoolsSocketTimeoutStillFinishes() throws Exception {
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
      config.addDataSourceProperty("socketTimeout", "1");
      try (HikariDataSource pool = new HikariDataSource(config)) {
        // The pool's own statements are cut off after a second of silence...
        assertThrows(SQLException.class, () -> exec(pool, "select pg_sleep(2)"));
        // ...a migration silent for two seconds (a large table rewritten) is not, and the pool's limit comes back.
        Migrations.run(pool, "db/slow-migration");
        assertEquals(0, count(pool, "select count(*) from slow_done"));
        assertThrows(SQLException.class, () -> exec(pool, "select pg_sleep(2)"));
      }
    }
  }

  private static void exec(DataSource ds, String sql) throws Exception {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static long count(DataSource ds, String sql) throws Exception {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
