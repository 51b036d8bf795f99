package dev.visionary.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.App;
import dev.visionary.support.Accounts;
import dev.visionary.support.Http;
import dev.visionary.support.Jobs;
import dev.visionary.support.TestServer;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The library page is kept after rendering and served again until the person's things change. These tests
 * change them every way a person, a background job or another instance can, and expect the next view to
 * show it.
 */
class LibraryPageCacheTest {

  @Test
  void anUnchangedLibraryIsServedAgainAndARevisitGetsA304() {
    LibraryClient me = LibraryClient.signedIn("keep");
    me.save("title", "Quiet harbour", "text", "a quiet harbour at dawn");
    HttpResponse<String> first = me.get("/library");
    HttpResponse<String> second = me.get("/library");
    assertEquals(200, second.statusCode());
    assertEquals(first.body(), second.body());
    String etag = second.headers().firstValue("ETag").orElseThrow();
    assertEquals(etag, first.headers().firstValue("ETag").orElseThrow());
    assertEquals("private, no-cache", second.headers().firstValue("Cache-Control").orElseThrow());

    HttpResponse<String> revisit = me.get("/library", "If-None-Match", etag);
    assertEquals(304, revisit.statusCode());
    assertEquals("", revisit.body());

    HttpResponse<String> fragment = me.get("/library", "HX-Request", "true");
    assertFalse(fragment.body().contains("<html"), "HTMX still gets only the results, not the cached full page");
    assertTrue(fragment.body().contains("Quiet harbour"));
    assertTrue(me.get("/library").body().contains("<html"), "and a direct load still gets the full page");
  }

  @Test
  void everyChangeThePersonMakesShowsOnTheNextView() {
    LibraryClient me = LibraryClient.signedIn("change");
    String path = me.save("title", "Copper kettle", "text", "a copper kettle on a stove");
    String id = LibraryClient.idOf(path);
    String before = me.get("/library").body();
    assertTrue(before.contains("Copper kettle"));

    assertEquals(303, me.post("/p/" + id + "/edit", "title", "Brass kettle", "text", "a brass kettle on a stove",
        "target", "generic", "visibility", "private", "version", "1").statusCode());
    String edited = me.get("/library").body();
    assertTrue(edited.contains("Brass kettle") && !edited.contains("Copper kettle"), "an edit shows");

    assertEquals(303, me.post("/p/" + id + "/tags", "tags", "kitchenware").statusCode());
    assertTrue(me.get("/library").body().contains("?tag=kitchenware"), "a new tag shows on the card and in the filters");

    String collection = me.collection("Metalwork", "private");
    String withCollection = me.get("/library").body();
    assertTrue(withCollection.contains("Metalwork"), "a new collection shows in the filters");
    assertEquals(303, me.post("/p/" + id + "/collections", "collection_id", LibraryClient.idOf(collection)).statusCode());
    assertTrue(me.get("/library?collection=" + LibraryClient.idOf(collection)).body().contains("Brass kettle"));

    assertFalse(me.get("/library?bookmarked=1").body().contains("Brass kettle"));
    assertEquals(303, me.post("/p/" + id + "/bookmark").statusCode());
    assertTrue(me.get("/library?bookmarked=1").body().contains("Brass kettle"), "a bookmark shows under the bookmarked filter");

    assertEquals(303, me.post("/p/" + id + "/delete").statusCode());
    assertFalse(me.get("/library").body().contains("Brass kettle"), "a prompt sent to Trash leaves the library");
  }

  @Test
  void anImageFinishedByTheJobRunnerShowsOnTheCard() {
    LibraryClient me = LibraryClient.signedIn("imgcount");
    String path = me.save("title", "Misty pines", "text", "misty pine forest at dawn");
    assertFalse(me.get("/library").body().contains("1 image"));
    String job = Jobs.submit(me.http, "prompt", "misty pine forest at dawn", "prompt_id", LibraryClient.idOf(path), "size", "512x512");
    assertEquals(1, Jobs.imageIds(Jobs.awaitFinished(me.http, job, Duration.ofSeconds(60))).size());
    assertTrue(me.get("/library").body().contains("1 image"), "the job, not a request of the person, changed the card");
  }

