package dev.visionary.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.App;
import dev.visionary.support.Accounts;
import dev.visionary.support.Http;
import dev.visionary.support.Jobs;
import dev.visionary.support.SlowImageProvider;
import dev.visionary.support.TestServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The slow-provider drill at CI scale (src/bench/drill-slow-provider runs it with 500 jobs and measures
 * latency): a queue of jobs for a slow image provider must not change what a person sees of the rest of
 * the app. Asserted without timings: pages keep answering, the provider never sees more calls at once
 * than the engine's limit, the queue depth metric counts the queue, queued jobs can be cancelled, and
 * every job ends.
 */
class SlowProviderDrillTest {
  private static final int JOBS = 50;
  private static final int CANCELLED = 10;
  private static final int ENGINE_LIMIT = 2;
  private static final int JOB_THREADS = 4;

  private SlowImageProvider provider;
  private App app;
  private Http http;

  @BeforeEach
  void start() {
    provider = SlowImageProvider.start(100, 200, 64);
    app = TestServer.startIsolatedApp(Map.of(
        "OPENAI_API_KEY", "sk-test-slow",
        "OPENAI_BASE_URL", provider.baseUrl().toString(),
        "OPENAI_IMAGE_MODEL", "gpt-image-1",
        "IMAGE_ENGINE_CONCURRENCY", Integer.toString(ENGINE_LIMIT),
        // More job threads than the engine's limit, so the limit, not the thread count, is what holds calls back.
        "JOB_THREADS", Integer.toString(JOB_THREADS)));
    http = new Http("http://localhost:" + app.port());
    Accounts.signedIn(http, "slowdrill");
  }

  @AfterEach
  void stop() {
    app.close();
    provider.close();
  }

  @Test
  void aQueueForASlowProviderLeavesPagesAnsweringAndRunsAtTheEngineLimit() {
    // Nothing finishes until the queue has been looked at, so what is asserted below cannot race the workers.
    provider.hold();
    String csrf = Accounts.csrf(http, "/generate");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < JOBS; i++) {
      HttpResponse<String> queued = http.postForm("/generate", Http.form("_csrf", csrf, "prompt", "a lighthouse in a storm, take " + i,
          "engine", "openai", "model", "gpt-image-1", "size", "1024x1024", "quality", "low", "count", "1"));
      assertEquals(303, queued.statusCode(), queued.body());
      ids.add(queued.headers().firstValue("Location").orElseThrow().substring("/jobs/".length()));
    }
    await(() -> provider.inFlight() == ENGINE_LIMIT, Duration.ofSeconds(10), "the provider receives the first calls");

    for (int round = 0; round < 3; round++) {
      for (String page : List.of("/", "/library", "/generate", "/jobs/" + ids.get(0), "/jobs/" + ids.get(JOBS - 1), "/health")) {
        HttpResponse<String> response = http.get(page);
        assertEquals(200, response.statusCode(), page + " while " + JOBS + " jobs wait for a slow provider");
      }
    }
    assertEquals(ENGINE_LIMIT, provider.inFlight(), "idle job threads do not reach the provider past its limit");

    // The gauge is read from the database at most every 5 s; it catches up with the queue within that.
    double[] depth = new double[2];
    await(() -> {
      String scrape = http.get("/metrics").body();
      depth[0] = sample(scrape, "visionary_jobs", "status=\"queued\"");
      depth[1] = sample(scrape, "visionary_jobs", "status=\"running\"");
      return depth[0] + depth[1] == JOBS;
    }, Duration.ofSeconds(15), "visionary_jobs counts every waiting job");
    assertEquals(ENGINE_LIMIT, depth[1], "running means calling the provider, not waiting for a turn");
    assertEquals(JOBS - ENGINE_LIMIT, depth[0]);

    // The newest jobs are the last in line: cancelling them keeps them from ever reaching the provider.
    List<String> cancelled = ids.subList(JOBS - CANCELLED, JOBS);
    for (String id : cancelled) {
      HttpResponse<String> cancel = http.postForm("/jobs/" + id + "/cancel", Http.form("_csrf", csrf));
      assertEquals(303, cancel.statusCode(), cancel.body());
      assertEquals("cancelled", Jobs.status(http, id));
    }

    provider.release();
    for (String id : ids) {
      String card = Jobs.awaitFinished(http, id, Duration.ofSeconds(60));
      String expected = cancelled.contains(id) ? "cancelled" : "succeeded";
      assertTrue(card.contains("data-status=\"" + expected + "\""), id + ": " + card);
    }
    assertEquals(JOBS - CANCELLED, provider.calls(), "one call per job that was not cancelled");
    assertEquals(0, provider.rejected(), "every call was a well-formed CreateImageRequest");
    assertTrue(provider.peakInFlight() <= ENGINE_LIMIT, "at most " + ENGINE_LIMIT + " calls at once, saw " + provider.peakInFlight());
  }

  private static void await(BooleanSupplier condition, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Not within " + timeout + ": " + what);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** The value of the sample of {@code name} carrying {@code label}. */
  private static double sample(String scrape, String name, String label) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)} (\\S+)$").matcher(scrape);
    while (m.find()) {
      if (m.group(1).contains(label)) {
        return Double.parseDouble(m.group(2));
      }
    }
    throw new AssertionError("No sample " + name + " with " + label);
  }
}
