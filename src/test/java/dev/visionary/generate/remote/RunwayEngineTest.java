package dev.visionary.generate.remote;

import dev.visionary.provider.Failure;
import dev.visionary.support.FakeServer;
import dev.visionary.support.TestImages;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.visionary.generate.engine.GeneratedImage;
import dev.visionary.generate.engine.ImageEngineException;
import dev.visionary.generate.engine.ImageRequest;
import dev.visionary.generate.engine.ProgressListener;
import dev.visionary.support.FakeServer.Reply;
import java.awt.Color;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RunwayEngineTest {

  private static final String KEY = "key_runway_0123456789abcdef";
  private static final String TASK = "17f20503-6c24-4c16-946b-35dbbce2af2f";
  private static final ImageRequest REQUEST = ImageRequest.of("a beach sunset", 1920, 1080, 7);

  private final FakeServer server = FakeServer.start();
  private final byte[] png = TestImages.png(192, 108, Color.ORANGE);

  @AfterEach
  void stop() {
    server.close();
  }

  private RunwayEngine engine() {
    return new RunwayEngine(server.uri(), KEY, OpenAiImageEngineTest.FAST);
  }

  private void created() {
    server.on("POST", "/v1/text_to_image", r -> Reply.json(200, "{\"id\":\"" + TASK + "\"}"));
  }

  /** Answers the task's states in order, repeating the last one. */
  private void taskGoesThrough(String... states) {
    AtomicInteger polls = new AtomicInteger();
    server.on("GET", "/v1/tasks/" + TASK, r -> Reply.json(200, states[Math.min(polls.getAndIncrement(), states.length - 1)]));
  }

  private static String task(String rest) {
    return "{\"id\":\"" + TASK + "\",\"createdAt\":\"2026-08-21T10:00:00.000Z\"," + rest + "}";
  }

  @Test
  void createsATaskFollowsItAndDownloadsTheOutputAtOnce() throws Exception {
    created();
    String output = server.uri() + "/outputs/" + TASK + "/0.png?_jwt=eyJhbGciOiJIUzI1NiJ9.signed";
    taskGoesThrough(
        task("\"status\":\"PENDING\""),
        task("\"status\":\"THROTTLED\""),
        task("\"status\":\"RUNNING\",\"progress\":0.4"),
        task("\"status\":\"RUNNING\",\"progress\":0.8"),
        task("\"status\":\"SUCCEEDED\",\"output\":[\"" + output + "\"]"));
    server.on("GET", "/outputs/*", r -> Reply.bytes("image/png", png));
    List<Double> reported = new CopyOnWriteArrayList<>();

    List<GeneratedImage> images = engine().generate(REQUEST, (fraction, preview) -> reported.add(fraction));

    FakeServer.Request create = server.requests("/v1/text_to_image").get(0);
    assertEquals("Bearer " + KEY, create.headers().getFirst("Authorization"));
    assertEquals("2024-11-06", create.headers().getFirst("X-Runway-Version"));
    JsonNode body = create.json();
    assertEquals("gen4_image", body.get("model").asText());
    assertEquals("a beach sunset", body.get("promptText").asText());
    assertEquals("1920:1080", body.get("ratio").asText());
    assertEquals(7, body.get("seed").asLong(), "Runway takes a seed, so the one recorded is the one it used");
    assertEquals(7L, images.get(0).seed());
    assertEquals(5, server.requests("/v1/tasks/" + TASK).size());
    FakeServer.Request download = server.requests("/outputs/" + TASK + "/0.png").get(0);
    assertNull(download.headers().getFirst("Authorization"), "the key never goes to the storage host");
    assertTrue(download.query().contains("_jwt="), "the signed URL is used as given");
    assertEquals(List.of(0.0, 0.0, 0.4, 0.8, 1.0), reported);
    assertArrayEquals(png, images.get(0).bytes());
  }

  @Test
  void aModerationFailureIsAContentPolicyFailure() {
    created();
    taskGoesThrough(task("\"status\":\"RUNNING\",\"progress\":0.1"),
        task("\"status\":\"FAILED\",\"failure\":\"Your prompt did not pass our content moderation.\",\"failureCode\":\"SAFETY.INPUT.TEXT\""));
    ImageEngineException e = assertThrows(ImageEngineException.class, () -> engine().generate(REQUEST, ProgressListener.NONE));
    assertEquals(Failure.CONTENT_FILTER, e.kind());
    assertTrue(e.getMessage().contains("content moderation"), e.getMessage());
  }

  @Test
  void anInternalFailureIsWorthRetrying() {
    created();
    taskGoesThrough(task("\"status\":\"FAILED\",\"failure\":\"An unexpected error occurred.\",\"failureCode\":\"INTERNAL.BAD_OUTPUT.CODE01\""));
    ImageEngineException e = assertThrows(ImageEngineException.class, () -> engine().generate(REQUEST, ProgressListener.NONE));
    assertTrue(e.retryable());
    assertTrue(e.getMessage().contains("An unexpected error occurred."), e.getMessage());
  }

  @Test
  void httpRefusalsMapToTheirKinds() {
    server.on("POST", "/v1/text_to_image", r -> Reply.json(401, "{\"error\":\"Invalid API key provided: key_runway_0123456789abcdef\"}"));
    ImageEngineException auth = assertThrows(ImageEngineException.class, () -> engine().generate(REQUEST, ProgressListener.NONE));
    assertEquals(Failure.AUTH, auth.kind());
    assertFalse(auth.getMessage().contains(KEY));

    server.on("POST", "/v1/text_to_image", r -> Reply.json(429, "{\"error\":\"Too many requests\"}", Map.of("Retry-After", "12")));
    ImageEngineException busy = assertThrows(ImageEngineException.class, () -> engine().generate(REQUEST, ProgressListener.NONE));
    assertTrue(busy.retryable());
    assertEquals(12, busy.retryAfter().orElseThrow().toSeconds());

    server.on("POST", "/v1/text_to_image", r -> Reply.json(400, "{\"error\":\"Validation of body failed\",\"issues\":[{\"path\":[\"ratio\"],"
        + "\"message\":\"Invalid enum value\"}]}"));
    ImageEngineException invalid = assertThrows(ImageEngineException.class, () -> engine().generate(REQUEST, ProgressListener.NONE));
    assertEquals(Failure.BAD_REQUEST, invalid.kind());
    assertTrue(invalid.getMessage().contains("Validation of body failed"), invalid.getMessage());
    assertFalse(engine().toString().contains(KEY));
  }

  @Test
  void aPromptRunwayCannotReadIsRefusedBeforeAnyCall() {
    ImageEngineException e = assertThrows(ImageEngineException.class,
        () -> engine().generate(ImageRequest.of("x".repeat(1001), 1024, 1024, 1), ProgressListener.NONE));
    assertEquals(Failure.BAD_REQUEST, e.kind());
    assertTrue(server.requests().isEmpty());
  }

  @Test
  void requestedSizesMapToTheNearestAllowedRatio() {
    assertEquals("1024:1024", RunwayEngine.ratioFor(1024, 1024));
    assertEquals("1080:1080", RunwayEngine.ratioFor(2048, 2048));
    assertEquals("1360:768", RunwayEngine.ratioFor(1792, 1024), "1.75 is nearer 1.77 than 16:9");
    assertEquals("1920:1080", RunwayEngine.ratioFor(1920, 1080));
    assertEquals("1080:1920", RunwayEngine.ratioFor(1024, 1792));
    assertEquals("1440:1080", RunwayEngine.ratioFor(1024, 768));
    assertEquals("2112:912", RunwayEngine.ratioFor(2560, 1104));
    assertEquals("1808:768", RunwayEngine.ratioFor(2400, 1000));
  }

  @Test
  void aTaskThatOutlivesTheGenerationTimeIsCancelledAndNotStartedAgain() {
    created();
    taskGoesThrough(task("\"status\":\"RUNNING\",\"progress\":0.2"));
    server.on("DELETE", "/v1/tasks/" + TASK, r -> new Reply(204, java.util.Map.of(), new byte[0]));

    ImageEngineException e = assertThrows(ImageEngineException.class, () -> engine().generate(REQUEST, ProgressListener.NONE));

    assertFalse(e.retryable(), "a job does not start a second paid task: " + e.getMessage());
    assertTrue(e.getMessage().contains("did not start it again"), e.getMessage());
    awaitDelete();
    assertEquals(1, server.requests("/v1/text_to_image").size());
  }

  @Test
  void anInterruptedJobCancelsItsTask() throws Exception {
    created();
    taskGoesThrough(task("\"status\":\"PENDING\""));
    server.on("DELETE", "/v1/tasks/" + TASK, r -> new Reply(204, java.util.Map.of(), new byte[0]));
    Thread job = new Thread(() -> {
      try {
        engine().generate(REQUEST, ProgressListener.NONE);
      } catch (ImageEngineException expected) {
        // stopped
      }
    });
    job.start();
    while (server.requests("/v1/tasks/" + TASK).isEmpty()) {
      Thread.sleep(5);
    }
    job.interrupt();
    job.join(5_000);
    awaitDelete();
  }

  private void awaitDelete() {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
    while (server.requests().stream().noneMatch(r -> r.method().equals("DELETE") && r.path().equals("/v1/tasks/" + TASK))) {
      assertTrue(System.nanoTime() < deadline, "Runway is asked to cancel the task");
      Thread.onSpinWait();
    }
  }
}
