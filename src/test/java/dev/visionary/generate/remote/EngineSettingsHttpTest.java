package dev.visionary.generate.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.visionary.App;
import dev.visionary.png.Infotext;
import dev.visionary.png.PngMetadata;
import dev.visionary.support.Accounts;
import dev.visionary.support.FakeServer;
import dev.visionary.support.FakeServer.Reply;
import dev.visionary.support.Http;
import dev.visionary.support.Jobs;
import dev.visionary.support.TestImages;
import dev.visionary.support.TestServer;
import java.awt.Color;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each engine is offered the settings it takes and sent exactly those, against fake OpenAI, AUTOMATIC1111 and ComfyUI
 * servers; the stored PNGs record what was sent, and AUTOMATIC1111's own parameters text survives.
 */
class EngineSettingsHttpTest {
  private static final String A1111_INFOTEXT = "a red fox in snow\nNegative prompt: blurry\nSteps: 30, Sampler: Euler a, Schedule type: Karras, "
      + "CFG scale: 5.5, Seed: 4242, Size: 512x768, Model hash: 31e35c80fc, Model: sd_xl_base_1.0, Version: v1.10.1";
  private static final Duration WAIT = Duration.ofSeconds(60);

  private static final FakeServer openAi = FakeServer.start();
  private static final FakeServer a1111 = FakeServer.start();
  private static final FakeServer comfy = FakeServer.start();
  private static App app;
  private static App unreachable;
  private static Http http;

  @BeforeAll
  static void start() {
    String png = TestImages.base64(TestImages.png(64, 64, Color.BLUE));
    openAi.on("POST", "/v1/images/generations", r -> Reply.json(200, "{\"created\":1713833628,\"data\":[{\"b64_json\":\"" + png + "\"}]}"));

    a1111.on("GET", "/sdapi/v1/sd-models", r -> Reply.json(200, "[{\"title\":\"sd_xl_base_1.0.safetensors [31e35c80fc]\",\"model_name\":"
        + "\"sd_xl_base_1.0\",\"hash\":\"31e35c80fc\",\"sha256\":null,\"filename\":\"/m/sd_xl_base_1.0.safetensors\",\"config\":null},"
        + "{\"title\":\"v1-5-pruned-emaonly.safetensors [6ce0161689]\",\"model_name\":\"v1-5-pruned-emaonly\",\"hash\":\"6ce0161689\","
        + "\"sha256\":null,\"filename\":\"/m/v1-5-pruned-emaonly.safetensors\",\"config\":null}]"));
    a1111.on("GET", "/sdapi/v1/samplers", r -> Reply.json(200, "[{\"name\":\"DPM++ 2M\",\"aliases\":[],\"options\":{}},"
        + "{\"name\":\"Euler a\",\"aliases\":[],\"options\":{}}]"));
    a1111.on("GET", "/sdapi/v1/schedulers", r -> Reply.json(200, "[{\"name\":\"automatic\",\"label\":\"Automatic\",\"aliases\":null},"
        + "{\"name\":\"karras\",\"label\":\"Karras\",\"aliases\":[\"Karras\"]}]"));
    a1111.on("GET", "/sdapi/v1/progress", r -> Reply.json(200, "{\"progress\":0.0,\"eta_relative\":0,\"state\":{},\"current_image\":null,\"textinfo\":null}"));
    a1111.on("POST", "/sdapi/v1/txt2img", r -> {
      String info = FakeServer.JSON.writeValueAsString(Map.of("seed", 4242, "all_seeds", List.of(4242), "infotexts", List.of(A1111_INFOTEXT)));
      return Reply.json(200, "{\"images\":[\"" + TestImages.base64(TestImages.png(512, 768, Color.ORANGE)) + "\"],\"parameters\":{},\"info\":"
          + FakeServer.JSON.writeValueAsString(info) + "}");
    });

    comfy.on("GET", "/object_info/CheckpointLoaderSimple", r -> Reply.json(200, "{\"CheckpointLoaderSimple\":{\"input\":{\"required\":"
        + "{\"ckpt_name\":[[\"dreamshaper_8.safetensors\",\"sd_xl_base_1.0.safetensors\"],{}]}}}}"));
    comfy.on("GET", "/object_info/KSampler", r -> Reply.json(200, "{\"KSampler\":{\"input\":{\"required\":{"
        + "\"sampler_name\":[[\"euler\",\"dpmpp_2m\"],{}],\"scheduler\":[[\"normal\",\"karras\"],{}]}}}}"));
    comfy.on("POST", "/prompt", r -> Reply.json(200, "{\"prompt_id\":\"p-1\",\"number\":1,\"node_errors\":{}}"));
    comfy.on("GET", "/history/p-1", r -> Reply.json(200, "{\"p-1\":{\"prompt\":[],\"outputs\":{\"9\":{\"images\":["
        + "{\"filename\":\"v_00001_.png\",\"subfolder\":\"\",\"type\":\"output\"},{\"filename\":\"v_00002_.png\",\"subfolder\":\"\",\"type\":\"output\"}]}},"
        + "\"status\":{\"status_str\":\"success\",\"completed\":true,\"messages\":[]},\"meta\":{}}}"));
    comfy.on("GET", "/view", r -> Reply.bytes("image/png", TestImages.png(512, 512, r.query().contains("00001") ? Color.PINK : Color.GREEN)));

    app = TestServer.startIsolatedApp(Map.of(
        "OPENAI_API_KEY", "sk-test-engine-settings",
        "OPENAI_BASE_URL", openAi.uri() + "/v1",
        "A1111_URL", a1111.uri().toString(),
        "COMFYUI_URL", comfy.uri().toString(),
        "IMAGE_PROVIDER_POLL_MS", "100"));
    http = new Http("http://localhost:" + app.port());
    Accounts.signedIn(http, "tuner");
  }

