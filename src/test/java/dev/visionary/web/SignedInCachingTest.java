package dev.visionary.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.visionary.support.Accounts;
import dev.visionary.support.Http;
import dev.visionary.support.Jobs;
import dev.visionary.support.TestImages;
import dev.visionary.support.TestServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every page a signed-in person reaches is theirs: no cache may keep it (no-store), or it is kept only in
 * their own browser and asked for again each time (private, no-cache, with an ETag). The routes are read
 * from the running app, so a route added later is walked too.
 */
class SignedInCachingTest {

  @Test
  void everyRouteAnsweringASignedInPersonForbidsSharedAndSilentCaching() {
    Http me = Http.toTestServer();
    String username = Accounts.signedIn(me, "cachewalk");
    Map<String, String> ids = createOneOfEverything(me, username);

    List<String> routes = TestServer.app().routes().stream().filter(r -> r.startsWith("GET ")).map(r -> r.substring(4)).toList();
    assertTrue(routes.contains("/settings") && routes.contains("/p/{id}/{slug}"), "the route list is the app's own: " + routes);
    List<String> problems = new ArrayList<>();
    int walked = 0;
    for (String route : routes) {
      Optional<String> path = concrete(route, ids);
      if (path.isEmpty()) {
        continue;
      }
      for (boolean htmx : new boolean[] {false, true}) {
        HttpResponse<String> response = htmx ? me.get(path.get(), "HX-Request", "true") : me.get(path.get());
        walked++;
        String cacheControl = response.headers().firstValue("Cache-Control").orElse("(none)");
        boolean revalidated = cacheControl.equals("private, no-cache") && response.headers().firstValue("ETag").isPresent();
        // Image bytes never change under their id; private keeps them out of shared caches.
        boolean immutableImage = (route.startsWith("/images/{id}") || route.equals("/x/{id}/picture"))
            && cacheControl.equals("private, max-age=31536000, immutable");
        if (!(cacheControl.equals("no-store") || revalidated || immutableImage)) {
          problems.add("GET " + path.get() + (htmx ? " (HTMX)" : "") + " -> " + response.statusCode() + ", Cache-Control: " + cacheControl);
        }
      }
    }
    assertTrue(walked >= 2 * 30, "walked " + walked + " requests over " + routes);
    assertEquals(List.of(), problems);
  }

  /** A real prompt, collection, expansion, job, image and grid of this person, so every path parameter names something. */
  private static Map<String, String> createOneOfEverything(Http me, String username) {
    String prompt = saved(me, "/prompts", "title", "Harbour at dawn", "text", "a quiet harbour at dawn", "target", "generic", "visibility", "private");
    String second = saved(me, "/prompts", "title", "Harbour at night", "text", "a quiet harbour at night", "target", "generic", "visibility", "private");
    String collection = saved(me, "/collections", "name", "Harbours", "visibility", "private");
    String expansion = saved(me, "/expand", "idea", "a beach sunset", "target", "generic", "style", "none", "count", "2", "engine", "builtin", "seed", "7");
    assertEquals(303, me.postForm("/wildcards", Http.form("_csrf", Accounts.csrf(me, "/wildcards"), "name", "colours", "values", "red\nblue")).statusCode());
    assertEquals(303, me.postForm("/instructions", Http.form("_csrf", Accounts.csrf(me, "/instructions"), "name", "Moody", "body", "Make it moody.")).statusCode());
    String job = Jobs.submit(me, "prompt", "a lighthouse at dusk", "size", "512x512", "count", "2");
    List<String> images = Jobs.imageIds(Jobs.awaitFinished(me, job, Duration.ofSeconds(30)));
    assertEquals(2, images.size());
    String grid = saved(me, "/grids", "prompt", "a {red|blue} kite", "engine", "builtin", "rows", "option", "cols", "none");
    String described = described(me, TestImages.jpeg(64, 48, java.awt.Color.ORANGE));
    return Map.ofEntries(
        Map.entry("prompt", prompt.split("/")[2]), Map.entry("promptSlug", prompt.split("/")[3]),
        Map.entry("collection", collection.split("/")[2]), Map.entry("collectionSlug", collection.split("/")[3]),
        Map.entry("expansion", expansion.substring("/x/".length())),
        Map.entry("job", job), Map.entry("image", images.get(0)), Map.entry("username", username),
        Map.entry("comparedPrompts", "p=" + prompt.split("/")[2] + "&p=" + second.split("/")[2]),
        Map.entry("comparedImages", "i=" + images.get(0) + "&i=" + images.get(1)),
        Map.entry("grid", grid.substring("/grids/".length())), Map.entry("described", described.substring("/x/".length())));
  }

