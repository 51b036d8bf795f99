package dev.visionary.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.support.Accounts;
import dev.visionary.support.AppProcess;
import dev.visionary.support.Http;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 between the statements of an edit with tags and of a save into a collection. A row lock taken here
 * holds the app's transaction at one step; the app is killed there; then SQL shows the change whole or absent.
 */
class LibraryKillDrillIT {
  private static final Pattern CREATE_KEY = Pattern.compile("name=\"create_key\" value=\"([^\"]+)\"");

  @TempDir
  Path dataDir;
  // PostgreSQL runs outside the app, as it does for instances on a managed database: the app is what gets killed.
  private final String databaseUrl = dev.visionary.support.TestServer.freshDatabaseUrl();

  /** Where the app's transaction is held: the row the test locks, and the app's statement that then waits. */
  private record Step(String name, String lockSql, String waitingStatement, boolean committed) {}

  private static final String LOCK_TAG_NIGHT = "select t.id from tags t join users u on u.id = t.owner_id"
      + " where u.username = ? and t.name = 'night' for update of t";
  /** No key update: it stops the revision update that runs at commit, but not the foreign-key checks before it. */
  private static final String LOCK_PERSON = "select id from users where username = ? for no key update";

  @Test
  void anEditWithTagsKilledAtEachStepIsWholeOrAbsent() throws Exception {
    List<Step> steps = List.of(
        new Step("after the new version, removing an old tag", "select pt.prompt_id from prompt_tags pt join tags t on t.id = pt.tag_id"
            + " join users u on u.id = t.owner_id where u.username = ? and t.name = 'boats' for update of pt", "delete from prompt_tags", false),
        new Step("after removing the old tag, adding a new one", LOCK_TAG_NIGHT, "insert into tags", false),
        new Step("at commit", LOCK_PERSON, "commit", true));
    Map<String, String> env = env();
    for (Step step : steps) {
      String name = Accounts.uniqueName("edit");
      String promptId;
      try (AppProcess app = AppProcess.start(env)) {
        Http http = new Http("http://localhost:" + app.awaitPort(Duration.ofSeconds(120)));
        Accounts.signUp(http, name, Accounts.PASSWORD);
        promptId = LibraryClient.idOf(save(http, "title", "Harbour", "text", "a harbour at dawn", "tags", "sea, boats"));
        save(http, "title", "Night", "text", "another prompt", "tags", "night");
        String csrf = Accounts.csrf(http, "/prompts/new");
        try (Connection c = database()) {
          c.setAutoCommit(false);
          exec(c, step.lockSql(), name);
          Request edit = new Request(() -> http.postForm("/p/" + promptId + "/edit",
              Http.form("_csrf", csrf, "title", "Harbour", "text", "a harbour at night", "tags", "sea, night", "version", "1")));
          int backend = awaitWaiting(c, step.waitingStatement(), edit);
          app.kill();
          app.awaitExit(Duration.ofSeconds(30));
          c.rollback();
          awaitGone(c, backend);
          edit.join(30_000);

          Edit after = edit(c, promptId);
          Edit before = new Edit(1, 1, "a harbour at dawn", "boats sea");
          Edit whole = new Edit(2, 2, "a harbour at night", "night sea");
          assertEquals(step.committed() ? whole : before, after, "killed " + step.name());
        }
      }
    }
  }

  @Test
  void aSaveIntoACollectionKilledAtEachStepIsWholeOrAbsentAndSendingItAgainMakesOne() throws Exception {
    List<Step> steps = List.of(
        new Step("after the prompt and its version, adding a tag", LOCK_TAG_NIGHT, "insert into tags", false),
        new Step("after the tags, joining the collection", "select c.id from collections c join users u on u.id = c.owner_id"
            + " where u.username = ? for update of c", "from collections", false),
        new Step("at commit", LOCK_PERSON, "commit", true));
    Map<String, String> env = env();
    for (Step step : steps) {
      String name = Accounts.uniqueName("keep");
      try (AppProcess app = AppProcess.start(env)) {
        Http http = new Http("http://localhost:" + app.awaitPort(Duration.ofSeconds(120)));
        Accounts.signUp(http, name, Accounts.PASSWORD);
        save(http, "title", "Night", "text", "another prompt", "tags", "night");
        HttpResponse<String> created = http.postForm("/collections",
            Http.form("_csrf", Accounts.csrf(http, "/collections"), "name", "Harbours", "visibility", "private"));
        String collection = LibraryClient.idOf(created.headers().firstValue("Location").orElseThrow());
        Matcher key = CREATE_KEY.matcher(http.get("/prompts/new").body());
        assertTrue(key.find(), "the form carries its key");
        String[] form = {"create_key", key.group(1), "title", "Harbour", "text", "a harbour for " + name, "tags", "sea, night",
            "collection_id", collection};
        String csrf = Accounts.csrf(http, "/prompts/new");
        try (Connection c = database()) {
          c.setAutoCommit(false);
          exec(c, step.lockSql(), name);
          Map<String, String> fields = new java.util.LinkedHashMap<>(Http.form(form));
          fields.put("_csrf", csrf);
          Request save = new Request(() -> http.postForm("/prompts", fields));
          int backend = awaitWaiting(c, step.waitingStatement(), save);
          app.kill();
          app.awaitExit(Duration.ofSeconds(30));
          c.rollback();
          awaitGone(c, backend);
          save.join(30_000);

          Saved after = saved(c, form[5], collection);
          assertEquals(step.committed() ? new Saved(1, 1, 1, "night sea") : new Saved(0, 0, 0, ""), after, "killed " + step.name());
        }
        // The person never saw an answer, so they send the same form again once the app is back.
        try (AppProcess again = AppProcess.start(env)) {
          Http back = new Http("http://localhost:" + again.awaitPort(Duration.ofSeconds(120)));
          Accounts.logIn(back, name, Accounts.PASSWORD);
          Map<String, String> fields = new java.util.LinkedHashMap<>(Http.form(form));
          fields.put("_csrf", Accounts.csrf(back, "/prompts/new"));
          HttpResponse<String> resent = back.postForm("/prompts", fields);
          assertEquals(303, resent.statusCode(), resent.body());
          try (Connection c = database()) {
            assertEquals(new Saved(1, 1, 1, "night sea"), saved(c, form[5], collection), "one whole prompt after sending again");
            assertEquals(0, count(c, "select count(*) from (select collection_id, position from collection_items"
                + " group by collection_id, position having count(*) > 1) ties"), "no two prompts share a place");
          }
        }
      }
    }
  }

