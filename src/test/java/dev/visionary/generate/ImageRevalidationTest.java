package dev.visionary.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.App;
import dev.visionary.support.Accounts;
import dev.visionary.support.Http;
import dev.visionary.support.Jobs;
import dev.visionary.support.StatementLog;
import dev.visionary.support.TestServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A browser revisiting an image it holds gets 304 from a read that decides access and touches no image bytes;
 * who may see the image is exactly who may see its saved prompt, at once after a change.
 */
class ImageRevalidationTest {

  /** A saved prompt with one image generated from it. */
  private record Made(Http owner, String promptPage, String imageId) {}

  private static Made imageOfSavedPrompt(String visibility) {
    Http owner = Http.toTestServer();
    Accounts.signedIn(owner, "reval");
    HttpResponse<String> saved = owner.postForm("/prompts", Http.form("_csrf", Accounts.csrf(owner, "/generate"),
        "title", "Lantern street", "text", "a narrow street lit by paper lanterns", "target", "generic", "visibility", visibility));
    assertEquals(303, saved.statusCode(), saved.body());
    String page = saved.headers().firstValue("Location").orElseThrow();
    String job = Jobs.submit(owner, "prompt", "a narrow street lit by paper lanterns", "prompt_id", page.split("/")[2], "size", "512x512");
    List<String> images = Jobs.imageIds(Jobs.awaitFinished(owner, job, Duration.ofSeconds(60)));
    assertEquals(1, images.size());
    return new Made(owner, page, images.get(0));
  }

  private static void setVisibility(Made made, String visibility) {
    String edit = made.promptPage.replaceFirst("/[^/]+$", "") + "/edit";
    java.util.regex.Matcher version = java.util.regex.Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(made.owner.get(edit).body());
    assertTrue(version.find(), "the edit form carries the version it edits");
    HttpResponse<String> edited = made.owner.postForm(edit, Http.form(
        "_csrf", Accounts.csrf(made.owner, "/generate"), "title", "Lantern street", "text", "a narrow street lit by paper lanterns",
        "target", "generic", "visibility", visibility, "version", version.group(1)));
    assertEquals(303, edited.statusCode(), edited.body());
  }

  @Test
  void theOwnerAndReadersOfAPublicPromptRevalidateWithA304() {
    Made made = imageOfSavedPrompt("public");
    Http reader = Http.toTestServer();
    Accounts.signedIn(reader, "revalreader");
    Http anonymous = Http.toTestServer();
    for (String path : List.of("/images/" + made.imageId, "/images/" + made.imageId + "/thumb")) {
      for (Http viewer : List.of(made.owner, reader, anonymous)) {
        HttpResponse<byte[]> first = viewer.getBytes(path);
        assertEquals(200, first.statusCode(), path);
        assertTrue(first.body().length > 0);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> again = viewer.getBytes(path, "If-None-Match", etag);
        assertEquals(304, again.statusCode(), path);
        assertEquals(0, again.body().length);
        assertEquals(etag, again.headers().firstValue("ETag").orElse(""), "a 304 repeats the validator");
        assertEquals("private, max-age=31536000, immutable", again.headers().firstValue("Cache-Control").orElse(""));
        assertEquals(200, viewer.getBytes(path, "If-None-Match", "\"someone-elses\"").statusCode(), "another tag gets the bytes");
      }
    }
    String full = made.owner.getBytes("/images/" + made.imageId).headers().firstValue("ETag").orElseThrow();
    assertEquals(200, made.owner.getBytes("/images/" + made.imageId + "/thumb", "If-None-Match", full).statusCode(),
        "the full image's tag does not validate its thumbnail");
  }

