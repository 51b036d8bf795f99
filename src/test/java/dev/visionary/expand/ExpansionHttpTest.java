package dev.visionary.expand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.App;
import dev.visionary.support.Accounts;
import dev.visionary.support.Http;
import dev.visionary.support.TestServer;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Studio over HTTP: validation, history, owners only, and failing engines that lose nothing. */
class ExpansionHttpTest {
  private static final Pattern LOCATION_ID = Pattern.compile("^/x/([A-Za-z0-9]{10})$");

  static Map<String, String> form(String csrf, String... overrides) {
    Map<String, String> form = new LinkedHashMap<>(Map.of("_csrf", csrf, "idea", "a beach sunset", "target", "generic",
        "style", "none", "count", "4", "engine", "builtin", "seed", "7"));
    for (int i = 0; i < overrides.length; i += 2) {
      form.put(overrides[i], overrides[i + 1]);
    }
    return form;
  }

  /** Expands without JavaScript: answers 303 to the expansion's own page; returns its id. */
  static String expand(Http http, Map<String, String> form) {
    HttpResponse<String> response = http.postForm("/expand", form);
    assertEquals(303, response.statusCode(), response.body());
    Matcher m = LOCATION_ID.matcher(response.headers().firstValue("Location").orElse(""));
    assertTrue(m.matches(), response.headers().firstValue("Location").orElse("no location"));
    return m.group(1);
  }

