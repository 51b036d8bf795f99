package dev.visionary.db;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Recognises a failure that means "the database cannot answer right now" (down, restarting, unreachable, out
 * of connections) rather than a fault in the statement: those are answered 503 and may be tried again.
 */
public final class DatabaseUnavailable {
  /**
   * SQLStates of a server that is going away or refusing work: admin shutdown, crash shutdown, cannot connect
   * now, too many connections. Class 08 (connection exceptions) is matched as a whole.
   */
  private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "53300");

  /** More links than any real chain of causes has. */
  public static final int MAX_CAUSES = 32;

  private DatabaseUnavailable() {}

  /** True when {@code failure}, or anything it was caused by, says the database is out of reach. */
  public static boolean causedBy(Throwable failure) {
    int links = 0;
    // Bounded: causes can form a loop (two exceptions each set as the other's cause).
    for (Throwable t = failure; t != null && links++ < MAX_CAUSES; t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException) {
        return true; // HikariCP: no connection within the connection timeout
      }
      if (t instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** A SQLState saying the connection itself failed or the server closed it. */
  static boolean isConnectionState(String state) {
    return state != null && (state.startsWith("08") || STATES.contains(state));
  }
}
