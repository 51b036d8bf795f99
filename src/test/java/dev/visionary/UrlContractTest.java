package dev.visionary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.support.Accounts;
import dev.visionary.support.Http;
import dev.visionary.support.Jobs;
import dev.visionary.support.TestServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * People bookmark addresses: every route of the URL map as it stood before the route table (read from the
 * fourteen register methods of that time) still answers its owner as it did then, or answers 301 with its
 * new home. Each path parameter names something real, made by this test.
 */
class UrlContractTest {

  /** One route of the old map: what a request to it sends, and what its owner got back then. */
  private record Old(String method, String path, int status, String movedTo, String... form) {
    String name() {
      return method + " " + path;
    }
  }

  private static Old get(String path, int status) {
    return new Old("GET", path, status, null);
  }

  private static Old moved(String path, String newHome) {
    return new Old("GET", path, 301, newHome);
  }

  private static Old post(String path, int status, String... form) {
    return new Old("POST", path, status, null, form);
  }

  /**
   * The old map in the order the requests are made: every GET first, then the changes, those that remove
   * things last. The query strings are those the pages themselves send.
   */
  private static final List<Old> OLD_MAP = List.of(
      get("/signup", 200),
      get("/login", 200),
      get("/settings", 200),
      get("/library?q=harbour", 200),
      get("/library/trash", 200),
      get("/library/tags?tags=h", 200),
      get("/bookmarks", 200),
      get("/explore", 200),
      get("/u/{username}", 200),
      get("/collections", 200),
      get("/c/{collection}", 301),
      get("/c/{collection}/{collectionSlug}", 200),
      get("/prompts/new", 200),
      moved("/prompts/{prompt}/edit", "/p/{prompt}/edit"),
      moved("/prompts/{prompt}/history", "/p/{prompt}/history"),
      get("/p/{prompt}", 301),
      get("/p/{prompt}/{promptSlug}", 200),
      get("/export", 200),
      get("/import", 200),
      get("/wildcards", 200),
      get("/", 200),
      get("/target-hint?target=midjourney", 200),
      get("/expand/preview?idea=a+red+boat", 200),
      get("/x/{expansion}", 200),
      get("/x/{expansion}/stream", 200),
      get("/instructions", 200),
      get("/generate?prompt_id={prompt}", 200),
      get("/generate/options", 200),
      get("/jobs?expansion={expansion}", 200),
      get("/jobs/{job}", 200),
      get("/images/{image}", 200),
      get("/images/{image}/thumb", 200),
      get("/health", 200),
      get("/metrics", 200),
      post("/settings/password", 422),
      post("/collections", 303, "name", "Second harbours", "visibility", "private"),
      post("/c/{collection}/edit", 303, "name", "Harbours at dawn", "visibility", "private"),
      post("/c/{collection}/move", 303, "prompt_id", "{prompt}", "direction", "up"),
      post("/prompts", 303, "title", "Second harbour", "text", "a second harbour", "target", "generic", "visibility", "private"),
      post("/p/{prompt}/edit", 303, "title", "Harbour at dawn", "text", "a quiet harbour at first light", "target", "generic",
          "visibility", "private"),
      post("/p/{prompt}/versions/1/restore", 303),
      post("/p/{prompt}/fork", 303),
      post("/p/{prompt}/bookmark", 303),
      post("/p/{prompt}/tags", 303, "tags", "harbour"),
      post("/p/{prompt}/tags/remove", 303, "tag", "harbour"),
      post("/p/{prompt}/collections", 303, "collection_id", "{collection}"),
      post("/p/{prompt}/collections/remove", 303, "collection_id", "{collection}"),
      post("/c/{collection}/remove", 303, "prompt_id", "{prompt}"),
      post("/import", 400),
      post("/wildcards", 303, "name", "seasons", "values", "spring\nsummer"),
      post("/wildcards/delete", 303, "name", "seasons"),
      post("/instructions", 303, "name", "Calm", "body", "Make it calm."),
      post("/instructions/choose", 400),
      post("/expand", 303, "idea", "a lighthouse", "target", "generic", "style", "none", "count", "2", "engine", "builtin", "seed", "3"),
      post("/x/{expansion}/retry", 303),
      post("/x/{expansion}/refine", 303, "card", "0", "refinement", "more dramatic"),
      post("/x/{expansion}/more", 303, "card", "0"),
      post("/generate", 303, "prompt", "a lighthouse at dusk", "size", "512x512"),
      post("/jobs/{job}/cancel", 303),
      post("/jobs/{job}/retry", 303),
      post("/p/{prompt}/delete", 303),
      post("/p/{prompt}/restore", 303),
      post("/p/{prompt}/purge", 400),
      post("/library/trash/empty", 303),
      post("/c/{collection}/delete", 303),
      post("/settings/delete", 422));

  /** Signing up, in and out changes who the client is, so those three go through a client of their own. */
  private static final List<String> VISITOR_POSTS = List.of("POST /signup", "POST /login", "POST /logout");

