package dev.visionary.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class PromptHttpTest {

  @Test
  void savingAPromptRedirectsToItsPageWithATitleSuggestedFromTheIdea() {
    LibraryClient me = LibraryClient.signedIn("saver");
    String path = me.save("text", "a lighthouse on a cliff at dusk, volumetric light", "idea", "lighthouse at dusk",
        "target", "midjourney", "params", "{\"ar\": \"16:9\"}", "tags", "coast, Light, coast");
    assertTrue(path.matches("/p/[A-Za-z0-9]{10}/lighthouse-at-dusk"), path);
    HttpResponse<String> page = me.get(path);
    assertEquals(200, page.statusCode());
    String html = page.body();
    assertTrue(html.contains("<title>Lighthouse at dusk · Visionary</title>"));
    assertTrue(html.contains("a lighthouse on a cliff at dusk, volumetric light"));
    assertTrue(html.contains("Midjourney"));
    assertTrue(html.contains("16:9"));
    assertTrue(html.contains(">coast<") && html.contains(">Light<"), "tags are shown, duplicates dropped");
    assertTrue(html.contains("id=\"gallery\""), "the prompt page has a place for images");
    assertFalse(html.contains("og:title"), "a private prompt has no link preview");
  }

  @Test
  void underHtmxSavingAnswersASmallFragmentLinkingToThePrompt() {
    LibraryClient me = LibraryClient.signedIn("htmxsave");
    HttpResponse<String> saved = me.http.postForm("/prompts", dev.visionary.support.Http.form("text", "neon koi pond", "title", "Koi",
        "expansion_id", "exp123", "visibility", "unlisted"), "HX-Request", "true", "X-CSRF-Token", me.csrf());
    assertEquals(201, saved.statusCode());
    assertFalse(saved.body().contains("<html"));
    assertTrue(saved.body().matches("(?s).*Saved.*href=\"/p/[A-Za-z0-9]{10}/koi\".*"), saved.body());

    HttpResponse<String> refused = me.http.postForm("/prompts", dev.visionary.support.Http.form("text", ""),
        "HX-Request", "true", "X-CSRF-Token", me.csrf());
    assertEquals(422, refused.statusCode());
    assertEquals("#flash", refused.headers().firstValue("HX-Retarget").orElse(""));
    assertTrue(refused.body().contains("Not saved:") && refused.body().contains("Write the prompt itself"));
  }

  @Test
  void badInputIsExplainedOnTheFormWithWhatWasTypedKept() {
    LibraryClient me = LibraryClient.signedIn("badsave");
    HttpResponse<String> empty = me.post("/prompts", "title", "My <b>title</b>", "text", "  ");
    assertEquals(422, empty.statusCode());
    assertTrue(empty.body().contains("Write the prompt itself"));
    assertTrue(empty.body().contains("value=\"My &lt;b&gt;title&lt;/b&gt;\""), "typed title kept, escaped");

    HttpResponse<String> params = me.post("/prompts", "text", "a cat", "params", "[1,2]", "target", "nope", "visibility", "everyone");
    assertEquals(422, params.statusCode());
    assertTrue(params.body().contains("Parameters must be a JSON object"));
    assertTrue(params.body().contains("Choose a target model from the list."));
    assertTrue(params.body().contains("Choose private, unlisted or public."));
    assertTrue(params.body().contains("a cat</textarea>"));

    HttpResponse<String> tooLong = me.post("/prompts", "text", "x".repeat(PromptForm.MAX_TEXT + 1));
    assertEquals(422, tooLong.statusCode());
    assertTrue(tooLong.body().contains("too long"));
  }

  @Test
  void renamingRedirectsOldSlugsAndEditsMakeVersionsThatCanBeRestored() {
    LibraryClient me = LibraryClient.signedIn("editor");
    String first = me.save("title", "Red fox", "text", "a red fox in snow", "visibility", "public");
    String id = LibraryClient.idOf(first);
    HttpResponse<String> edited = me.post("/p/" + id + "/edit", "title", "Arctic fox", "text", "a white arctic fox in deep snow",
        "visibility", "public", "version", "1", "note", "whiter");
    assertEquals(303, edited.statusCode());
    String second = edited.headers().firstValue("Location").orElseThrow();
    assertEquals("/p/" + id + "/arctic-fox", second);

    HttpResponse<String> old = LibraryClient.anonymous().get(first);
    assertEquals(301, old.statusCode(), "the old slug still works");
    assertEquals(second, old.headers().firstValue("Location").orElseThrow());
    assertEquals(301, LibraryClient.anonymous().get("/p/" + id).statusCode());

    HttpResponse<String> history = me.get("/p/" + id + "/history");
    assertEquals(200, history.statusCode());
    assertTrue(history.body().contains("Version 2 (current)"));
    assertTrue(history.body().contains("<del>red</del><ins>white</ins>"), "the diff shows the changed words");
    assertTrue(history.body().contains("<ins>deep </ins>"));
    assertTrue(history.body().contains("whiter"));

    HttpResponse<String> stale = me.post("/p/" + id + "/edit", "title", "Fox", "text", "fox", "version", "1");
    assertEquals(409, stale.statusCode(), "an edit of an older version does not silently overwrite");
    assertTrue(stale.body().contains("changed elsewhere"));

    assertEquals(303, me.post("/p/" + id + "/versions/1/restore").statusCode());
    HttpResponse<String> restored = me.get("/p/" + id + "/red-fox");
    assertEquals(200, restored.statusCode());
    assertTrue(restored.body().contains("a red fox in snow"));
    assertTrue(restored.body().contains("Version 3"));
    assertTrue(me.get("/p/" + id + "/history").body().contains("Restored version 1"));
    assertEquals(404, me.post("/p/" + id + "/versions/9/restore").statusCode());
  }

  @Test
  void trashKeepsPromptsRestorableAndPurgeDeletesForGood() {
    LibraryClient me = LibraryClient.signedIn("trasher");
    String path = me.save("title", "Disposable", "text", "temporary prompt", "visibility", "public");
    String id = LibraryClient.idOf(path);
    assertEquals(400, me.post("/p/" + id + "/purge").statusCode(), "only trashed prompts can be purged");
    assertEquals(303, me.post("/p/" + id + "/delete").statusCode());
    assertEquals(404, LibraryClient.anonymous().get(path).statusCode(), "a trashed prompt is gone for others");
    assertTrue(me.get(path).body().contains("This prompt is in Trash"));
    assertTrue(me.get("/library/trash").body().contains("Disposable"));
    assertFalse(me.get("/library").body().contains("Disposable"));
    assertEquals(303, me.post("/p/" + id + "/restore").statusCode());
    assertEquals(200, LibraryClient.anonymous().get(path).statusCode());
    me.post("/p/" + id + "/delete");
    assertEquals(303, me.post("/p/" + id + "/purge").statusCode());
    assertEquals(404, me.get(path).statusCode());
  }

  @Test
  void tagsAreAddedAndRemovedInlineAndSuggested() {
    LibraryClient me = LibraryClient.signedIn("tagger");
    String id = LibraryClient.idOf(me.save("title", "Tagged", "text", "mountain lake"));
    HttpResponse<String> added = me.http.postForm("/p/" + id + "/tags", dev.visionary.support.Http.form("tags", "Landscape, water"),
        "HX-Request", "true", "X-CSRF-Token", me.csrf());
    assertEquals(200, added.statusCode());
    assertFalse(added.body().contains("<html"));
    assertTrue(added.body().contains(">Landscape<") && added.body().contains(">water<"));
    assertTrue(me.get("/library/tags?tags=land").body().contains("value=\"Landscape\""));
    assertTrue(me.get("/library/tags?tags=lanscape").body().contains("value=\"Landscape\""), "close spellings are suggested");
    HttpResponse<String> removed = me.http.postForm("/p/" + id + "/tags/remove", dev.visionary.support.Http.form("tag", "water"),
        "HX-Request", "true", "X-CSRF-Token", me.csrf());
    assertFalse(removed.body().contains(">water<"));
    assertEquals(303, me.post("/p/" + id + "/tags", "tags", "sunset").statusCode(), "works without JavaScript too");
    assertTrue(me.get("/library?tag=sunset").body().contains("Tagged"));
    assertEquals(400, me.post("/p/" + id + "/tags", "tags", "y".repeat(41)).statusCode());
    HttpResponse<String> tooLong = me.http.postForm("/p/" + id + "/tags", dev.visionary.support.Http.form("tags", "y".repeat(41)),
        "HX-Request", "true", "X-CSRF-Token", me.csrf());
    assertEquals(422, tooLong.statusCode());
    assertEquals("#tags", tooLong.headers().firstValue("HX-Retarget").orElse(""), "HTMX swaps the message in place");
    assertTrue(tooLong.body().contains("at most 40 characters"));
  }

  @Test
  void deletingTheAccountDeletesItsLibrary() {
    LibraryClient me = LibraryClient.signedIn("leaver");
    String path = me.save("title", "Farewell", "text", "a last public prompt", "visibility", "public", "tags", "bye");
    me.post("/p/" + LibraryClient.idOf(path) + "/collections", "new_collection", "Goodbyes");
    me.post("/p/" + LibraryClient.idOf(path) + "/bookmark");
    assertEquals(303, me.post("/settings/delete", "confirm_password", dev.visionary.support.Accounts.PASSWORD).statusCode());
    assertEquals(404, LibraryClient.anonymous().get(path).statusCode());
    long left = dev.visionary.support.TestServer.app().database().jdbi().withHandle(h -> h.createQuery(
            "select (select count(*) from prompts where id = :id) + (select count(*) from prompt_versions where prompt_id = :id)"
                + " + (select count(*) from tags where name = 'bye' and not exists (select 1 from prompt_tags where tag_id = tags.id))")
        .bind("id", LibraryClient.idOf(path)).mapTo(Long.class).one());
    assertEquals(0, left);
  }

  @Test
  void bookmarksForksAndUseCountsShowUpWhereExpected() {
    LibraryClient alice = LibraryClient.signedIn("alicebm");
    LibraryClient bob = LibraryClient.signedIn("bobbm");
    String path = alice.save("title", "Shared castle", "text", "a castle in the clouds", "visibility", "public");
    String id = LibraryClient.idOf(path);
    HttpResponse<String> star = bob.http.postForm("/p/" + id + "/bookmark", dev.visionary.support.Http.form(),
        "HX-Request", "true", "X-CSRF-Token", bob.csrf());
    assertTrue(star.body().contains("★ Bookmarked · 1"));
    assertTrue(bob.get("/bookmarks").body().contains("Shared castle"));
    assertFalse(alice.get("/bookmarks").body().contains("Shared castle"));

    HttpResponse<String> fork = bob.post("/p/" + id + "/fork");
    assertEquals(303, fork.statusCode());
    String forkPath = fork.headers().firstValue("Location").orElseThrow();
    HttpResponse<String> forkPage = bob.get(forkPath);
    assertTrue(forkPage.body().contains("Forked from"));
    assertTrue(forkPage.body().contains("href=\"" + path + "\""));
    assertFalse(alice.get(path).body().contains(forkPath), "bob's fork is private");

    String plain = alice.save("title", "Rarely used", "text", "an old tram");
    dev.visionary.App app = dev.visionary.support.TestServer.app();
    Library library = new Library(app.database().jdbi(), new dev.visionary.web.Pages(new dev.visionary.web.Views(), new io.micrometer.core.instrument.simple.SimpleMeterRegistry()),
        new PromptCaps(10, 10), PromptGallery.NONE);
    library.recordUse(id);
    library.recordUse(id);
    String listing = alice.get("/library?sort=used").body();
    assertTrue(listing.indexOf("Shared castle") < listing.indexOf("Rarely used"), "most used first");
    assertTrue(listing.contains("Used 2 times"));
    assertTrue(library.readable(java.util.Optional.empty(), id).isPresent());
    assertTrue(library.readable(null, LibraryClient.idOf(plain)).isEmpty());
    assertTrue(library.readable(java.util.Optional.empty(), null).isEmpty());
  }

  @Test
  void publicAndUnlistedPagesCarryLinkPreviewsAndPrivateOnesNever() {
    LibraryClient me = LibraryClient.signedIn("og");
    String pub = me.save("title", "Open sky", "text", "an open sky over wheat fields", "visibility", "public");
    String unlisted = me.save("title", "Quiet sky", "text", "a quiet sky", "visibility", "unlisted");
    String priv = me.save("title", "Secret sky", "text", "a secret sky", "visibility", "private");
    String html = LibraryClient.anonymous().get(pub).body();
    assertTrue(html.contains("<meta property=\"og:title\" content=\"Open sky\">"), html);
    assertTrue(html.contains("property=\"og:description\" content=\"an open sky over wheat fields\""));
    assertTrue(html.contains("property=\"og:url\" content=\"http://localhost:"));
    assertTrue(html.contains("property=\"twitter:card\""));
    assertTrue(LibraryClient.anonymous().get(unlisted).body().contains("og:title"));
    String own = me.get(priv).body();
    assertFalse(own.contains("og:") || own.contains("twitter:"), "not even its owner's copy of a private page");
  }
}
