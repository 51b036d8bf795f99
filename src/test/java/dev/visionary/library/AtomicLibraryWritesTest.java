package dev.visionary.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.support.Http;
import dev.visionary.support.TestServer;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Saving into a collection, saving again after a lost answer, and editing with tags: each whole or not at all. */
class AtomicLibraryWritesTest {
  private static final Pattern CREATE_KEY = Pattern.compile("name=\"create_key\" value=\"([^\"]+)\"");

  @Test
  void aSaveSentAgainWithTheSameFormMakesOnePromptAndAnswersWithIt() throws Exception {
    LibraryClient me = LibraryClient.signedIn("resend");
    String collectionPath = me.collection("Lighthouses", "private");
    String collection = LibraryClient.idOf(collectionPath);
    String key = createKey(me);
    String[] fields = {"create_key", key, "title", "Resent lighthouse", "text", "a lighthouse in fog, sent twice", "tags", "fog, coast",
        "collection_id", collection};

    String first = me.save(fields);
    // The answer to the first send was lost; the browser (or the person, pressing Save again) sends the same form.
    String second = me.save(fields);
    HttpResponse<String> underHtmx = me.http.postForm("/prompts", Http.form(fields), "HX-Request", "true", "X-CSRF-Token", me.csrf());

    assertEquals(first, second, "the second send answers with the prompt the first one made");
    assertEquals(200, underHtmx.statusCode(), "nothing new was created");
    assertTrue(underHtmx.body().contains("href=\"" + first + "\""), underHtmx.body());
    assertEquals(1, count("select count(*) from prompts where text = ?", "a lighthouse in fog, sent twice"));
    assertEquals(1, occurrences(me.get(collectionPath).body(), ">Resent lighthouse<"), "listed once in its collection");

    String other = me.save("create_key", createKey(me), "title", "Resent lighthouse", "text", "a lighthouse in fog, sent twice");
    assertFalse(other.equals(first), "a new form (a new key) with the same words is a new prompt");
  }

  @Test
  void savingAStudioCardTwiceKeepsOnePrompt() {
    LibraryClient me = LibraryClient.signedIn("cardsaver");
    HttpResponse<String> expanded = me.http.postForm("/expand", Http.form("_csrf", me.csrf(), "idea", "a lighthouse keeper's cat",
        "target", "generic", "style", "none", "count", "2", "engine", "builtin", "seed", "7"));
    assertEquals(303, expanded.statusCode(), expanded.body());
    String page = me.get(expanded.headers().firstValue("Location").orElseThrow()).body();
    Matcher saveForm = Pattern.compile("(?s)<form method=\"post\" action=\"/prompts\".*?</form>").matcher(page);
    assertTrue(saveForm.find(), page);
    java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
    Matcher field = Pattern.compile("name=\"([a-z_]+)\" value=\"([^\"]*)\"").matcher(saveForm.group());
    while (field.find()) {
      fields.put(field.group(1), field.group(2).replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
          .replace("&amp;", "&"));
    }
    assertTrue(saveForm.find() && !saveForm.group().contains(fields.get("create_key")), "each card has its own key");

    HttpResponse<String> first = me.http.postForm("/prompts", fields, "HX-Request", "true");
    HttpResponse<String> again = me.http.postForm("/prompts", fields, "HX-Request", "true");
    assertEquals(201, first.statusCode(), first.body());
    assertEquals(200, again.statusCode(), again.body());
    Matcher link = Pattern.compile("href=\"(/p/[^\"]+)\"").matcher(first.body());
    assertTrue(link.find());
    assertTrue(again.body().contains("href=\"" + link.group(1) + "\""), "the second press links to the same prompt");
    assertEquals(1, me.get("/library").body().split("data-testid=\"library-item\"", -1).length - 1);
  }

  @Test
  void aDamagedFormKeyIsExplainedAndNothingIsSaved() {
    LibraryClient me = LibraryClient.signedIn("badkey");
    HttpResponse<String> refused = me.post("/prompts", "create_key", "<not a key>", "text", "a fox in snow");
    assertEquals(422, refused.statusCode());
    assertTrue(refused.body().contains("This form is damaged"), refused.body());
    assertTrue(refused.body().contains("a fox in snow</textarea>"), "the typed text is kept");
  }

