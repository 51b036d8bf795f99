package dev.visionary.expand;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.visionary.App;
import dev.visionary.support.Accounts;
import dev.visionary.support.FakeServer;
import dev.visionary.support.Http;
import dev.visionary.support.TestServer;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A WebP picture, which the Java runtime cannot decode: with a vision model it is sent as it is, its size read from
 * its RIFF header, and shown on its page as uploaded; offline it is refused in words.
 */
class DescribeWebpTest {

  @Test
  void eachKindOfWebpGoesToTheModelAsItIsWithItsSizeReadFromItsHeader() throws Exception {
    try (FakeOpenAi openai = new FakeOpenAi().answering("an orange dusk fading into deep blue");
         App app = TestServer.startApp(openai.env())) {
      Http http = new Http("http://localhost:" + app.port());
      Accounts.signedIn(http, "webpopenai");
      Map<String, byte[]> samples = Map.of("40 × 30", WebpSamples.LOSSY, "33 × 17", WebpSamples.LOSSLESS, "21 × 13", WebpSamples.EXTENDED);
      for (Map.Entry<String, byte[]> sample : samples.entrySet()) {
        String id = DescribeHttpTest.described(http, "generic", "dusk.webp", sample.getValue(), "engine", "openai", "count", "1");
        DescribeWithVisionModelsTest.follow(http, id);
        assertEquals("data:image/webp;base64," + Base64.getEncoder().encodeToString(sample.getValue()),
            DescribeWithVisionModelsTest.sentPicture(openai.lastRequest()), "sent byte for byte as uploaded");

        String page = http.get("/x/" + id).body();
        assertTrue(page.contains("dusk.webp, " + sample.getKey() + " pixels"), sample.getKey() + ": " + page);
        assertTrue(page.contains("an orange dusk fading into deep blue"), page);
        HttpResponse<byte[]> shown = http.getBytes("/x/" + id + "/picture");
        assertEquals(200, shown.statusCode());
        assertEquals("image/webp", shown.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(sample.getValue(), shown.body(), "the page shows the uploaded picture");
      }
    }
  }

  @Test
  void anthropicIsSentAWebpImageBlock() throws Exception {
    try (FakeServer anthropic = FakeServer.start()) {
      anthropic.on("POST", "/v1/messages", request -> FakeServer.Reply.json(200, """
          {"id":"msg_fake","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929",
           "content":[{"type":"text","text":"{\\"prompts\\":[{\\"prompt\\":\\"a green field under flat light\\",\\"negative_prompt\\":null}]}"}],
           "stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":90,"output_tokens":20}}"""));
      try (App app = TestServer.startApp(Map.of("ANTHROPIC_API_KEY", "test", "ANTHROPIC_BASE_URL", anthropic.uri().toString()))) {
        Http http = new Http("http://localhost:" + app.port());
        Accounts.signedIn(http, "webpanthropic");
        String id = DescribeHttpTest.described(http, "generic", "field.webp", WebpSamples.LOSSLESS, "engine", "anthropic", "count", "1");
        assertTrue(DescribeWithVisionModelsTest.follow(http, id).contains("a green field under flat light"));
        JsonNode source = anthropic.requests("/v1/messages").get(0).json().path("messages").path(0).path("content").path(0).path("source");
        assertEquals("image/webp", source.path("media_type").asText());
        assertEquals(Base64.getEncoder().encodeToString(WebpSamples.LOSSLESS), source.path("data").asText());
      }
    }
  }

  @Test
  void webpsAModelCannotTakeAreRefusedInWordsBeforeAnythingIsKeptOrSent() {
    try (FakeOpenAi openai = new FakeOpenAi().answering("never asked");
         App app = TestServer.startApp(openai.env())) {
      Http http = new Http("http://localhost:" + app.port());
      Accounts.signedIn(http, "webprefused");
      String csrf = Accounts.csrf(http, "/describe");

      HttpResponse<String> bomb = DescribeHttpTest.describe(http, csrf, "generic", "bomb.webp", WebpSamples.extendedHeader(20_000, 20_000, 0),
          "engine", "openai");
      assertEquals(413, bomb.statusCode(), bomb.body());
      assertTrue(bomb.body().contains("20000 × 20000 pixels"), bomb.body());

      HttpResponse<String> wide = DescribeHttpTest.describe(http, csrf, "generic", "wide.webp", WebpSamples.extendedHeader(9_000, 300, 0),
          "engine", "openai");
      assertEquals(413, wide.statusCode(), wide.body());
      assertTrue(wide.body().contains("8000 pixels a side"), wide.body());

      HttpResponse<String> animated = DescribeHttpTest.describe(http, csrf, "generic", "loop.webp", WebpSamples.extendedHeader(64, 64, 0x02),
          "engine", "openai");
      assertEquals(415, animated.statusCode(), animated.body());
      assertTrue(animated.body().contains("animated"), animated.body());

      HttpResponse<String> cut = DescribeHttpTest.describe(http, csrf, "generic", "cut.webp", Arrays.copyOf(WebpSamples.LOSSY, 24),
          "engine", "openai");
      assertEquals(400, cut.statusCode(), cut.body());
      assertTrue(cut.body().contains("could not be read"), cut.body());

      byte[] heavy = Arrays.copyOf(WebpSamples.LOSSY, Picture.MAX_WEBP_BYTES + 1);
      HttpResponse<String> tooHeavy = DescribeHttpTest.describe(http, csrf, "generic", "heavy.webp", heavy, "engine", "openai");
      assertEquals(413, tooHeavy.statusCode(), tooHeavy.body());
      assertTrue(tooHeavy.body().contains("up to 3.75 MB"), tooHeavy.body());

      assertEquals(0, openai.requests(), "nothing was sent to the model");
      assertFalse(http.get("/").body().contains("Picture: "), "nothing refused was kept");
    }
  }

  @Test
  void offlineAWebpIsRefusedSayingAVisionModelIsNeeded() {
    Http http = Http.toTestServer();
    Accounts.signedIn(http, "webpoffline");
    HttpResponse<String> response = DescribeHttpTest.describe(http, Accounts.csrf(http, "/describe"), "generic", "dusk.webp", WebpSamples.LOSSY);
    assertEquals(415, response.statusCode(), response.body());
    assertTrue(response.body().contains("choose a vision model as the engine"), response.body());
    assertTrue(response.body().contains("data-testid=\"error\""), response.body());
    assertFalse(http.get("/").body().contains("Picture: dusk.webp"), "nothing was kept");
  }
}
