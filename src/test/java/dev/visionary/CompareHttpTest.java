package dev.visionary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.support.Accounts;
import dev.visionary.support.Http;
import dev.visionary.support.Jobs;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Comparing two to four expansion cards, saved prompts or images over HTTP: the right items side by side, the
 * words and settings that differ marked, the 2..4 limits, and the items' own access rules (404 for what the viewer
 * may not see, public prompts and their images for anyone).
 */
class CompareHttpTest {
  private static final Pattern PROMPT_TEXT = Pattern.compile("data-testid=\"prompt-text\" id=\"[^\"]+\">([^<]*)</p>");
  private static final Pattern COMPARED_PROMPT = Pattern.compile("<p class=\"diff prompt-text\" data-testid=\"compare-prompt\">(.*?)</p>", Pattern.DOTALL);
  private static final Pattern ONLY_HERE = Pattern.compile("<ins class=\"diff-only-here\">([^<]*)</ins>");
  private static final Pattern PICK = Pattern.compile("type=\"checkbox\" name=\"card\" value=\"([^\"]+)\"");

  private static Http owner;
  private static Http other;
  private static String expansion;

  @BeforeAll
  static void people() {
    owner = Http.toTestServer();
    Accounts.signedIn(owner, "cmp");
    other = Http.toTestServer();
    Accounts.signedIn(other, "cmpother");
    expansion = expand("a lighthouse on a cliff");
  }

  private static String expand(String idea) {
    HttpResponse<String> expanded = owner.postForm("/expand", Http.form("_csrf", Accounts.csrf(owner, "/"), "idea", idea,
        "target", "midjourney", "style", "none", "count", "4", "engine", "builtin", "seed", "7"));
    assertEquals(303, expanded.statusCode(), expanded.body());
    return expanded.headers().firstValue("Location").orElseThrow().substring("/x/".length());
  }

  /** The prompt texts of the expansion's cards, escaped as the page shows them, in the page's order. */
  private static List<String> cardTexts(String page) {
    List<String> texts = new ArrayList<>();
    Matcher m = PROMPT_TEXT.matcher(page);
    while (m.find()) {
      texts.add(m.group(1));
    }
    return texts;
  }

  /** Each compared prompt as its reader sees it without the words it lacks (struck out), and the words only it has. */
  private record Compared(String shownWithoutStruck, List<String> onlyHere) {}

  private static List<Compared> compared(String page) {
    List<Compared> out = new ArrayList<>();
    Matcher m = COMPARED_PROMPT.matcher(page);
    while (m.find()) {
      String html = m.group(1);
      List<String> only = new ArrayList<>();
      Matcher ins = ONLY_HERE.matcher(html);
      while (ins.find()) {
        only.add(ins.group(1));
      }
      out.add(new Compared(html.replaceAll("<del[^>]*>[^<]*</del>", "").replaceAll("<[^>]+>", ""), only));
    }
    return out;
  }

  @Test
  void twoCardsOfAnExpansionSideBySideWithTheWordsOnlyInTheSecondMarked() {
    List<String> cards = cardTexts(owner.get("/x/" + expansion).body());
    assertEquals(4, cards.size());
    HttpResponse<String> page = owner.get("/x/" + expansion + "/compare?card=1&card=3");
    assertEquals(200, page.statusCode(), page.body());
    List<Compared> shown = compared(page.body());
    assertEquals(2, shown.size());
    assertEquals(cards.get(0), shown.get(0).shownWithoutStruck(), "card 1 as it is");
    assertEquals(cards.get(2), shown.get(1).shownWithoutStruck(), "card 3, with what card 1 has and it lacks struck out");
    assertFalse(shown.get(1).onlyHere().isEmpty(), "the words only card 3 has are marked");
    for (String word : shown.get(1).onlyHere()) {
      assertTrue(cards.get(2).contains(word.strip()), word);
    }
    assertTrue(page.body().contains("data-testid=\"compare-params\""), "Midjourney parameters are compared too");
    assertTrue(page.body().contains("<th scope=\"col\">Card 1</th>") && page.body().contains("<th scope=\"col\">Card 3</th>"));
  }

  @Test
  void aMoreLikeThisCardKeepsItsOwnNameInTheAddress() throws Exception {
    String expansion = expand("a windmill in a tulip field");
    String csrf = Accounts.csrf(owner, "/x/" + expansion);
    assertEquals(303, owner.postForm("/x/" + expansion + "/more", Http.form("_csrf", csrf, "card", "1")).statusCode());
    String childKey = null;
    int place = 0;
    for (int i = 0; i < 100 && childKey == null; i++) {
      Matcher m = PICK.matcher(owner.get("/x/" + expansion).body());
      for (place = 1; m.find(); place++) {
        if (m.group(1).contains("-")) {
          childKey = m.group(1);
          break;
        }
      }
      Thread.sleep(100);
    }
    assertTrue(childKey != null, "the new card has a Compare box");
    HttpResponse<String> page = owner.get("/x/" + expansion + "/compare?card=2&card=" + childKey);
    assertEquals(200, page.statusCode(), page.body());
    assertEquals(2, compared(page.body()).size());
    assertTrue(page.body().contains("<th scope=\"col\">Card " + place + "</th>"), "named by its place on the page: " + place);
  }