  @Test
  void savesIntoOneCollectionAtTheSameMomentGetTheirOwnPlacesAndMoveStepsOverOne() throws Exception {
    LibraryClient me = LibraryClient.signedIn("racer");
    String collectionPath = me.collection("Race", "private");
    String collection = LibraryClient.idOf(collectionPath);
    int saves = 6;
    List<String> earlier = new ArrayList<>();
    for (int i = 0; i < saves / 2; i++) {
      earlier.add(LibraryClient.idOf(me.save("title", "Racer " + i, "text", "an earlier race " + i)));
    }
    List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
    ExecutorService senders = Executors.newFixedThreadPool(saves);
    // Holding the collection's row makes every change reach it before any of them goes on: half are new prompts
    // saved into the collection, half earlier prompts added to it from their pages.
    try (Connection c = database()) {
      c.setAutoCommit(false);
      sql(c, "select id from collections where id = ? for update", collection);
      for (int i = 0; i < saves; i++) {
        String csrf = me.csrf();
        Http http = me.http;
        String path = i < earlier.size() ? "/p/" + earlier.get(i) + "/collections" : "/prompts";
        String title = "Racer " + i;
        answers.add(CompletableFuture.supplyAsync(() -> http.postForm(path,
            Http.form("_csrf", csrf, "title", title, "text", "a race " + title, "collection_id", collection)), senders));
      }
      awaitWaiting(saves, "");
      c.rollback();
    }
    for (CompletableFuture<HttpResponse<String>> a : answers) {
      assertEquals(303, a.get(30, TimeUnit.SECONDS).statusCode());
    }
    senders.shutdown();
    assertEquals(saves, count("select count(distinct position) from collection_items where collection_id = ?", collection));

    String page = me.get(collectionPath).body();
    List<String> order = titlesIn(page);
    assertEquals(saves, order.size(), page);
    String last = order.get(saves - 1);
    String lastId = idBeforeTitle(page, last);
    assertEquals(303, me.post("/c/" + collection + "/move", "prompt_id", lastId, "direction", "up").statusCode());
    List<String> moved = titlesIn(me.get(collectionPath).body());
    assertEquals(last, moved.get(saves - 2), "moving up passes exactly one neighbour");
    assertEquals(order.get(saves - 2), moved.get(saves - 1));
  }

  @Test
  void anEditIsNeverSeenHalfDoneAndAnEditCutOffMidwayLeavesThePromptAsItWas() throws Exception {
    LibraryClient me = LibraryClient.signedIn("editor");
    String path = me.save("title", "Harbour", "text", "a harbour at dawn", "tags", "sea, boats");
    me.save("title", "Other", "text", "another prompt", "tags", "night");
    String id = LibraryClient.idOf(path);
    CompletableFuture<HttpResponse<String>> edit;
    try (Connection c = database()) {
      c.setAutoCommit(false);
      // The edit's last step adds the tag "night"; its row is held, so the edit stops after replacing the text.
      sql(c, "select t.id from tags t join users u on u.id = t.owner_id where u.username = ? and t.name = 'night' for update of t", me.username);
      String csrf = me.csrf();
      edit = CompletableFuture.supplyAsync(() -> me.http.postForm("/p/" + id + "/edit",
          Http.form("_csrf", csrf, "title", "Harbour", "text", "a harbour at night", "tags", "sea, night", "version", "1")),
          Executors.newSingleThreadExecutor());
      int backend = awaitWaiting(1, "insert into tags").get(0);

      String meanwhile = me.get(path).body();
      assertTrue(meanwhile.contains("a harbour at dawn") && !meanwhile.contains("a harbour at night"), "the old text until the edit is whole");
      assertTrue(meanwhile.contains(">boats<"), "the old tags until the edit is whole");

      // The database ends the edit's connection (as a restart of PostgreSQL would) before it could finish.
      sql(c, "select pg_terminate_backend(?)", backend);
      assertEquals(1, count("select version from prompts where id = ?", id), "the new version went with the edit");
      assertEquals(1, count("select count(*) from prompt_versions where prompt_id = ?", id));
      assertEquals(2, count("select count(*) from prompt_tags where prompt_id = ?", id), "both old tags are still there");
      c.rollback();
    }
    edit.get(30, TimeUnit.SECONDS);
    String after = me.get(path).body();
    boolean old = after.contains("a harbour at dawn") && after.contains(">boats<") && !after.contains(">night<");
    boolean whole = after.contains("a harbour at night") && after.contains(">night<") && !after.contains(">boats<");
    assertTrue(old || whole, "the prompt is either as it was or wholly edited:\n" + after);
  }

