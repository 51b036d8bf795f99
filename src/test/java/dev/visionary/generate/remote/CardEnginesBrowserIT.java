package dev.visionary.generate.remote;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.visionary.App;
import dev.visionary.png.PngMetadata;
import dev.visionary.support.Accounts;
import dev.visionary.support.Browser;
import dev.visionary.support.FakeServer;
import dev.visionary.support.FakeServer.Reply;
import dev.visionary.support.TestImages;
import dev.visionary.support.TestServer;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, acceptance 4: a Studio card generates with the engine its target suits — OpenAI Images for a DALL·E
 * prompt, AUTOMATIC1111 for a Stable Diffusion one — and the images arrive on the card without leaving the page.
 * Both providers are fake servers on 127.0.0.1 answering in their wire formats.
 */
class CardEnginesBrowserIT {
  /** What only the fake AUTOMATIC1111 knows, so finding it in the downloaded PNG proves its infotext was kept. */
  private static final String MODEL_HASH = "7f3e2d1c9b";
  private static final String MODEL_NAME = "lighthouse_keeper_xl_v7";
  private static final LocatorAssertions.HasCountOptions PATIENT = new LocatorAssertions.HasCountOptions().setTimeout(30_000);

  @Test
  void cardsGenerateWithTheEngineTheirTargetSuitsWithoutLeavingThePage() throws Exception {
    try (FakeServer openAi = fakeOpenAiImages(); FakeServer a1111 = fakeAutomatic1111();
         App app = TestServer.startIsolatedApp(Map.of("OPENAI_API_KEY", "sk-test-cards", "OPENAI_BASE_URL", openAi.uri() + "/v1",
             "A1111_URL", a1111.uri().toString()));
         BrowserContext context = Browser.newContext("http://localhost:" + app.port())) {
      Page page = context.newPage();
      Browser.signUp(page, Accounts.uniqueName("cards"));

      // A DALL·E prompt: its card offers every configured engine and has OpenAI Images chosen.
      Locator card = expand(page, "dalle", "a lighthouse in a storm");
      Locator engine = card.getByLabel("Image engine");
      assertThat(engine).hasValue("openai");
      assertEquals(List.of("Built-in scene painter (offline)", "OpenAI Images", "AUTOMATIC1111 / Forge"), engine.locator("option").allTextContents());
      String dallePrompt = card.getByTestId("prompt-text").textContent();
      Browser.screenshots(page, "card-engine-select");

      String url = page.url();
      card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Generate")).click();
      assertThat(card.getByTestId("job-card").getByTestId("image")).hasCount(1, PATIENT);
      assertEquals(url, page.url(), "the OpenAI image arrived on the card without a page load");
      List<FakeServer.Request> sent = openAi.requests("/v1/images/generations");
      assertEquals(1, sent.size());
      JsonNode body = sent.get(0).json();
      assertEquals(dallePrompt, body.get("prompt").asText(), "OpenAI received the card's prompt");
      assertEquals("", OpenAiSchema.problems(OpenAiSchema.CREATE_IMAGE_REQUEST, body), body.toString());
      assertTrue(a1111.requests("/sdapi/v1/txt2img").isEmpty(), "AUTOMATIC1111 was not asked");

      // A Stable Diffusion prompt: AUTOMATIC1111 is chosen, with the card's negative prompt.
      card = expand(page, "stable-diffusion", "a lighthouse in a storm");
      engine = card.getByLabel("Image engine");
      assertThat(engine).hasValue("automatic1111");
      String sdPrompt = card.getByTestId("prompt-text").textContent();
      String sdNegative = card.getByTestId("negative-text").textContent();
      Locator negativeSent = card.getByTestId("quick-generate").locator("input[name=negative]");
      assertThat(negativeSent).hasValue(sdNegative);

      // Choosing OpenAI Images on this card drops what OpenAI does not take; choosing back restores it.
      engine.selectOption("openai");
      Browser.settled(page);
      assertThat(card.getByLabel("Image engine")).hasValue("openai");
      assertThat(negativeSent).hasCount(0);
      assertThat(card.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("More settings…")))
          .hasAttribute("href", Pattern.compile("engine=openai"));
      // From the keyboard: the select keeps the focus when the control around it is swapped.
      card.getByLabel("Image engine").focus();
      card.getByLabel("Image engine").selectOption("automatic1111");
      Browser.settled(page);
      assertThat(negativeSent).hasValue(sdNegative);
      assertThat(card.getByLabel("Image engine")).isFocused();

      url = page.url();
      card.getByLabel("Images to generate").selectOption("2");
      card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Generate")).click();
      Locator images = card.getByTestId("job-card").getByTestId("image");
      assertThat(images).hasCount(2, PATIENT);
      assertEquals(url, page.url(), "the AUTOMATIC1111 images arrived on the card without a page load");
      JsonNode txt2img = a1111.requests("/sdapi/v1/txt2img").get(0).json();
      assertEquals(sdPrompt, txt2img.get("prompt").asText(), "AUTOMATIC1111 received the card's prompt");
      assertEquals(sdNegative, txt2img.get("negative_prompt").asText(), "and its negative prompt");
      assertEquals(2, txt2img.get("batch_size").asInt());
      assertEquals(1, openAi.requests("/v1/images/generations").size(), "OpenAI was not asked again");

      // The PNG a person downloads keeps AUTOMATIC1111's own infotext.
      String download = card.getByTestId("job-card").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Download"))
          .first().getAttribute("href");
      byte[] png = context.request().get(download).body();
      String parameters = PngMetadata.readParameters(png).orElseThrow();
      assertTrue(parameters.startsWith(sdPrompt), parameters);
      assertTrue(parameters.contains("Model hash: " + MODEL_HASH + ", Model: " + MODEL_NAME), parameters);
      assertTrue(parameters.contains(sampling(txt2img)), parameters);

      // "More settings…" opens the full form at a stable address, filled in with this card and its engine.
      String more = card.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("More settings…")).getAttribute("href");
      assertTrue(more.startsWith("/generate?") && more.contains("engine=automatic1111") && more.contains("expansion_id="), more);
      page.navigate(more);
      assertThat(page.getByLabel("Engine", new Page.GetByLabelOptions().setExact(true))).hasValue("automatic1111");
      assertThat(page.getByLabel("Prompt", new Page.GetByLabelOptions().setExact(true))).hasValue(sdPrompt);
      assertThat(page.getByLabel("Negative prompt")).hasValue(sdNegative);
    }
  }

  /** Expands {@code idea} for {@code target} with the built-in expander; returns the first card. */
  private static Locator expand(Page page, String target, String idea) {
    page.navigate("/");
    page.getByLabel("Target model").selectOption(target);
    page.getByLabel("Engine", new Page.GetByLabelOptions().setExact(true)).selectOption("builtin");
    page.getByLabel("Variations").fill("2");
    page.getByLabel("Your idea").fill(idea);
    page.getByLabel("Your idea").press("Control+Enter");
    Locator cards = page.getByTestId("expansion-card");
    assertThat(cards).hasCount(2);
    return cards.first();
  }

  /** The sampling part of A1111's infotext: what the request named, else its API's defaults (50 steps, Euler, CFG 7). */
  static String sampling(JsonNode request) {
    double cfg = request.path("cfg_scale").asDouble(7.0);
    return "Steps: " + request.path("steps").asInt(50) + ", Sampler: " + request.path("sampler_name").asText("Euler")
        + ", Schedule type: " + request.path("scheduler").asText("Automatic")
        + ", CFG scale: " + (cfg == Math.rint(cfg) ? String.valueOf((long) cfg) : String.valueOf(cfg));
  }

  /** OpenAI Images answering a GPT image model: base64 PNGs, as the official ImagesResponse schema has it. */
  private static FakeServer fakeOpenAiImages() {
    String answer = "{\"created\":1765000000,\"data\":[{\"b64_json\":\"" + TestImages.base64(TestImages.png(1024, 1024, Color.ORANGE))
        + "\"}],\"output_format\":\"png\",\"size\":\"1024x1024\",\"quality\":\"medium\",\"usage\":{\"total_tokens\":100,"
        + "\"input_tokens\":50,\"output_tokens\":50,\"input_tokens_details\":{\"text_tokens\":50,\"image_tokens\":0}}}";
    try {
      assertEquals("", OpenAiSchema.problems(OpenAiSchema.IMAGES_RESPONSE, FakeServer.JSON.readTree(answer)));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return FakeServer.start().on("POST", "/v1/images/generations", r -> Reply.json(200, answer));
  }

  /**
   * AUTOMATIC1111: each PNG carries the infotext A1111 writes for what it was sent, and
   * the answer's {@code info} (a JSON document inside a string) lists the same infotexts and seeds.
   */
  private static FakeServer fakeAutomatic1111() {
    return FakeServer.start()
        .on("GET", "/sdapi/v1/progress", r -> Reply.json(200, "{\"progress\":0.0,\"eta_relative\":0.0,\"state\":{\"job\":\"\","
            + "\"job_count\":0,\"sampling_step\":0,\"sampling_steps\":50},\"current_image\":null,\"textinfo\":null}"))
        .on("GET", "/sdapi/v1/sd-models", r -> Reply.json(200, "[{\"title\":\"" + MODEL_NAME + ".safetensors [" + MODEL_HASH + "]\","
            + "\"model_name\":\"" + MODEL_NAME + "\",\"hash\":\"" + MODEL_HASH + "\",\"sha256\":null,"
            + "\"filename\":\"/models/Stable-diffusion/" + MODEL_NAME + ".safetensors\",\"config\":null}]"))
        .on("POST", "/sdapi/v1/txt2img", r -> {
          JsonNode request = r.json();
          int width = request.get("width").asInt();
          int height = request.get("height").asInt();
          long seed = request.get("seed").asLong();
          var images = FakeServer.JSON.createArrayNode();
          var infotexts = FakeServer.JSON.createArrayNode();
          var seeds = FakeServer.JSON.createArrayNode();
          for (int i = 0; i < request.get("batch_size").asInt(); i++) {
            String infotext = request.get("prompt").asText() + "\nNegative prompt: " + request.get("negative_prompt").asText()
                + "\n" + sampling(request) + ", Seed: " + (seed + i) + ", Size: " + width + "x" + height
                + ", Model hash: " + MODEL_HASH + ", Model: " + MODEL_NAME + ", Version: v1.10.1";
            BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            images.add(TestImages.base64(PngMetadata.encode(picture, Map.of(PngMetadata.PARAMETERS, infotext))));
            infotexts.add(infotext);
            seeds.add(seed + i);
          }
          var info = FakeServer.JSON.createObjectNode().put("prompt", request.get("prompt").asText()).put("seed", seed)
              .put("width", width).put("height", height).put("sampler_name", request.path("sampler_name").asText("Euler"))
              .put("steps", request.path("steps").asInt(50)).put("cfg_scale", request.path("cfg_scale").asDouble(7.0))
              .put("sd_model_name", MODEL_NAME).put("sd_model_hash", MODEL_HASH);
          info.set("all_seeds", seeds);
          info.set("infotexts", infotexts);
          var answer = FakeServer.JSON.createObjectNode();
          answer.set("images", images);
          answer.set("parameters", request);
          answer.put("info", FakeServer.JSON.writeValueAsString(info));
          return Reply.json(200, FakeServer.JSON.writeValueAsString(answer));
        });
  }
}
