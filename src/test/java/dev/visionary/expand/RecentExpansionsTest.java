package dev.visionary.expand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.support.Accounts;
import dev.visionary.support.Http;
import dev.visionary.support.TestServer;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** The Studio's Recent list, read after every expansion: the newest 12 of the person's own, at a cost its history does not set. */
class RecentExpansionsTest {
  private static final Pattern ENTRY = Pattern.compile("<a href=\"/x/([A-Za-z0-9]+)\">([^<]*)</a>\\s*<span class=\"muted\">([^<]*)</span>");

  @Test
  void aLongHistoryShowsTheNewestTwelveAndIsNotReadWhole() {
    Http http = Http.toTestServer();
    String username = Accounts.signedIn(http, "recent");
    Jdbi jdbi = TestServer.app().database().jdbi();
    long owner = jdbi.withHandle(h -> h.createQuery("select id from users where username = :u").bind("u", username).mapTo(Long.class).one());
    // 600 older expansions, each with a refinement (listed under it, never in Recent), and 12 newer failed ones sharing
    // one time, so the order among them is by id.
    jdbi.useHandle(h -> h.createUpdate("""
        insert into expansions (id, owner_id, parent_id, source_id, source_card, idea, target, style, count, mode, engine, seed,
          status, results, error, created_at)
        select 'old' || lpad(n::text, 7, '0'), :owner, null, null, null, 'older idea ' || n, 'generic', 'none', 1, 'random',
          'builtin', n, 'succeeded', '[{"prompt": "p"}]', null, now() - interval '1 day' + n * interval '1 second'
        from generate_series(1, 600) n;
        insert into expansions (id, owner_id, parent_id, source_id, source_card, idea, target, style, count, mode, engine, seed,
          status, results, error, created_at)
        select 'ref' || lpad(n::text, 7, '0'), :owner, 'old' || lpad(n::text, 7, '0'), 'old' || lpad(n::text, 7, '0'), 0,
          'older idea ' || n, 'generic', 'none', 1, 'random', 'builtin', n, 'succeeded', '[]', null, now() - interval '1 minute'
        from generate_series(1, 600) n;
        insert into expansions (id, owner_id, idea, target, style, count, mode, engine, seed, status, error, created_at)
        select 'new' || lpad((20 - n)::text, 7, '0'), :owner, 'newer idea ' || n, 'generic', 'none', 1, 'random', 'builtin', n,
          'failed', :cancelled, now() - interval '30 seconds'
        from generate_series(1, 12) n
        """).bind("owner", owner).bind("cancelled", ExpansionService.CANCELLED).execute());

    HttpResponse<String> expanded = http.postForm("/expand", ExpansionHttpTest.form(Accounts.csrf(http, "/"), "idea", "a lighthouse at dusk"),
        "HX-Request", "true");
    assertEquals(200, expanded.statusCode(), expanded.body());
    String recent = expanded.body().substring(expanded.body().indexOf("id=\"recent-list\""));
    List<String> ids = new ArrayList<>();
    Matcher m = ENTRY.matcher(recent);
    while (m.find()) {
      ids.add(m.group(1));
      if (ids.size() == 1) {
        assertEquals("a lighthouse at dusk", m.group(2));
        assertTrue(m.group(3).endsWith("· 4 prompts"), m.group(3));
      } else {
        assertTrue(m.group(3).endsWith("· cancelled"), m.group(3));
      }
    }
    List<String> expected = new ArrayList<>(List.of(ids.get(0)));
    for (int n = 8; n <= 18; n++) {
      expected.add("new" + String.format("%07d", n));
    }
    assertEquals(expected, ids, "the new expansion, then the 11 newest others by id; no refinement");

    // The list is read in its own order and stops at the 12th, whatever the statistics say of this person's share of the
    // table: no plan that sorts their whole history.
    String plan = jdbi.withHandle(h -> h.createQuery("explain (analyze, format text) " + Expansions.RECENT)
        .bind("owner", owner).bind("limit", StudioRoutes.RECENT).mapTo(String.class).list()).toString();
    assertTrue(plan.contains("expansions_recent"), plan);
    assertFalse(plan.contains("Sort"), plan);
  }
}
