package dev.visionary.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * New data directories copied from the build's template: migrated from the start, each with a password of its own
 * that the template's and the other copies' do not open; a template whose migrations changed is not used.
 */
class DataTemplateIT {

  @TempDir
  Path work;

  @Test
  void eachCopyIsMigratedAndLockedWithItsOwnPassword() throws Exception {
    Path templateDir = work.resolve("template");
    DataTemplate.build(templateDir, EmbeddedDatabase.binariesDirectory(work));
    DataTemplate template = DataTemplate.at(templateDir).orElseThrow();

    Path first = work.resolve("first");
    Path second = work.resolve("second");
    try (Running a = new Running(EmbeddedDatabase.start(first, Optional.of(template)));
        Running b = new Running(EmbeddedDatabase.start(second, Optional.of(template)))) {
      int portA = a.port(first);
      int portB = b.port(second);
      assertNotEquals(a.running.password(), b.running.password());
      assertRefused(portA, null);
      assertRefused(portA, b.running.password());
      assertRefused(portB, a.running.password());
      // Every migration is already there: the history lists the last one in migrations/, and the app's tables exist.
      assertEquals(latestMigration(), sql(portA, a.running.password(), "select max(version::int) from flyway_schema_history"));
      assertEquals("scram-sha-256", sql(portA, a.running.password(), "select string_agg(distinct auth_method, ',') from pg_hba_file_rules"));
      assertEquals("127.0.0.1", sql(portB, b.running.password(), "show listen_addresses"));
      assertEquals("on", sql(portB, b.running.password(), "show fsync"));
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(first.resolve(EmbeddedDatabase.PASSWORD_FILE))));
      assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(first.resolve("pgdata"))));
    }

    // A migration edited after the template was made: the template no longer describes this build's schema.
    Path list = templateDir.resolve("migrations.sha256");
    List<String> lines = Files.readAllLines(list);
    lines.set(0, "0".repeat(64) + lines.get(0).substring(64));
    Files.write(list, lines);
    assertTrue(DataTemplate.at(templateDir).isEmpty());
  }

  private record Running(EmbeddedDatabase.Running running) implements AutoCloseable {
    int port(Path dataDir) throws Exception {
      return Integer.parseInt(Files.readAllLines(dataDir.resolve("pgdata/postmaster.pid")).get(3).trim());
    }

    @Override
    public void close() throws Exception {
      running.server().close();
      running.lock().close();
    }
  }

  private static void assertRefused(int port, String password) {
    SQLException refused = assertThrows(SQLException.class,
        () -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", password).close());
    assertTrue(refused.getSQLState() == null || refused.getSQLState().startsWith("28") || refused.getSQLState().startsWith("08"),
        "refused at authentication: " + refused.getSQLState() + " " + refused.getMessage());
  }

  private static String sql(int port, String password, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", password);
        Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  /** The highest version among the project's migration files, so a new migration needs no change here. */
  private static String latestMigration() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("migrations"))) {
      return Integer.toString(files.map(f -> f.getFileName().toString())
          .filter(name -> name.matches("V\\d+__.*\\.sql"))
          .mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
          .max().orElseThrow());
    }
  }
}
