package dev.visionary.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.visionary.App;
import dev.visionary.png.Infotext;
import dev.visionary.png.PngMetadata;
import dev.visionary.support.FakeServer;
import dev.visionary.support.Http;
import dev.visionary.support.Jobs;
import dev.visionary.support.TestImages;
import dev.visionary.support.TestServer;
import java.awt.Color;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A styles.csv imported over HTTP, then applied when expanding and generating. Every expected string is written
 * out from AUTOMATIC1111's rules: a style with {prompt} puts the prompt there; any other is added after it with
 * ", ", both sides stripped; the negative prompt the same way with each style's negative.
 */
class SavedStylesHttpTest {
  private static final String STYLES_CSV = """
      name,prompt,negative_prompt
      Frame,"analog photo of {prompt}, 35mm","{prompt}, cartoon"
      Grain,"film grain,  soft light","lowres, blurry"
      """;
  private static final Pattern CHOICE = Pattern.compile("name=\"styles\" value=\"([^\"]+)\"[^>]*>\\s*<span>([^<]+)</span>");
  private static final Pattern CARD_TEXT = Pattern.compile("data-testid=\"(prompt-text|negative-text)\"[^>]*>([^<]*)<");

  /** The style ids the /generate form offers, by name. */
  private static Map<String, String> offered(LibraryClient who, String page) {
    Map<String, String> byName = new LinkedHashMap<>();
    Matcher m = CHOICE.matcher(who.get(page).body());
    while (m.find()) {
      byName.put(m.group(2), m.group(1));
    }
    return byName;
  }

