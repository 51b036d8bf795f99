package dev.visionary.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.support.Accounts;
import dev.visionary.support.Http;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The card's Generate control over HTTP: rebuilt for another engine, refusing what it cannot use, and its full form. */
class QuickGenerateHttpTest {
  private final Http http = Http.toTestServer();

  private static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Expands an idea for Stable Diffusion with the built-in engine (finished before the redirect); returns its id. */
  private static String expansion(Http http) {
    HttpResponse<String> response = http.postForm("/expand", Http.form("_csrf", Accounts.csrf(http, "/"), "idea", "a misty lake at dawn",
        "target", "stable-diffusion", "style", "none", "count", "2", "engine", "builtin", "seed", "7"));
    assertEquals(303, response.statusCode(), response.body());
    return response.headers().firstValue("Location").orElseThrow().replaceAll(".*/x/([A-Za-z0-9]{10}).*", "$1");
  }

  private static String hidden(String html, String name) {
    Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
    assertTrue(m.find(), name + " in " + html);
    return m.group(1);
  }

  @Test
  void theControlIsRebuiltForTheChosenEngineWithTheCardsPromptAndNegative() {
    Accounts.signedIn(http, "quick");
    String id = expansion(http);
    String card = "card-" + id + "-1";
    HttpResponse<String> control = http.get("/generate/quick?engine=builtin&card=" + card + "&expansion_id=" + id, "HX-Request", "true");
    assertEquals(200, control.statusCode(), control.body());
    String html = control.body();
    assertTrue(html.contains("id=\"" + card + "-gen\""), html);
    assertTrue(html.contains("hx-target=\"#" + card + "-jobs\""), "new jobs land on the card: " + html);
    String page = http.get("/x/" + id).body();
    String prompt = hidden(html, "prompt");
    assertTrue(prompt.length() > 40 && page.contains(prompt), "the second card's own prompt, read from the expansion: " + prompt);
    String first = http.get("/generate/quick?engine=builtin&card=card-" + id + "-0&expansion_id=" + id, "HX-Request", "true").body();
    assertFalse(prompt.equals(hidden(first, "prompt")), "each card gets its own prompt, not the first one's");
    assertTrue(page.contains(hidden(html, "negative")), "its negative prompt: " + html);
    assertTrue(html.contains("name=\"expansion_id\" value=\"" + id + "\""), html);
    assertFalse(html.contains("<select name=\"engine\""), "one engine configured: nothing to choose");

    Http stranger = Http.toTestServer();
    Accounts.signedIn(stranger, "quickpeek");
    assertEquals(404, stranger.get("/generate/quick?engine=builtin&card=" + card + "&expansion_id=" + id, "HX-Request", "true").statusCode(),
        "someone else's card is not there for a stranger");
    assertEquals(404, stranger.get("/generate?card=" + card + "&expansion_id=" + id).statusCode());
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
    String card = "&card=card-Ab3dEf7hJk-0&expansion_id=Ab3dEf7hJk";
    assertRefused("/generate/quick?engine=midjourney" + card, "Choose one of the image engines");
    assertRefused("/generate/quick?engine=builtin&card=" + q("x\" onmouseover=\"1") + "&expansion_id=Ab3dEf7hJk", "Name the card");
    assertRefused("/generate/quick?engine=builtin&card=card-Ab3dEf7hJk-0&expansion_id=../etc", "Name the card");
    assertRefused("/generate?engine=builtin&card=" + q("card-../x-0"), "Name the card");
    assertEquals(404, http.get("/generate/quick?engine=builtin" + card).statusCode(), "no such expansion");
    assertEquals(404, http.get("/generate/quick?engine=builtin&card=card-" + expansion(http) + "-9&expansion_id=Ab3dEf7hJk").statusCode(),
        "no such card in it");
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
    String id = expansion(http);
    String control = http.get("/generate/quick?engine=builtin&card=card-" + id + "-0&expansion_id=" + id, "HX-Request", "true").body();
    String more = "/generate?card=card-" + id + "-0&expansion_id=" + id + "&engine=builtin";
    assertTrue(control.contains("href=\"" + more.replace("&", "&amp;") + "\""), control);
    String html = http.get(more).body();
    assertTrue(html.contains(">" + hidden(control, "prompt") + "</textarea>"), html);
    assertTrue(html.contains(">" + hidden(control, "negative") + "</textarea>"), html);
    assertTrue(html.contains("name=\"expansion_id\" value=\"" + id + "\""), "its images join the expansion's cards");
    assertTrue(html.contains("<option value=\"builtin\" selected=\"selected\""), html);

    String pasted = http.get("/generate?prompt=" + q("a red fox in snow") + "&negative=" + q("blurry") + "&engine=builtin").body();
    assertTrue(pasted.contains(">a red fox in snow</textarea>") && pasted.contains(">blurry</textarea>"), "a prompt in the address still fills it");
    String unknown = http.get("/generate?prompt=a+fox&engine=nope&expansion_id=" + q("<script>")).body();
    assertTrue(unknown.contains("<option value=\"builtin\" selected=\"selected\""), "an unknown engine falls back to the first");
    assertFalse(unknown.contains("&lt;script&gt;"), "a malformed expansion id is dropped");
  }
}
