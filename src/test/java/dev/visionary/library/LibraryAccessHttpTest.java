package dev.visionary.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.support.Http;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Private, unlisted and public items seen by their owner, another person and an anonymous visitor. */
class LibraryAccessHttpTest {
  private static LibraryClient owner;
  private static LibraryClient other;
  private static Map<String, String> prompts;
  private static Map<String, String> collections;

  @BeforeAll
  static void library() {
    owner = LibraryClient.signedIn("owner");
    other = LibraryClient.signedIn("other");
    prompts = Map.of(
        "private", owner.save("title", "Zanzibar private", "text", "zanzibar harbour private dhow", "visibility", "private"),
        "unlisted", owner.save("title", "Zanzibar unlisted", "text", "zanzibar harbour unlisted dhow", "visibility", "unlisted"),
        "public", owner.save("title", "Zanzibar public", "text", "zanzibar harbour public dhow", "visibility", "public"));
    collections = Map.of(
        "private", owner.collection("Private boats", "private"),
        "unlisted", owner.collection("Unlisted boats", "unlisted"),
        "public", owner.collection("Public boats", "public"));
    for (String c : collections.values()) {
      for (String p : prompts.values()) {
        assertEquals(303, owner.post("/p/" + LibraryClient.idOf(p) + "/collections", "collection_id", LibraryClient.idOf(c)).statusCode());
      }
    }
  }

  private static int expected(String visibility, boolean isOwner) {
    return isOwner || !visibility.equals("private") ? 200 : 404;
  }

  @Test
  void promptPagesAnswer404NeverA403ToThoseWhoMayNotSeeThem() {
    for (Map.Entry<String, String> e : prompts.entrySet()) {
      assertEquals(200, owner.get(e.getValue()).statusCode(), e.getKey());
      assertEquals(expected(e.getKey(), false), other.get(e.getValue()).statusCode(), "other, " + e.getKey());
      HttpResponse<String> anonymous = LibraryClient.anonymous().get(e.getValue());
      assertEquals(expected(e.getKey(), false), anonymous.statusCode(), "anonymous, " + e.getKey());
      if (anonymous.statusCode() == 404) {
        assertFalse(anonymous.body().contains("Zanzibar"), "nothing of a private prompt leaks");
      }
    }
  }

  @Test
  void nobodyButTheOwnerCanChangeAPromptOrSeeItsEditFormAndHistory() {
    String privateId = LibraryClient.idOf(prompts.get("private"));
    String publicId = LibraryClient.idOf(prompts.get("public"));
    for (String id : new String[] {privateId, publicId}) {
      assertEquals(404, other.get("/p/" + id + "/edit").statusCode());
      assertEquals(404, other.get("/p/" + id + "/history").statusCode());
      assertEquals(404, other.post("/p/" + id + "/edit", "text", "vandalised").statusCode());
      assertEquals(404, other.post("/p/" + id + "/delete").statusCode());
      assertEquals(404, other.post("/p/" + id + "/tags", "tags", "spam").statusCode());
      assertEquals(404, other.post("/p/" + id + "/versions/1/restore").statusCode());
    }
    assertEquals(404, other.post("/p/" + privateId + "/bookmark").statusCode(), "a private prompt cannot be starred by others");
    assertEquals(404, other.post("/p/" + privateId + "/fork").statusCode());
    assertEquals(303, other.post("/p/" + publicId + "/bookmark").statusCode(), "a public one can");
    assertEquals(200, owner.get("/p/" + privateId + "/edit").statusCode());
    assertTrue(owner.get(prompts.get("public")).body().contains("zanzibar harbour public dhow"), "nothing was changed");

    Http anonymous = LibraryClient.anonymous();
    assertEquals(303, anonymous.get("/p/" + publicId + "/edit").statusCode(), "anonymous visitors are sent to sign in");
    assertEquals(303, anonymous.get("/library").statusCode());
    assertEquals(303, anonymous.get("/bookmarks").statusCode());
    assertEquals(303, anonymous.get("/collections").statusCode());
    assertEquals(303, anonymous.get("/export?format=json").statusCode());
    assertEquals(403, anonymous.postForm("/p/" + publicId + "/bookmark", Http.form()).statusCode(), "no CSRF token, no change");
  }