  @AfterAll
  static void stop() {
    app.close();
    if (unreachable != null) {
      unreachable.close();
    }
    openAi.close();
    a1111.close();
    comfy.close();
  }

  private static String options(Http client, String query) {
    HttpResponse<String> response = client.get("/generate/options?" + query, "HX-Request", "true");
    assertEquals(200, response.statusCode(), response.body());
    return response.body();
  }

  private static HttpResponse<String> post(String... fields) {
    String[] all = new String[fields.length + 2];
    all[0] = "_csrf";
    all[1] = Accounts.csrf(http, "/generate");
    System.arraycopy(fields, 0, all, 2, fields.length);
    return http.postForm("/generate", Http.form(all));
  }

  private static Infotext firstPng(String job) {
    String card = Jobs.awaitFinished(http, job, WAIT);
    assertTrue(card.contains("data-status=\"succeeded\""), card);
    return Infotext.parse(parameters(Jobs.imageIds(card).get(0)));
  }

  private static String parameters(String imageId) {
    return PngMetadata.readParameters(http.getBytes("/images/" + imageId).body()).orElseThrow();
  }

  @Test
  void automatic1111FieldsListTheServersCheckpointsSamplersAndSchedulersWithItsDefaults() {
    String fields = options(http, "engine=automatic1111");
    assertTrue(fields.contains("<option value=\"sd_xl_base_1.0.safetensors [31e35c80fc]\""), fields);
    assertTrue(fields.contains("<option value=\"v1-5-pruned-emaonly.safetensors [6ce0161689]\""), fields);
    assertTrue(fields.contains("<option value=\"DPM++ 2M\" selected=\"selected\">"), "A1111's own default sampler: " + fields);
    assertTrue(fields.contains("<option value=\"Automatic\" selected=\"selected\">"), fields);
    assertTrue(fields.contains("name=\"steps\" type=\"number\" min=\"1\" max=\"150\" step=\"1\" value=\"20\""), fields);
    assertTrue(fields.contains("name=\"cfg\" type=\"number\" min=\"1\" max=\"30\" step=\"0.5\" value=\"7\""), fields);
    assertTrue(fields.contains("name=\"negative\""), fields);
    assertTrue(fields.contains("name=\"seed\""), fields);
  }

