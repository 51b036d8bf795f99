package dev.visionary.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.support.Accounts;
import dev.visionary.support.Http;
import dev.visionary.support.Jobs;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Images generated from a saved prompt join its page and are as visible as the prompt is. */
class PromptGalleryTest {

  @Test
  void imagesFromASavedPromptShowOnItsPageAndFollowItsVisibility() {
    Http owner = Http.toTestServer();
    Accounts.signedIn(owner, "gal");
    HttpResponse<String> saved = owner.postForm("/prompts", Http.form("_csrf", Accounts.csrf(owner, "/generate"),
        "title", "Misty lake", "text", "a misty lake at dawn with pine trees", "target", "generic", "visibility", "private"));
    assertEquals(303, saved.statusCode(), saved.body());
    String page = saved.headers().firstValue("Location").orElseThrow();
    String promptId = page.split("/")[2];

    HttpResponse<String> prefilled = owner.get("/generate?prompt_id=" + promptId);
    assertTrue(prefilled.body().contains("a misty lake at dawn with pine trees"), "the generate form starts from the saved text");

    String job = Jobs.submit(owner, "prompt", "a misty lake at dawn with pine trees", "prompt_id", promptId, "size", "512x512");
    List<String> images = Jobs.imageIds(Jobs.awaitFinished(owner, job, Duration.ofSeconds(60)));
    assertEquals(1, images.size());
    assertTrue(owner.get(page).body().contains("/images/" + images.get(0) + "/thumb"), "the prompt page shows the image");

    Http stranger = Http.toTestServer();
    assertEquals(404, stranger.getBytes("/images/" + images.get(0)).statusCode(), "private prompt: its image is private");
    HttpResponse<String> published = owner.postForm(page.replaceFirst("/[^/]+$", "") + "/edit", Http.form(
        "_csrf", Accounts.csrf(owner, "/generate"), "title", "Misty lake", "text", "a misty lake at dawn with pine trees",
        "target", "generic", "visibility", "public", "version", "1"));
    assertTrue(published.statusCode() == 303, published.statusCode() + " " + published.body());
    assertEquals(200, stranger.getBytes("/images/" + images.get(0)).statusCode(), "public prompt: anyone may see its image");
    assertTrue(owner.get("/library?sort=used").body().contains("Misty lake"));
  }
}
