package dev.visionary.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.App;
import dev.visionary.Config;
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
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    String name = "seeded_" + Long.toString(System.nanoTime(), 36);
    try (Connection c = TestServer.postgres().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("create database " + name);
    }
    env = Map.of("DATABASE_URL", TestServer.postgres().getJdbcUrl("postgres", name), "PORT", "0");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (Database database = Database.start(Config.from(env))) {
      Seed.run(database, new Seed.Options(3, 2_000, 20), new PrintStream(printed, true, StandardCharsets.UTF_8));
    }
    output = printed.toString(StandardCharsets.UTF_8);
    app = TestServer.startApp(env);
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
