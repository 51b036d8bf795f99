package dev.visionary.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.App;
import dev.visionary.config.Config;
import dev.visionary.db.Database;
import dev.visionary.support.Accounts;
import dev.visionary.support.Http;
import dev.visionary.support.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A small seed into a database of its own, then the seeded data seen through the app's pages. */
class SeedTest {
  private static final Pattern CARD_LINK = Pattern.compile("href=\"(/p/[^\"/]+/[^\"]+)\"");
  private static String output;
  private static Map<String, String> env;
  private static App app;

  @BeforeAll
  static void seed() throws Exception {
    env = newDatabase("seeded_");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (Database database = Database.start(Config.from(env))) {
      Seed.run(database, new Seed.Options(3, 2_000, 20), new PrintStream(printed, true, StandardCharsets.UTF_8));
    }
    output = printed.toString(StandardCharsets.UTF_8);
    app = TestServer.startApp(env);
  }

  private static Map<String, String> newDatabase(String prefix) throws SQLException {
    String name = prefix + Long.toString(System.nanoTime(), 36);
    try (Connection c = TestServer.postgres().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("create database " + name);
    }
    return Map.of("DATABASE_URL", TestServer.postgres().getJdbcUrl("postgres", name), "PORT", "0");
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void shouldReportWhatItMade() {
    assertTrue(output.contains("seeded 3 users, 2,000 prompts, 20 images"), output);
    assertTrue(output.contains("with password " + Seed.PASSWORD), output);
  }

  @Test
  void searchWordsAndTagTextAreWhatTheLibraryTriggersWouldWrite() throws Exception {
    String triggerWords = "select distinct p.owner_id, w from prompts p,"
        + " regexp_split_to_table(lower(unaccent(p.title || ' ' || p.text || ' ' || p.idea || ' ' || p.tag_text)), '[^[:alnum:]]+') w"
        + " where length(w) between 3 and 40";
    String tagText = "select p.id, coalesce((select string_agg(t.name::text, ' ' order by t.name) from prompt_tags pt"
        + " join tags t on t.id = pt.tag_id where pt.prompt_id = p.id), '') from prompts p";
    try (Database database = Database.start(Config.from(env))) {
      database.jdbi().useHandle(h -> {
        assertEquals(0, h.createQuery("select count(*) from ((" + triggerWords + ") except (select owner_id, word from search_words)) x")
            .mapTo(Long.class).one());
        assertEquals(0, h.createQuery("select count(*) from ((select owner_id, word from search_words) except (" + triggerWords + ")) x")
            .mapTo(Long.class).one());
        assertEquals(0, h.createQuery("select count(*) from ((" + tagText + ") except (select id, tag_text from prompts)) x")
            .mapTo(Long.class).one());
        assertTrue(h.createQuery("select count(*) from prompt_tags").mapTo(Long.class).one() > 1_000);
      });
    }
  }

  @Test
  void everyTableHoldsItsRows() throws Exception {
    try (Database database = Database.start(Config.from(env))) {
      database.jdbi().useHandle(h -> {
        assertEquals(3, count(h, "select count(*) from users"));
        assertEquals(2_000, count(h, "select count(*) from prompts"));
        assertEquals(2_000, count(h, "select count(*) from prompt_versions v join prompts p on p.id = v.prompt_id"
            + " where v.version = 1 and v.text = p.text and v.title = p.title and v.created_at = p.created_at"));
        assertEquals(20, count(h, "select count(*) from images"));
        assertEquals(20, count(h, "select count(*) from prompts where image_count = 1 and cover_image_id is not null"));
        assertTrue(count(h, "select count(*) from collection_items") > 0);
        assertTrue(count(h, "select count(*) from bookmarks") > 0);
        assertTrue(count(h, "select count(*) from search_words") > 1_000);
      });
    }
  }

  /**
   * The seed sets indexes, foreign keys and triggers aside while it loads; afterwards the schema must be the one the
   * migrations made, every index valid and every key checked, or the app would run on a database nobody has.
   */
  @Test
  void schemaIsWhatTheMigrationsMadeWithIndexesValidAndKeysChecked() throws Exception {
    List<String> seeded;
    try (Database database = Database.start(Config.from(env))) {
      seeded = database.jdbi().withHandle(SeedTest::schema);
      database.jdbi().useHandle(h -> {
        assertEquals(0, count(h, "select count(*) from pg_index i join pg_class c on c.oid = i.indrelid"
            + " where c.relnamespace = 'public'::regnamespace and not (i.indisvalid and i.indisready)"));
        // Vacuumed (listings use index-only scans) and analyzed (the planner knows the tables' sizes). The visibility
        // map itself stays empty here: the test server commits asynchronously, and VACUUM leaves pages whose
        // commit is not yet flushed as they are.
        for (String table : List.of("prompts", "prompt_versions", "prompt_tags", "search_words", "bookmarks", "collection_items")) {
          assertEquals(1, count(h, "select count(*) from pg_stat_user_tables where relname = '" + table + "'"
              + " and last_vacuum is not null and last_analyze is not null"), table);
        }
        assertTrue(count(h, "select count(*) from pg_stats where tablename = 'prompts' and attname = 'tsv'") > 0);
      });
    }
    assertEquals(schema(newDatabase("pristine_")), seeded);
  }

  /** A seed that fails after the prompts are in removes what it added and puts indexes, keys and triggers back. */
  @Test
  void failedSeedLeavesTheDatabaseAsItFoundIt() throws Exception {
    Map<String, String> failing = newDatabase("failing_");
    List<String> pristine = schema(failing);
    try (Database database = Database.start(Config.from(failing))) {
      database.jdbi().useHandle(h -> h.execute("create function seed_test_refuse() returns trigger language plpgsql as $$"
          + " begin raise exception 'bookmarks refused by the test'; end $$;"
          + " create trigger seed_test_refuse before insert on bookmarks for each statement execute function seed_test_refuse()"));
      Exception e = assertThrows(Exception.class,
          () -> Seed.run(database, new Seed.Options(3, 2_000, 20), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
      Throwable cause = e;
      while (cause.getCause() != null && !String.valueOf(cause.getMessage()).contains("bookmarks refused by the test")) {
        cause = cause.getCause();
      }
      assertTrue(String.valueOf(cause.getMessage()).contains("bookmarks refused by the test"), e.toString());
      database.jdbi().useHandle(h -> {
        h.execute("drop trigger seed_test_refuse on bookmarks; drop function seed_test_refuse()");
        for (String table : List.of("users", "prompts", "prompt_versions", "prompt_tags", "tags", "search_words", "collections",
            "collection_items", "bookmarks", "generation_jobs", "images", "image_blobs")) {
          assertEquals(0, count(h, "select count(*) from " + table), table);
        }
      });
    }
    assertEquals(pristine, schema(failing));
  }

  @Test
  void seededUserSignsInAndSearchesTheirLibrary() {
    Http http = signedInAsFirstUser();
    HttpResponse<String> library = http.get("/library");
    assertEquals(200, library.statusCode());
    assertTrue(CARD_LINK.matcher(library.body()).find(), "the library lists seeded prompts");

    HttpResponse<String> broad = http.get("/library?q=" + encode(printed("query.broad")));
    assertEquals(200, broad.statusCode());
    Matcher card = CARD_LINK.matcher(broad.body());
    assertTrue(card.find(), "a word in a quarter of the prompts finds some");
    assertEquals(200, http.get(card.group(1)).statusCode());

    HttpResponse<String> nowhere = http.get("/library?q=" + encode(printed("query.nowhere")));
    assertEquals(200, nowhere.statusCode());
    assertTrue(!CARD_LINK.matcher(nowhere.body()).find(), "a word in no prompt finds none");
  }

  @Test
  void seededImageIsAnswered304ForItsEtag() {
    Http http = signedInAsFirstUser();
    String[] image = printed("image").split(" ", 2);
    assertEquals(200, http.getBytes(image[0]).statusCode());
    assertEquals(304, http.getBytes(image[0], "If-None-Match", image[1]).statusCode());
  }

  @Test
  void exploreShowsPublicSeededPrompts() {
    Http anonymous = new Http("http://localhost:" + app.port());
    HttpResponse<String> explore = anonymous.get("/explore?q=" + encode(printed("query.broad")));
    assertEquals(200, explore.statusCode());
    assertTrue(CARD_LINK.matcher(explore.body()).find(), "explore lists public seeded prompts");
  }

  @Test
  void printedPublicCollectionOfAnotherPersonIsShownToEveryone() {
    String collection = printed("collection.public");
    assertTrue(collection.startsWith("/c/"), collection);
    HttpResponse<String> page = new Http("http://localhost:" + app.port()).get(collection);
    assertEquals(200, page.statusCode());
    assertTrue(CARD_LINK.matcher(page.body()).find(), "the shared collection lists its prompts");
  }

  private static long count(Handle h, String query) {
    return h.createQuery(query).mapTo(Long.class).one();
  }

  private static List<String> schema(Map<String, String> database) throws SQLException {
    try (Database d = Database.start(Config.from(database))) {
      return d.jdbi().withHandle(SeedTest::schema);
    }
  }

  /** Indexes, constraints (and whether they are checked), triggers (and whether they are on) and table options. */
  private static List<String> schema(Handle h) {
    return h.createQuery("select format('index %s: %s', indexname, indexdef) from pg_indexes where schemaname = 'public'"
        + " union all select format('constraint %s.%s: %s validated=%s', conrelid::regclass, conname, pg_get_constraintdef(oid), convalidated)"
        + "   from pg_constraint where connamespace = 'public'::regnamespace"
        + " union all select format('trigger %s.%s: enabled=%s', tgrelid::regclass, tgname, tgenabled) from pg_trigger"
        + "   where not tgisinternal and tgrelid in (select oid from pg_class where relnamespace = 'public'::regnamespace)"
        + " union all select format('table %s: %s', relname, reloptions) from pg_class"
        + "   where relnamespace = 'public'::regnamespace and relkind = 'r'"
        + " order by 1").mapTo(String.class).list();
  }

  private static Http signedInAsFirstUser() {
    Http http = new Http("http://localhost:" + app.port());
    assertEquals(303, Accounts.logIn(http, Seed.username(0, 3), Seed.PASSWORD).statusCode());
    return http;
  }

  private static String printed(String key) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(key) + "=(.+)$").matcher(output);
    assertTrue(m.find(), key + " is printed: " + output);
    return m.group(1).strip();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
