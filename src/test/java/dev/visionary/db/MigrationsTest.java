package dev.visionary.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
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
