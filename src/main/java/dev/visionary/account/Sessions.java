package dev.visionary.account;

import dev.visionary.db.DatabaseUnavailable;
import dev.visionary.identity.CurrentUser;
import dev.visionary.identity.User;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Signed-in sessions, stored in PostgreSQL so every instance shares them. The cookie carries a
 * random token; the table holds only its SHA-256. Sessions end after {@link #IDLE} without use,
 * and in any case {@link #ABSOLUTE} after sign-in.
 */
public final class Sessions {
  static final Duration IDLE = Duration.ofDays(7);
  static final Duration ABSOLUTE = Duration.ofDays(30);
  /** Bumping last_seen on every request would write on every page view; once a minute is enough. */
  private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

  private static final SecureRandom RANDOM = new SecureRandom();
  private final Jdbi jdbi;
  private final RecentSessions recent = new RecentSessions();

  public Sessions(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** A new random token, for a signed-in session or an anonymous visitor's CSRF binding. */
  static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Starts a session for the user under a fresh token (never a token the browser already had). */
  String start(long userId) {
    String token = newToken();
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    jdbi.useHandle(h -> h.createUpdate(
            "insert into sessions(token_hash, user_id, created_at, last_seen_at, expires_at) values (:hash, :user, :now, :now, :expires)")
        .bind("hash", hash(token))
        .bind("user", userId)
        .bind("now", now)
        .bind("expires", now.plus(IDLE))
        .execute());
    return token;
  }

  /** A signed-in person and the revision of what they own (see {@link CurrentUser#revision}). */
  record Active(User user, long revision) {}

  /**
   * The user behind a token, sliding the idle expiry forward; empty when unknown or expired. While the database
   * cannot answer, a session it confirmed in the last few minutes is taken as still valid.
   */
  Optional<Active> resolve(String token) {
    if (token == null || token.length() != 43) {
      return Optional.empty();
    }
    byte[] hash = hash(token);
    Optional<Active> active;
    try {
      active = lookUp(hash);
    } catch (RuntimeException e) {
      Optional<Active> remembered = DatabaseUnavailable.causedBy(e) ? recent.recent(hash) : Optional.empty();
      if (remembered.isEmpty()) {
        throw e;
      }
      return remembered;
    }
    active.ifPresentOrElse(a -> recent.confirmed(hash, a), () -> recent.forget(hash));
    return active;
  }

  private Optional<Active> lookUp(byte[] hash) {
    // No transaction: the occasional touch needs no atomicity with the read, and BEGIN and COMMIT would be
    // two more round trips on every request.
    return jdbi.withHandle(h -> {
      record Row(Active active, Instant createdAt, Instant lastSeen) {}
      Optional<Row> row = h.createQuery(
              "select u.id, u.username::text as username, u.revision, s.created_at, s.last_seen_at from sessions s join users u on u.id = s.user_id "
                  + "where s.token_hash = :hash and s.expires_at > now() and s.created_at > now() - make_interval(secs => :absolute)")
          .bind("hash", hash)
          .bind("absolute", ABSOLUTE.toSeconds())
          .map((rs, ctx) -> new Row(new Active(new User(rs.getLong("id"), rs.getString("username")), rs.getLong("revision")),
              rs.getObject("created_at", OffsetDateTime.class).toInstant(),
              rs.getObject("last_seen_at", OffsetDateTime.class).toInstant()))
          .findOne();
      row.ifPresent(r -> {
        if (r.lastSeen().isBefore(Instant.now().minus(TOUCH_EVERY))) {
          h.createUpdate("update sessions set last_seen_at = now(), expires_at = now() + make_interval(secs => :idle) where token_hash = :hash")
              .bind("idle", IDLE.toSeconds())
              .bind("hash", hash)
              .execute();
        }
      });
      return row.map(Row::active);
    });
  }

  void end(String token) {
    if (token == null) {
      return;
    }
    recent.forget(hash(token));
    jdbi.useHandle(h -> h.createUpdate("delete from sessions where token_hash = :hash").bind("hash", hash(token)).execute());
  }

  /** Ends every session of the user except the one given (after a password change). */
  void endOthers(long userId, String keepToken) {
    recent.forgetUser(userId, hash(keepToken));
    jdbi.useHandle(h -> h.createUpdate("delete from sessions where user_id = :user and token_hash <> :keep")
        .bind("user", userId).bind("keep", hash(keepToken)).execute());
  }

  /** Forgets every session of a deleted account. */
  void endAll(long userId) {
    recent.forgetUser(userId, null);
  }

  /** Removes expired rows; called now and then so the table does not grow without bound. */
  int purgeExpired() {
    return jdbi.withHandle(h -> h.createUpdate("delete from sessions where expires_at < now() or created_at < now() - make_interval(secs => :absolute)")
        .bind("absolute", ABSOLUTE.toSeconds()).execute());
  }

  static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
