package dev.visionary.db;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The pool as the app sees it from the first moment: asking for a connection waits until the database is up
 * and migrated, so features can be built while it starts and none can see an unmigrated schema.
 *
 * <p>The pool's own wait is short (a second) so an outage is heard quickly. A burst is not an outage: while every
 * connection is out and in use, a request keeps waiting its turn, up to {@link #BUSY_WAIT}, and only then hears
 * 503. A pool that holds no connection at all is the database being away, and answers within a second as before.
 */
final class WhenReady implements DataSource {
  /**
   * The longest a request waits for a connection while others are using them; past it the app answers 503. Long
   * enough for a burst to drain on a small, busy machine (one person's 128 expansions at once took about 12 s on
   * two shared cores under a load of 15), and within the minute a load balancer usually waits.
   */
  static final Duration BUSY_WAIT = Duration.ofSeconds(30);

  private final Supplier<HikariDataSource> pool;
  private final PoolRecovery recovery = new PoolRecovery();

  /** {@code pool} blocks until the database is ready and throws if it could not start. */
  WhenReady(Supplier<HikariDataSource> pool) {
    this.pool = pool;
  }

  private HikariDataSource pool() throws SQLException {
    try {
      return pool.get();
    } catch (RuntimeException e) {
      throw new SQLException("The database did not start: " + e.getMessage(), e);
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    HikariDataSource ready = pool();
    if (recovery.recentlyDown(ready)) {
      return recovery.connect(ready, new SQLTransientConnectionException("The database did not answer a moment ago"));
    }
    long giveUpAt = System.nanoTime() + BUSY_WAIT.toNanos();
    while (true) {
      try {
        return ready.getConnection();
      } catch (SQLTransientConnectionException timedOut) {
        if (!busy(ready) || System.nanoTime() - giveUpAt >= 0) {
          return recovery.connect(ready, timedOut);
        }
      }
    }
  }

  /**
   * The pool holds connections and others are using them: a queue, not an outage. (The moment a connection comes
   * back it shows as idle before the next waiter takes it, so "every one in use" would miss most bursts.)
   */
  private static boolean busy(HikariDataSource pool) {
    HikariPoolMXBean state = pool.getHikariPoolMXBean();
    return state != null && state.getTotalConnections() > 0 && state.getActiveConnections() > 0;
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return pool().getConnection(username, password);
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return pool().getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    pool().setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    pool().setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return pool().getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return type.isInstance(this) ? type.cast(this) : pool().unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(this) || pool().isWrapperFor(type);
  }
}
