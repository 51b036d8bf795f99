package dev.visionary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.support.Accounts;
import dev.visionary.support.Http;
import dev.visionary.support.TestServer;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * What has outlived its use is cleaned by the recurring housekeeping task, and by nothing else: pages that
 * show the trash or the Studio's recent runs leave every row as they found it.
 */
class HousekeepingTest {

  @Test
  void pagesLeaveStaleRowsAloneAndTheRecurringTaskCleansEachKind() throws InterruptedException {
    Jdbi jdbi = TestServer.app().database().jdbi();
    // Keeps the task's own minute from arriving while the pages are checked; the test runs it itself below.
    jdbi.useHandle(h -> h.execute("update scheduled_tasks set execution_time = now() + interval '1 hour' where task_name = ?",
        Housekeeping.TASK));

    Http me = Http.toTestServer();
    long owner = userId(jdbi, Accounts.signedIn(me, "house"));
    Http leaving = Http.toTestServer();
    long leaver = userId(jdbi, Accounts.signedIn(leaving, "leaver"));
    String prompt = "hk" + System.nanoTime();
    String expansion = "hx" + System.nanoTime();
    String limit = "test:housekeeping:" + System.nanoTime();
    jdbi.useTransaction(h -> {
      h.execute("insert into prompts (id, owner_id, title, slug, text, deleted_at) values (?, ?, 'Old', 'old', 'an old prompt', now() - interval '31 days')",
          prompt, owner);
      h.execute("insert into expansions (id, owner_id, idea, target, style, count, mode, engine, seed, status, created_at)"
          + " values (?, ?, 'a lost idea', 'generic', 'none', 1, 'random', 'builtin', 1, 'running', now() - interval '11 minutes')",
          expansion, owner);
      h.execute("insert into rate_limits (key, window_start, hits, expires_at) values (?, now() - interval '2 days', 3, now() - interval '1 day')",
          limit);
      h.execute("update sessions set expires_at = now() - interval '1 second' where user_id = ?", leaver);
    });

    assertEquals(200, me.get("/library/trash").statusCode());
    assertEquals(200, me.get("/").statusCode());
    assertEquals(1, count(jdbi, "select count(*) from prompts where id = ?", prompt), "viewing the trash purges nothing");
    assertEquals(1, count(jdbi, "select count(*) from expansions where id = ? and status = 'running'", expansion),
        "the Studio page marks nothing failed");
    assertEquals(1, count(jdbi, "select count(*) from rate_limits where key = ?", limit), "signing in purges no limiter rows");
    assertEquals(1, count(jdbi, "select count(*) from sessions where user_id = ?", leaver));

    jdbi.useHandle(h -> h.execute("update scheduled_tasks set execution_time = now() where task_name = ?", Housekeeping.TASK));
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (Instant.now().isBefore(deadline) && count(jdbi, "select count(*) from sessions where user_id = ?", leaver) > 0) {
      Thread.sleep(100);
    }

    assertEquals(0, count(jdbi, "select count(*) from prompts where id = ?", prompt), "trash past its 30 days is purged");
    assertEquals(1, count(jdbi, "select count(*) from expansions where id = ? and status = 'failed' and error like '%interrupted%'", expansion),
        "an expansion whose instance stopped is marked failed, so it shows Retry");
    assertEquals(0, count(jdbi, "select count(*) from rate_limits where key = ?", limit), "an expired limiter row is purged");
    assertEquals(0, count(jdbi, "select count(*) from sessions where user_id = ?", leaver), "an expired session is purged");
    assertTrue(me.get("/library/trash").statusCode() == 200, "and the person still signed in is untouched");
    assertEquals(1, count(jdbi, "select count(*) from scheduled_tasks where task_name = ? and execution_time > now()", Housekeeping.TASK),
        "the task has put itself back for its next run");
  }

  private static long userId(Jdbi jdbi, String username) {
    return jdbi.withHandle(h -> h.createQuery("select id from users where username = :u").bind("u", username).mapTo(Long.class).one());
  }

  private static long count(Jdbi jdbi, String sql, Object argument) {
    return jdbi.withHandle(h -> h.select(sql, argument).mapTo(Long.class).one());
  }
}
