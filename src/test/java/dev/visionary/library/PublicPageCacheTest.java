package dev.visionary.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.App;
import dev.visionary.support.Accounts;
import dev.visionary.support.Http;
import dev.visionary.support.StatementLog;
import dev.visionary.support.TestServer;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Pages that show other people's things (a public prompt, a collection, a profile, Explore, bookmarks) are kept after rendering
 * and shared by every visitor who sees the same thing. These tests change what the pages show every way the
 * owner, another person or another instance can, and expect the very next view to show it.
 */
class PublicPageCacheTest {
  /** Every page carries its session's token in the body's hx-headers, signed in or not. */
  private static final Pattern CSRF = Pattern.compile("X-CSRF-Token(?:&quot;|\")\\s*:\\s*(?:&quot;|\")([^&\"]+)");
  private static final Pattern RENDERS = Pattern.compile("(?m)^visionary_pages_shared_renders_total(?:\\{[^}]*\\})? ([0-9.E]+)$");

  @Test
  void aSecondViewIsServedFromTheKeptPageAndARevisitGetsA304() {
    LibraryClient owner = LibraryClient.signedIn("pubkeep");
    String path = owner.save("title", "Amber lighthouse", "text", "an amber lighthouse at dusk", "visibility", "public");
    Http visitor = LibraryClient.anonymous();
    HttpResponse<String> first = visitor.get(path);
    assertEquals(200, first.statusCode());
    assertTrue(first.body().contains("Amber lighthouse"));

    double before = renders();
    HttpResponse<String> second = visitor.get(path);
    assertEquals(before, renders(), "the second view was not rendered again");
    assertEquals(first.body(), second.body());
    String etag = second.headers().firstValue("ETag").orElseThrow();
    assertEquals(etag, first.headers().firstValue("ETag").orElseThrow());

    HttpResponse<String> revisit = visitor.get(path, "If-None-Match", etag);
    assertEquals(304, revisit.statusCode());
    assertEquals("", revisit.body());

    Http another = LibraryClient.anonymous();
    HttpResponse<String> theirs = another.get(path);
    assertEquals(before, renders(), "another signed-out visitor gets the same kept page");
    assertNotEquals(csrf(first), csrf(theirs), "with their own CSRF token");
    assertFalse(theirs.body().contains(csrf(first)));
    assertNotEquals(etag, theirs.headers().firstValue("ETag").orElseThrow(), "so a 304 never keeps someone else's token");
  }

  @Test
  void aBrowserThatTakesGzipGetsTheKeptPageCompressedWithItsOwnToken() throws Exception {
    LibraryClient owner = LibraryClient.signedIn("pubgzip");
    String path = owner.save("title", "Quartz heron", "text", "a quartz heron in a reed bed", "visibility", "public");
    Http visitor = LibraryClient.anonymous();
    String plain = visitor.get(path).body();
    double before = renders();
    String accept = "gzip, deflate, br, zstd";

    HttpResponse<byte[]> zipped = visitor.getBytes(path, "Accept-Encoding", accept);
    assertEquals(200, zipped.statusCode());
    assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElse(""));
    assertTrue(zipped.body().length < plain.length() / 2, "compressed: " + zipped.body().length + " of " + plain.length());
    assertEquals(plain, gunzip(zipped.body()), "the same page, token and all, once inflated");
    assertEquals(before, renders(), "served from the kept page, not rendered again");
    assertTrue(zipped.headers().firstValue("Vary").orElse("").contains("Accept-Encoding"));

    String etag = zipped.headers().firstValue("ETag").orElseThrow();
    assertNotEquals(visitor.get(path).headers().firstValue("ETag").orElseThrow(), etag, "each encoding has its own validator");
    assertEquals(304, visitor.getBytes(path, "Accept-Encoding", accept, "If-None-Match", etag).statusCode());
    assertEquals(200, visitor.get(path, "If-None-Match", etag).statusCode(), "the compressed copy's tag does not validate the plain one");

    Http another = LibraryClient.anonymous();
    another.get(path);
    String theirs = gunzip(another.getBytes(path, "Accept-Encoding", "gzip").body());
    assertNotEquals(csrf(plain), csrf(theirs), "another visitor's compressed copy carries their own token");
    assertEquals(plain.replace(csrf(plain), csrf(theirs)), theirs);
    assertEquals("", another.getBytes(path, "Accept-Encoding", "gzip;q=0, identity").headers().firstValue("Content-Encoding").orElse(""),
        "gzip refused with q=0 is not sent");