  @Test
  void automatic1111IsSentTheChosenSettingsAndItsPngKeepsTheServersInfotext() throws Exception {
    String job = Jobs.submit(http, "prompt", "a red fox in snow", "negative", "blurry", "engine", "automatic1111",
        "model", "sd_xl_base_1.0.safetensors [31e35c80fc]", "size", "512x768", "count", "1", "seed", "4242",
        "steps", "30", "cfg", "5.5", "sampler", "Euler a", "scheduler", "Karras");
    Jobs.awaitFinished(http, job, WAIT);

    JsonNode body = a1111.requests("/sdapi/v1/txt2img").stream().map(FakeServer.Request::json)
        .filter(b -> b.path("prompt").asText().equals("a red fox in snow")).findFirst().orElseThrow();
    assertEquals(30, body.get("steps").asInt());
    assertEquals(5.5, body.get("cfg_scale").asDouble());
    assertEquals("Euler a", body.get("sampler_name").asText());
    assertEquals("Karras", body.get("scheduler").asText());
    assertEquals("sd_xl_base_1.0.safetensors [31e35c80fc]", body.at("/override_settings/sd_model_checkpoint").asText());

    String card = Jobs.awaitFinished(http, job, WAIT);
    String stored = parameters(Jobs.imageIds(card).get(0));
    assertEquals(A1111_INFOTEXT + ", Engine: automatic1111", stored, "A1111's text exactly, with only what it does not know added");
    Infotext read = Infotext.parse(stored);
    assertEquals("31e35c80fc", read.parameter("Model hash").orElseThrow());
    assertEquals("30", read.parameter("Steps").orElseThrow());
  }

  @Test
  void aPostWithOnlyPromptEngineAndCountSendsTheEnginesDefaultsAndRecordsThem() throws Exception {
    String job = Jobs.submit(http, "prompt", "a lighthouse on a cliff", "engine", "comfyui", "count", "1");
    Infotext info = firstPng(job);

    JsonNode graph = comfy.requests("/prompt").stream().map(r -> r.json().get("prompt"))
        .filter(g -> g.at("/6/inputs/text").asText().equals("a lighthouse on a cliff")).findFirst().orElseThrow();
    assertEquals(20, graph.at("/3/inputs/steps").asInt());
    assertEquals(8.0, graph.at("/3/inputs/cfg").asDouble());
    assertEquals("euler", graph.at("/3/inputs/sampler_name").asText());
    assertEquals("normal", graph.at("/3/inputs/scheduler").asText());
    assertEquals("20", info.parameter("Steps").orElseThrow());
    assertEquals("euler", info.parameter("Sampler").orElseThrow());
    assertEquals("8", info.parameter("CFG scale").orElseThrow());
    assertEquals("normal", info.parameter("Schedule type").orElseThrow());
  }

  @Test
  void aComfyUiBatchRecordsItsOneSeedAndEachImagesBatchPosition() {
    String job = Jobs.submit(http, "prompt", "two foxes", "engine", "comfyui", "model", "dreamshaper_8.safetensors", "size", "512x512",
        "count", "2", "seed", "77", "steps", "12", "cfg", "4", "sampler", "dpmpp_2m", "scheduler", "karras");
    String card = Jobs.awaitFinished(http, job, WAIT);
    List<String> images = Jobs.imageIds(card);
    assertEquals(2, images.size());
    for (int i = 0; i < 2; i++) {
      Infotext info = Infotext.parse(parameters(images.get(i)));
      assertEquals(77L, info.seed().orElseThrow(), "the batch's one seed, not seed+" + i);
      assertEquals("2", info.parameter("Batch size").orElseThrow());
      assertEquals(Integer.toString(i), info.parameter("Batch pos").orElseThrow());
      assertEquals("dreamshaper_8.safetensors", info.parameter("Model").orElseThrow());
      assertEquals("dpmpp_2m", info.parameter("Sampler").orElseThrow());
    }
  }