  /** A form post with repeated fields (the style checkboxes), which a map cannot hold. */
  private static HttpResponse<String> post(LibraryClient who, String path, String... fields) {
    StringBuilder body = new StringBuilder("_csrf=" + enc(who.csrf()));
    for (int i = 0; i < fields.length; i += 2) {
      body.append('&').append(enc(fields[i])).append('=').append(enc(fields[i + 1]));
    }
    return who.http.post(path, "application/x-www-form-urlencoded", body.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String unescape(String html) {
    return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }

  /** Each card's prompt and negative prompt, in order, from an expansion's page. */
  private static List<String[]> cards(LibraryClient who, String location) {
    List<String[]> cards = new ArrayList<>();
    Matcher m = CARD_TEXT.matcher(who.get(location).body());
    while (m.find()) {
      if (m.group(1).equals("prompt-text")) {
        cards.add(new String[] {unescape(m.group(2)), null});
      } else {
        cards.get(cards.size() - 1)[1] = unescape(m.group(2));
      }
    }
    return cards;
  }

  private static Map<String, String> imported(LibraryClient me) {
    HttpResponse<String> report = TransferHttpTest.upload(me, "styles.csv", STYLES_CSV.getBytes(StandardCharsets.UTF_8));
    assertEquals(200, report.statusCode(), report.body());
    Map<String, String> styles = offered(me, "/generate");
    assertEquals(List.of("Frame", "Grain"), List.copyOf(styles.keySet()), "both imported styles are offered on /generate");
    assertEquals(styles, offered(me, "/"), "and in the Studio");
    return styles;
  }

  @Test
  void generatingWithTwoStylesSendsAndRecordsThePromptAsAutomatic1111WouldMakeIt() throws Exception {
    LibraryClient me = LibraryClient.signedIn("styled-gen");
    Map<String, String> styles = imported(me);

    HttpResponse<String> queued = post(me, "/generate", "prompt", "a lighthouse", "negative", "watermark", "engine", "builtin",
        "count", "1", "seed", "11", "styles", styles.get("Frame"), "styles", styles.get("Grain"));
    assertEquals(303, queued.statusCode(), queued.body());
    String job = queued.headers().firstValue("Location").orElseThrow().substring("/jobs/".length());
    String card = Jobs.awaitFinished(me.http, job, Duration.ofSeconds(60));
    assertTrue(card.contains("analog photo of a lighthouse, 35mm, film grain,  soft light"), card);
    assertTrue(card.contains("Styles applied: Frame, Grain"), card);

    byte[] png = me.http.getBytes("/images/" + Jobs.imageIds(card).get(0) + "?download=1").body();
    String parameters = PngMetadata.readParameters(png).orElseThrow();
    Infotext info = Infotext.parse(parameters);
    assertEquals("analog photo of a lighthouse, 35mm, film grain,  soft light", info.prompt());
    assertEquals("watermark, cartoon, lowres, blurry", info.negativePrompt());
    // AUTOMATIC1111 writes the styled prompt and no list of styles; its reader finds the styles in the text.
    assertFalse(parameters.contains("Styles"), parameters);

    // The other order: Grain is joined first, then Frame wraps the result.
    String reversed = Jobs.awaitFinished(me.http, Jobs.submit(me.http, "prompt", "a lighthouse", "negative", "watermark",
        "engine", "builtin", "count", "1", "seed", "11"), Duration.ofSeconds(60));
    assertFalse(reversed.contains("Styles applied"), "no styles chosen, none recorded");
    HttpResponse<String> again = post(me, "/generate", "prompt", "  a lighthouse ", "negative", "watermark", "engine", "builtin",
        "count", "1", "seed", "11", "styles", styles.get("Grain"), "styles", styles.get("Frame"));
    String other = Jobs.awaitFinished(me.http, again.headers().firstValue("Location").orElseThrow().substring(6), Duration.ofSeconds(60));
    byte[] otherPng = me.http.getBytes("/images/" + Jobs.imageIds(other).get(0) + "?download=1").body();
    Infotext otherInfo = Infotext.parse(PngMetadata.readParameters(otherPng).orElseThrow());
    assertEquals("analog photo of a lighthouse, film grain,  soft light, 35mm", otherInfo.prompt());
    assertEquals("watermark, lowres, blurry, cartoon", otherInfo.negativePrompt());
  }

  @Test
  void automatic1111ReceivesTheStyledTextAndNoStyleNamesToApplyAgain() throws Exception {
    String png = TestImages.base64(TestImages.png(64, 64, Color.ORANGE));
    try (FakeServer a1111 = FakeServer.start()) {
      a1111.on("POST", "/sdapi/v1/txt2img", r -> FakeServer.Reply.json(200,
          "{\"images\":[\"" + png + "\"],\"parameters\":{},\"info\":\"{\\\"all_seeds\\\":[11]}\"}"));
      a1111.on("GET", "/sdapi/v1/progress", r -> FakeServer.Reply.json(200,
          "{\"progress\":0.5,\"eta_relative\":1.0,\"state\":{},\"current_image\":null}"));
      try (App app = TestServer.startIsolatedApp(Map.of("A1111_URL", a1111.uri().toString()))) {
        LibraryClient me = LibraryClient.signedIn(new Http("http://localhost:" + app.port()), "styled-a1111");
        Map<String, String> styles = imported(me);
        HttpResponse<String> queued = post(me, "/generate", "prompt", "a lighthouse", "negative", "", "engine", "automatic1111",
            "count", "1", "seed", "11", "styles", styles.get("Frame"), "styles", styles.get("Grain"));
        assertEquals(303, queued.statusCode(), queued.body());
        String card = Jobs.awaitFinished(me.http, queued.headers().firstValue("Location").orElseThrow().substring(6), Duration.ofSeconds(60));
        assertTrue(card.contains("data-status=\"succeeded\""), card);
        JsonNode sent = a1111.requests("/sdapi/v1/txt2img").get(0).json();
        assertEquals("analog photo of a lighthouse, 35mm, film grain,  soft light", sent.path("prompt").asText());
        // An empty negative: Frame's "{prompt}, cartoon" gives ", cartoon"; Grain strips it and joins.
        assertEquals(", cartoon, lowres, blurry", sent.path("negative_prompt").asText());
        assertTrue(sent.path("styles").isMissingNode(), "the server's own styles of the same names would be applied twice: " + sent);
      }
    }
  }

  @Test
  void anEngineThatTakesNoNegativeGetsTheStyledPromptAndNoStyleNegative() throws Exception {
    String png = TestImages.base64(TestImages.png(64, 64, Color.ORANGE));
    try (FakeServer openai = FakeServer.start()) {
      openai.on("POST", "/v1/images/generations", r -> FakeServer.Reply.json(200,
          "{\"created\":1713833628,\"data\":[{\"b64_json\":\"" + png + "\"}],\"size\":\"1024x1024\",\"quality\":\"low\"}"));
      try (App app = TestServer.startIsolatedApp(Map.of("OPENAI_API_KEY", "sk-test-styles", "OPENAI_BASE_URL", openai.uri() + "/v1",
          "OPENAI_IMAGE_MODEL", "gpt-image-1"))) {
        LibraryClient me = LibraryClient.signedIn(new Http("http://localhost:" + app.port()), "styled-openai");
        Map<String, String> styles = imported(me);
        HttpResponse<String> queued = post(me, "/generate", "prompt", "a lighthouse", "engine", "openai", "model", "gpt-image-1",
            "size", "1024x1024", "count", "1", "styles", styles.get("Frame"), "styles", styles.get("Grain"));
        assertEquals(303, queued.statusCode(), queued.body());
        String card = Jobs.awaitFinished(me.http, queued.headers().firstValue("Location").orElseThrow().substring(6), Duration.ofSeconds(60));
        assertTrue(card.contains("data-status=\"succeeded\""), card);
        assertEquals("analog photo of a lighthouse, 35mm, film grain,  soft light",
            openai.requests("/v1/images/generations").get(0).json().path("prompt").asText());
        byte[] image = me.http.getBytes("/images/" + Jobs.imageIds(card).get(0) + "?download=1").body();
        String parameters = PngMetadata.readParameters(image).orElseThrow();
        assertFalse(parameters.contains("Negative prompt"), "nothing was sent as a negative, so none is recorded: " + parameters);
      }
    }
  }

  @Test
  void expandingWithTwoStylesAppliesThemToEveryPromptAndNegative() {
    LibraryClient me = LibraryClient.signedIn("styled-exp");
    Map<String, String> styles = imported(me);
    String[] ask = {"idea", "a lighthouse in fog", "target", "stable-diffusion", "style", "none", "count", "2", "engine", "builtin",
        "seed", "7", "mode", "random"};

    HttpResponse<String> plain = post(me, "/expand", ask);
    assertEquals(303, plain.statusCode(), plain.body());
    List<String> styledAsk = new ArrayList<>(List.of(ask));
    styledAsk.addAll(List.of("styles", styles.get("Frame"), "styles", styles.get("Grain")));
    HttpResponse<String> styled = post(me, "/expand", styledAsk.toArray(String[]::new));
    assertEquals(303, styled.statusCode(), styled.body());

    List<String[]> before = cards(me, plain.headers().firstValue("Location").orElseThrow());
    String page = me.get(styled.headers().firstValue("Location").orElseThrow()).body();
    List<String[]> after = cards(me, styled.headers().firstValue("Location").orElseThrow());
    assertEquals(2, before.size());
    assertEquals(2, after.size());
    for (int i = 0; i < 2; i++) {
      // The built-in engine gives the same prompts for the same seed; the styles are applied to each.
      assertEquals("analog photo of " + before.get(i)[0] + ", 35mm, film grain,  soft light", after.get(i)[0]);
      assertEquals(before.get(i)[1] + ", cartoon, lowres, blurry", after.get(i)[1]);
    }
    assertTrue(page.contains("styles Frame, Grain"), "the expansion says which styles it applied");
    assertTrue(page.contains("checked"), "its page keeps the styles chosen on the form");
  }

  @Test
  void aStyleThatIsNotYoursIsRefusedWithAMessage() {
    LibraryClient owner = LibraryClient.signedIn("style-owner");
    String theirs = imported(owner).get("Frame");
    LibraryClient me = LibraryClient.signedIn("style-thief");

    HttpResponse<String> generate = post(me, "/generate", "prompt", "a lighthouse", "engine", "builtin", "count", "1", "styles", theirs);
    assertEquals(422, generate.statusCode());
    assertTrue(generate.body().contains("is not one of your styles: choose from the list."), generate.body());

    HttpResponse<String> expand = post(me, "/expand", "idea", "a lighthouse", "engine", "builtin", "count", "1", "styles", theirs);
    assertEquals(422, expand.statusCode());
    assertTrue(expand.body().contains("is not one of your styles: choose from the list."), expand.body());

    HttpResponse<String> nonsense = post(me, "/generate", "prompt", "a lighthouse", "engine", "builtin", "count", "1", "styles",
        "x".repeat(5000));
    assertEquals(422, nonsense.statusCode());
    assertTrue(nonsense.body().contains("“" + "x".repeat(40) + "…” is not one of your styles"), "a long id is shortened in the message");
  }

  @Test
  void aPromptTaggedStyleIsOfferedAndAStyleThatWouldGrowPastTheModelsLimitIsRefused() {
    LibraryClient me = LibraryClient.signedIn("tagged-style");
    me.save("title", "Echo", "text", "{prompt} {prompt} {prompt} {prompt} {prompt} {prompt} {prompt} {prompt}", "tags", "style");
    me.save("title", "Not a style", "text", "just a prompt");
    Map<String, String> styles = offered(me, "/generate");
    assertEquals(List.of("Echo"), List.copyOf(styles.keySet()));

    // 5,200 characters eight times over passes the built-in engine's 32,000.
    String prompt = "a lighthouse ".repeat(400);
    HttpResponse<String> tooLong = post(me, "/generate", "prompt", prompt, "engine", "builtin", "count", "1",
        "styles", styles.get("Echo"));
    assertEquals(422, tooLong.statusCode());
    assertTrue(tooLong.body().contains("With these styles the prompt would be"), tooLong.body());
  }
}