  @Test
  void everyRouteOfTheOldMapAnswersAsItDidOrMovesPermanently() {
    Http me = Http.toTestServer();
    String username = Accounts.signedIn(me, "contract");
    Map<String, String> ids = createOneOfEverything(me, username);
    List<String> problems = new ArrayList<>();
    for (Old old : OLD_MAP) {
      String path = fill(old.path(), ids);
      HttpResponse<String> response = old.method().equals("GET") ? me.get(path) : me.postForm(path, form(me, old.form(), ids));
      String location = response.headers().firstValue("Location").orElse("");
      if (response.statusCode() != old.status()) {
        problems.add(old.name() + " -> " + response.statusCode() + " (was " + old.status() + ") " + location);
      } else if (old.movedTo() != null && !location.equals(fill(old.movedTo(), ids))) {
        problems.add(old.name() + " moved to " + location + ", expected " + fill(old.movedTo(), ids));
      }
    }
    assertEquals(List.of(), problems);
    assertEquals(OLD_MAP.size() + VISITOR_POSTS.size(), 69, "the old map had 69 routes");
  }

  @Test
  void signingUpInAndOutStillAnswerWhereTheyDid() {
    Http visitor = Http.toTestServer();
    String name = Accounts.uniqueName("contract");
    assertEquals(303, Accounts.signUp(visitor, name, Accounts.PASSWORD).statusCode(), VISITOR_POSTS.get(0));
    assertEquals(303, visitor.postForm("/logout", Http.form("_csrf", Accounts.csrf(visitor, "/"))).statusCode(), VISITOR_POSTS.get(2));
    assertEquals(303, Accounts.logIn(visitor, name, Accounts.PASSWORD).statusCode(), VISITOR_POSTS.get(1));
  }

  @Test
  void aMovedAddressKeepsItsQueryAndLeadsToTheSamePage() {
    Http me = Http.toTestServer();
    Accounts.signedIn(me, "movedpage");
    String id = saved(me, "/prompts", "title", "Lantern", "text", "a paper lantern", "target", "generic", "visibility", "private").split("/")[2];
    HttpResponse<String> old = me.get("/prompts/" + id + "/history?from=bookmark");
    assertEquals(301, old.statusCode());
    assertEquals("/p/" + id + "/history?from=bookmark", old.headers().firstValue("Location").orElseThrow());
    HttpResponse<String> page = me.get(old.headers().firstValue("Location").orElseThrow());
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("Lantern"), "the history of the same prompt");
  }

  @Test
  void aPromptTitledLikeOneOfItsSubPagesStillHasAPageOfItsOwn() {
    Http me = Http.toTestServer();
    Accounts.signedIn(me, "subpage");
    for (String title : new String[] {"Edit", "History"}) {
      String url = saved(me, "/prompts", "title", title, "text", "a word that is also a sub-page", "target", "generic", "visibility", "public");
      assertFalse(url.endsWith("/" + title.toLowerCase()), "the page's address is not its " + title + " sub-page: " + url);
      HttpResponse<String> page = Http.toTestServer().get(url);
      assertEquals(200, page.statusCode(), url);
      assertTrue(page.body().contains("a word that is also a sub-page"));
    }
  }

  /** A real prompt, collection, expansion, job and image of this person, so every path parameter names something. */
  private static Map<String, String> createOneOfEverything(Http me, String username) {
    String prompt = saved(me, "/prompts", "title", "Harbour at dawn", "text", "a quiet harbour at dawn", "target", "generic", "visibility", "private");
    String collection = saved(me, "/collections", "name", "Harbours", "visibility", "private");
    String expansion = saved(me, "/expand", "idea", "a beach sunset", "target", "generic", "style", "none", "count", "2", "engine", "builtin", "seed", "7");
    assertEquals(303, me.postForm("/p/" + prompt.split("/")[2] + "/collections",
        Http.form("_csrf", Accounts.csrf(me, "/"), "collection_id", collection.split("/")[2])).statusCode());
    String job = Jobs.submit(me, "prompt", "a lighthouse at dusk", "size", "512x512");
    List<String> images = Jobs.imageIds(Jobs.awaitFinished(me, job, Duration.ofSeconds(30)));
    assertFalse(images.isEmpty());
    Map<String, String> ids = new HashMap<>();
    ids.put("prompt", prompt.split("/")[2]);
    ids.put("promptSlug", prompt.split("/")[3]);
    ids.put("collection", collection.split("/")[2]);
    ids.put("collectionSlug", collection.split("/")[3]);
    ids.put("expansion", expansion.substring("/x/".length()));
    ids.put("job", job);
    ids.put("image", images.get(0));
    ids.put("username", username);
    return ids;
  }

  private static String saved(Http me, String path, String... fields) {
    Map<String, String> form = new LinkedHashMap<>(Http.form(fields));
    form.put("_csrf", Accounts.csrf(me, "/"));
    HttpResponse<String> response = me.postForm(path, form);
    assertEquals(303, response.statusCode(), () -> path + ": " + response.body());
    return response.headers().firstValue("Location").orElseThrow();
  }

  private static Map<String, String> form(Http me, String[] fields, Map<String, String> ids) {
    Map<String, String> form = new LinkedHashMap<>();
    for (int i = 0; i < fields.length; i += 2) {
      form.put(fields[i], fill(fields[i + 1], ids));
    }
    form.put("_csrf", Accounts.csrf(me, "/"));
    return form;
  }

  private static String fill(String template, Map<String, String> ids) {
    String filled = template;
    for (Map.Entry<String, String> id : ids.entrySet()) {
      filled = filled.replace("{" + id.getKey() + "}", id.getValue());
    }
    return filled;
  }
}