  @Test
  void settingsOutOfRangeOrNotOnTheServerAreRefusedWithTheRule() {
    String[][] cases = {
        {"steps", "0", "Steps must be a whole number from 1 to 150."},
        {"steps", "151", "Steps must be a whole number from 1 to 150."},
        {"steps", "ten", "Steps must be a whole number from 1 to 150."},
        {"cfg", "0.5", "CFG scale must be a number from 1 to 30"},
        {"cfg", "31", "CFG scale must be a number from 1 to 30"},
        {"sampler", "Heun++ 9", "The server has no sampler called &quot;Heun++ 9&quot;"},
        {"scheduler", "Cosine", "The server has no scheduler called &quot;Cosine&quot;"},
        {"model", "missing.safetensors", "The server has no checkpoint called &quot;missing.safetensors&quot;"},
    };
    int before = a1111.requests("/sdapi/v1/txt2img").size();
    for (String[] c : cases) {
      var form = Http.form("_csrf", Accounts.csrf(http, "/generate"), "prompt", "a quiet lake", "engine", "automatic1111", "size", "512x512",
          "count", "1");
      form.put(c[0], c[1]);
      HttpResponse<String> response = http.postForm("/generate", form);
      assertEquals(422, response.statusCode(), c[0] + "=" + c[1]);
      assertTrue(response.body().contains(c[2]), c[2] + " in " + response.body());
    }
    assertEquals(before, a1111.requests("/sdapi/v1/txt2img").size(), "nothing reached the server");
  }

  @Test
  void whenTheServerCannotListTheFormSaysSoAndTakesTypedNames() {
    // Port 9 (discard) is closed on the test machine: listing fails at once.
    unreachable = TestServer.startIsolatedApp(Map.of("A1111_URL", "http://127.0.0.1:9"));
    Http other = new Http("http://localhost:" + unreachable.port());
    Accounts.signedIn(other, "offline");
    String fields = options(other, "engine=automatic1111");
    assertTrue(fields.contains("Could not read the server&#39;s checkpoints and samplers"), fields);
    assertTrue(fields.contains("id=\"gen-model\" name=\"model\" type=\"text\""), "a free-text checkpoint: " + fields);
    assertTrue(fields.contains("id=\"gen-sampler\" name=\"sampler\" type=\"text\" maxlength=\"300\" value=\"DPM++ 2M\""), fields);
    String queued = Jobs.submit(other, "prompt", "a typed checkpoint", "engine", "automatic1111", "model", "my_model.safetensors",
        "sampler", "Euler a", "size", "512x512");
    assertFalse(queued.isBlank());
  }

  @Test
  void dallE3OffersNoNegativeOrSeedAndAPostedOneIsNeitherSentNorRecorded() throws Exception {
    String fields = options(http, "engine=openai&model=dall-e-3");
    assertFalse(fields.contains("name=\"negative\""), fields);
    assertFalse(fields.contains("name=\"seed\""), fields);
    assertFalse(fields.contains("name=\"steps\""), fields);

    String job = Jobs.submit(http, "prompt", "a lighthouse at dawn, oil painting", "negative", "blurry", "seed", "99", "engine", "openai",
        "model", "dall-e-3", "size", "1024x1024", "count", "1", "quality", "hd", "style", "natural", "steps", "30");
    Infotext info = firstPng(job);

    JsonNode body = openAi.requests("/v1/images/generations").stream().map(FakeServer.Request::json)
        .filter(b -> b.path("prompt").asText().startsWith("a lighthouse at dawn")).findFirst().orElseThrow();
    assertEquals("", OpenAiSchema.problems(OpenAiSchema.CREATE_IMAGE_REQUEST, body), body.toString());
    assertEquals("dall-e-3", body.get("model").asText());
    assertEquals("", info.negativePrompt(), "no negative prompt was sent, so none is recorded");
    assertTrue(info.seed().isEmpty(), "OpenAI takes no seed, so none is recorded: " + info.format());
    assertTrue(info.parameter("Steps").isEmpty());
    assertEquals("hd", info.parameter("Quality").orElseThrow());
    String card = Jobs.awaitFinished(http, job, WAIT);
    assertFalse(card.contains("seed "), "the job card shows no seed for OpenAI: " + card);
  }

