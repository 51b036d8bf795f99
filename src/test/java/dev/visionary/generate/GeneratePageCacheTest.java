package dev.visionary.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.App;
import dev.visionary.support.Accounts;
import dev.visionary.support.Http;
import dev.visionary.support.Jobs;
import dev.visionary.support.StatementLog;
import dev.visionary.support.TestServer;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Generate page is kept after rendering and served again until what it shows changes: the person's jobs as
 * they are queued, run and finish (by the job runner, or written straight to the database), and the form's prefill.
 */
class GeneratePageCacheTest {
  private final Http http = Http.toTestServer();

  @Test
  void anUnchangedPageIsServedAgainAndARevisitGetsA304() {
    Accounts.signedIn(http, "genkeep");
    HttpResponse<String> first = http.get("/generate");
    HttpResponse<String> second = http.get("/generate");
    assertEquals(200, second.statusCode());
    assertEquals(first.body(), second.body());
    String etag = second.headers().firstValue("ETag").orElseThrow();
    assertEquals(etag, first.headers().firstValue("ETag").orElseThrow());
    assertEquals(304, http.get("/generate", "If-None-Match", etag).statusCode());

    // The form's prefill is part of the address: another prompt is another page.
    HttpResponse<String> prefilled = http.get("/generate?prompt=a+lighthouse+at+dusk");
    assertTrue(prefilled.body().contains("a lighthouse at dusk"), prefilled.body());
    assertNotEquals(etag, prefilled.headers().firstValue("ETag").orElseThrow());
  }

  @Test
  void aJobShowsOnTheNextViewAsItIsQueuedRunsAndFinishes() {
    Accounts.signedIn(http, "genwatch");
    HttpResponse<String> before = http.get("/generate");
    assertFalse(before.body().contains("id=\"job-"), "no job yet");
    String etag = before.headers().firstValue("ETag").orElseThrow();

    String job = Jobs.submit(http, "prompt", "a red kite over the dunes", "size", "512x512", "count", "2");
    HttpResponse<String> queued = http.get("/generate", "If-None-Match", etag);
    assertEquals(200, queued.statusCode(), "the old ETag no longer matches once a job is queued");
    assertTrue(queued.body().contains("id=\"job-" + job + "\""), "the new job's card shows");

    List<String> images = Jobs.imageIds(Jobs.awaitFinished(http, job, Duration.ofSeconds(60)));
    assertEquals(2, images.size());
    String finished = http.get("/generate").body();
    assertTrue(finished.contains("data-status=\"succeeded\""), "the job runner's change shows: " + finished);
    for (String image : images) {
      assertTrue(finished.contains("/images/" + image + "/thumb"), "its images show");
    }
  }

  @Test
  void aJobChangedStraightInTheDatabaseShowsToo() throws Exception {
    Accounts.signedIn(http, "gendirect");
    String job = Jobs.submit(http, "prompt", "a paper crane on a desk", "size", "512x512");
    Jobs.awaitFinished(http, job, Duration.ofSeconds(60));
    HttpResponse<String> before = http.get("/generate");
    assertFalse(before.body().contains("Failed"));
    HttpResponse<String> failed = afterUpdate(job, "update generation_jobs set status = 'failed', last_error = 'The engine ran out of ink.' where id = ?", before);
    assertTrue(failed.body().contains("The engine ran out of ink."), failed.body());
    // A retry that fails again at the same attempt changes only the error: that shows too.
    HttpResponse<String> again = afterUpdate(job, "update generation_jobs set last_error = 'The engine lost its brushes.' where id = ?", failed);
    assertTrue(again.body().contains("The engine lost its brushes.") && !again.body().contains("ran out of ink"), again.body());
  }

  @Test
  void aViewOfTheKeptPageReadsTheDatabaseOnceWithTheSession() throws Exception {
    // An instance of its own, so only these requests' statements are counted.
    try (App counted = TestServer.startApp(Map.of())) {
      List<String> statements = StatementLog.of(counted);
      Http onIt = new Http("http://localhost:" + counted.port());
      Accounts.signedIn(onIt, "genonce");
      String job = Jobs.submit(onIt, "prompt", "a lantern on a jetty", "size", "512x512");
      Jobs.awaitFinished(onIt, job, Duration.ofSeconds(60));
      String rendered = onIt.get("/generate").body();
      statements.clear();
      HttpResponse<String> kept = onIt.get("/generate");
      assertEquals(rendered, kept.body());
      assertEquals(1, statements.size(), "the session and the jobs' state in one statement: " + statements);

      // A job waiting to retry counts down the seconds on its card: the page is rendered on every view.
      try (Connection c = TestServer.postgres().getPostgresDatabase().getConnection(); PreparedStatement s = c.prepareStatement(
          "update generation_jobs set status = 'queued', last_error = 'The engine was busy.', next_attempt_at = now() + interval '1 minute' where id = ?")) {
        s.setString(1, job);
        assertEquals(1, s.executeUpdate());
      }
      for (int view = 0; view < 2; view++) {
        statements.clear();
        assertTrue(onIt.get("/generate").body().contains("The engine was busy."));
        assertTrue(statements.size() > 1, "rendered afresh: " + statements);
      }
    }
  }

  /** The page after {@code sql} changed the job, asked for with the ETag of {@code before}: never a 304. */
  private HttpResponse<String> afterUpdate(String job, String sql, HttpResponse<String> before) throws Exception {
    try (Connection c = TestServer.postgres().getPostgresDatabase().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, job);
      assertEquals(1, s.executeUpdate());
    }
    HttpResponse<String> after = http.get("/generate", "If-None-Match", before.headers().firstValue("ETag").orElseThrow());
    assertEquals(200, after.statusCode(), "the old ETag no longer matches");
    return after;
  }
}