    HttpResponse<byte[]> library = owner.http.getBytes("/library", "Accept-Encoding", accept);
    assertEquals("gzip", library.headers().firstValue("Content-Encoding").orElse(""), "a person's own kept library too");
    assertEquals(owner.get("/library").body(), gunzip(library.body()));
  }

  private static String gunzip(byte[] gzip) throws java.io.IOException {
    try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzip))) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  @Test
  void aForksAndAParentsChangesShowOnTheOtherPageAtOnce() {
    LibraryClient alice = LibraryClient.signedIn("pubparent");
    LibraryClient bob = LibraryClient.signedIn("pubforker");
    String parent = alice.save("title", "Paper moon", "text", "a paper moon over a harbour", "visibility", "public");
    String parentId = LibraryClient.idOf(parent);
    Http visitor = LibraryClient.anonymous();
    assertFalse(visitor.get(parent).body().contains("Forks"), "no forks yet");

    HttpResponse<String> forked = bob.post("/p/" + parentId + "/fork");
    assertEquals(303, forked.statusCode());
    String forkId = LibraryClient.idOf(forked.headers().firstValue("Location").orElseThrow());
    assertEquals(303, bob.post("/p/" + forkId + "/edit", "title", "Tin moon", "text", "a tin moon over a harbour",
        "target", "generic", "visibility", "public", "version", "1").statusCode());
    assertTrue(visitor.get(parent).body().contains("Tin moon"), "a fork made public by its owner shows on the parent's page");
    assertEquals(303, bob.post("/p/" + forkId + "/edit", "title", "Copper moon", "text", "a copper moon over a harbour",
        "target", "generic", "visibility", "public", "version", "2").statusCode());
    String renamedFork = visitor.get(parent).body();
    assertTrue(renamedFork.contains("Copper moon") && !renamedFork.contains("Tin moon"), "and its new title");

    String forkPage = "/p/" + forkId + "/copper-moon";
    assertTrue(visitor.get(forkPage).body().contains("Paper moon"), "the fork names its parent");
    assertEquals(303, alice.post("/p/" + parentId + "/edit", "title", "Silk moon", "text", "a silk moon over a harbour",
        "target", "generic", "visibility", "public", "version", "1").statusCode());
    String renamedParent = visitor.get(forkPage).body();
    assertTrue(renamedParent.contains("Silk moon") && !renamedParent.contains("Paper moon"), "the parent's new title shows on the fork");
  }

  @Test
  void everyChangeShowsOnTheNextView() {
    LibraryClient owner = LibraryClient.signedIn("pubchange");
    LibraryClient fan = LibraryClient.signedIn("pubfan");
    String path = owner.save("title", "Tin robot", "text", "a tin robot reading", "visibility", "public");
    String id = LibraryClient.idOf(path);
    Http visitor = LibraryClient.anonymous();
    assertTrue(visitor.get(path).body().contains("Tin robot"));

    assertEquals(303, owner.post("/p/" + id + "/edit", "title", "Brass robot", "text", "a brass robot reading",
        "target", "generic", "visibility", "public", "version", "1").statusCode());
    String renamed = visitor.get("/p/" + id + "/brass-robot").body();
    assertTrue(renamed.contains("Brass robot") && !renamed.contains("Tin robot"), "the owner's edit shows");

    assertTrue(renamed.contains("0 bookmarks"));
    assertEquals(303, fan.post("/p/" + id + "/bookmark").statusCode());
    assertTrue(visitor.get("/p/" + id + "/brass-robot").body().contains("1 bookmark<"), "someone else's bookmark counts at once");

    String collection = owner.collection("Robots", "public");
    String collectionId = collection.split("/")[2];
    owner.post("/p/" + id + "/collections", "collection_id", collectionId);
    assertTrue(visitor.get(collection).body().contains("Brass robot"));
    assertEquals(303, owner.post("/c/" + collectionId + "/remove", "prompt_id", id).statusCode());
    assertFalse(visitor.get(collection).body().contains("Brass robot"), "a removed item goes at once");
    assertEquals(303, owner.post("/c/" + collectionId + "/edit", "name", "Machines", "visibility", "public").statusCode());
    assertEquals(301, visitor.get(collection).statusCode(), "a renamed collection moves");
    assertEquals(303, owner.post("/c/" + collectionId + "/edit", "name", "Machines", "visibility", "private").statusCode());
    assertEquals(404, visitor.get("/c/" + collectionId + "/machines").statusCode(), "a collection made private is gone for others");

    assertTrue(visitor.get("/u/" + owner.username).body().contains("Brass robot"));
    assertEquals(303, owner.post("/p/" + id + "/edit", "title", "Brass robot", "text", "a brass robot reading",
        "target", "generic", "visibility", "private", "version", "2").statusCode());
    assertEquals(404, visitor.get("/p/" + id + "/brass-robot").statusCode(), "a prompt made private is gone for others at once");
    assertFalse(visitor.get("/u/" + owner.username).body().contains("Brass robot"), "and from the profile");
    assertEquals(200, owner.get("/p/" + id + "/brass-robot").statusCode(), "while its owner still sees it");

    assertEquals(303, owner.post("/p/" + id + "/edit", "title", "Brass robot", "text", "a brass robot reading",
        "target", "generic", "visibility", "public", "version", "2").statusCode());
    assertEquals(200, visitor.get("/p/" + id + "/brass-robot").statusCode());
    assertEquals(303, owner.post("/p/" + id + "/delete").statusCode());
    assertEquals(404, visitor.get("/p/" + id + "/brass-robot").statusCode(), "a deleted prompt is gone at once");
  }

  @Test
  void aCollectionHoldsOnlyItsOwnersPromptsAndShowsTheirChangesOnTheNextView() {
    LibraryClient author = LibraryClient.signedIn("pubauthor");
    LibraryClient curator = LibraryClient.signedIn("pubcurator");
    String theirs = author.save("title", "Copper kettle", "text", "a copper kettle on a stove", "visibility", "public");
    String collection = curator.collection("Kitchens", "public");
    String collectionId = collection.split("/")[2];
    // The page is kept under its owner's revision alone, which holds only while no one else's prompt can be in it.
    assertEquals(404, curator.post("/p/" + LibraryClient.idOf(theirs) + "/collections", "collection_id", collectionId).statusCode());

    String id = LibraryClient.idOf(curator.save("title", "Tin kettle", "text", "a tin kettle on a stove", "visibility", "public"));
    assertEquals(303, curator.post("/p/" + id + "/collections", "collection_id", collectionId).statusCode());
    Http visitor = LibraryClient.anonymous();
    assertTrue(visitor.get(collection).body().contains("Tin kettle"));
    assertTrue(visitor.get(collection).body().contains("Tin kettle"), "kept");
    assertEquals(303, curator.post("/p/" + id + "/edit", "title", "Iron kettle", "text", "an iron kettle on a stove",
        "target", "generic", "visibility", "public", "version", "1").statusCode());
    String edited = visitor.get(collection).body();
    assertTrue(edited.contains("Iron kettle") && !edited.contains("Tin kettle"), "an edit of an item shows at once");
    assertEquals(303, curator.post("/p/" + id + "/edit", "title", "Iron kettle", "text", "an iron kettle on a stove",
        "target", "generic", "visibility", "private", "version", "2").statusCode());
    assertFalse(visitor.get(collection).body().contains("Iron kettle"), "an item made private leaves the page for others at once");
    assertTrue(curator.get(collection).body().contains("Iron kettle"), "while its owner still sees it there");
  }

  @Test
  void viewersNeverSeeEachOthersHeaderTokenOrBookmark() {
    LibraryClient owner = LibraryClient.signedIn("pubown");
    LibraryClient alice = LibraryClient.signedIn("pubalice");
    LibraryClient bob = LibraryClient.signedIn("pubbob");
    String path = owner.save("title", "Velvet moth", "text", "a velvet moth on a lamp", "visibility", "public");
    assertEquals(303, bob.post("/p/" + LibraryClient.idOf(path) + "/bookmark").statusCode());

    String forAlice = alice.get(path).body();
    String forBob = bob.get(path).body();
    String forOwner = owner.get(path).body();
    String forNobody = LibraryClient.anonymous().get(path).body();
    assertTrue(forAlice.contains(">" + alice.username + "<") && !forAlice.contains(bob.username));
    assertTrue(forBob.contains(">" + bob.username + "<") && !forBob.contains(alice.username));
    assertFalse(forNobody.contains(alice.username) || forNobody.contains(bob.username));
    assertTrue(forBob.contains("★ Bookmarked · 1"), "bob sees his own bookmark");
    assertTrue(forAlice.contains("☆ Bookmark · 1") && forNobody.contains("1 bookmark<"), "others see only the count");
    assertTrue(forOwner.contains("/edit"), "the owner gets the owner's page");
    assertFalse(forAlice.contains("/p/" + LibraryClient.idOf(path) + "/edit"));
    assertEquals(alice.csrf(), csrf(forAlice));
    assertEquals(bob.csrf(), csrf(forBob));

    // A second session of the same person shares the kept page but never the first session's token.
    Http aliceAgain = Http.toTestServer();
    Accounts.logIn(aliceAgain, alice.username, Accounts.PASSWORD);
    String again = aliceAgain.get(path).body();
    assertTrue(again.contains(">" + alice.username + "<"));
    assertFalse(again.contains(csrf(forAlice)));
    assertEquals(Accounts.csrf(aliceAgain, "/collections"), csrf(again));
  }

  @Test
  void aChangeThroughAnotherInstanceShowsOnTheNextView() {
    LibraryClient owner = LibraryClient.signedIn("pubtwo");
    String path = owner.save("title", "Paper crane", "text", "a paper crane on a sill", "visibility", "public");
    String id = LibraryClient.idOf(path);
    Http visitor = LibraryClient.anonymous();
    HttpResponse<String> before = visitor.get(path);
    assertTrue(before.body().contains("Paper crane"));
    String etag = before.headers().firstValue("ETag").orElseThrow();
    assertEquals(304, visitor.get(path, "If-None-Match", etag).statusCode());

    try (App second = TestServer.startApp(Map.of())) {
      edit(signedInOn(second, owner), id, "Paper crane", "a folded paper crane on a sill", "public", "1");
    }
    HttpResponse<String> after = visitor.get(path, "If-None-Match", etag);
    assertEquals(200, after.statusCode(), "the old ETag no longer matches");
    assertTrue(after.body().contains("a folded paper crane on a sill"), "the first instance shows the change made on the second");
  }

  @Test
  void exploreAndBookmarksAreKeptAndShowAChangeThroughAnotherInstance() {
    LibraryClient owner = LibraryClient.signedIn("pubexp");
    LibraryClient fan = LibraryClient.signedIn("pubexpfan");
    // A word of its own, so other tests' public prompts never push this one off the page.
    String word = "quillfern" + new java.util.Random().ints(6, 'a', 'z' + 1)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
    String path = owner.save("title", "Cobalt kite", "text", "a cobalt kite over " + word, "visibility", "public");
    String id = LibraryClient.idOf(path);
    owner.save("title", "Hidden kite", "text", "a hidden kite over " + word, "visibility", "private");
    assertEquals(303, fan.post("/p/" + id + "/bookmark").statusCode());
    String search = "/explore?q=" + word;
    Http visitor = LibraryClient.anonymous();

    HttpResponse<String> first = visitor.get(search);
    assertTrue(first.body().contains("Cobalt kite") && !first.body().contains("Hidden kite"), "a private prompt never shows on Explore");
    assertTrue(fan.get("/bookmarks").body().contains("Cobalt kite"));
    assertEquals(200, visitor.get("/explore").statusCode());
    double before = renders();
    HttpResponse<String> second = visitor.get(search);
    assertTrue(fan.get("/bookmarks").body().contains("Cobalt kite"));
    assertEquals(200, visitor.get("/explore").statusCode());
    assertEquals(before, renders(), "second views of Explore, its search and bookmarks are not rendered again");
    assertEquals(first.body(), second.body());
    String etag = second.headers().firstValue("ETag").orElseThrow();
    assertEquals(304, visitor.get(search, "If-None-Match", etag).statusCode(), "a revisit gets a 304");
    assertTrue(visitor.get(search, "HX-Request", "true").body().contains("Cobalt kite"), "and the HTMX results are kept too");

    try (App other = TestServer.startApp(Map.of())) {
      Http onSecond = signedInOn(other, owner);
      edit(onSecond, id, "Cobalt glider", "a cobalt glider over " + word, "public", "1");
      HttpResponse<String> changed = visitor.get(search, "If-None-Match", etag);
      assertEquals(200, changed.statusCode(), "the old ETag no longer matches");
      assertTrue(changed.body().contains("Cobalt glider") && !changed.body().contains("Cobalt kite"), "Explore shows the change at once");
      assertFalse(changed.body().contains("Hidden kite"));
      assertTrue(fan.get("/bookmarks").body().contains("Cobalt glider"), "so do the bookmarks of someone else");

      edit(onSecond, id, "Cobalt glider", "a cobalt glider over " + word, "private", "2");
      assertFalse(visitor.get(search).body().contains("Cobalt glider"), "a prompt made private leaves Explore at once");
      assertFalse(fan.get("/bookmarks").body().contains("Cobalt glider"), "and other people's bookmarks");
    }
  }

  @Test
  void aViewOfAKeptPageReadsTheDatabaseOnceAndStillSeesTheNextChange() {
    LibraryClient owner = LibraryClient.signedIn("pubonce");
    LibraryClient reader = LibraryClient.signedIn("pubonceread");
    String prompt = owner.save("title", "Tin lantern", "text", "a tin lantern in the rain", "visibility", "public");
    String collection = owner.collection("Lanterns", "public");
    assertEquals(303, owner.post("/p/" + LibraryClient.idOf(prompt) + "/collections", "collection_id", LibraryClient.idOf(collection)).statusCode());
    assertEquals(303, reader.post("/p/" + LibraryClient.idOf(prompt) + "/bookmark").statusCode());
    // An instance of its own, so only these requests' statements are counted.
    try (App counted = TestServer.startApp(Map.of())) {
      List<String> statements = StatementLog.of(counted);
      Http signedIn = signedInOn(counted, reader);
      Http anonymous = new Http("http://localhost:" + counted.port());
      for (String path : List.of(prompt, collection, "/u/" + owner.username, "/explore", "/bookmarks")) {
        for (Http viewer : path.equals("/bookmarks") ? List.of(signedIn) : List.of(signedIn, anonymous)) {
          assertEquals(200, viewer.get(path).statusCode(), path);
          statements.clear();
          HttpResponse<String> kept = viewer.get(path);
          assertEquals(200, kept.statusCode(), path);
          // Explore lists everyone's newest prompts, which other tests add to; the others are this test's own.
          assertTrue(path.equals("/explore") || kept.body().contains("Tin lantern"), path);
          assertEquals(1, statements.size(), "the session and the page's key in one statement for " + path + ": " + statements);
        }
      }

      edit(signedInOn(counted, owner), LibraryClient.idOf(prompt), "Tin lantern", "a tin lantern in the snow", "public", "1");
      assertTrue(signedIn.get(prompt).body().contains("a tin lantern in the snow"), "the next view after a change shows it");
      edit(signedInOn(counted, owner), LibraryClient.idOf(prompt), "Tin lantern", "a tin lantern in the snow", "private", "2");
      assertEquals(404, signedIn.get(prompt).statusCode(), "a prompt made private is gone on the next view");
      assertEquals(404, anonymous.get(prompt).statusCode());
    }
  }

  /** A client of a second app instance on the same database, signed in with the owner's session. */
  private static Http signedInOn(App second, LibraryClient owner) {
    Http onSecond = new Http("http://localhost:" + second.port());
    HttpCookie session = new HttpCookie("visionary_session", Accounts.sessionCookie(owner.http));
    session.setPath("/");
    onSecond.cookies().getCookieStore().add(URI.create("http://localhost:" + second.port() + "/"), session);
    return onSecond;
  }

  private static void edit(Http http, String id, String title, String text, String visibility, String version) {
    HttpResponse<String> edited = http.postForm("/p/" + id + "/edit", Http.form(
        "_csrf", Accounts.csrf(http, "/library"), "title", title, "text", text,
        "target", "generic", "visibility", visibility, "version", version));
    assertEquals(303, edited.statusCode(), edited.body());
  }

  private static String csrf(HttpResponse<String> page) {
    return csrf(page.body());
  }

  private static String csrf(String body) {
    Matcher m = CSRF.matcher(body);
    assertTrue(m.find(), "the page carries a CSRF token");
    return m.group(1);
  }

  private static double renders() {
    String metrics = LibraryClient.anonymous().get("/metrics").body();
    Matcher m = RENDERS.matcher(metrics);
    assertTrue(m.find(), "the cache reports its renders");
    return Double.parseDouble(m.group(1));
  }
}
