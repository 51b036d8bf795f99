package dev.visionary.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.App;
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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cancel means stop, against fake AUTOMATIC1111 and ComfyUI servers that never finish a prompt containing "hang":
 * the engine is told to interrupt, the engine's one slot goes to the next job at once, and a generation that runs
 * out of time is not sent a second time.
 */
class StoppingRemoteJobsTest {
  private static final Duration GENERATION_TIMEOUT = Duration.ofSeconds(2);

  private final FakeServer a1111 = FakeServer.start();
  private final FakeServer comfy = FakeServer.start();
  /** Holds every hanging call open until the test ends; nothing in the app may wait for it. */
  private final CountDownLatch endOfTest = new CountDownLatch(1);
  private final Map<String, Long> firstSeen = new ConcurrentHashMap<>();
  private final Map<String, Boolean> comfyHangs = new ConcurrentHashMap<>();
  private App app;
  private Http http;

  @BeforeEach
  void start() {
    String png = TestImages.base64(TestImages.png(512, 512, Color.ORANGE));
    a1111.stream("POST", "/sdapi/v1/txt2img", (exchange, request) -> {
      seen("txt2img");
      if (request.text().contains("hang")) {
        endOfTest.await(60, TimeUnit.SECONDS);
      }
      byte[] body = ("{\"images\":[\"" + png + "\"],\"parameters\":{},\"info\":\"{\\\"all_seeds\\\":[7]}\"}").getBytes();
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    });
    a1111.on("GET", "/sdapi/v1/progress", r -> Reply.json(200,
        "{\"progress\":0.25,\"eta_relative\":3.0,\"state\":{\"job_count\":1},\"current_image\":null,\"textinfo\":null}"));
    a1111.on("POST", "/sdapi/v1/interrupt", r -> {
      seen("a1111 interrupt");
      return Reply.json(200, "{}");
    });

    comfy.on("POST", "/prompt", r -> {
      String id = UUID.randomUUID().toString();
      comfyHangs.put(id, r.text().contains("hang"));
      return Reply.json(200, "{\"prompt_id\":\"" + id + "\",\"number\":1,\"node_errors\":{}}");
    });
    comfy.on("GET", "/history/*", r -> {
      String id = r.path().substring("/history/".length());
      if (comfyHangs.getOrDefault(id, true)) {
        return Reply.json(200, "{}");
      }
      return Reply.json(200, "{\"" + id + "\":{\"prompt\":[],\"outputs\":{\"9\":{\"images\":[{\"filename\":\"v_00001_.png\","
          + "\"subfolder\":\"\",\"type\":\"output\"}]}},\"status\":{\"status_str\":\"success\",\"completed\":true,\"messages\":[]},\"meta\":{}}}");
    });
    comfy.on("GET", "/view", r -> Reply.bytes("image/png", TestImages.png(512, 512, Color.PINK)));
    comfy.on("GET", "/object_info/CheckpointLoaderSimple", r -> Reply.json(200, "{\"CheckpointLoaderSimple\":{\"input\":{\"required\":"
        + "{\"ckpt_name\":[[\"sd_xl_base_1.0.safetensors\"],{}]}},\"output\":[\"MODEL\",\"CLIP\",\"VAE\"],\"name\":\"CheckpointLoaderSimple\"}}"));
    comfy.on("POST", "/interrupt", r -> {
      seen("comfy interrupt");
      return Reply.json(200, "{}");
    });
    comfy.on("POST", "/queue", r -> {
      seen("comfy queue delete");
      return Reply.json(200, "{}");
    });

    app = TestServer.startIsolatedApp(Map.of(
        "A1111_URL", a1111.uri().toString(),
        "COMFYUI_URL", comfy.uri().toString(),
        // One slot per engine, so the next job can start only once the cancelled one has let go of it.
        "IMAGE_ENGINE_CONCURRENCY", "1",
        "IMAGE_PROVIDER_POLL_MS", "100",
        "IMAGE_PROVIDER_GENERATION_TIMEOUT_MS", Long.toString(GENERATION_TIMEOUT.toMillis())));
    http = new Http("http://localhost:" + app.port());
    Accounts.signedIn(http, "stopper");
  }

  @AfterEach
  void stop() {
    endOfTest.countDown();
    app.close();
    a1111.close();
    comfy.close();
  }

  private void seen(String what) {
    firstSeen.putIfAbsent(what, System.nanoTime());
  }

  private String submit(String engine, String prompt) {
    return Jobs.submit(http, "prompt", prompt, "engine", engine, "model", "", "size", "512x512", "count", "1");
  }

