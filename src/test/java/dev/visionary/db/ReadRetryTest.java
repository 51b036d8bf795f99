package dev.visionary.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.config.Config;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pooled connection closed by the server (as a PostgreSQL restart does to every one), then used at once,
 * before the pool would check it: a read is answered on a fresh connection, a write is left to fail.
 */
class ReadRetryTest {
  private static EmbeddedPostgres pg;
  private static Database database;

  @BeforeAll
  static void start() throws Exception {
    pg = EmbeddedPostgres.builder().start();
    // Few connections; HikariCP hands a thread back the connection it used last, the one the server closed.
    database = Database.start(Config.from(Map.of("DATABASE_URL",
        "postgres://postgres:postgres@localhost:" + pg.getPort() + "/postgres", "DB_POOL_SIZE", "2")));
    database.jdbi().useHandle(h -> h.execute("create table retry_probe(n int)"));
  }

  @AfterAll
  static void stop() throws Exception {
    database.close();
    pg.close();
  }

  @Test
  void aReadOnAConnectionTheServerClosedIsAnsweredOnAFreshOne() throws Exception {
    Jdbi jdbi = database.jdbi();
    int before = backendPid(jdbi);
    terminate(before);
    int after = backendPid(jdbi);
    assertNotEquals(before, after, "answered by a new server process, on a new connection");
  }

  @Test
  void aWriteOnAConnectionTheServerClosedFailsRatherThanRunTwice() throws Exception {
    Jdbi jdbi = database.jdbi();
    terminate(backendPid(jdbi));
    UnableToExecuteStatementException failure = assertThrows(UnableToExecuteStatementException.class,
        () -> jdbi.useHandle(h -> h.execute("insert into retry_probe values (1)")));
    assertTrue(DatabaseUnavailable.causedBy(failure), "failed as an outage, answered 503 by the web layer");
    int rows = jdbi.withHandle(h -> h.createQuery("select count(*) from retry_probe").mapTo(Integer.class).one());
    assertEquals(0, rows);
  }

  @Test
  void aReadRetriedWhileEveryOtherConnectionIsInUseIsAnsweredAtOnce() throws Exception {
    Jdbi jdbi = database.jdbi();
    // Someone else holds the pool's other connection (and so the other turn) throughout.
    try (HeldConnection other = HeldConnection.take(database.dataSource())) {
      int before = backendPid(jdbi);
      terminate(before);
      // The retry asks for a fresh connection while this thread's broken one, its turn, is still open: it must not
      // wait in line behind its own turn (which held every request for 30 s and then failed).
      int after = backendPid(jdbi);
      assertNotEquals(before, after);
    }
  }

  @Test
  void aDirectReadOnAConnectionTheServerClosedIsAnsweredOnAFreshOne() throws Exception {
    int before = directBackendPid();
    terminate(before);
    List<String> sent = new CopyOnWriteArrayList<>();
    database.directRead().onSent(sent::add);
    try {
      assertNotEquals(before, directBackendPid(), "the session's lookup, sent past JDBI, is retried the same way");
    } finally {
      database.directRead().onSent(sql -> {});
    }
    assertEquals(2, sent.size(), "sent on the closed connection, then once more: " + sent);
  }

  @Test
  void aDirectReadThatFailsIsNotSentAgainAndItsMessageNamesTheStatementNotItsValues() {
    List<String> sent = new CopyOnWriteArrayList<>();
    database.directRead().onSent(sent::add);
    DirectRead.Failed failure;
    try {
      failure = assertThrows(DirectRead.Failed.class, () -> database.directRead().one(
          "select ?::text || (1 / 0) as n", s -> s.setString(1, "secret-session-value"), rs -> rs.getString("n")));
    } finally {
      database.directRead().onSent(sql -> {});
    }
    assertEquals(1, sent.size(), "a fault in the statement is not retried");
    assertTrue(failure.getMessage().contains("select ?::text || (1 / 0)"), failure.getMessage());
    java.io.StringWriter trace = new java.io.StringWriter();
    failure.printStackTrace(new java.io.PrintWriter(trace));
    assertTrue(trace.toString().contains("division by zero"), "the cause says what went wrong");
    assertTrue(!trace.toString().contains("secret-session-value"), trace.toString());
    assertTrue(!DatabaseUnavailable.causedBy(failure), "a fault in the statement is not an outage");
    assertEquals(java.util.Optional.empty(), database.directRead().one("select 1 where false", s -> {}, rs -> 1));
  }

  private static int directBackendPid() {
    return database.directRead().one("select pg_backend_pid() as pid", s -> {}, rs -> rs.getInt("pid")).orElseThrow();
  }

  private static int backendPid(Jdbi jdbi) {
    return jdbi.withHandle(h -> h.createQuery("select pg_backend_pid()").mapTo(Integer.class).one());
  }

  /** Ends the server process behind a connection and waits until it is gone, as a fast shutdown would. */
  private static void terminate(int backendPid) throws Exception {
    try (Connection c = pg.getPostgresDatabase().getConnection();
        PreparedStatement s = c.prepareStatement("select pg_terminate_backend(?, 5000)")) {
      s.setInt(1, backendPid);
      s.execute();
    }
  }
}
