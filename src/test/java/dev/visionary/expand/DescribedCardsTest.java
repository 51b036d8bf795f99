package dev.visionary.expand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.visionary.App;
import dev.visionary.expand.llm.OpenAiRequestSchema;
import dev.visionary.support.Accounts;
import dev.visionary.support.Http;
import dev.visionary.support.TestImages;
import java.awt.Color;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Refine and "more like this" on the cards of a described picture: the engine works from the card's prompt, not
 * from the file's name, and a vision model is shown the picture again.
 */
class DescribedCardsTest {
  private static final String FIRST = "a red fox asleep in fresh snow, soft morning light";
  private static final String SECOND = "a fox curled in a snowdrift under pale winter sun";

  @Test
  void refineAndMoreLikeThisSendTheCardsPromptAsTheIdeaAndThePictureAgain() throws Exception {
    try (FakeOpenAi openai = new FakeOpenAi().answering(FIRST, SECOND);
         App app = dev.visionary.support.TestServer.startApp(openai.env())) {
      Http http = new Http("http://localhost:" + app.port());
      Accounts.signedIn(http, "describedcards");
      String id = DescribeHttpTest.described(http, "generic", "fox.jpg", TestImages.jpeg(400, 300, new Color(200, 90, 30)),
          "engine", "openai", "count", "2");
      DescribeWithVisionModelsTest.follow(http, id);
      String picture = DescribeWithVisionModelsTest.sentPicture(openai.lastRequest());

      openai.answering("a red fox asleep in fresh snow under a full moon, blue night light");
      HttpResponse<String> refined = http.postForm("/x/" + id + "/refine",
          Map.of("_csrf", Accounts.csrf(http, "/x/" + id), "card", "1", "refinement", "make it night"));
      assertEquals(303, refined.statusCode(), refined.body());
      JsonNode request = openai.lastRequest();
      assertEquals(List.of(), List.copyOf(OpenAiRequestSchema.problems(request)), request.toString());
      String text = userText(request);
      assertTrue(text.contains("with this change: make it night") && text.contains("Prompt: " + SECOND), text);
      assertTrue(text.contains("Idea: " + SECOND + "\n"), "the card's prompt is the idea: " + text);
      assertFalse(text.contains("Picture: fox.jpg") || text.contains("fox.jpg"), "the file's name tells the model nothing: " + text);
      assertTrue(text.contains("The prompt was written from the attached picture."), text);
      assertEquals(picture, DescribeWithVisionModelsTest.sentPicture(request), "the model sees the same picture again");
      String page = http.get("/x/" + id).body();
      assertTrue(page.contains("blue night light") && page.contains(FIRST), "the refined card takes the second's place: " + page);
      assertFalse(page.contains(SECOND), page);

      openai.answering("a fox napping in deep snow at first light", "a sleeping fox in a snowy clearing, dawn mist");
      HttpResponse<String> more = http.postForm("/x/" + id + "/more", Map.of("_csrf", Accounts.csrf(http, "/x/" + id), "card", "0"));
      assertEquals(303, more.statusCode(), more.body());
      String moreText = userText(openai.lastRequest());
      assertTrue(moreText.contains("Write new variations close to this prompt") && moreText.contains("Idea: " + FIRST + "\n"), moreText);
      assertFalse(moreText.contains("fox.jpg"), moreText);
      assertEquals(picture, DescribeWithVisionModelsTest.sentPicture(openai.lastRequest()));
      assertTrue(http.get("/x/" + id).body().contains("dawn mist"));
    }
  }

  @Test
  void aStudioCardIsRefinedFromItsIdeaAsBeforeWithNoPicture() throws Exception {
    try (FakeOpenAi openai = new FakeOpenAi().answering("a lighthouse on black rocks at blue hour");
         App app = dev.visionary.support.TestServer.startApp(openai.env())) {
      Http http = new Http("http://localhost:" + app.port());
      Accounts.signedIn(http, "studiocards");
      HttpResponse<String> expanded = http.postForm("/expand", Map.of("_csrf", Accounts.csrf(http, "/"), "idea", "a lighthouse",
          "target", "generic", "style", "none", "count", "1", "engine", "openai"));
      assertEquals(303, expanded.statusCode(), expanded.body());
      String id = expanded.headers().firstValue("Location").orElseThrow().replace("/x/", "");
      DescribeWithVisionModelsTest.follow(http, id);
      openai.answering("a lighthouse on black rocks at night");
      http.postForm("/x/" + id + "/refine", Map.of("_csrf", Accounts.csrf(http, "/x/" + id), "card", "0", "refinement", "make it night"));
      JsonNode request = openai.lastRequest();
      String text = userText(request);
      assertTrue(text.contains("Idea: a lighthouse\n"), text);
      assertFalse(text.contains("attached picture"), text);
      assertFalse(request.toString().contains("image_url"), "no picture is sent");
    }
  }

  @Test
  void offlineMoreLikeThisOnAMeasuredPicturesCardWorksFromTheCard() throws Exception {
    Http http = Http.toTestServer();
    Accounts.signedIn(http, "describedoffline");
    String id = DescribeHttpTest.described(http, "generic", "dusk.jpg", TestImages.jpeg(320, 200, new Color(230, 120, 30)));
    String page = http.get("/x/" + id).body();
    assertEquals(1, DescribeWithVisionModelsTest.count(page, "data-testid=\"expansion-card\""), page);
    HttpResponse<String> more = http.postForm("/x/" + id + "/more", Map.of("_csrf", Accounts.csrf(http, "/x/" + id), "card", "0"));
    assertEquals(303, more.statusCode(), more.body());
    String after = http.get("/x/" + id).body();
    assertFalse(after.contains("data-testid=\"error\""), "no failure: " + after);
    assertEquals(3, DescribeWithVisionModelsTest.count(after, "data-testid=\"expansion-card\""), after);
    assertFalse(after.replace("Picture: dusk.jpg", "").contains("Picture:"), "no card is written about the file's name: " + after);
  }

  /** The text part of the last user message of an OpenAI chat request. */
  private static String userText(JsonNode request) {
    JsonNode user = request.path("messages").path(request.path("messages").size() - 1);
    JsonNode content = user.path("content");
    return content.isTextual() ? content.asText() : content.path(0).path("text").asText();
  }
}
