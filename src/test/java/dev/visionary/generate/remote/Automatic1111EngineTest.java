package dev.visionary.generate.remote;

import dev.visionary.provider.Failure;
import dev.visionary.support.FakeServer;
import dev.visionary.support.TestImages;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.visionary.generate.engine.GeneratedImage;
import dev.visionary.generate.engine.ImageEngineException;
import dev.visionary.generate.engine.ImageRequest;
import dev.visionary.generate.ImageRequests;
import dev.visionary.generate.engine.ProgressListener;
import dev.visionary.support.FakeServer.Reply;
import java.awt.Color;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class Automatic1111EngineTest {

  private static final String CREDENTIALS = "alice:s3cret-pass";
  private static final ImageRequest REQUEST = new ImageRequest("a beach sunset, golden hour", "blurry, watermark", 768, 512, 2, 1234L,
      "sd_xl_base_1.0.safetensors [31e35c80fc]", null, null, 28, 6.5, "DPM++ 2M", "Karras");

  /** What A1111 1.10 writes for the first image of REQUEST, model hash and version included. */
  static final String INFOTEXT_FIRST = "a beach sunset, golden hour\nNegative prompt: blurry, watermark\nSteps: 28, Sampler: DPM++ 2M, "
      + "Schedule type: Karras, CFG scale: 6.5, Seed: 1234, Size: 768x512, Model hash: 31e35c80fc, Model: sd_xl_base_1.0, Version: v1.10.1";

  private final FakeServer server = FakeServer.start();
  private final byte[] first = TestImages.png(768, 512, Color.ORANGE);
  private final byte[] second = TestImages.png(768, 512, Color.PINK);

  @AfterEach
  void stop() {
    server.close();
  }

  /** A1111 started with --api-auth: every route wants HTTP Basic, or answers its middleware's 401 body. */
  private void requireBasicAuth(String path, FakeServer.Handler handler) {
    server.on(path.startsWith("/sdapi/v1/txt2img") ? "POST" : "GET", path, r -> {
      String expected = "Basic " + Base64.getEncoder().encodeToString(CREDENTIALS.getBytes(StandardCharsets.UTF_8));
      if (!expected.equals(r.headers().getFirst("Authorization"))) {
        return Reply.json(401, "{\"error\":\"HTTPException\",\"detail\":\"Incorrect username or password\",\"body\":\"\","
            + "\"errors\":\"401: Incorrect username or password\"}", Map.of("WWW-Authenticate", "Basic"));
      }
      return handler.handle(r);
    });
  }

  private static String txt2imgAnswer(byte[]... images) {
    StringBuilder list = new StringBuilder();
    for (byte[] image : images) {
      list.append(list.length() == 0 ? "" : ",").append('"').append(TestImages.base64(image)).append('"');
    }
    String info = "{\"prompt\": \"a beach sunset, golden hour\", \"all_prompts\": [\"a beach sunset, golden hour\"], \"seed\": 1234,"
        + " \"all_seeds\": [1234, 1235], \"subseed\": 99, \"width\": 768, \"height\": 512, \"sampler_name\": \"DPM++ 2M Karras\","
        + " \"sd_model_name\": \"sd_xl_base_1.0\", \"infotexts\": [\"" + INFOTEXT_FIRST.replace("\n", "\\n") + "\", \""
        + INFOTEXT_FIRST.replace("Seed: 1234", "Seed: 1235").replace("\n", "\\n") + "\"]}";
    return "{\"images\":[" + list + "],\"parameters\":{\"prompt\":\"a beach sunset, golden hour\"},\"info\":"
        + FakeServer.JSON.valueToTree(info) + "}";
  }

  private Automatic1111Engine engine(String url, String credentials) {
    return new Automatic1111Engine(URI.create(url), credentials, OpenAiImageEngineTest.FAST);
  }

  @Test
  void sendsEveryFieldReportsProgressWhileWaitingAndReadsTheRealSeeds() throws Exception {
    AtomicInteger polls = new AtomicInteger();
    CountDownLatch polledTwice = new CountDownLatch(2);
    byte[] preview = TestImages.png(64, 48, Color.GRAY);
    requireBasicAuth("/sdapi/v1/progress", r -> {
      int n = polls.incrementAndGet();
      polledTwice.countDown();
      return Reply.json(200, "{\"progress\":" + Math.min(0.9, 0.25 * n) + ",\"eta_relative\":3.5,\"state\":{\"job\":\"\",\"job_count\":1,"
          + "\"sampling_step\":" + 7 * n + ",\"sampling_steps\":28},\"current_image\":\"" + TestImages.base64(preview) + "\",\"textinfo\":null}");
    });
    requireBasicAuth("/sdapi/v1/txt2img", r -> {
      // Hold the answer like the real server does until the client has been seen polling progress.
      polledTwice.await(10, TimeUnit.SECONDS);
      return Reply.json(200, txt2imgAnswer(first, second));
    });
    List<Double> reported = new CopyOnWriteArrayList<>();
    List<byte[]> previews = new CopyOnWriteArrayList<>();
    ProgressListener listener = (fraction, png) -> {
      reported.add(fraction);
      if (png != null) {
        previews.add(png);
      }
    };

    List<GeneratedImage> images = engine("http://" + CREDENTIALS + "@127.0.0.1:" + server.uri().getPort(), null).generate(REQUEST, listener);

    JsonNode body = server.requests("/sdapi/v1/txt2img").get(0).json();
    assertEquals("a beach sunset, golden hour", body.get("prompt").asText());
    assertEquals("blurry, watermark", body.get("negative_prompt").asText());
    assertEquals(1234, body.get("seed").asLong());
    assertEquals(28, body.get("steps").asInt());
    assertEquals(6.5, body.get("cfg_scale").asDouble());
    assertEquals("DPM++ 2M", body.get("sampler_name").asText());
    assertEquals("Karras", body.get("scheduler").asText());
    assertEquals(768, body.get("width").asInt());
    assertEquals(512, body.get("height").asInt());
    assertEquals(2, body.get("batch_size").asInt());
    assertEquals("sd_xl_base_1.0.safetensors [31e35c80fc]", body.at("/override_settings/sd_model_checkpoint").asText());
    assertTrue(body.get("send_images").asBoolean());
    assertFalse(body.get("save_images").asBoolean());

    assertTrue(reported.size() >= 3, "progress while waiting and at the end: " + reported);
    assertEquals(0.25, reported.get(0));
    assertEquals(1.0, reported.get(reported.size() - 1));
    assertArrayEquals(preview, previews.get(0));

    assertEquals(2, images.size());
    assertArrayEquals(first, images.get(0).bytes());
    assertArrayEquals(second, images.get(1).bytes());
    assertEquals(INFOTEXT_FIRST, images.get(0).engineInfotext(), "A1111's own parameters text is kept as it wrote it");
    assertTrue(images.get(1).engineInfotext().contains("Seed: 1235"), images.get(1).engineInfotext());
    assertEquals(List.of(1234L, 1235L), images.stream().map(GeneratedImage::seed).toList());
    assertEquals(768, images.get(0).width());
  }

  @Test
  void credentialsFromA1111AuthAreSentAndKeptOutOfToString() throws Exception {
    requireBasicAuth("/sdapi/v1/txt2img", r -> Reply.json(200, txt2imgAnswer(first)));
    Automatic1111Engine engine = engine(server.uri().toString(), CREDENTIALS);
    assertEquals(1, engine.generate(ImageRequests.withCount(REQUEST, 1), ProgressListener.NONE).size());
    assertFalse(engine.toString().contains("s3cret"), engine.toString());
    assertFalse(engine("http://" + CREDENTIALS + "@127.0.0.1:1", null).toString().contains("s3cret"));
  }

  @Test
  void missingCredentialsAreAnAuthFailure() {
    requireBasicAuth("/sdapi/v1/txt2img", r -> Reply.json(200, txt2imgAnswer(first)));
    ImageEngineException e = assertThrows(ImageEngineException.class,
        () -> engine(server.uri().toString(), null).generate(REQUEST, ProgressListener.NONE));
    assertEquals(Failure.AUTH, e.kind());
    assertTrue(e.getMessage().contains("A1111_AUTH"), e.getMessage());

    ImageEngineException wrong = assertThrows(ImageEngineException.class,
        () -> engine(server.uri().toString(), "alice:wrong").generate(REQUEST, ProgressListener.NONE));
    assertEquals(Failure.AUTH, wrong.kind());
    assertFalse(wrong.getMessage().contains("wrong"), wrong.getMessage());
  }

  @Test
  void listsCheckpointsSamplersAndSchedulersAndTakesNoSchedulersFromAnOlderServer() throws Exception {
    server.on("GET", "/sdapi/v1/sd-models", r -> Reply.json(200, "[{\"title\":\"sd_xl_base_1.0.safetensors [31e35c80fc]\",\"model_name\":"
        + "\"sd_xl_base_1.0\",\"hash\":\"31e35c80fc\",\"sha256\":\"31e35c80fc4829d14f90153f4c74cd59c90b779f6afe05a74cd6120b893f7e5b\","
        + "\"filename\":\"/models/sd_xl_base_1.0.safetensors\",\"config\":null}]"));
    server.on("GET", "/sdapi/v1/samplers", r -> Reply.json(200, "[{\"name\":\"DPM++ 2M\",\"aliases\":[\"k_dpmpp_2m\"],\"options\":{}},"
        + "{\"name\":\"Euler a\",\"aliases\":[\"k_euler_a\"],\"options\":{}}]"));
    Automatic1111Engine engine = engine(server.uri().toString(), null);

    dev.visionary.generate.engine.ServerChoices older = engine.serverChoices();
    assertEquals(List.of("sd_xl_base_1.0.safetensors [31e35c80fc]"), older.models());
    assertEquals(List.of("DPM++ 2M", "Euler a"), older.samplers());
    assertEquals(List.of(), older.schedulers(), "before 1.9 there is no /sdapi/v1/schedulers");

    server.on("GET", "/sdapi/v1/schedulers", r -> Reply.json(200, "[{\"name\":\"automatic\",\"label\":\"Automatic\",\"aliases\":null,"
        + "\"default_rho\":-1.0,\"need_inner_model\":false},{\"name\":\"karras\",\"label\":\"Karras\",\"aliases\":[\"Karras\"],"
        + "\"default_rho\":7.0,\"need_inner_model\":false}]"));
    assertEquals(List.of("Automatic", "Karras"), engine.serverChoices().schedulers(), "labels, as A1111's infotext writes them");
  }

  @Test
  void anUnknownSamplerIsAnInvalidRequestNamingIt() {
    server.on("POST", "/sdapi/v1/txt2img", r -> Reply.json(404,
        "{\"error\":\"HTTPException\",\"detail\":\"Sampler not found\",\"body\":\"\",\"errors\":\"404: Sampler not found\"}"));
    ImageEngineException e = assertThrows(ImageEngineException.class,
        () -> engine(server.uri().toString(), null).generate(REQUEST, ProgressListener.NONE));
    assertEquals(Failure.BAD_REQUEST, e.kind());
    assertEquals("AUTOMATIC1111 has no sampler named 'DPM++ 2M'; choose one of the samplers it offers.", e.getMessage());
  }

  @Test
  void anUnknownCheckpointIsAnInvalidRequestNamingIt() {
    server.on("POST", "/sdapi/v1/txt2img", r -> Reply.json(404,
        "{\"error\":\"HTTPException\",\"detail\":\"Model not found\",\"body\":\"\",\"errors\":\"404: Model not found\"}"));
    ImageEngineException e = assertThrows(ImageEngineException.class,
        () -> engine(server.uri().toString(), null).generate(REQUEST, ProgressListener.NONE));
    assertEquals(Failure.BAD_REQUEST, e.kind());
    assertTrue(e.getMessage().contains("sd_xl_base_1.0.safetensors"), e.getMessage());
  }

  @Test
  void validationErrorsListWhatIsWrong() {
    server.on("POST", "/sdapi/v1/txt2img", r -> Reply.json(422,
        "{\"detail\":[{\"loc\":[\"body\",\"steps\"],\"msg\":\"value is not a valid integer\",\"type\":\"type_error.integer\"}]}"));
    ImageEngineException e = assertThrows(ImageEngineException.class,
        () -> engine(server.uri().toString(), null).generate(REQUEST, ProgressListener.NONE));
    assertEquals(Failure.BAD_REQUEST, e.kind());
    assertTrue(e.getMessage().contains("body.steps: value is not a valid integer"), e.getMessage());
  }

  @Test
  void aCrashOnTheServerIsTransientAndSaysWhy() {
    server.on("POST", "/sdapi/v1/txt2img", r -> Reply.json(500, "{\"error\":\"OutOfMemoryError\",\"detail\":\"\",\"body\":\"\","
        + "\"errors\":\"CUDA out of memory. Tried to allocate 2.00 GiB\"}"));
    ImageEngineException e = assertThrows(ImageEngineException.class,
        () -> engine(server.uri().toString(), null).generate(REQUEST, ProgressListener.NONE));
    assertTrue(e.retryable());
    assertTrue(e.getMessage().contains("CUDA out of memory"), e.getMessage());
  }

  @Test
  void jpegOutputIsRecognisedByItsBytes() throws Exception {
    byte[] jpeg = TestImages.jpeg(768, 512, Color.BLUE);
    server.on("POST", "/sdapi/v1/txt2img", r -> Reply.json(200, txt2imgAnswer(jpeg)));
    GeneratedImage image = engine(server.uri().toString(), null).generate(ImageRequests.withCount(REQUEST, 1), ProgressListener.NONE).get(0);
    assertEquals("image/jpeg", image.mimeType());
  }

  @Test
  void listsCheckpointTitles() throws Exception {
    requireBasicAuth("/sdapi/v1/sd-models", r -> Reply.json(200, "[{\"title\":\"sd_xl_base_1.0.safetensors [31e35c80fc]\","
        + "\"model_name\":\"sd_xl_base_1.0\",\"hash\":\"31e35c80fc\",\"sha256\":\"31e35c80fc4829d14f90153f4c74cd59c90b779f6afe05a74cd6120b893f7e5b\","
        + "\"filename\":\"/models/Stable-diffusion/sd_xl_base_1.0.safetensors\",\"config\":null},"
        + "{\"title\":\"v1-5-pruned-emaonly.safetensors [6ce0161689]\",\"model_name\":\"v1-5-pruned-emaonly\",\"hash\":\"6ce0161689\","
        + "\"sha256\":null,\"filename\":\"/models/Stable-diffusion/v1-5-pruned-emaonly.safetensors\",\"config\":null}]"));
    List<String> models = engine(server.uri().toString(), CREDENTIALS).models();
    assertEquals(List.of("sd_xl_base_1.0.safetensors [31e35c80fc]", "v1-5-pruned-emaonly.safetensors [6ce0161689]"), models);
    assertNotNull(server.requests("/sdapi/v1/sd-models").get(0).headers().getFirst("Authorization"));
  }
}