  @Test
  void cancellingARunningAutomatic1111JobInterruptsItAndTheNextJobStartsAtOnce() {
    String hanging = submit("automatic1111", "a lighthouse that will hang");
    await(() -> a1111.requests("/sdapi/v1/txt2img").size() == 1, Duration.ofSeconds(20), "the first job reaches the server");
    String next = submit("automatic1111", "a quiet harbour");

    long cancelled = System.nanoTime();
    cancel(hanging);

    await(() -> firstSeen.containsKey("a1111 interrupt"), Duration.ofSeconds(5), "the server is asked to interrupt");
    assertTrue(firstSeen.get("a1111 interrupt") - cancelled <= Duration.ofSeconds(1).toNanos(),
        "interrupt sent " + Duration.ofNanos(firstSeen.get("a1111 interrupt") - cancelled).toMillis() + " ms after Cancel");
    String card = Jobs.awaitFinished(http, next, Duration.ofSeconds(10));
    assertTrue(card.contains("data-status=\"succeeded\""), "the next job ran while the cancelled call was still open: " + card);
    assertEquals("cancelled", Jobs.status(http, hanging));
    assertEquals(2, a1111.requests("/sdapi/v1/txt2img").size(), "one generation per job");
  }

  @Test
  void cancellingARunningComfyUiJobTakesItOffTheQueueAndInterruptsIt() {
    String hanging = submit("comfyui", "a lighthouse that will hang");
    await(() -> !comfy.requests("/history/" + onlyPrompt()).isEmpty(), Duration.ofSeconds(20), "the first job is being followed");
    // Taken now: once the next job reaches ComfyUI there are two prompts.
    String hangingPrompt = onlyPrompt();
    String next = submit("comfyui", "a quiet harbour");

    long cancelled = System.nanoTime();
    cancel(hanging);

    await(() -> firstSeen.containsKey("comfy interrupt") && firstSeen.containsKey("comfy queue delete"), Duration.ofSeconds(5),
        "the prompt is removed and interrupted");
    assertTrue(firstSeen.get("comfy interrupt") - cancelled <= Duration.ofSeconds(1).toNanos(),
        "interrupt sent " + Duration.ofNanos(firstSeen.get("comfy interrupt") - cancelled).toMillis() + " ms after Cancel");
    String deleted = comfy.requests("/queue").get(0).json().path("delete").path(0).asText();
    assertEquals(hangingPrompt, deleted, "the cancelled prompt, and only it, is taken off ComfyUI's queue");
    String card = Jobs.awaitFinished(http, next, Duration.ofSeconds(10));
    assertTrue(card.contains("data-status=\"succeeded\""), card);
    assertEquals("cancelled", Jobs.status(http, hanging));
  }

  @Test
  void anAutomatic1111GenerationThatTimesOutIsNotSentAgain() {
    String job = submit("automatic1111", "a storm that will hang");
    String card = Jobs.awaitFinished(http, job, GENERATION_TIMEOUT.multipliedBy(4));
    assertTrue(card.contains("data-status=\"failed\""), card);
    assertTrue(card.contains("did not send the prompt again"), card);
    sleep(GENERATION_TIMEOUT.toMillis());
    assertEquals(1, a1111.requests("/sdapi/v1/txt2img").size(), "the prompt was sent once");
    assertTrue(firstSeen.containsKey("a1111 interrupt"), "the server was asked to stop drawing it");
  }

  @Test
  void aComfyUiGenerationThatTimesOutIsNotQueuedAgain() {
    String job = submit("comfyui", "a storm that will hang");
    String card = Jobs.awaitFinished(http, job, GENERATION_TIMEOUT.multipliedBy(4));
    assertTrue(card.contains("data-status=\"failed\""), card);
    assertTrue(card.contains("did not send it again"), card);
    sleep(GENERATION_TIMEOUT.toMillis());
    assertEquals(1, comfy.requests("/prompt").size(), "the workflow was queued once");
    assertTrue(firstSeen.containsKey("comfy queue delete"), "the prompt was taken off ComfyUI's queue");
  }

  private String onlyPrompt() {
    return comfyHangs.keySet().stream().findFirst().orElse("none");
  }

  private void cancel(String job) {
    HttpResponse<String> response = http.postForm("/jobs/" + job + "/cancel", Http.form("_csrf", Accounts.csrf(http, "/generate")));
    assertEquals(303, response.statusCode(), response.body());
  }

  private static void await(BooleanSupplier condition, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Not within " + timeout + ": " + what);
      }
      sleep(20);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
