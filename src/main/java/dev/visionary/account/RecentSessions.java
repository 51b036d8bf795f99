package dev.visionary.account;

import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions this instance saw confirmed by the database in the last few minutes. Asked only when the database
 * cannot answer, so a person in the middle of their work is still shown as signed in (and told their change was
 * not saved) rather than looking signed out. Keyed by the token's hash, as the table is.
 */
final class RecentSessions {
  static final Duration KEEP = Duration.ofMinutes(5);
  /** Beyond this many entries, old ones are dropped at once; a bound on memory, far above one instance's traffic. */
  private static final int MAX_ENTRIES = 50_000;

  private record Confirmed(Sessions.Active active, long atNanos) {}

  private final Map<String, Confirmed> byHash = new ConcurrentHashMap<>();

  void confirmed(byte[] tokenHash, Sessions.Active active) {
    if (byHash.size() >= MAX_ENTRIES) {
      long now = System.nanoTime();
      byHash.values().removeIf(c -> now - c.atNanos() > KEEP.toNanos());
      if (byHash.size() >= MAX_ENTRIES) {
        byHash.clear();
      }
    }
    byHash.put(key(tokenHash), new Confirmed(active, System.nanoTime()));
  }

  /** The session as last confirmed, if that was within {@link #KEEP}. */
  Optional<Sessions.Active> recent(byte[] tokenHash) {
    Confirmed c = byHash.get(key(tokenHash));
    if (c == null || System.nanoTime() - c.atNanos() > KEEP.toNanos()) {
      return Optional.empty();
    }
    return Optional.of(c.active());
  }

  void forget(byte[] tokenHash) {
    byHash.remove(key(tokenHash));
  }

  /** Every session of the person, except the one given (null for none). */
  void forgetUser(long userId, byte[] keepHash) {
    String keep = keepHash == null ? null : key(keepHash);
    byHash.entrySet().removeIf(e -> e.getValue().active().user().id() == userId && !e.getKey().equals(keep));
  }

  private static String key(byte[] tokenHash) {
    return Base64.getEncoder().encodeToString(tokenHash);
  }
}