  @Test
  void aChangeThroughAnotherInstanceShowsAtOnce() throws SQLException {
    LibraryClient me = LibraryClient.signedIn("twoinst");
    String path = me.save("title", "Paper lantern", "text", "a paper lantern in the rain");
    assertTrue(me.get("/library").body().contains("Paper lantern"));
    long revision = revisionOf(me.username);

    try (App second = TestServer.startApp(Map.of())) {
      Http onSecond = new Http("http://localhost:" + second.port());
      HttpCookie session = new HttpCookie("visionary_session", Accounts.sessionCookie(me.http));
      session.setPath("/");
      onSecond.cookies().getCookieStore().add(URI.create("http://localhost:" + second.port() + "/"), session);
      HttpResponse<String> renamed = onSecond.postForm("/p/" + LibraryClient.idOf(path) + "/edit", Http.form(
          "_csrf", Accounts.csrf(onSecond, "/library"), "title", "Silk lantern", "text", "a silk lantern in the rain",
          "target", "generic", "visibility", "private", "version", "1"));
      assertEquals(303, renamed.statusCode(), renamed.body());
    }
    assertNotEquals(revision, revisionOf(me.username));
    String after = me.get("/library").body();
    assertTrue(after.contains("Silk lantern") && !after.contains("Paper lantern"), "the first instance shows the change made on the second");
  }

  @Test
  void aChangeWrittenStraightToTheDatabaseShowsToo() throws SQLException {
    LibraryClient me = LibraryClient.signedIn("direct");
    String path = me.save("title", "Glass orchard", "text", "an orchard of glass trees");
    HttpResponse<String> before = me.get("/library");
    try (Connection c = TestServer.postgres().getPostgresDatabase().getConnection();
        PreparedStatement s = c.prepareStatement("update prompts set title = 'Crystal orchard' where id = ?")) {
      s.setString(1, LibraryClient.idOf(path));
      assertEquals(1, s.executeUpdate());
    }
    HttpResponse<String> after = me.get("/library", "If-None-Match", before.headers().firstValue("ETag").orElseThrow());
    assertEquals(200, after.statusCode(), "the old ETag no longer matches");
    assertTrue(after.body().contains("Crystal orchard"));
  }

  @Test
  void eachPersonOnlyEverGetsTheirOwnPage() {
    LibraryClient ann = LibraryClient.signedIn("annlib");
    LibraryClient bob = LibraryClient.signedIn("boblib");
    ann.save("title", "Ann's secret garden", "text", "a walled garden");
    bob.save("title", "Bob's desert road", "text", "an empty desert road");
    for (int i = 0; i < 2; i++) {
      String annPage = ann.get("/library").body();
      String bobPage = bob.get("/library").body();
      assertTrue(annPage.contains("secret garden") && !annPage.contains("desert road"));
      assertTrue(bobPage.contains("desert road") && !bobPage.contains("secret garden"));
      assertTrue(annPage.contains(ann.csrf()) && bobPage.contains(bob.csrf()), "each page carries its own session's form token");
    }
  }

  @Test
  void everyTransactionMovesTheRevisionToAValueNotSeenBefore() throws SQLException {
    LibraryClient me = LibraryClient.signedIn("revs");
    java.util.Set<Long> seen = new java.util.HashSet<>();
    seen.add(revisionOf(me.username));
    me.save("title", "One", "text", "first prompt");
    assertTrue(seen.add(revisionOf(me.username)));
    me.save("title", "Two", "text", "second prompt");
    assertTrue(seen.add(revisionOf(me.username)));
    try (Connection c = TestServer.postgres().getPostgresDatabase().getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement s = c.prepareStatement(
          "update prompts set use_count = use_count + 1 where owner_id = (select id from users where username = ?)")) {
        s.setString(1, me.username);
        assertEquals(2, s.executeUpdate());
      }
      assertTrue(seen.contains(revisionOf(me.username)), "not before the change commits");
      c.commit();
    }
    assertTrue(seen.add(revisionOf(me.username)), "a change to two prompts in one transaction moves it");
  }

  private static long revisionOf(String username) throws SQLException {
    try (Connection c = TestServer.postgres().getPostgresDatabase().getConnection();
        PreparedStatement s = c.prepareStatement("select revision from users where username = ?")) {
      s.setString(1, username);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
