package dev.visionary.db;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
 *
 * <p>Turns are taken in order of arrival. HikariCP lets a newcomer take a connection just handed back before those
 * already waiting get it, so in a burst most requests were served at once and a few waited seconds (at 128
 * connections of expansions, up to 2.5 s for one connection, and wrk timed requests out). A fair semaphore with
 * as many permits as the pool has connections stands in front of it: a request waits its turn here, and then
 * finds a connection free (or one being replaced, which the pool's own short wait covers); closing the connection
 * hands the turn on.
 */
final class WhenReady implements DataSource {
  /**
   * The longest a request waits for a connection while others are using them; past it the app answers 503. Long
   * enough for a burst to drain on a small, busy machine (one person's 128 expansions at once took about 12 s on
   * two shared cores under a load of 15), and within the minute a load balancer usually waits.
   */
  static final Duration BUSY_WAIT = Duration.ofSeconds(30);
  /** Turns the thread holds (its connections not yet closed), so it never waits in line behind itself. */
  private static final ThreadLocal<AtomicInteger> TURNS_HELD = ThreadLocal.withInitial(AtomicInteger::new);

  private final Supplier<HikariDataSource> pool;
  private final PoolRecovery recovery = new PoolRecovery();
  private final Semaphore turns;

  /** {@code pool} blocks until the database is ready and throws if it could not start; it holds {@code size} connections. */
  WhenReady(Supplier<HikariDataSource> pool, int size) {
    this.pool = pool;
    this.turns = new Semaphore(size, true);
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
    AtomicInteger held = TURNS_HELD.get();
    if (held.get() > 0) {
      // A second connection for a thread that holds one (a read retried on a fresh connection while the broken
      // one is still open): waiting behind others for it could wait for this thread's own turn.
      return borrow(ready, giveUpAt);
    }
    if (!awaitTurn(giveUpAt)) {
      return recovery.connect(ready, new SQLTransientConnectionException("No database connection became free in time"));
    }
    try {
      Connection connection = borrow(ready, giveUpAt);
      held.incrementAndGet();
      return handingOnTurn(connection, held);
    } catch (SQLException | RuntimeException e) {
      turns.release();
      throw e;
    }
  }

  /**
   * Waits for a turn, in one wait so as to keep its place in the queue; false when the wait is over. An outage
   * does not leave requests here long: those holding turns give them back within the pool's one-second timeout,
   * and once the pool is known to be down the requests after them skip its wait ({@link #borrow}).
   */
  private boolean awaitTurn(long giveUpAt) throws SQLException {
    try {
      return turns.tryAcquire(Math.max(0, giveUpAt - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("Interrupted while waiting for a database connection", e); // not an outage
    }
  }

  private Connection borrow(HikariDataSource ready, long giveUpAt) throws SQLException {
    while (true) {
      if (recovery.recentlyDown(ready)) {
        return recovery.connect(ready, new SQLTransientConnectionException("The database did not answer a moment ago"));
      }
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
   * The connection as is, except that closing it (once, however often it is called, and from whichever thread)
   * hands the turn on.
   */
  private Connection handingOnTurn(Connection connection, AtomicInteger held) {
    AtomicBoolean closed = new AtomicBoolean();
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          if (method.getName().equals("close") && method.getParameterCount() == 0) {
            try {
              connection.close();
            } finally {
              if (closed.compareAndSet(false, true)) {
                held.decrementAndGet();
                turns.release();
              }
            }
            return null;
          }
          if (method.getName().equals("equals") && method.getParameterCount() == 1) {
            return proxy == args[0]; // each turn is its own connection, as the pool's own handles are
          }
          if (method.getName().equals("hashCode") && method.getParameterCount() == 0) {
            return System.identityHashCode(proxy);
          }
          try {
            return method.invoke(connection, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
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