  @Test
  void collectionPagesShowOnlyWhatTheViewerMaySee() {
    for (Map.Entry<String, String> e : collections.entrySet()) {
      HttpResponse<String> mine = owner.get(e.getValue());
      assertEquals(200, mine.statusCode());
      assertTrue(mine.body().contains("Zanzibar private"), "the owner sees all three prompts");
      for (Http viewer : new Http[] {other.http, LibraryClient.anonymous()}) {
        HttpResponse<String> page = viewer.get(e.getValue());
        assertEquals(expected(e.getKey(), false), page.statusCode(), e.getKey());
        if (page.statusCode() == 200) {
          assertFalse(page.body().contains("Zanzibar private"), "a private prompt stays hidden inside a shared collection");
          assertTrue(page.body().contains("Zanzibar unlisted"));
          assertTrue(page.body().contains("Zanzibar public"));
        }
      }
      String id = LibraryClient.idOf(e.getValue());
      assertEquals(404, other.post("/c/" + id + "/edit", "name", "mine now").statusCode());
      assertEquals(404, other.post("/c/" + id + "/delete").statusCode());
    }
    assertEquals(301, LibraryClient.anonymous().get("/c/" + LibraryClient.idOf(collections.get("public"))).statusCode());
  }

  @Test
  void searchesExploreProfilesAndExportsNeverShowOthersPrivatePrompts() {
    // Titles are highlighted in results, so prompts are recognised by their links.
    String mine = owner.get("/library?q=zanzibar").body();
    assertTrue(mine.contains(prompts.get("private")) && mine.contains(prompts.get("unlisted")) && mine.contains(prompts.get("public")));
    String theirs = other.get("/library?q=zanzibar").body();
    assertFalse(theirs.contains("Zanzibar") || theirs.contains("zanzibar harbour"), "another person's library search finds nothing of mine");

    for (Http viewer : new Http[] {owner.http, other.http, LibraryClient.anonymous()}) {
      String explore = viewer.get("/explore?q=zanzibar").body();
      assertTrue(explore.contains(prompts.get("public")));
      assertFalse(explore.contains(prompts.get("unlisted")), "unlisted prompts are not listed");
      assertFalse(explore.contains(prompts.get("private")));
      String profile = viewer.get("/u/" + owner.username).body();
      assertTrue(profile.contains("Zanzibar public"));
      assertTrue(profile.contains("Public boats"));
      assertFalse(profile.contains("Zanzibar unlisted") || profile.contains("Zanzibar private") || profile.contains("Unlisted boats"));
    }
    assertEquals(404, LibraryClient.anonymous().get("/u/nobody-has-this-name").statusCode());

    String export = owner.get("/export?format=json").body();
    assertTrue(export.contains("Zanzibar private"));
    String othersExport = other.get("/export?format=json").body();
    assertFalse(othersExport.contains("Zanzibar private") || othersExport.contains("Zanzibar unlisted"), "an export holds only my prompts");
    assertFalse(other.get("/export?format=styles").body().contains("Zanzibar"));
    assertFalse(other.get("/library/tags?tags=").body().contains("Zanzibar"));
  }

  @Test
  void everyListingIsAFullPageColdAndAFragmentUnderHtmx() {
    for (String path : new String[] {"/library?q=zanzibar&sort=title", "/bookmarks", "/explore?q=dhow", "/u/" + owner.username}) {
      HttpResponse<String> full = owner.get(path);
      assertEquals(200, full.statusCode(), path);
      assertTrue(full.body().startsWith("<!DOCTYPE html>"), path);
      assertTrue(full.body().contains("aria-live=\"polite\""), path);
      HttpResponse<String> fragment = owner.get(path, "HX-Request", "true");
      assertEquals(200, fragment.statusCode(), path);
      assertFalse(fragment.body().contains("<html"), path);
      assertTrue(fragment.body().contains("id=\"results\""), path);
      assertEquals("HX-Request, Accept-Encoding", full.headers().firstValue("Vary").orElse(""));
    }
    for (String path : new String[] {"/collections", "/library/trash", "/export", "/import", "/prompts/new"}) {
      assertEquals(200, owner.get(path).statusCode(), path);
    }
  }

  @Test
  void badSearchParametersAreExplainedWithA400AndTheSearchKept() {
    HttpResponse<String> bad = owner.get("/library?q=harbour&sort=sideways&page=abc&target=%3Cscript%3E");
    assertEquals(400, bad.statusCode());
    assertTrue(bad.body().contains("Unknown sort order"));
    assertTrue(bad.body().contains("The page must be a number."));
    assertTrue(bad.body().contains("Unknown target model"));
    assertFalse(bad.body().contains("<script>"));
    assertTrue(bad.body().contains("value=\"harbour\""), "the search box keeps what was typed");
    assertEquals(400, owner.get("/export?format=xml").statusCode());
  }
}
