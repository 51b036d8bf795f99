package dev.visionary.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.support.Accounts;
import dev.visionary.support.Http;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The card's Generate control over HTTP: rebuilt for another engine, refusing what it cannot use, and its full form. */
class QuickGenerateHttpTest {
  private final Http http = Http.toTestServer();

  private static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void theControlIsRebuiltForTheChosenEngineWithTheCardsPromptAndNegative() {
    Accounts.signedIn(http, "quick");
    HttpResponse<String> control = http.get("/generate/quick?engine=builtin&card=card-Ab3dEf7hJk-2&expansion_id=Ab3dEf7hJk"
        + "&prompt=" + q("a misty lake <at> dawn") + "&negative=" + q("blurry"), "HX-Request", "true");
    assertEquals(200, control.statusCode(), control.body());
    String html = control.body();
    assertTrue(html.contains("id=\"card-Ab3dEf7hJk-2-gen\""), html);
    assertTrue(html.contains("hx-target=\"#card-Ab3dEf7hJk-2-jobs\""), "new jobs land on the card: " + html);
    assertTrue(html.contains("name=\"prompt\" value=\"a misty lake &lt;at&gt; dawn\""), "the prompt, escaped: " + html);
    assertTrue(html.contains("name=\"negative\" value=\"blurry\""), html);
    assertTrue(html.contains("name=\"expansion_id\" value=\"Ab3dEf7hJk\""), html);
    assertFalse(html.contains("<select name=\"engine\""), "one engine configured: nothing to choose");
  }

  @Test
  void aSavedPromptsControlIsRebuiltFromThePromptAndLinksItsImagesOnlyForItsOwner() {
    Accounts.signedIn(http, "quickown");
    HttpResponse<String> saved = http.postForm("/prompts", Http.form("_csrf", Accounts.csrf(http, "/generate"),
        "title", "Fox", "text", "a red fox in fresh snow", "negative", "blurry", "target", "stable-diffusion", "visibility", "public"));
    assertEquals(303, saved.statusCode(), saved.body());
    String promptId = saved.headers().firstValue("Location").orElseThrow().split("/")[2];
    String mine = http.get("/generate/quick?engine=builtin&prompt_id=" + promptId, "HX-Request", "true").body();
    assertTrue(mine.contains("name=\"prompt\" value=\"a red fox in fresh snow\""), mine);
    assertTrue(mine.contains("name=\"negative\" value=\"blurry\""), mine);
    assertTrue(mine.contains("name=\"prompt_id\" value=\"" + promptId + "\""), "the owner's images join the prompt: " + mine);
    assertTrue(mine.contains("href=\"/generate?prompt_id=" + promptId + "&amp;engine=builtin\""), mine);

    Http stranger = Http.toTestServer();
    Accounts.signedIn(stranger, "quickstr");
    String theirs = stranger.get("/generate/quick?engine=builtin&prompt_id=" + promptId, "HX-Request", "true").body();
    assertTrue(theirs.contains("a red fox in fresh snow"), theirs);
    assertFalse(theirs.contains("name=\"prompt_id\""), "a stranger's images stay in their own jobs: " + theirs);
  }

  @Test
  void whatTheControlCannotUseIsRefusedWithAMessage() {
    Accounts.signedIn(http, "quickbad");
    String card = "&card=card-Ab3dEf7hJk-0&expansion_id=Ab3dEf7hJk&prompt=a+lake";
    assertRefused("/generate/quick?engine=midjourney" + card, "Choose one of the image engines");
    assertRefused("/generate/quick?engine=builtin&card=" + q("x\" onmouseover=\"1") + "&expansion_id=Ab3dEf7hJk&prompt=a+lake", "Name the card");
    assertRefused("/generate/quick?engine=builtin&card=card-Ab3dEf7hJk-0&expansion_id=../etc&prompt=a+lake", "Name the card");
    assertRefused("/generate/quick?engine=builtin&card=card-Ab3dEf7hJk-0&expansion_id=Ab3dEf7hJk&prompt=", "Write or paste a prompt");
    assertRefused("/generate/quick?engine=builtin" + card + "&negative=" + q("a\u0007b"), "contains characters that can");
    assertEquals(404, http.get("/generate/quick?engine=builtin&prompt_id=Ab3dEf7hJk").statusCode(), "no such saved prompt");
  }

  private void assertRefused(String path, String message) {
    HttpResponse<String> response = http.get(path, "HX-Request", "true");
    assertEquals(400, response.statusCode(), path + " → " + response.body());
    assertTrue(response.body().contains(message), response.body());
  }

  @Test
  void moreSettingsOpensTheFullFormFilledInWithTheCardAndItsEngine() {
    Accounts.signedIn(http, "quickmore");
    String html = http.get("/generate?prompt=" + q("a red fox in snow") + "&negative=" + q("blurry") + "&expansion_id=Ab3dEf7hJk&engine=builtin")
        .body();
    assertTrue(html.contains(">a red fox in snow</textarea>"), html);
    assertTrue(html.contains(">blurry</textarea>"), html);
    assertTrue(html.contains("name=\"expansion_id\" value=\"Ab3dEf7hJk\""), "its images join the expansion's cards");
    assertTrue(html.contains("<option value=\"builtin\" selected=\"selected\""), html);
    String unknown = http.get("/generate?prompt=a+fox&engine=nope&expansion_id=" + q("<script>")).body();
    assertTrue(unknown.contains("<option value=\"builtin\" selected=\"selected\""), "an unknown engine falls back to the first");
    assertFalse(unknown.contains("&lt;script&gt;"), "a malformed expansion id is dropped");
  }
}
