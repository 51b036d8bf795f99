package dev.visionary.account;

import java.time.Duration;
import java.util.OptionalLong;
import org.jdbi.v3.core.Jdbi;

/**
 * Fixed-window counters in PostgreSQL, so a limit holds across all instances. One statement per
 * check: the window restarts when it has passed, otherwise the hit is counted.
 */
public final class RateLimiter {
  private final Jdbi jdbi;

  public RateLimiter(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Counts one hit on {@code key}; returns the seconds to wait when the limit is exceeded. */
  public OptionalLong hit(String key, int limit, Duration window) {
    record Window(int hits, long secondsLeft) {}
    Window w = jdbi.withHandle(h -> h.createQuery("""
            insert into rate_limits as r (key, window_start, hits) values (:key, now(), 1)
            on conflict (key) do update set
              hits = case when r.window_start <= now() - make_interval(secs => :window) then 1 else r.hits + 1 end,
              window_start = case when r.window_start <= now() - make_interval(secs => :window) then now() else r.window_start end
            returning hits, ceil(extract(epoch from (window_start + make_interval(secs => :window) - now())))::bigint as seconds_left
            """)
        .bind("key", key)
        .bind("window", window.toSeconds())
        .map((rs, ctx) -> new Window(rs.getInt("hits"), rs.getLong("seconds_left")))
        .one());
    return w.hits() > limit ? OptionalLong.of(Math.max(1, w.secondsLeft())) : OptionalLong.empty();
  }

  /** Forgets a key, e.g. a username's failed sign-ins after a successful one. */
  public void reset(String key) {
    jdbi.useHandle(h -> h.createUpdate("delete from rate_limits where key = :key").bind("key", key).execute());
  }
}