  /** One person's 128 expansions sent at once (a burst from scripts or tabs) each wait their turn and succeed. */
  @Test
  void aBurstOf128ExpansionsAtOnceAllSucceed() throws Exception {
    Http http = Http.toTestServer();
    Accounts.signedIn(http, "burst");
    Map<String, String> form = form(Accounts.csrf(http, "/"), "idea", "a fox in {snow|rain|fog}, old tram");
    int burst = 128;
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService senders = Executors.newFixedThreadPool(burst);
    try {
      List<Future<HttpResponse<String>>> sent = new ArrayList<>();
      for (int i = 0; i < burst; i++) {
        sent.add(senders.submit(() -> {
          go.await();
          return http.postForm("/expand", form, "HX-Request", "true");
        }));
      }
      go.countDown();
      Set<String> expansions = new HashSet<>();
      for (Future<HttpResponse<String>> f : sent) {
        HttpResponse<String> response = f.get(60, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("data-testid=\"expansion-card\""), response.body());
        expansions.add(response.headers().firstValue("HX-Push-Url").orElse(""));
      }
      assertEquals(burst, expansions.size(), "each has its own page");
    } finally {
      senders.shutdownNow();
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', textBlock = """
      empty idea ; idea ; '' ; Type an idea
      idea of 2,001 chars ; idea ; LONG ; too long
      no variations ; count ; 0 ; between 1 and 8
      nine variations ; count ; 9 ; between 1 and 8
      unknown target ; target ; sdxl-turbo ; Unknown target model
      unknown engine ; engine ; gpt-9 ; Unknown engine
      unknown style ; style ; baroque-punk ; Unknown style
      unbalanced braces ; idea ; a {red|blue beach ; Unbalanced braces
      stray closing brace ; idea ; a red} beach ; Unbalanced braces
      unknown wildcard ; idea ; a __nosuchlist__ at dawn ; Unknown wildcard __nosuchlist__
      seed that is not a number ; seed ; soon ; whole number
      """)
  void badInputIsRefusedWithAMessageAndTheIdeaKept(String label, String field, String value, String message) {
    Http http = Http.toTestServer();
    Accounts.signedIn(http, "bad");
    String csrf = Accounts.csrf(http, "/");
    String typed = value.equals("LONG") ? "w".repeat(2001) : value;
    Map<String, String> form = form(csrf, field, typed);
    if (!field.equals("idea")) {
      form.put("idea", "a lighthouse in fog");
    }
    HttpResponse<String> response = http.postForm("/expand", form);
    assertEquals(422, response.statusCode(), label);
    assertTrue(response.body().contains(message), label + ": " + response.body());
    String kept = field.equals("idea") ? (typed.length() > 100 ? typed.substring(0, 100) : typed) : "a lighthouse in fog";
    assertTrue(response.body().contains(">" + kept), "the idea stays in the box: " + label);
    assertFalse(response.body().contains("Exception"), label);

    // The same under HTMX: the form comes back in place, with the message.
    HttpResponse<String> htmx = http.postForm("/expand", form, "HX-Request", "true");
    assertEquals(422, htmx.statusCode(), label);
    assertEquals("#idea-form", htmx.headers().firstValue("HX-Retarget").orElse(""));
    assertTrue(htmx.body().contains(message), label);
  }

  @Test
  void dynamicIdeasUseMyWordListsTheBuiltInOnesAndEveryCombination() {
    Http http = Http.toTestServer();
    Accounts.signedIn(http, "dyn");
    String csrf = Accounts.csrf(http, "/wildcards");
    assertEquals(303, http.postForm("/wildcards", Map.of("_csrf", csrf, "name", "creature", "values", "fox\nheron\n# a comment\n\nfox"))
        .statusCode());
    assertEquals(422, http.postForm("/wildcards", Map.of("_csrf", csrf, "name", "Bad Name!", "values", "x")).statusCode());

    String preview = http.get("/expand/preview?mode=combinatorial&cap=64&idea=" + java.net.URLEncoder.encode(
        "a __creature__ in {snow|rain|fog}", java.nio.charset.StandardCharsets.UTF_8), "HX-Request", "true").body();
    assertTrue(preview.contains("This idea makes 6 prompts."), preview);
    String broken = http.get("/expand/preview?idea=a%20%7Bred", "HX-Request", "true").body();
    assertTrue(broken.contains("Unbalanced braces"), broken);

    String id = expand(http, form(csrf, "idea", "a __creature__ in {snow|rain|fog}", "mode", "combinatorial", "cap", "4"));
    java.util.List<String> prompts = prompts(http.get("/x/" + id).body());
    assertEquals(4, prompts.size(), "capped at 4 of the 6 combinations");
    assertTrue(prompts.get(0).contains("fox") && prompts.get(0).contains("snow"), prompts.get(0));
    assertTrue(prompts.get(3).contains("heron") && prompts.get(3).contains("snow"), "leftmost changes slowest: " + prompts);

    String builtinId = expand(http, form(csrf, "idea", "a lighthouse at __time__", "count", "2"));
    assertFalse(prompts(http.get("/x/" + builtinId).body()).toString().contains("__time__"), "the built-in list filled it in");
    assertTrue(http.get("/wildcards").body().contains("__time__"), "built-in lists are shown");
  }

  @Test
  void anExpansionIsRecordedListedAndOnlyItsOwnerSeesIt() {
    Http owner = Http.toTestServer();
    Accounts.signedIn(owner, "own");
    String id = expand(owner, form(Accounts.csrf(owner, "/"), "idea", "a red fox in snow"));

    HttpResponse<String> page = owner.get("/x/" + id);
    assertEquals(200, page.statusCode());
    assertEquals(4, count(page.body(), "data-testid=\"expansion-card\""));
    assertTrue(page.body().contains("fox"));
    assertTrue(owner.get("/").body().contains("href=\"/x/" + id + "\""), "listed under Recent");

    Http other = Http.toTestServer();
    Accounts.signedIn(other, "other");
    assertEquals(404, other.get("/x/" + id).statusCode());
    assertEquals(404, other.postForm("/x/" + id + "/refine", Map.of("_csrf", Accounts.csrf(other, "/"), "card", "0",
        "refinement", "make it night")).statusCode());
    assertEquals(404, owner.get("/x/nosuchthing").statusCode());
  }

  @Test
  void theSameSeedGivesTheSamePrompts() {
    Http http = Http.toTestServer();
    Accounts.signedIn(http, "seed");
    String csrf = Accounts.csrf(http, "/");
    String first = http.get("/x/" + expand(http, form(csrf, "seed", "42"))).body();
    String second = http.get("/x/" + expand(http, form(csrf, "seed", "42"))).body();
    assertEquals(prompts(first), prompts(second));
  }

  @Test
  void aFailingEngineGivesAnErrorCardWithRetryAndKeepsTheIdea() throws Exception {
    try (FakeOpenAi fake = new FakeOpenAi().failingWith(401); App app = TestServer.startApp(fake.env())) {
      Http http = new Http("http://localhost:" + app.port());
      Accounts.signedIn(http, "fail");
      String csrf = Accounts.csrf(http, "/");
      String id = expand(http, form(csrf, "engine", "openai", "idea", "a castle on a cliff"));
      String page = http.get("/x/" + id).body();
      assertTrue(page.contains("data-testid=\"error\""), page);
      assertTrue(page.contains("API key was rejected"), page);
      assertTrue(page.contains("data-testid=\"retry\""));
      assertTrue(page.contains(">a castle on a cliff</textarea>"), "the idea is back in the box");
      assertFalse(page.contains("te**") && page.contains("test\""), "no key on the page");

      fake.failingWith(500);
      assertEquals("/x/" + id, http.postForm("/x/" + id + "/retry", Map.of("_csrf", csrf)).headers().firstValue("Location").orElse(""));
      String failing = http.get("/x/" + id).body();
      assertTrue(failing.contains("server error") && failing.contains("data-testid=\"retry\""), failing);

      // Retry from the page: the card becomes a live stream, and the stream ends with the finished cards.
      fake.answering("A castle on a cliff at dawn, mist below", "A castle on a cliff under a storm", "A castle on a cliff, aerial view",
          "A castle on a cliff in winter");
      String shell = http.postForm("/x/" + id + "/retry", Map.of("_csrf", csrf), "HX-Request", "true").body();
      assertTrue(shell.contains("sse-connect=\"/x/" + id + "/stream\""), shell);
      String stream = http.get("/x/" + id + "/stream", "Accept", "text/event-stream").body();
      assertTrue(stream.contains("event: done"), stream);
      assertTrue(stream.contains("A castle on a cliff at dawn"), stream);
      String done = http.get("/x/" + id).body();
      assertEquals(4, count(done, "data-testid=\"expansion-card\""), done);
      assertTrue(done.contains("A castle on a cliff at dawn"));
      assertTrue(done.contains("gpt-4o-mini"), "the model is recorded");
    }
  }

  @Test
  void instructionVersionsAreSavedChosenAndRecordedWithEachExpansion() throws Exception {
    try (FakeOpenAi fake = new FakeOpenAi(); App app = TestServer.startApp(fake.env())) {
      fake.answering("A moody harbour at dusk, fishing boats bobbing");
      Http http = new Http("http://localhost:" + app.port());
      Accounts.signedIn(http, "instr");
      String csrf = Accounts.csrf(http, "/instructions");
      assertEquals(422, http.postForm("/instructions", Map.of("_csrf", csrf, "name", "", "body", "x")).statusCode());
      HttpResponse<String> saved = http.postForm("/instructions", Map.of("_csrf", csrf, "name", "terse harbour style",
          "body", "Write {count} short prompts for {target}.", "use", "on"));
      assertEquals(303, saved.statusCode());
      String version = saved.headers().firstValue("Location").orElseThrow().replace("/instructions?saved=", "");
      assertTrue(http.get("/instructions").body().contains("terse harbour style"));

      String id = expand(http, form(csrf, "engine", "openai", "count", "1", "idea", "a harbour at dusk"));
      String page = http.get("/x/" + id).body();
      assertTrue(page.contains("instructions " + version), page);
      assertTrue(page.contains("A moody harbour at dusk"));

      // The chosen version is the system message; the idea and options are the user message.
      var messages = fake.lastRequest().get("messages");
      assertTrue(messages.get(0).get("content").asText().startsWith("Write 1 short prompts for Any model."), messages.toString());
      assertEquals("system", messages.get(0).get("role").asText());
      assertTrue(messages.get(1).get("content").asText().contains("Idea: a harbour at dusk"), messages.toString());

      String settings = http.get("/settings").body();
      assertTrue(settings.contains("Expansion engines") && settings.contains("OpenAI-compatible") && settings.contains("gpt-4o-mini"), settings);
      assertFalse(settings.contains("OPENAI_API_KEY=test"));
    }
  }

  @Test
  void aStreamingExpansionIsRecordedEvenWhenNoPageFollowsIt() throws Exception {
    try (FakeOpenAi fake = new FakeOpenAi(); App app = TestServer.startApp(fake.env())) {
      fake.answering("Foxes asleep under a paper moon", "A fox under a paper moon, ink wash");
      CountDownLatch last = fake.holdingTheLastChunk();
      Http http = new Http("http://localhost:" + app.port());
      Accounts.signedIn(http, "gone");
      String csrf = Accounts.csrf(http, "/");
      HttpResponse<String> started = http.postForm("/expand", form(csrf, "engine", "openai", "count", "2", "idea", "a fox and a paper moon"),
          "HX-Request", "true");
      assertEquals(200, started.statusCode());
      String id = started.headers().firstValue("HX-Push-Url").orElseThrow().substring("/x/".length());
      assertTrue(http.get("/x/" + id).body().contains("data-testid=\"stream\""), "still running");
      assertTrue(http.get("/").body().contains(" · running<"), "Recent says it is running");
      // The browser went away: nobody connects to the stream. The run finishes and is recorded anyway.
      last.countDown();
      String page = "";
      for (int i = 0; i < 200 && !page.contains("expansion-card"); i++) {
        Thread.sleep(50);
        page = http.get("/x/" + id).body();
      }
      assertEquals(2, count(page, "data-testid=\"expansion-card\""), page);
      assertTrue(page.contains("Foxes asleep under a paper moon"));
      String studio = http.get("/").body();
      assertTrue(studio.contains(" · 2 prompts<") && !studio.contains(" · running<"), "Recent shows it finished, though no request of the person changed it");
    }
  }

  @Test
  void aStreamCanBeFollowedFromAnotherInstance() throws Exception {
    try (FakeOpenAi fake = new FakeOpenAi(); App first = TestServer.startApp(fake.env()); App second = TestServer.startApp(fake.env())) {
      fake.answering("A paper boat on a rain puddle, city lights reflected");
      CountDownLatch last = fake.holdingTheLastChunk();
      Http onFirst = new Http("http://localhost:" + first.port());
      Accounts.signedIn(onFirst, "lb");
      HttpResponse<String> started = onFirst.postForm("/expand", form(Accounts.csrf(onFirst, "/"), "engine", "openai", "count", "1",
          "idea", "a paper boat"), "HX-Request", "true");
      String id = started.headers().firstValue("HX-Push-Url").orElseThrow().substring("/x/".length());

      Http onSecond = new Http("http://localhost:" + second.port());
      java.net.HttpCookie session = new java.net.HttpCookie("visionary_session", Accounts.sessionCookie(onFirst));
      session.setPath("/");
      onSecond.cookies().getCookieStore().add(java.net.URI.create(onSecond.base() + "/"), session);
      var stream = java.util.concurrent.CompletableFuture.supplyAsync(
          () -> onSecond.get("/x/" + id + "/stream", "Accept", "text/event-stream").body());
      last.countDown();
      String events = stream.get(30, java.util.concurrent.TimeUnit.SECONDS);
      assertTrue(events.contains("event: done") && events.contains("A paper boat on a rain puddle"), events);
    }
  }

  @Test
  void eachTargetGetsItsDialectOnTheCards() {
    Http http = Http.toTestServer();
    Accounts.signedIn(http, "dialect");
    String csrf = Accounts.csrf(http, "/");
    String midjourney = http.get("/x/" + expand(http, form(csrf, "target", "midjourney", "count", "2"))).body();
    assertEquals(2, count(midjourney, "data-testid=\"mj-params\""));
    assertTrue(midjourney.matches("(?s).*data-testid=\"mj-params\">--ar \\d+:\\d+ --stylize \\d+ --chaos \\d+.*--v [0-9.]+</code>.*"), midjourney);
    String stable = http.get("/x/" + expand(http, form(csrf, "target", "stable-diffusion", "count", "2"))).body();
    assertEquals(2, count(stable, "data-testid=\"negative-text\""));
    assertEquals(0, count(stable, "data-testid=\"mj-params\""));
    String dalle = http.get("/x/" + expand(http, form(csrf, "target", "dalle", "count", "2"))).body();
    assertEquals(0, count(dalle, "data-testid=\"negative-text\"") + count(dalle, "data-testid=\"mj-params\""));
  }

  @Test
  void aCardSaysWhatItExploresAndThatAnIdeaInFrenchIsAnsweredInEnglish() {
    Http http = Http.toTestServer();
    Accounts.signedIn(http, "langue");
    String csrf = Accounts.csrf(http, "/");
    String page = http.get("/x/" + expand(http, form(csrf, "idea", "un chat noir sur les toits de Paris", "target", "dalle"))).body();
    assertEquals(4, count(page, "data-testid=\"card-note\""), page);
    assertTrue(page.contains("Read as French: \u201Ca black cat on the roofs of Paris\u201D. The built-in engine writes in English; your words are kept as you typed them."), page);
    assertTrue(prompts(page).stream().allMatch(p -> p.startsWith("Un chat noir sur les toits de Paris (a black cat on the roofs of Paris)")), page);
    assertEquals(4, count(page, "data-testid=\"explores\""), page);
    assertTrue(page.contains(">Explores: "), page);

    String english = http.get("/x/" + expand(http, form(csrf, "idea", "a black cat on the roofs of Paris", "target", "dalle"))).body();
    assertEquals(0, count(english, "data-testid=\"card-note\""), "an English idea needs no note");
  }

  static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }

  static java.util.List<String> prompts(String html) {
    Matcher m = Pattern.compile("data-testid=\"prompt-text\"[^>]*>([^<]*)<").matcher(html);
    java.util.List<String> out = new java.util.ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
