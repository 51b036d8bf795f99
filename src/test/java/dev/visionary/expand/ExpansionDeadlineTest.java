package dev.visionary.expand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.App;
import dev.visionary.support.Accounts;
import dev.visionary.support.FakeServer;
import dev.visionary.support.FakeServer.Reply;
import dev.visionary.support.Http;
import dev.visionary.support.TestServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An expansion has one deadline for everything it does, can be cancelled while it runs, and the Studio's Recent
 * list follows it to its end. The silent model accepts the connection and the request, and never answers.
 */
class ExpansionDeadlineTest {
  private final FakeServer silent = FakeServer.start();
  private final AtomicInteger calls = new AtomicInteger();
  private final CountDownLatch endOfTest = new CountDownLatch(1);

  ExpansionDeadlineTest() {
    silent.stream("POST", "/v1/chat/completions", (exchange, request) -> {
      calls.incrementAndGet();
      endOfTest.await(120, TimeUnit.SECONDS);
    });
    silent.on("GET", "/v1/models", r -> Reply.json(200,
        "{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4o-mini\",\"object\":\"model\",\"created\":1700000000,\"owned_by\":\"system\"}]}"));
  }

  @AfterEach
  void stop() {
    endOfTest.countDown();
    silent.close();
  }

  private App appWithDeadline(Duration deadline) {
    Map<String, String> env = new HashMap<>(Map.of("OPENAI_BASE_URL", silent.uri() + "/v1", "OPENAI_API_KEY", "test",
        "OPENAI_CHAT_MODEL", "gpt-4o-mini"));
    env.put("EXPAND_DEADLINE_MS", Long.toString(deadline.toMillis()));
    return TestServer.startApp(env);
  }

  @Test
  void anExpansionAgainstASilentModelFailsAtTheDeadlineAfterOneCall() throws Exception {
    Duration deadline = Duration.ofMillis(1500);
    try (App app = appWithDeadline(deadline)) {
      Http http = new Http("http://localhost:" + app.port());
      Accounts.signedIn(http, "deadline");
      String csrf = Accounts.csrf(http, "/");
      long started = System.nanoTime();
      String id = ExpansionHttpTest.expand(http, ExpansionHttpTest.form(csrf, "engine", "openai", "idea", "a lighthouse in fog"));
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      assertTrue(took.compareTo(deadline.minusMillis(100)) >= 0, "waited for the deadline, took " + took.toMillis() + " ms");
      assertTrue(took.compareTo(deadline.plusSeconds(5)) < 0, "ended at the deadline, took " + took.toMillis() + " ms");
      String page = http.get("/x/" + id).body();
      assertTrue(page.contains("did not finish within 1 second"), page);
      assertTrue(page.contains("data-testid=\"retry\""), "Retry is offered");
      Thread.sleep(1000);
      assertEquals(1, calls.get(), "a model that stayed silent is not asked again");
    }
  }

  @Test
  void cancelEndsARunningExpansionLongBeforeItsDeadline() {
    try (App app = appWithDeadline(Duration.ofMinutes(2))) {
      Http http = new Http("http://localhost:" + app.port());
      Accounts.signedIn(http, "canceller");
      String csrf = Accounts.csrf(http, "/");
      HttpResponse<String> started = http.postForm("/expand", ExpansionHttpTest.form(csrf, "engine", "openai", "count", "2",
          "idea", "a fox and a paper moon"), "HX-Request", "true");
      assertEquals(200, started.statusCode(), started.body());
      String id = started.headers().firstValue("HX-Push-Url").orElseThrow().substring("/x/".length());
      assertTrue(started.body().contains("data-testid=\"cancel-expansion\""), "the running card offers Cancel: " + started.body());

      long cancelling = System.nanoTime();
      HttpResponse<String> cancelled = http.postForm("/x/" + id + "/cancel", Map.of("_csrf", csrf), "HX-Request", "true");
      assertEquals(204, cancelled.statusCode(), "the page's stream delivers the outcome, so the answer swaps nothing: " + cancelled.body());

      // The stream, which the page follows, is told at once: the cancelled card with Retry, and Recent following.
      String stream = http.get("/x/" + id + "/stream", "Accept", "text/event-stream").body();
      String done = stream.substring(stream.indexOf("event: done"));
      assertTrue(done.contains("This expansion was cancelled") && done.contains("data-testid=\"retry\""), done);
      assertTrue(done.contains("id=\"recent-list\"") && done.contains("hx-swap-oob") && done.contains(" · cancelled<"),
          "Recent says what happened: " + done);
      assertFalse(done.contains(" · running<"), done);
      assertTrue(System.nanoTime() - cancelling < Duration.ofSeconds(10).toNanos(), "ended long before the two-minute deadline");
      assertTrue(http.get("/x/" + id).body().contains("Cancelled"));
      assertFalse(http.get("/").body().contains(" · running<"), "Recent no longer says running");
      assertEquals(1, calls.get());
    }
  }

  @Test
  void theRecentListFollowsAStreamedExpansionToItsEnd() throws Exception {
    try (FakeOpenAi fake = new FakeOpenAi(); App app = TestServer.startApp(fake.env())) {
      fake.answering("Foxes asleep under a paper moon", "A fox under a paper moon, ink wash");
      Http http = new Http("http://localhost:" + app.port());
      Accounts.signedIn(http, "follower");
      String csrf = Accounts.csrf(http, "/");
      HttpResponse<String> started = http.postForm("/expand", ExpansionHttpTest.form(csrf, "engine", "openai", "count", "2",
          "idea", "a fox and a paper moon"), "HX-Request", "true");
      assertTrue(started.body().contains(" · running<"), "Recent says it is running: " + started.body());
      String id = started.headers().firstValue("HX-Push-Url").orElseThrow().substring("/x/".length());

      String stream = http.get("/x/" + id + "/stream", "Accept", "text/event-stream").body();
      String done = stream.substring(stream.indexOf("event: done"));
      assertTrue(done.contains("id=\"recent-list\"") && done.contains("hx-swap-oob"), "the end of the stream carries Recent: " + done);
      assertTrue(done.contains(" · 2 prompts<") && !done.contains(" · running<"), done);
    }
  }
}