  @Test
  void cardComparisonsTakeTwoToFourCardsOfTheOwnersOwnExpansion() {
    String base = "/x/" + expansion + "/compare";
    HttpResponse<String> one = owner.get(base + "?card=1");
    assertEquals(400, one.statusCode());
    assertTrue(one.body().contains("Pick at least 2 different cards to compare"), one.body());
    assertEquals(400, owner.get(base + "?card=1&card=1").statusCode(), "the same card twice is one card");
    HttpResponse<String> five = owner.get(base + "?card=1&card=2&card=3&card=4&card=1-x");
    assertEquals(400, five.statusCode());
    assertTrue(five.body().contains("Pick at most 4 cards"), five.body());
    HttpResponse<String> missing = owner.get(base + "?card=1&card=9");
    assertEquals(404, missing.statusCode());
    assertTrue(missing.body().contains("no card"), missing.body());
    assertEquals(404, owner.get("/x/nosuchthng/compare?card=1&card=2").statusCode());
    HttpResponse<String> theirs = other.get(base + "?card=1&card=2");
    assertEquals(404, theirs.statusCode());
    assertFalse(theirs.body().contains("lighthouse"), "nothing of another person's expansion shows");
    HttpResponse<String> anonymous = Http.toTestServer().get(base + "?card=1&card=2");
    assertEquals(303, anonymous.statusCode(), "sent to sign in");
  }

  /** Saves a prompt as the person and returns its id. */
  private static String save(Http http, String... fields) {
    Map<String, String> form = new java.util.LinkedHashMap<>(Http.form(fields));
    form.put("_csrf", Accounts.csrf(http, "/prompts/new"));
    HttpResponse<String> saved = http.postForm("/prompts", form);
    assertEquals(303, saved.statusCode(), saved.body());
    return saved.headers().firstValue("Location").orElseThrow().split("/")[2];
  }

  @Test
  void savedPromptsAreComparedWithTheirTargetsTagsAndParameters() {
    String a = save(owner, "title", "Harbour at dawn", "text", "a quiet harbour at dawn, fishing boats, mist", "target", "stable-diffusion",
        "tags", "harbour, dawn", "params", "{\"steps\": 30, \"seed\": 4}", "visibility", "private");
    String b = save(owner, "title", "Harbour at night", "text", "a quiet harbour at night, fishing boats, lanterns", "target", "stable-diffusion",
        "tags", "harbour, night", "params", "{\"steps\": 40, \"seed\": 4}", "visibility", "private");
    HttpResponse<String> page = owner.get("/library/compare?p=" + a + "&p=" + b);
    assertEquals(200, page.statusCode(), page.body());
    List<Compared> shown = compared(page.body());
    assertEquals(2, shown.size());
    assertEquals("a quiet harbour at night, fishing boats, lanterns", shown.get(1).shownWithoutStruck());
    assertEquals(List.of("night,", "lanterns"), shown.get(1).onlyHere());
    assertTrue(page.body().contains("<del class=\"diff-missing\">dawn,</del>"), "what the second lacks is struck out");
    assertTrue(page.body().contains("<mark class=\"diff-value\">40</mark>"), "the differing steps are marked");
    assertTrue(page.body().contains("<mark class=\"diff-value\">harbour, night</mark>"), "and the differing tags");
    assertFalse(page.body().contains("<mark class=\"diff-value\">4</mark>"), "the seed they share is not");
    assertTrue(page.body().contains("Steps") && page.body().contains("Stable Diffusion"), page.body());

    assertEquals(404, other.get("/library/compare?p=" + a + "&p=" + b).statusCode(), "another person's private prompts");
    assertEquals(404, owner.get("/library/compare?p=" + a + "&p=nosuchprompt").statusCode());
    assertEquals(400, owner.get("/library/compare?p=" + a).statusCode());
    assertEquals(400, owner.get("/library/compare").statusCode());
    assertEquals(400, owner.get("/library/compare?p=a1&p=a2&p=a3&p=a4&p=a5").statusCode());
    assertEquals(400, owner.get("/library/compare?p=" + "x".repeat(200) + "&p=" + a).statusCode());
  }

  @Test
  void publicAndUnlistedPromptsAreComparedByAnyoneWhoCanSeeThem() {
    String open = save(owner, "title", "Open fjord", "text", "a fjord under northern lights", "visibility", "public");
    String link = save(owner, "title", "Linked fjord", "text", "a fjord under a full moon", "visibility", "unlisted");
    String closed = save(owner, "title", "Closed fjord", "text", "a fjord in a storm", "visibility", "private");
    for (Http viewer : List.of(other, Http.toTestServer())) {
      HttpResponse<String> page = viewer.get("/library/compare?p=" + open + "&p=" + link);
      assertEquals(200, page.statusCode(), page.body());
      assertTrue(page.body().contains("Open fjord") && page.body().contains("Linked fjord"));
      assertTrue(page.body().contains("<ins class=\"diff-only-here\">a full moon</ins>"), page.body());
      assertFalse(page.body().contains("data-testid=\"rating\""), "ratings are their owner's alone");
      HttpResponse<String> withPrivate = viewer.get("/library/compare?p=" + open + "&p=" + closed);
      assertEquals(404, withPrivate.statusCode());
      assertFalse(withPrivate.body().contains("storm"));
    }
    assertEquals(2, owner.get("/library/compare?p=" + open + "&p=" + link).body().split("data-testid=\"rating\"").length - 1,
        "the owner rates each compared prompt there");
  }

