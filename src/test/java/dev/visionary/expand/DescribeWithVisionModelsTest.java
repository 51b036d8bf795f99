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
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;
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
  void aFailingModelKeepsNothingAndSaysWhy() {
    try (FakeOpenAi openai = new FakeOpenAi().failingWith(401);
         App app = dev.visionary.support.TestServer.startApp(openai.env())) {
      Http http = new Http("http://localhost:" + app.port());
      Accounts.signedIn(http, "visionfails");
      HttpResponse<String> response = DescribeHttpTest.describe(http, Accounts.csrf(http, "/describe"), "generic", "fox.jpg",
          TestImages.jpeg(64, 64, Color.ORANGE), "engine", "openai", "count", "2");
      assertEquals(502, response.statusCode());
      assertTrue(response.body().contains("data-testid=\"error\""), response.body());
      assertFalse(http.get("/").body().contains("Picture: fox.jpg"), "nothing was kept");
    }
  }
}
