package dev.visionary.db;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The first requests after an outage. HikariCP retries a database that refused it with a backoff that grows to
 * 5 s (fixed in HikariCP), so for up to 5 s after the database returns, a request would still time out waiting
 * for the pool. When the pool holds no connection at all (the database was away, not merely busy), a request
 * that timed out opens one connection of its own, with the pool's settings, and closes it when done; the pool
 * fills again by itself. Two such attempts at a time at most, so a crowd cannot exceed the server's limit.
 *
 * <p>For a second after the pool timed out while empty, requests skip the pool's wait and go straight to that
 * attempt: one request reads the database several times (its session, then its page), and each read waiting
 * out the pool's timeout would add up to seconds before the person hears the database is away.
 */
final class PoolRecovery {
  private static final long RECENT_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final Semaphore attempts = new Semaphore(2);
  private final AtomicLong emptyTimeoutAt = new AtomicLong(System.nanoTime() - RECENT_NANOS);

  /** True when the pool, still empty, timed out less than a second ago: waiting for it again would be in vain. */
  boolean recentlyDown(HikariDataSource pool) {
    return System.nanoTime() - emptyTimeoutAt.get() < RECENT_NANOS && isEmpty(pool);
  }

  /** A direct connection when the pool is empty and the database answers; otherwise {@code timedOut} again. */
  Connection connect(HikariDataSource pool, SQLException timedOut) throws SQLException {
    if (!isEmpty(pool)) {
      throw timedOut;
    }
    emptyTimeoutAt.set(System.nanoTime());
    if (!attempts.tryAcquire()) {
      throw timedOut;
    }
    try {
      Properties settings = new Properties();
      settings.putAll(pool.getDataSourceProperties());
      if (pool.getUsername() != null) {
        settings.setProperty("user", pool.getUsername());
      }
      if (pool.getPassword() != null) {
        settings.setProperty("password", pool.getPassword());
      }
      Connection direct = DriverManager.getConnection(pool.getJdbcUrl(), settings);
      emptyTimeoutAt.set(System.nanoTime() - RECENT_NANOS); // it answers again: back to the pool's own wait
      return direct;
    } catch (SQLException stillDown) {
      timedOut.addSuppressed(stillDown);
      throw timedOut;
    } finally {
      attempts.release();
    }
  }

  private static boolean isEmpty(HikariDataSource pool) {
    HikariPoolMXBean state = pool.getHikariPoolMXBean();
    return state != null && state.getTotalConnections() == 0;
  }
}
