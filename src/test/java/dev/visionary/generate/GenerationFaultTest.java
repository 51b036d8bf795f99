package dev.visionary.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Image jobs against a fake OpenAI Images API that fails the ways the real one does. */
class GenerationFaultTest {
  private static final String PATH = "/v1/images/generations";
  private FakeServer openai;
  private App app;
  private Http http;

  @BeforeEach
  void start() {
    openai = FakeServer.start();
    app = TestServer.startIsolatedApp(Map.of(
        "OPENAI_API_KEY", "sk-test-fault",
        "OPENAI_BASE_URL", openai.uri() + "/v1",
        "OPENAI_IMAGE_MODEL", "gpt-image-1",
        "IMAGE_PROVIDER_TIMEOUT_MS", "5000"));
    http = new Http("http://localhost:" + app.port());
    Accounts.signedIn(http, "fault");
  }

  @AfterEach
  void stop() {
    app.close();
    openai.close();
  }

  private static Reply success() {
    String b64 = TestImages.base64(TestImages.png(64, 64, Color.ORANGE));
    return Reply.json(200, "{\"created\":1713833628,\"data\":[{\"b64_json\":\"" + b64 + "\"}],\"size\":\"1024x1024\",\"quality\":\"low\"}");
  }

  private String submit() {
    return Jobs.submit(http, "prompt", "a lighthouse in a storm", "engine", "openai", "model", "gpt-image-1", "size", "1024x1024", "count", "1");
  }

  @Test
  void a429WithRetryAfterIsWaitedOutAndTheJobSucceeds() {
    AtomicInteger calls = new AtomicInteger();
    long[] times = new long[2];
    openai.on("POST", PATH, request -> {
      int n = calls.getAndIncrement();
      times[Math.min(n, 1)] = System.nanoTime();
      if (n == 0) {
        return Reply.json(429, "{\"error\":{\"message\":\"Rate limit reached for images per minute.\",\"type\":\"requests\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}",
            Map.of("Retry-After", "1"));
      }
      return success();
    });
    String job = submit();
    String card = Jobs.awaitFinished(http, job, Duration.ofSeconds(60));
    assertTrue(card.contains("data-status=\"succeeded\""), card);
    assertEquals(2, calls.get());
    assertTrue(times[1] - times[0] >= Duration.ofMillis(950).toNanos(), "waited for Retry-After before trying again");
    assertEquals(1, Jobs.imageIds(card).size());
  }

  @Test
  void aRetryAfterOfADayIsCappedAtAMinute() {
    openai.on("POST", PATH, request -> Reply.json(429, "{\"error\":{\"message\":\"Rate limit reached for images per minute.\","
        + "\"type\":\"requests\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}", Map.of("Retry-After", "86400")));
    String job = submit();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    java.util.regex.Matcher wait;
    do {
      wait = java.util.regex.Pattern.compile("Trying again in (\\d+) s").matcher(http.get("/jobs/" + job, "HX-Request", "true").body());
      assertTrue(System.nanoTime() < deadline, "the card says when the job tries again");
    } while (!wait.find());
    assertTrue(Integer.parseInt(wait.group(1)) <= JobRunner.MAX_RETRY_WAIT.toSeconds(), "waits at most a minute, not a day: " + wait.group());
    String card = http.get("/jobs/" + job, "HX-Request", "true").body();
    assertFalse(card.contains("86400") || card.contains("86399"), "the provider's day is not promised: " + card);
  }

  @Test
  void a500OnEveryAttemptFailsTheJobWithTheReasonAndRetryWorks() {
    AtomicInteger calls = new AtomicInteger();
    boolean[] healthy = {false};
    openai.on("POST", PATH, request -> {
      calls.incrementAndGet();
      return healthy[0] ? success()
          : Reply.json(500, "{\"error\":{\"message\":\"The server had an error while processing your request.\",\"type\":\"server_error\",\"param\":null,\"code\":null}}");
    });
    String job = submit();
    String card = Jobs.awaitFinished(http, job, Duration.ofSeconds(60));
    assertTrue(card.contains("data-status=\"failed\""), card);
    assertEquals(JobRunner.MAX_ATTEMPTS, calls.get(), "every attempt was made");
    assertTrue(card.contains("Gave up after 4 attempts."), card);
    assertFalse(card.toLowerCase().contains("will try again"), "a failed job does not promise another attempt: " + card);
    assertTrue(card.contains(">Retry<"), "a Retry button is offered");

    healthy[0] = true;
    HttpResponse<String> retry = http.postForm("/jobs/" + job + "/retry", Http.form("_csrf", Accounts.csrf(http, "/generate")));
    assertEquals(303, retry.statusCode());
    String after = Jobs.awaitFinished(http, job, Duration.ofSeconds(60));
    assertTrue(after.contains("data-status=\"succeeded\""), after);
  }

  @Test
  void aContentPolicyRefusalFailsAtOnceWithAClearMessage() {
    AtomicInteger calls = new AtomicInteger();
    openai.on("POST", PATH, request -> {
      calls.incrementAndGet();
      return Reply.json(400, "{\"error\":{\"message\":\"Your request was rejected by the safety system.\",\"type\":\"image_generation_user_error\",\"param\":null,\"code\":\"moderation_blocked\"}}");
    });
    String job = submit();
    String card = Jobs.awaitFinished(http, job, Duration.ofSeconds(60));
    assertTrue(card.contains("data-status=\"failed\""), card);
    assertEquals(1, calls.get(), "no retry for a refusal");
    assertTrue(card.toLowerCase().contains("safety") || card.toLowerCase().contains("content policy"), card);
  }

  @Test
  void invalidModelSizeAndCountCombinationsAreRefusedBeforeAnyCall() {
    openai.on("POST", PATH, request -> success());
    String csrf = Accounts.csrf(http, "/generate");
    HttpResponse<String> dalle3Two = http.postForm("/generate", Http.form("_csrf", csrf, "prompt", "two cats", "engine", "openai",
        "model", "dall-e-3", "size", "1024x1024", "count", "2"));
    assertEquals(422, dalle3Two.statusCode());
    assertTrue(dalle3Two.body().contains("makes one image per request"), dalle3Two.body());
    HttpResponse<String> badSize = http.postForm("/generate", Http.form("_csrf", csrf, "prompt", "two cats", "engine", "openai",
        "model", "gpt-image-1", "size", "1792x1024", "count", "1"));
    assertEquals(422, badSize.statusCode());
    HttpResponse<String> styleOnGpt = http.postForm("/generate", Http.form("_csrf", csrf, "prompt", "two cats", "engine", "openai",
        "model", "gpt-image-1", "size", "1024x1024", "style", "vivid"));
    assertEquals(422, styleOnGpt.statusCode());
    assertEquals(0, openai.requests().size(), "the provider was never called");
  }
}
