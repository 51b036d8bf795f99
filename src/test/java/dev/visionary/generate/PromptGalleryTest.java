package dev.visionary.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.support.Accounts;
import dev.visionary.support.Http;
import dev.visionary.support.Jobs;
import dev.visionary.support.TestServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Images generated from a saved prompt join its page and are as visible as the prompt is; only its owner's
 * images do.
 */
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

  @Test
  void aStrangerCannotAddImagesToSomeoneElsesPrompt() {
    Http owner = Http.toTestServer();
    Accounts.signedIn(owner, "galown");
    HttpResponse<String> saved = owner.postForm("/prompts", Http.form("_csrf", Accounts.csrf(owner, "/generate"),
        "title", "Harbour lights", "text", "a quiet harbour at night with lanterns", "target", "generic", "visibility", "public"));
    assertEquals(303, saved.statusCode(), saved.body());
    String page = saved.headers().firstValue("Location").orElseThrow();
    String promptId = page.split("/")[2];
    String counts = "select use_count || '/' || image_count || '/' || coalesce(cover_image_id, '-') from prompts where id = :id";
    String before = sql(counts, promptId);

    Http stranger = Http.toTestServer();
    Accounts.signedIn(stranger, "galstr");
    HttpResponse<String> refused = stranger.postForm("/generate", Http.form("_csrf", Accounts.csrf(stranger, "/generate"),
        "prompt", "a quiet harbour at night with lanterns", "prompt_id", promptId, "size", "512x512"));
    assertEquals(403, refused.statusCode());
    assertTrue(refused.body().contains("fork it into your library first"), refused.body());

    // What the prompt page offers a stranger makes an image of the text in their own jobs, not on the prompt.
    String offered = stranger.get(page).body();
    assertTrue(offered.contains("More settings…"), "the stranger is offered Generate");
    assertFalse(offered.contains("name=\"prompt_id\""), "the stranger's form does not link to the prompt");
    assertFalse(stranger.get("/generate?prompt_id=" + promptId).body().contains("name=\"prompt_id\" value=\"" + promptId),
        "More options fills in the text without linking");
    String job = Jobs.submit(stranger, "prompt", "a quiet harbour at night with lanterns", "size", "512x512");
    String image = Jobs.imageIds(Jobs.awaitFinished(stranger, job, Duration.ofSeconds(60))).get(0);
    assertOwnerPageUntouched(owner, page, image);
    assertEquals(before, sql(counts, promptId), "uses, image count and preview image unchanged");

    // A link made before jobs were checked no longer shows either.
    TestServer.app().database().jdbi().useHandle(h -> {
      h.createUpdate("update generation_jobs set prompt_id = :p where id = :j").bind("p", promptId).bind("j", job).execute();
      h.createUpdate("update prompts set cover_image_id = :i where id = :p").bind("i", image).bind("p", promptId).execute();
    });
    assertOwnerPageUntouched(owner, page, image);
    assertOwnerPageUntouched(Http.toTestServer(), page, image);
  }

  private static void assertOwnerPageUntouched(Http viewer, String page, String strangersImage) {
    String html = viewer.get(page).body();
    assertTrue(html.contains("No images yet."), "the gallery is empty");
    assertFalse(html.contains(strangersImage), "the stranger's image is nowhere on the page");
    assertFalse(html.contains("og:image"), "no link preview image");
  }

  private static String sql(String sql, String id) {
    return TestServer.app().database().jdbi().withHandle(h -> h.createQuery(sql).bind("id", id).mapTo(String.class).one());
  }
}
