package dev.visionary.expand;

import static dev.visionary.expand.ExpansionHttpTest.count;
import static dev.visionary.expand.ExpansionHttpTest.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.App;
import dev.visionary.support.Accounts;
import dev.visionary.support.Http;
import dev.visionary.support.TestServer;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A model that answers one paragraph when asked for three: the result says so and offers to ask for the rest. */
class FewerVariationsHttpTest {
  private static final String FIRST = "A harbour at dawn, fishing boats resting on glassy water, mist over the breakwater";
  private static final String SECOND = "A harbour at night, lanterns on the quay, reflections broken by a passing ferry";
  private static final String THIRD = "A harbour in a gale, spray over the lighthouse, boats straining at their ropes";

  @Test
  void fewerVariationsThanAskedAreSaidAndTheRestCanBeAskedForFromTheSameEngine() {
    try (FakeOpenAi fake = new FakeOpenAi().answering(FIRST); App app = TestServer.startApp(fake.env())) {
      Http http = new Http("http://localhost:" + app.port());
      Accounts.signedIn(http, "fewer");
      String id = ExpansionHttpTest.expand(http, form(Accounts.csrf(http, "/"), "engine", "openai", "count", "3", "idea", "a harbour"));
      String page = http.get("/x/" + id).body();
      assertEquals(1, count(page, "data-testid=\"expansion-card\""));
      assertTrue(page.contains("Asked for 3, the model gave 1."), page);
      assertTrue(page.contains(">Ask for the 2 missing</button>"), page);

      fake.answering(SECOND, THIRD);
      HttpResponse<String> filled = http.postForm("/x/" + id + "/fill", Map.of("_csrf", Accounts.csrf(http, "/x/" + id)));
      assertEquals(303, filled.statusCode(), filled.body());
      assertEquals("/x/" + id, filled.headers().firstValue("Location").orElseThrow());
      page = http.get("/x/" + id).body();
      assertEquals(3, count(page, "data-testid=\"expansion-card\""), page);
      assertTrue(page.indexOf(FIRST) < page.indexOf(SECOND) && page.indexOf(SECOND) < page.indexOf(THIRD), "the new cards follow the first");
      assertFalse(page.contains("data-testid=\"shortfall\""), "nothing is missing any more");

      String asked = fake.lastRequest().get("messages").get(1).get("content").asText();
      assertTrue(asked.contains("These prompts are already written for this idea:\n- " + FIRST), asked);
      assertTrue(asked.contains("Write 2 more prompts") && asked.contains("Number of prompts: 2"), asked);
      assertEquals(2, fake.requests(), "the same engine was asked once more");

      HttpResponse<String> again = http.postForm("/x/" + id + "/fill", Map.of("_csrf", Accounts.csrf(http, "/x/" + id)));
      assertEquals(400, again.statusCode());
      assertTrue(again.body().contains("Nothing is missing from these prompts any more"), again.body());
      assertEquals(2, fake.requests(), "a second click does not ask again");
    }
  }

  @Test
  void twoClicksAtOnceAskTheEngineOnce() throws Exception {
    try (FakeOpenAi fake = new FakeOpenAi().answering(FIRST); App app = TestServer.startApp(fake.env())) {
      Http http = new Http("http://localhost:" + app.port());
      Accounts.signedIn(http, "fewertwice");
      String id = ExpansionHttpTest.expand(http, form(Accounts.csrf(http, "/"), "engine", "openai", "count", "3", "idea", "a quay"));
      fake.answering(SECOND, THIRD);
      Map<String, String> click = Map.of("_csrf", Accounts.csrf(http, "/x/" + id));
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
      try {
        List<java.util.concurrent.Future<Integer>> clicks = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
          clicks.add(pool.submit(() -> http.postForm("/x/" + id + "/fill", click).statusCode()));
        }
        List<Integer> statuses = new java.util.ArrayList<>();
        for (java.util.concurrent.Future<Integer> c : clicks) {
          statuses.add(c.get());
        }
        assertEquals(1, statuses.stream().filter(s -> s == 303).count(), "one click fills: " + statuses);
        assertEquals(3, statuses.stream().filter(s -> s == 400).count(), "the others are told nothing is missing: " + statuses);
      } finally {
        pool.shutdownNow();
      }
      assertEquals(3, count(http.get("/x/" + id).body(), "data-testid=\"expansion-card\""), "no duplicate cards");
      assertEquals(2, fake.requests(), "the engine was asked once more, not once per click");
    }
  }

  @Test
  void theStudiosStreamEndsWithTheNoticeAndTheFillComesBackInPlace() throws Exception {
    try (FakeOpenAi fake = new FakeOpenAi().answering(FIRST); App app = TestServer.startApp(fake.env())) {
      CountDownLatch last = fake.holdingTheLastChunk();
      Http http = new Http("http://localhost:" + app.port());
      Accounts.signedIn(http, "fewerstream");
      HttpResponse<String> started = http.postForm("/expand", form(Accounts.csrf(http, "/"), "engine", "openai", "count", "3",
          "idea", "a harbour"), "HX-Request", "true");
      String id = started.headers().firstValue("HX-Push-Url").orElseThrow().substring("/x/".length());
      CompletableFuture<String> stream = CompletableFuture.supplyAsync(() -> http.get("/x/" + id + "/stream", "Accept", "text/event-stream").body());
      last.countDown();
      String events = stream.get(30, TimeUnit.SECONDS);
      String done = events.substring(events.indexOf("event: done"));
      assertTrue(done.contains("Asked for 3, the model gave 1.") && done.contains("data-testid=\"fill-missing\""), events);

      fake.answering(SECOND, THIRD);
      HttpResponse<String> filled = http.postForm("/x/" + id + "/fill", Map.of("_csrf", Accounts.csrf(http, "/x/" + id)), "HX-Request", "true");
      assertEquals(200, filled.statusCode(), filled.body());
      assertTrue(filled.body().contains("data-testid=\"stream\""), "the missing ones are written where the notice was: " + filled.body());
    }
  }
}
