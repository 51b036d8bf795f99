package dev.visionary.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalLong;
import org.jdbi.v3.core.Jdbi;

/**
 * Counters in PostgreSQL, so a limit holds across all instances: fixed windows ({@link #hit}), growing
 * delays after failures ({@link #failure}), and remembered facts ({@link #remember}). Every row carries
 * when it may be forgotten, and housekeeping purges rows past that.
 */
public final class RateLimiter {
  /** Keys embed what clients send (addresses, usernames); longer ones are hashed to stay far below btree's row limit. */
  static final int MAX_KEY = 100;

  private final Jdbi jdbi;

  public RateLimiter(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Counts one hit on {@code key}; returns the seconds to wait when the limit is exceeded. */
  public OptionalLong hit(String key, int limit, Duration window) {
    return hit(key, limit, window, 1);
  }

  /** Counts {@code n} hits at once (one request that does n things); the seconds to wait when that exceeds the limit. */
  public OptionalLong hit(String key, int limit, Duration window, int n) {
    record Window(int hits, long secondsLeft) {}
    Window w = jdbi.withHandle(h -> h.createQuery("""
            insert into rate_limits as r (key, window_start, hits, expires_at)
            values (:key, now(), :n, now() + make_interval(secs => :window))
            on conflict (key) do update set
              hits = case when r.window_start <= now() - make_interval(secs => :window) then :n else r.hits + :n end,
              window_start = case when r.window_start <= now() - make_interval(secs => :window) then now() else r.window_start end,
              expires_at = case when r.window_start <= now() - make_interval(secs => :window) then now() else r.window_start end
                + make_interval(secs => :window)
            returning hits, ceil(extract(epoch from (window_start + make_interval(secs => :window) - now())))::bigint as seconds_left
            """)
        .bind("key", bounded(key))
        .bind("window", window.toSeconds())
        .bind("n", n)
        .map((rs, ctx) -> new Window(rs.getInt("hits"), rs.getLong("seconds_left")))
        .one());
    return w.hits() > limit ? OptionalLong.of(Math.max(1, w.secondsLeft())) : OptionalLong.empty();
  }

  /**
   * Records one failure on {@code key}; failures are forgotten {@code forgetAfter} after the last one.
   * See {@link #delayLeft} for what they cost.
   */
  public void failure(String key, Duration forgetAfter) {
    jdbi.useHandle(h -> h.createUpdate("""
            insert into rate_limits as r (key, window_start, hits, expires_at)
            values (:key, now(), 1, now() + make_interval(secs => :forget))
            on conflict (key) do update set
              hits = case when r.expires_at <= now() then 1 else r.hits + 1 end,
              window_start = now(),
              expires_at = now() + make_interval(secs => :forget)
            """)
        .bind("key", bounded(key))
        .bind("forget", forgetAfter.toSeconds())
        .execute());
  }

  /**
   * The seconds still to wait before the next attempt on {@code key}: after {@code free} failures each
   * further one doubles the wait from the last failure (1 s, 2 s, 4 s …) up to {@code cap}. Never a lock:
   * once the wait has passed, an attempt is heard again.
   */
  public OptionalLong delayLeft(String key, int free, Duration cap) {
    record Failures(int count, double secondsSince) {}
    Optional<Failures> failures = jdbi.withHandle(h -> h.createQuery("""
            select hits, extract(epoch from (now() - window_start))::float8 as since
            from rate_limits where key = :key and expires_at > now()
            """)
        .bind("key", bounded(key))
        .map((rs, ctx) -> new Failures(rs.getInt("hits"), rs.getDouble("since")))
        .findOne());
    if (failures.isEmpty() || failures.get().count() <= free) {
      return OptionalLong.empty();
    }
    int doublings = Math.min(30, failures.get().count() - free - 1);
    long delay = Math.min(cap.toSeconds(), 1L << doublings);
    double left = delay - failures.get().secondsSince();
    return left > 0 ? OptionalLong.of((long) Math.ceil(left)) : OptionalLong.empty();
  }

  /** Remembers that {@code key} happened, for {@code duration}. */
  public void remember(String key, Duration duration) {
    jdbi.useHandle(h -> h.createUpdate("""
            insert into rate_limits (key, window_start, hits, expires_at)
            values (:key, now(), 0, now() + make_interval(secs => :duration))
            on conflict (key) do update set window_start = now(), expires_at = excluded.expires_at
            """)
        .bind("key", bounded(key))
        .bind("duration", duration.toSeconds())
        .execute());
  }

  public boolean remembers(String key) {
    return jdbi.withHandle(h -> h.createQuery("select exists (select 1 from rate_limits where key = :key and expires_at > now())")
        .bind("key", bounded(key))
        .mapTo(Boolean.class)
        .one());
  }

  /** Forgets a key, e.g. a username's failed sign-ins after a successful one. */
  public void reset(String key) {
    jdbi.useHandle(h -> h.createUpdate("delete from rate_limits where key = :key").bind("key", bounded(key)).execute());
  }

  /** Deletes the rows nobody will read again; returns how many. */
  public int purgeExpired() {
    return jdbi.withHandle(h -> h.createUpdate("delete from rate_limits where expires_at <= now()").execute());
  }

  /** A key as stored: as given when short, else its start and the SHA-256 of all of it (still one key per input). */
  static String bounded(String key) {
    if (key.length() <= MAX_KEY) {
      return key;
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return key.substring(0, Character.isHighSurrogate(key.charAt(31)) ? 31 : 32) + "#" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