  private Map<String, String> env() {
    return Map.of("DATA_DIR", dataDir.toString(), "PORT", "0", "DATABASE_URL", databaseUrl);
  }

  private static String save(Http http, String... fields) {
    Map<String, String> form = new java.util.LinkedHashMap<>(Http.form(fields));
    form.put("_csrf", Accounts.csrf(http, "/prompts/new"));
    HttpResponse<String> saved = http.postForm("/prompts", form);
    assertEquals(303, saved.statusCode(), saved.body());
    return saved.headers().firstValue("Location").orElseThrow();
  }

  /** A request that waits in the app; the answer, if one came before the kill, tells why it did not wait. */
  private static final class Request extends Thread {
    private final java.util.function.Supplier<HttpResponse<String>> send;
    private volatile HttpResponse<String> answer;

    Request(java.util.function.Supplier<HttpResponse<String>> send) {
      this.send = send;
      start();
    }

    @Override
    public void run() {
      try {
        answer = send.get();
      } catch (RuntimeException connectionLost) {
        // expected: the app is killed while this request waits
      }
    }

    String answered() {
      HttpResponse<String> a = answer;
      return a == null ? "no answer yet" : "answered " + a.statusCode() + ": " + a.body();
    }
  }

  /** What SQL shows of the edited prompt: its version, how many versions, its text, its tags. */
  private record Edit(int version, int versions, String text, String tags) {}

  private static Edit edit(Connection c, String promptId) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("select p.version, (select count(*) from prompt_versions v where v.prompt_id = p.id),"
        + " p.text, coalesce((select string_agg(t.name::text, ' ' order by t.name) from prompt_tags pt join tags t on t.id = pt.tag_id"
        + " where pt.prompt_id = p.id), '') from prompts p where p.id = ?")) {
      s.setString(1, promptId);
      try (ResultSet rs = s.executeQuery()) {
        assertTrue(rs.next());
        return new Edit(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getString(4));
      }
    }
  }

  /** What SQL shows of a saved prompt: how many prompts have the text, their versions, memberships of the collection, tags. */
  private record Saved(int prompts, int versions, int inCollection, String tags) {}

  private static Saved saved(Connection c, String text, String collection) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("select count(*), coalesce(sum((select count(*) from prompt_versions v where v.prompt_id = p.id)), 0),"
        + " coalesce(sum((select count(*) from collection_items i where i.prompt_id = p.id and i.collection_id = ?)), 0),"
        + " coalesce(string_agg((select string_agg(t.name::text, ' ' order by t.name) from prompt_tags pt join tags t on t.id = pt.tag_id"
        + " where pt.prompt_id = p.id), ' '), '') from prompts p where p.text = ?")) {
      s.setString(1, collection);
      s.setString(2, text);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return new Saved(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getString(4));
      }
    }
  }

  /** The app's backend waiting for the test's lock in the given statement. */
  private static int awaitWaiting(Connection c, String statement, Request request) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      freshActivity(c);
      try (PreparedStatement s = c.prepareStatement("select pid from pg_stat_activity where wait_event_type = 'Lock'"
          + " and pid <> pg_backend_pid() and query ilike ?")) {
        s.setString(1, "%" + statement + "%");
        try (ResultSet rs = s.executeQuery()) {
          if (rs.next()) {
            return rs.getInt(1);
          }
        }
      }
      Thread.sleep(20);
    }
    StringBuilder sessions = new StringBuilder();
    try (PreparedStatement s = c.prepareStatement("select pid, state, wait_event_type, wait_event, query from pg_stat_activity");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        sessions.append('\n').append(rs.getInt(1)).append(' ').append(rs.getString(2)).append(' ').append(rs.getString(3))
            .append(' ').append(rs.getString(4)).append(' ').append(rs.getString(5));
      }
    }
    throw new AssertionError("the app never waited in \"" + statement + "\"; the request " + request.answered() + sessions);
  }

  /** pg_stat_activity is read once per transaction, and the test's stays open to hold its lock. */
  private static void freshActivity(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("select pg_stat_clear_snapshot()")) {
      s.execute();
    }
  }

  /** The killed app's backend has ended its transaction: it saw the lock go, then found its client gone. */
  private static void awaitGone(Connection c, int backend) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      freshActivity(c);
      try (PreparedStatement s = c.prepareStatement("select count(*) from pg_stat_activity where pid = ?")) {
        s.setInt(1, backend);
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          if (rs.getInt(1) == 0) {
            return;
          }
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the killed app's database session did not end");
  }

  /** The database the app writes to; it outlives the killed app, as a managed database would. */
  private Connection database() throws Exception {
    return DriverManager.getConnection(databaseUrl);
  }

  private static void exec(Connection c, String sql, String arg) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, arg);
      s.execute();
    }
  }

  private static int count(Connection c, String sql) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