  @Test
  void gptImage2TakesFreeSizesWithinItsRulesAndRefusesOthersWithTheRule() throws Exception {
    String fields = options(http, "engine=openai&model=gpt-image-2");
    assertTrue(fields.contains("name=\"size\" type=\"text\" list=\"gen-sizes\""), fields);

    String job = Jobs.submit(http, "prompt", "a wide mountain panorama", "engine", "openai", "model", "gpt-image-2", "size", "2048x1152", "count", "1");
    Jobs.awaitFinished(http, job, WAIT);
    JsonNode body = openAi.requests("/v1/images/generations").stream().map(FakeServer.Request::json)
        .filter(b -> b.path("prompt").asText().equals("a wide mountain panorama")).findFirst().orElseThrow();
    assertEquals("2048x1152", body.get("size").asText());
    assertEquals("", OpenAiSchema.problems(OpenAiSchema.CREATE_IMAGE_REQUEST, body), body.toString());

    for (String size : List.of("1000x1000", "3840x3840", "3840x1008", "4096x2160", "big")) {
      HttpResponse<String> refused = post("prompt", "a panorama", "engine", "openai", "model", "gpt-image-2", "size", size, "count", "1");
      assertEquals(422, refused.statusCode(), size);
      assertTrue(refused.body().contains("any size whose sides are multiples of 16, at most 3840x2160, between 1:3 and 3:1"), size + ": " + refused.body());
    }
  }

  @Test
  void gptImageQualityDefaultsToAutoAndDallE2ToTheLargestSize() throws Exception {
    assertTrue(options(http, "engine=openai&model=gpt-image-1").contains("<option value=\"auto\" selected=\"selected\">auto</option>"));
    assertTrue(options(http, "engine=openai&model=dall-e-2").contains("<option value=\"1024x1024\" selected=\"selected\">1024x1024</option>"));

    Jobs.awaitFinished(http, Jobs.submit(http, "prompt", "quality left to the default", "engine", "openai", "model", "gpt-image-1", "count", "1"), WAIT);
    Jobs.awaitFinished(http, Jobs.submit(http, "prompt", "size left to the default", "engine", "openai", "model", "dall-e-2", "count", "1"), WAIT);

    List<JsonNode> bodies = openAi.requests("/v1/images/generations").stream().map(FakeServer.Request::json).toList();
    JsonNode gpt = bodies.stream().filter(b -> b.path("prompt").asText().equals("quality left to the default")).findFirst().orElseThrow();
    JsonNode dalle2 = bodies.stream().filter(b -> b.path("prompt").asText().equals("size left to the default")).findFirst().orElseThrow();
    assertEquals("auto", gpt.get("quality").asText());
    assertEquals("1024x1024", dalle2.get("size").asText());
    assertEquals("", OpenAiSchema.problems(OpenAiSchema.CREATE_IMAGE_REQUEST, gpt), gpt.toString());
    assertEquals("", OpenAiSchema.problems(OpenAiSchema.CREATE_IMAGE_REQUEST, dalle2), dalle2.toString());
  }
}
