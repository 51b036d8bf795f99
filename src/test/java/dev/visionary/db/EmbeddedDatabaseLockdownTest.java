package dev.visionary.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.App;
import dev.visionary.config.Config;
import dev.visionary.support.Http;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PasswordUtil;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL lets in only whoever holds the password in DATA_DIR, new or upgraded. */
class EmbeddedDatabaseLockdownTest {

  @TempDir
  Path dataDir;

  @Test
  void aNewDataDirectoryRefusesConnectionsWithoutItsPassword() throws Exception {
    try (Database db = Database.start(config())) {
      int port = port();
      assertRefused(port, null);
      assertRefused(port, "postgres");
      assertRefused(port, "wrong-" + password());

      assertEquals("rw-------", permissions(dataDir.resolve(EmbeddedDatabase.PASSWORD_FILE)));
      assertEquals("rwx------", permissions(dataDir));
      assertEquals("rwx------", permissions(dataDir.resolve("run")));
      assertTrue(Files.exists(dataDir.resolve("run/.s.PGSQL." + port)), "the socket is inside DATA_DIR");
      assertEquals("127.0.0.1", sql(port, "show listen_addresses"));
      assertEquals("scram-sha-256", sql(port, "select string_agg(distinct auth_method, ',') from pg_hba_file_rules"));
      assertEquals("1", db.jdbi().withHandle(h -> h.createQuery("select 1").mapTo(String.class).one()), "the app itself gets in");
    }
  }

  @Test
  void aDataDirectoryFromTheTrustingReleaseKeepsItsDataAndStopsTrusting() throws Exception {
    // Made the way the release before passwords made it: zonky's defaults, trust for every local connection.
    try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("pgdata")).setCleanDataDirectory(false).start()) {
      Database.migrate(old.getPostgresDatabase());
      try (Connection c = old.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
        s.execute("create table upgrade_probe(note text); insert into upgrade_probe values ('kept')");
      }
    }
    assertTrue(Files.notExists(dataDir.resolve(EmbeddedDatabase.PASSWORD_FILE)));

    try (App app = App.start(config())) {
      assertEquals(200, new Http("http://localhost:" + app.port()).get("/health").statusCode());
      int port = port();
      assertEquals("kept", sql(port, "select note from upgrade_probe"));
      assertRefused(port, null);
      assertRefused(port, "postgres");
      assertEquals("rw-------", permissions(dataDir.resolve(EmbeddedDatabase.PASSWORD_FILE)));
      assertEquals("rwx------", permissions(dataDir));
    }

    // The next start finds a locked-down directory and uses it as it is.
    try (Database db = Database.start(config())) {
      assertEquals("kept", db.jdbi().withHandle(h -> h.createQuery("select note from upgrade_probe").mapTo(String.class).one()));
      assertRefused(port(), null);
    }
  }

  @Test
  void aVerifierOfThousandsOfRoundsIsReplacedOnTheNextStartAndThePasswordStillSignsIn() throws Exception {
    try (Database db = Database.start(config())) {
      // As every data directory made before got it: the driver's and PostgreSQL's default of 4,096 rounds.
      String alter = PasswordUtil.genAlterUserPasswordSQL("postgres", password().toCharArray(), "scram-sha-256");
      db.jdbi().useHandle(h -> h.execute(alter));
      assertTrue(sql(port(), VERIFIER).startsWith("SCRAM-SHA-256$4096:"));
    }
    try (Database db = Database.start(config())) {
      String verifier = sql(port(), VERIFIER);
      assertTrue(verifier.startsWith("SCRAM-SHA-256$" + ScramPassword.ITERATIONS + ":"), verifier.substring(0, 20));
      assertEquals("1", db.jdbi().withHandle(h -> h.createQuery("select 1").mapTo(String.class).one()), "the app itself gets in");
      assertRefused(port(), "wrong-" + password());
    }
  }

  private static final String VERIFIER = "select rolpassword from pg_authid where rolname = 'postgres'";

  private Config config() {
    return Config.from(Map.of("PORT", "0", "DATA_DIR", dataDir.toString()));
  }

  private static void assertRefused(int port, String password) {
    SQLException refused = assertThrows(SQLException.class,
        () -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", password).close());
    assertTrue(refused.getSQLState() == null || refused.getSQLState().startsWith("28") || refused.getSQLState().startsWith("08"),
        "refused at authentication: " + refused.getSQLState() + " " + refused.getMessage());
  }

  private String password() throws Exception {
    return Files.readString(dataDir.resolve(EmbeddedDatabase.PASSWORD_FILE)).trim();
  }

  private int port() throws Exception {
    List<String> pid = Files.readAllLines(dataDir.resolve("pgdata/postmaster.pid"));
    return Integer.parseInt(pid.get(3).trim());
  }

  private String sql(int port, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", password());
        Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  private static String permissions(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}