  @Test
  void aStrangerGets404NotA304ForAPrivateImageEvenWithItsTag() {
    Made made = imageOfSavedPrompt("private");
    String path = "/images/" + made.imageId;
    String etag = made.owner.getBytes(path).headers().firstValue("ETag").orElseThrow();
    assertEquals(304, made.owner.getBytes(path, "If-None-Match", etag).statusCode());
    Http stranger = Http.toTestServer();
    Accounts.signedIn(stranger, "revalstranger");
    for (Http viewer : List.of(stranger, Http.toTestServer())) {
      HttpResponse<byte[]> refused = viewer.getBytes(path, "If-None-Match", etag);
      assertEquals(404, refused.statusCode());
      assertFalse(refused.headers().firstValue("ETag").isPresent(), "a refusal does not confirm the tag");
      assertEquals(404, viewer.getBytes(path + "/thumb", "If-None-Match", etag.replace("\"", "") + "-t\"").statusCode());
    }
    assertEquals(404, stranger.getBytes("/images/nosuchimage1", "If-None-Match", etag).statusCode());
  }

  @Test
  void aPromptMadePrivateStopsServingItsImageAtOnce() {
    Made made = imageOfSavedPrompt("public");
    String path = "/images/" + made.imageId;
    Http reader = Http.toTestServer();
    HttpResponse<byte[]> seen = reader.getBytes(path);
    assertEquals(200, seen.statusCode());
    String etag = seen.headers().firstValue("ETag").orElseThrow();

    setVisibility(made, "private");
    assertEquals(404, reader.getBytes(path).statusCode(), "no more bytes");
    assertEquals(404, reader.getBytes(path, "If-None-Match", etag).statusCode(), "no more revalidation");
    assertEquals(304, made.owner.getBytes(path, "If-None-Match", etag).statusCode(), "its owner still holds it");

    setVisibility(made, "unlisted");
    assertEquals(200, reader.getBytes(path).statusCode(), "an unlisted prompt's image is as readable as the prompt");
  }

  @Test
  void theOwnersRevalidationIsTheSessionsOneStatementAndReadsNoImageBytes() {
    Made made = imageOfSavedPrompt("public");
    Http reader = Http.toTestServer();
    Accounts.signedIn(reader, "revalcount");
    String path = "/images/" + made.imageId;
    String etag = reader.getBytes(path).headers().firstValue("ETag").orElseThrow();
    String owner = "visionary_session=" + Accounts.sessionCookie(made.owner);
    String other = "visionary_session=" + Accounts.sessionCookie(reader);
    // An instance of its own, so only these requests' statements are counted.
    try (App counted = TestServer.startApp(Map.of())) {
      List<String> statements = StatementLog.of(counted);
      Http there = new Http("http://localhost:" + counted.port());
      assertEquals(304, there.getBytes(path, "Cookie", owner, "If-None-Match", etag).statusCode());
      assertEquals(304, there.getBytes(path, "Cookie", other, "If-None-Match", etag).statusCode());

      statements.clear();
      assertEquals(304, there.getBytes(path, "Cookie", owner, "If-None-Match", etag).statusCode());
      List<String> imageReads = statements.stream().filter(s -> s.contains("image_access") || s.contains("image_blobs")).toList();
      assertEquals(1, imageReads.size(), "one statement decides the owner's access: " + statements);
      assertEquals(1, statements.size(), "the session lookup carries the access read, nothing else: " + statements);

      statements.clear();
      assertEquals(304, there.getBytes(path, "Cookie", other, "If-None-Match", etag).statusCode());
      assertTrue(statements.stream().noneMatch(s -> s.contains("image_blobs")), "a reader's revisit reads no image bytes: " + statements);
      assertTrue(statements.size() <= 3, "the session with the image, and the library's own rule for its prompt: " + statements);

      statements.clear();
      HttpResponse<byte[]> full = there.getBytes(path, "Cookie", other);
      assertEquals(200, full.statusCode());
      assertTrue(statements.stream().anyMatch(s -> s.contains("image_blobs")), "a 200 reads the bytes: " + statements);
    }
  }
}