  @Test
  void addingToANewCollectionCutOffMidwayLeavesNoEmptyCollection() throws Exception {
    LibraryClient me = LibraryClient.signedIn("newcollector");
    String id = LibraryClient.idOf(me.save("title", "Dune", "text", "a dune at noon"));
    CompletableFuture<HttpResponse<String>> add;
    try (Connection c = database()) {
      c.setAutoCommit(false);
      // Holding the prompt's row stops the add at its last step, putting the prompt into the new collection.
      sql(c, "select id from prompts where id = ? for update", id);
      String csrf = me.csrf();
      add = CompletableFuture.supplyAsync(() -> me.http.postForm("/p/" + id + "/collections",
          Http.form("_csrf", csrf, "new_collection", "Deserts")), Executors.newSingleThreadExecutor());
      int backend = awaitWaiting(1, "insert into collection_items").get(0);
      // The database ends the add's connection (as a restart of PostgreSQL would) before it could finish.
      sql(c, "select pg_terminate_backend(?)", backend);
      c.rollback();
    }
    add.get(30, TimeUnit.SECONDS);
    assertEquals(0, count("select count(*) from collections c join users u on u.id = c.owner_id where u.username = ?"
        + " and c.name = 'Deserts' and not exists (select 1 from collection_items i where i.collection_id = c.id)", me.username),
        "no empty collection is left behind");
  }

  private static String createKey(LibraryClient me) {
    Matcher m = CREATE_KEY.matcher(me.get("/prompts/new").body());
    assertTrue(m.find(), "the new-prompt form carries its key");
    return m.group(1);
  }

  private static List<String> titlesIn(String collectionPage) {
    List<String> titles = new ArrayList<>();
    Matcher m = Pattern.compile(">(Racer \\d)<").matcher(collectionPage);
    while (m.find()) {
      titles.add(m.group(1));
    }
    return titles;
  }

  private static String idBeforeTitle(String page, String title) {
    Matcher m = Pattern.compile("id=\"item-([A-Za-z0-9]{10})\"").matcher(page.substring(0, page.indexOf(">" + title + "<")));
    String id = null;
    while (m.find()) {
      id = m.group(1);
    }
    return id;
  }

  private static int occurrences(String text, String part) {
    return text.split(Pattern.quote(part), -1).length - 1;
  }

  /** Waits until this many of the app's statements wait for a row lock, and returns their backends. */
  private static List<Integer> awaitWaiting(int how, String table) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    try (Connection c = database()) {
      while (System.nanoTime() < deadline) {
        List<Integer> pids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select pid from pg_stat_activity where wait_event_type = 'Lock'"
            + " and pid <> pg_backend_pid() and query ilike ?")) {
          s.setString(1, "%" + table + "%");
          try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
              pids.add(rs.getInt(1));
            }
          }
        }
        if (pids.size() >= how) {
          return pids;
        }
        Thread.sleep(20);
      }
    }
    throw new AssertionError(how + " statements never waited on " + table);
  }

  private static Connection database() throws SQLException {
    TestServer.app();
    return TestServer.postgres().getPostgresDatabase().getConnection();
  }

  private static void sql(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      s.execute();
    }
  }

  private static int count(String sql, Object... args) throws SQLException {
    try (Connection c = database(); PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
