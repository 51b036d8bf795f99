package dev.visionary.account;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.visionary.support.Accounts;
import dev.visionary.support.Http;
import dev.visionary.support.Jobs;
import dev.visionary.support.TestServer;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Deleting an account deletes the pictures only it used (with the prompts written inside them), not shared ones. */
class AccountImagesDeletedTest {

  @Test
  void deletingAnAccountRemovesTheImageBytesOnlyItUsed() throws Exception {
    Http leaving = Http.toTestServer();
    Accounts.signedIn(leaving, "leaving");
    Http staying = Http.toTestServer();
    Accounts.signedIn(staying, "staying");
    // The built-in engine paints the same bytes for the same prompt, seed and size: one stored picture, two images.
    String sharedPrompt = "a red barn in a snowy field";
    String shared = image(leaving, sharedPrompt, "4242");
    String own = image(leaving, "a private diary page about my neighbour", "77");
    String othersCopy = image(staying, sharedPrompt, "4242");
    byte[] sharedBytes = staying.getBytes("/images/" + othersCopy).body();
    assertArrayEquals(leaving.getBytes("/images/" + shared).body(), sharedBytes, "the two images share their bytes");
    byte[] ownSha = sha256(leaving.getBytes("/images/" + own).body());
    assertEquals(1, blobs(ownSha));

    HttpResponse<String> deleted = leaving.postForm("/settings/delete", Http.form(
        "_csrf", Accounts.csrf(leaving, "/settings"), "confirm_password", Accounts.PASSWORD));
    assertEquals(303, deleted.statusCode(), deleted.body());

    assertEquals(0, blobs(ownSha), "the picture only the deleted account used is gone");
    HttpResponse<byte[]> kept = staying.getBytes("/images/" + othersCopy);
    assertEquals(200, kept.statusCode(), "the other person's image still loads");
    assertArrayEquals(sharedBytes, kept.body());
    assertEquals(200, staying.getBytes("/images/" + othersCopy + "/thumb").statusCode());
    int unused = TestServer.app().database().jdbi().withHandle(h -> h.createQuery(
        "select count(*) from image_blobs b where not exists (select 1 from images i where i.sha256 = b.sha256)").mapTo(Integer.class).one());
    assertEquals(0, unused, "no stored picture is left that no image uses");
  }

  private static String image(Http http, String prompt, String seed) {
    String job = Jobs.submit(http, "prompt", prompt, "seed", seed, "size", "512x512");
    return Jobs.imageIds(Jobs.awaitFinished(http, job, Duration.ofSeconds(60))).get(0);
  }

  private static int blobs(byte[] sha) {
    return TestServer.app().database().jdbi().withHandle(h -> h.createQuery("select count(*) from image_blobs where sha256 = :sha")
        .bind("sha", sha).mapTo(Integer.class).one());
  }

  private static byte[] sha256(byte[] bytes) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(bytes);
  }
}
