package dev.visionary.account;

import dev.visionary.db.DatabaseUnavailable;
import dev.visionary.db.DirectRead;
import dev.visionary.identity.CurrentUser;
import dev.visionary.identity.User;
import dev.visionary.web.PageReads;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
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
  private final DirectRead directRead;
  private final RecentSessions recent = new RecentSessions();

  /** {@code directRead} sends the lookup every request makes, on the connections {@code jdbi} draws from. */
  public Sessions(Jdbi jdbi, DirectRead directRead) {
    this.jdbi = jdbi;
    this.directRead = directRead;
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
   * What a session's lookup found: the person while the session is live, and the row of the page's read when one
   * was sent with it ({@code read} false when it was not: no read was wanted, or the database could not answer).
   */
  record Resolved(Optional<Active> active, boolean read, Object row) {
    static Resolved without(Optional<Active> active) {
      return new Resolved(active, false, null);
    }
  }

  /**
   * The user behind a token, sliding the idle expiry forward; empty when unknown or expired; with the row of the
   * read the page wants, from the same statement. While the database cannot answer, a session it confirmed in the
   * last few minutes is taken as still valid.
   */
  Resolved resolve(String token, Optional<PageReads.Wanted<?>> wanted) {
    if (token == null || token.length() != 43) {
      return Resolved.without(Optional.empty());
    }
    byte[] hash = hash(token);
    Resolved resolved;
    try {
      resolved = lookUp(hash, wanted);
    } catch (RuntimeException e) {
      Optional<Active> remembered = DatabaseUnavailable.causedBy(e) ? recent.recent(hash) : Optional.empty();
      if (remembered.isEmpty()) {
        throw e;
      }
      return Resolved.without(remembered);
    }
    resolved.active().ifPresentOrElse(a -> recent.confirmed(hash, a), () -> recent.forget(hash));
    return resolved;
  }

  private Resolved lookUp(byte[] hash, Optional<PageReads.Wanted<?>> wanted) {
    record Row(Active active, Instant lastSeen, Object pageRow) {}
    // Side by side in one function scan (V27): each gives at most one row, and planning a join would cost more.
    // No transaction: the occasional touch needs no atomicity with the read, and BEGIN and COMMIT would be two
    // more round trips on every request.
    String sql = "select * from rows from (session_viewer(?, ?)" + wanted.map(w -> ", " + w.read().call()).orElse("") + ") x";
    Row row = directRead.one(sql, statement -> {
          statement.setBytes(1, hash);
          statement.setLong(2, ABSOLUTE.toSeconds());
          if (wanted.isPresent() && wanted.get().read().ofSession()) {
            statement.setBytes(3, hash);
          } else if (wanted.isPresent() && wanted.get().key() != null) {
            statement.setString(3, wanted.get().key());
          }
        }, rs -> {
          long id = rs.getLong("viewer_id");
          Active active = rs.wasNull() ? null : new Active(new User(id, rs.getString("viewer_name")), rs.getLong("viewer_revision"));
          Instant lastSeen = active == null ? null : rs.getObject("session_last_seen_at", OffsetDateTime.class).toInstant();
          boolean found = wanted.isPresent() && rs.getObject(wanted.get().read().present()) != null;
          return new Row(active, lastSeen, found ? wanted.get().read().row().map(rs) : null);
        })
        .orElse(new Row(null, null, null));
    if (row.active() != null && row.lastSeen().isBefore(Instant.now().minus(TOUCH_EVERY))) {
      jdbi.useHandle(h -> touch(h, hash));
    }
    return new Resolved(Optional.ofNullable(row.active()), wanted.isPresent(), row.pageRow());
  }

  /**
   * Slides the session's expiry. Every request of a busy session finds the same stale time at once; each of them
   * updating the row would queue behind the others' locks and commits (one WAL flush each, in turn), so only the
   * first takes the row and the rest skip it rather than wait.
   */
  private static void touch(Handle h, byte[] hash) {
    h.createUpdate("update sessions set last_seen_at = now(), expires_at = now() + make_interval(secs => :idle) where token_hash = "
            + "(select token_hash from sessions where token_hash = :hash and last_seen_at < now() - make_interval(secs => :every) "
            + "for update skip locked)")
        .bind("idle", IDLE.toSeconds())
        .bind("hash", hash)
        .bind("every", TOUCH_EVERY.toSeconds())
        .execute();
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