  @Test
  void imagesSideBySideWithTheirSettingsAndASliderForTwo() {
    String first = Jobs.submit(owner, "prompt", "a red lighthouse at dusk", "size", "512x512", "seed", "11", "count", "2");
    String second = Jobs.submit(owner, "prompt", "a red lighthouse at dawn", "size", "512x512", "seed", "12");
    List<String> images = new ArrayList<>(Jobs.imageIds(Jobs.awaitFinished(owner, first, Duration.ofSeconds(60))));
    images.addAll(Jobs.imageIds(Jobs.awaitFinished(owner, second, Duration.ofSeconds(60))));
    assertEquals(3, images.size());

    HttpResponse<String> two = owner.get("/images/compare?i=" + images.get(0) + "&i=" + images.get(2));
    assertEquals(200, two.statusCode(), two.body());
    String body = two.body();
    assertTrue(body.contains("data-compare-slider"), "two images get the slider");
    assertTrue(body.contains("type=\"range\""));
    assertTrue(body.contains("src=\"/images/" + images.get(0) + "\"") && body.contains("src=\"/images/" + images.get(2) + "\""));
    assertTrue(body.contains("<span>11</span>") && body.contains("<mark class=\"diff-value\">12</mark>"), "the seeds, the second marked");
    assertTrue(body.contains("<span>512×512</span>"), "the size they share, unmarked");
    assertTrue(body.contains("<ins class=\"diff-only-here\">dawn</ins>"), "the prompts word-diffed");
    assertEquals(2, body.split("data-testid=\"rating\"").length - 1, "the owner rates each compared image there");

    HttpResponse<String> three = owner.get("/images/compare?i=" + String.join("&i=", images));
    assertEquals(200, three.statusCode());
    assertFalse(three.body().contains("data-compare-slider"), "the slider is for exactly two");
    assertEquals(3, three.body().split("data-testid=\"compare-item\"").length - 1);

    assertEquals(404, other.get("/images/compare?i=" + images.get(0) + "&i=" + images.get(2)).statusCode(), "another person's images");
    assertEquals(404, Http.toTestServer().get("/images/compare?i=" + images.get(0) + "&i=" + images.get(2)).statusCode());
    assertEquals(404, owner.get("/images/compare?i=" + images.get(0) + "&i=abcdefghij").statusCode());
    assertEquals(400, owner.get("/images/compare?i=" + images.get(0)).statusCode());
    assertEquals(400, owner.get("/images/compare?i=a&i=b&i=c&i=d&i=e").statusCode());
    assertEquals(200, owner.get("/images/" + images.get(0)).statusCode(), "the image itself is still served at its own address");
  }

  @Test
  void imagesOfAPublicPromptAreComparedByOthers() {
    String open = save(owner, "title", "Public dunes", "text", "dunes at noon", "visibility", "public");
    String job = Jobs.submit(owner, "prompt", "dunes at noon", "size", "512x512", "seed", "3", "count", "2", "prompt_id", open);
    List<String> images = Jobs.imageIds(Jobs.awaitFinished(owner, job, Duration.ofSeconds(60)));
    assertEquals(2, images.size());
    HttpResponse<String> page = other.get("/images/compare?i=" + images.get(0) + "&i=" + images.get(1));
    assertEquals(200, page.statusCode(), page.body());
    assertFalse(page.body().contains("id=\"prompts-heading\""), "the same prompt is not diffed");
    assertFalse(page.body().contains("data-testid=\"rating\""), "ratings are their owner's alone");
  }

  @Test
  void brokenOrHostileAddressesAnswerAClearClientErrorAndEchoNothingAsMarkup() {
    for (String path : List.of("/library/compare?p=%ff%fe&p=abc", "/images/compare?i=%E0%A4&i=b", "/x/" + expansion + "/compare?card=%ff&card=1")) {
      HttpResponse<String> response = owner.get(path);
      assertTrue(response.statusCode() >= 400 && response.statusCode() < 500, path + " answered " + response.statusCode());
    }
    HttpResponse<String> markup = owner.get("/x/" + expansion + "/compare?card=1&card=%3Cb%3Ex%3C/b%3E");
    assertEquals(404, markup.statusCode());
    assertFalse(markup.body().contains("<b>x</b>"), "the card name comes back escaped");
    assertEquals(400, owner.get("/library/compare?" + "p=a&".repeat(500) + "p=b").statusCode(), "a flood of items is refused at once");
  }
}
