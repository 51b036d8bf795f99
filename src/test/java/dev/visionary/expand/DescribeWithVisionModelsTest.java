package dev.visionary.expand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.visionary.App;
import dev.visionary.expand.llm.OpenAiRequestSchema;
import dev.visionary.support.Accounts;
import dev.visionary.support.FakeServer;
import dev.visionary.support.Http;
import dev.visionary.support.TestImages;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** "Describe an image" with a vision model: the picture goes to the model in its provider's wire format, its prompts come back as cards. */
class DescribeWithVisionModelsTest {

  @Test
  void openAiIsSentASchemaValidChatRequestWithThePictureAndItsPromptsBecomeCards() throws Exception {
    try (FakeOpenAi openai = new FakeOpenAi().answering("a red fox asleep in fresh snow, soft morning light",
        "a fox curled in a snowdrift under pale winter sun");
         App app = dev.visionary.support.TestServer.startApp(openai.env())) {
      Http http = new Http("http://localhost:" + app.port());
      Accounts.signedIn(http, "visionopenai");
      assertTrue(http.get("/describe").body().contains("value=\"openai\""), "the configured model is offered");
      String id = DescribeHttpTest.described(http, "generic", "fox.jpg", TestImages.jpeg(1024, 768, new Color(200, 90, 30)),
          "engine", "openai", "count", "2");
      assertTrue(follow(http, id).contains("event: done"));

      JsonNode request = openai.lastRequest();
      assertEquals(List.of(), List.copyOf(OpenAiRequestSchema.problems(request)), request.toString());
      JsonNode user = request.path("messages").path(request.path("messages").size() - 1);
      assertEquals("user", user.path("role").asText());
      assertEquals("text", user.path("content").path(0).path("type").asText());
      assertTrue(user.path("content").path(0).path("text").asText().contains("attached picture"));
      assertEquals("image_url", user.path("content").path(1).path("type").asText());
      String url = user.path("content").path(1).path("image_url").path("url").asText();
      assertTrue(url.startsWith("data:image/jpeg;base64,"), url.substring(0, Math.min(40, url.length())));
      BufferedImage sent = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1))));
      assertNotNull(sent, "the data URL holds a picture");
      assertEquals(512, sent.getWidth(), "sent at most 512 pixels a side");
      assertEquals(384, sent.getHeight());

      String page = http.get("/x/" + id).body();
      assertTrue(page.contains("a red fox asleep in fresh snow, soft morning light"), page);
      assertTrue(page.contains("a fox curled in a snowdrift under pale winter sun"), page);
      assertTrue(page.contains("data-testid=\"described-picture\""), page);
      assertFalse(page.contains("not its content"), "a model looked at the picture: nothing was measured instead");
    }
  }

  @Test
  void anthropicIsSentAnImageBlockWithThePictureAndItsPromptsBecomeCards() throws Exception {
    try (FakeServer anthropic = FakeServer.start()) {
      anthropic.on("POST", "/v1/messages", request -> FakeServer.Reply.json(200, """
          {"id":"msg_fake","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929",
           "content":[{"type":"text","text":"{\\"prompts\\":[{\\"prompt\\":\\"a lighthouse on black rocks at blue hour\\",\\"negative_prompt\\":null}]}"}],
           "stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":900,"output_tokens":40}}"""));
      try (App app = dev.visionary.support.TestServer.startApp(Map.of("ANTHROPIC_API_KEY", "test", "ANTHROPIC_BASE_URL", anthropic.uri().toString()))) {
        Http http = new Http("http://localhost:" + app.port());
        Accounts.signedIn(http, "visionanthropic");
        String id = DescribeHttpTest.described(http, "midjourney", "lighthouse.png", TestImages.png(300, 300, new Color(20, 40, 90)),
            "engine", "anthropic", "count", "1");
        assertTrue(follow(http, id).contains("a lighthouse on black rocks at blue hour"));

        JsonNode body = anthropic.requests("/v1/messages").get(0).json();
        assertEquals("test", anthropic.requests("/v1/messages").get(0).headers().getFirst("x-api-key"));
        assertTrue(body.path("max_tokens").isInt());
        assertTrue(body.path("model").isTextual());
        JsonNode content = body.path("messages").path(0).path("content");
        assertEquals("user", body.path("messages").path(0).path("role").asText());
        assertEquals("image", content.path(0).path("type").asText());
        assertEquals("base64", content.path(0).path("source").path("type").asText());
        assertEquals("image/jpeg", content.path(0).path("source").path("media_type").asText());
        assertNotNull(ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(content.path(0).path("source").path("data").asText()))));
        assertEquals("text", content.path(1).path("type").asText());
        assertTrue(content.path(1).path("text").asText().contains("attached picture"));

        String page = http.get("/x/" + id).body();
        assertTrue(page.contains("a lighthouse on black rocks at blue hour"), page);
      }
    }
  }

  @Test
  void theDescriptionIsKeptAtOnceAndItsPageFillsInAsTheModelWrites() throws Exception {
    try (FakeOpenAi openai = new FakeOpenAi().answering("a harbour at dusk, fishing boats under an orange sky",
        "a quiet harbour at sundown, long shadows on the quay");
         App app = dev.visionary.support.TestServer.startApp(openai.env())) {
      CountDownLatch last = openai.holdingTheLastChunk();
      Http http = new Http("http://localhost:" + app.port());
      Accounts.signedIn(http, "visionstreams");
      // The answer is not finished, yet the form is answered: the expansion and its picture are already kept.
      String id = DescribeHttpTest.described(http, "generic", "harbour.jpg", TestImages.jpeg(300, 200, new Color(230, 120, 30)),
          "engine", "openai", "count", "2");
      String running = http.get("/x/" + id).body();
      assertTrue(running.contains("data-testid=\"stream\"") && running.contains("sse-connect=\"/x/" + id + "/stream\""), running);
      assertTrue(running.contains("data-testid=\"described-picture\""), running);
      assertEquals(200, http.getBytes("/x/" + id + "/picture").statusCode(), "the picture is there while the model writes");
      assertTrue(http.get("/").body().contains("Picture: harbour.jpg</a>"), "Recent lists it at once");
      assertTrue(http.get("/").body().contains(" · running<"), "and says it is running");
      assertTrue(running.contains("></textarea>") && !running.contains(">Picture: harbour.jpg</textarea>"),
          "no card yet to offer the Studio, and the file's name is no idea to expand: " + running);

      // Followed as the page follows it: the prompt being written arrives before the model has finished.
      HttpClient client = HttpClient.newBuilder().cookieHandler(http.cookies()).build();
      HttpRequest follow = HttpRequest.newBuilder(URI.create(http.base() + "/x/" + id + "/stream")).header("Accept", "text/event-stream").build();
      StringBuilder stream = new StringBuilder();
      boolean seenBeforeTheEnd = false;
      try (Stream<String> lines = client.send(follow, HttpResponse.BodyHandlers.ofLines()).body()) {
        for (String line : (Iterable<String>) lines::iterator) {
          stream.append(line).append('\n');
          if (!seenBeforeTheEnd && stream.indexOf("event: preview") >= 0 && line.contains("a harbour at dusk")) {
            seenBeforeTheEnd = true;
            last.countDown();
          }
        }
      }
      assertTrue(seenBeforeTheEnd, "the prompt showed while the model was still writing: " + stream);
      String events = stream.toString();
      assertTrue(events.contains("event: done") && events.substring(events.indexOf("event: done")).contains("data-testid=\"expansion-card\""), events);

      String page = http.get("/x/" + id).body();
      assertEquals(2, count(page, "data-testid=\"expansion-card\""), page);
      assertFalse(page.contains("data-testid=\"stream\""), page);
      assertTrue(page.contains("gpt-4o-mini"), "the model that answered is recorded");
      assertFalse(page.contains(" · seed "), "a described picture has no seed: " + page);
      assertTrue(page.contains(">a harbour at dusk, fishing boats under an orange sky</textarea>"), "the first card is offered to the Studio");
    }
  }

  @Test
  void aFailingModelShowsWhyOnThePageAndRetrySendsTheSamePictureAgain() throws Exception {
    try (FakeOpenAi openai = new FakeOpenAi().failingWith(401);
         App app = dev.visionary.support.TestServer.startApp(openai.env())) {
      Http http = new Http("http://localhost:" + app.port());
      Accounts.signedIn(http, "visionfails");
      String id = DescribeHttpTest.described(http, "generic", "fox.jpg", TestImages.jpeg(64, 64, Color.ORANGE), "engine", "openai", "count", "2");
      String stream = follow(http, id);
      assertTrue(stream.contains("event: done") && stream.contains("API key was rejected"), stream);
      String firstPicture = sentPicture(openai.lastRequest());

      String page = http.get("/x/" + id).body();
      assertTrue(page.contains("data-testid=\"error\"") && page.contains("API key was rejected"), page);
      assertTrue(page.contains("data-testid=\"retry\""), page);
      assertTrue(page.contains("data-testid=\"described-picture\""), "the picture is kept: " + page);
      assertTrue(page.contains("Nothing is lost: the picture and your options are kept.") && !page.contains("your idea"),
          "the error card says what is kept: a picture, not an idea typed: " + page);
      assertTrue(stream.contains("the picture and your options are kept"), "as the stream's card says when the failure happens");
      assertEquals(200, http.getBytes("/x/" + id + "/picture").statusCode());
      assertFalse(page.contains("te**") && page.contains("test\""), "no key on the page");

      openai.answering("a red fox in the snow, low winter sun", "a fox on a frozen field at sunrise");
      String csrf = Accounts.csrf(http, "/x/" + id);
      HttpResponse<String> retried = http.postForm("/x/" + id + "/retry", Map.of("_csrf", csrf));
      assertEquals(303, retried.statusCode(), retried.body());
      String done = http.get("/x/" + id).body();
      assertEquals(2, count(done, "data-testid=\"expansion-card\""), done);
      assertTrue(done.contains("a red fox in the snow, low winter sun"), done);
      assertEquals(firstPicture, sentPicture(openai.lastRequest()), "Retry sends the picture again, nothing asked of the person");
      assertTrue(openai.lastRequest().toString().contains("attached picture"), "and asks for a description, not an idea called by the file's name");
    }
  }

  @Test
  void aPngsOwnPromptLeadsTheModelsCardsAndCountsAmongThoseAskedFor() throws Exception {
    try (FakeOpenAi openai = new FakeOpenAi().answering("a fox asleep in a snowdrift, blue hour", "a sleeping fox, snowfall, telephoto");
         App app = dev.visionary.support.TestServer.startApp(openai.env())) {
      Http http = new Http("http://localhost:" + app.port());
      Accounts.signedIn(http, "visionpng");
      byte[] png = dev.visionary.png.PngMetadata.encode(new BufferedImage(96, 64, BufferedImage.TYPE_INT_RGB),
          Map.of(dev.visionary.png.PngMetadata.PARAMETERS, "a red fox asleep in fresh snow\nSteps: 20, Sampler: Euler a, Seed: 42, Size: 96x64"));
      String id = DescribeHttpTest.described(http, "generic", "fox.png", png, "engine", "openai", "count", "2");
      follow(http, id);
      String page = http.get("/x/" + id).body();
      assertEquals(3, count(page, "data-testid=\"expansion-card\""), page);
      int own = page.indexOf("a red fox asleep in fresh snow");
      assertTrue(own > 0 && own < page.indexOf("a fox asleep in a snowdrift, blue hour"), "the file's own prompt comes first");
      assertFalse(page.contains("data-testid=\"shortfall\""), "two asked of the model, two written: nothing missing");
      assertTrue(openai.lastRequest().toString().contains("Number of prompts: 2"), openai.lastRequest().toString());
    }
  }

  @Test
  void askingForTheMissingPromptsShowsTheModelThePictureAgain() throws Exception {
    try (FakeOpenAi openai = new FakeOpenAi().answering("a lone pine on a cliff at dawn");
         App app = dev.visionary.support.TestServer.startApp(openai.env())) {
      Http http = new Http("http://localhost:" + app.port());
      Accounts.signedIn(http, "visionfill");
      String id = DescribeHttpTest.described(http, "generic", "pine.jpg", TestImages.jpeg(120, 90, new Color(40, 90, 60)),
          "engine", "openai", "count", "3");
      follow(http, id);
      String picture = sentPicture(openai.lastRequest());
      String page = http.get("/x/" + id).body();
      assertTrue(page.contains("Asked for 3, the model gave 1."), page);

      openai.answering("a pine tree on a sea cliff, morning fog", "a windswept pine above the sea, golden light");
      HttpResponse<String> filled = http.postForm("/x/" + id + "/fill", Map.of("_csrf", Accounts.csrf(http, "/x/" + id)));
      assertEquals(303, filled.statusCode(), filled.body());
      String request = openai.lastRequest().toString();
      assertEquals(picture, sentPicture(openai.lastRequest()), "the missing ones are written looking at the same picture");
      assertTrue(request.contains("a lone pine on a cliff at dawn") && request.contains("Number of prompts: 2"), request);
      String done = http.get("/x/" + id).body();
      assertEquals(3, count(done, "data-testid=\"expansion-card\""), done);
      assertTrue(done.contains("a windswept pine above the sea, golden light"), done);
    }
  }

  /** Follows the expansion's event stream, as its page does, until it ends; returns every event sent. */
  static String follow(Http http, String id) {
    return http.get("/x/" + id + "/stream", "Accept", "text/event-stream").body();
  }

  /** The picture's data URL in an OpenAI chat request. */
  static String sentPicture(JsonNode request) {
    JsonNode user = request.path("messages").path(request.path("messages").size() - 1);
    return user.path("content").path(1).path("image_url").path("url").asText();
  }

  static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
      n++;
    }
    return n;
  }
}