  private static String saved(Http me, String path, String... fields) {
    Map<String, String> form = new java.util.LinkedHashMap<>(Http.form(fields));
    form.put("_csrf", Accounts.csrf(me, "/"));
    HttpResponse<String> response = me.postForm(path, form);
    assertEquals(303, response.statusCode(), () -> path + ": " + response.body());
    return response.headers().firstValue("Location").orElseThrow();
  }

  /** An expansion described from a picture, posted as the describe form's multipart body; returns its address. */
  private static String described(Http me, byte[] jpeg) {
    String boundary = "----cachewalk" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + Accounts.csrf(me, "/describe")
        + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"target\"\r\n\r\ngeneric\r\n--" + boundary
        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"orange.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    body.writeBytes(jpeg);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    HttpResponse<String> response = me.post("/describe", "multipart/form-data; boundary=" + boundary, body.toByteArray());
    assertEquals(303, response.statusCode(), response::body);
    return response.headers().firstValue("Location").orElseThrow();
  }

  /**
   * The route with its parameters filled in; empty for public assets (the same bytes for everyone, cached
   * publicly on purpose). A route with a parameter not known here fails the test, so it gets added.
   */
  private static Optional<String> concrete(String route, Map<String, String> ids) {
    if (route.startsWith("/static/") || route.startsWith("/webjars/")) {
      return Optional.empty();
    }
    String path = switch (route) {
      case "/x/{id}", "/x/{id}/stream" -> route.replace("{id}", ids.get("expansion"));
      case "/x/{id}/picture" -> route.replace("{id}", ids.get("described"));
      case "/jobs/{id}" -> route.replace("{id}", ids.get("job"));
      case "/jobs" -> "/jobs?expansion=" + ids.get("expansion");
      case "/generate" -> "/generate?prompt_id=" + ids.get("prompt");
      case "/images/{id}", "/images/{id}/thumb" -> route.replace("{id}", ids.get("image"));
      case "/p/{id}", "/p/{id}/edit", "/p/{id}/history", "/prompts/{id}/edit", "/prompts/{id}/history" -> route.replace("{id}", ids.get("prompt"));
      case "/p/{id}/{slug}" -> "/p/" + ids.get("prompt") + "/" + ids.get("promptSlug");
      case "/c/{id}", "/c/{id}/feed.atom" -> route.replace("{id}", ids.get("collection"));
      case "/c/{id}/{slug}" -> "/c/" + ids.get("collection") + "/" + ids.get("collectionSlug");
      case "/u/{username}", "/u/{username}/feed.atom" -> route.replace("{username}", ids.get("username"));
      case "/search", "/search/suggest", "/library/suggest", "/explore/suggest" -> route + "?q=harbour";
      case "/library" -> "/library?q=harbour";
      case "/library/tags" -> "/library/tags?q=h";
      case "/x/{id}/compare" -> "/x/" + ids.get("expansion") + "/compare?card=1&card=2";
      case "/library/compare" -> "/library/compare?" + ids.get("comparedPrompts");
      case "/images/compare" -> "/images/compare?" + ids.get("comparedImages");
      case "/grids/{id}", "/grids/{id}/grid.png" -> route.replace("{id}", ids.get("grid"));
      default -> route;
    };
    if (path.contains("{") || path.contains("<")) {
      fail("No value for the parameters of " + route + ": add one to this test");
    }
    return Optional.of(path);
  }
}
