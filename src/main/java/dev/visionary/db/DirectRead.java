package dev.visionary.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A read of at most one row sent straight through JDBC, for the statements a view of a kept page makes (the
 * session's lookup, with the page's own read beside it). Through JDBI
 * such a statement cost the app more CPU than sending and reading it: a handle and a statement context set up and
 * torn down, each argument's binder found by its type, a result iterator, on every request. Every other statement a
 * request sends goes through JDBI.
 *
 * <p>{@link ReadRetry}'s rule holds here too: a read that failed because the server had closed the pooled
 * connection (a PostgreSQL restart) is sent once more on a fresh connection; nothing was written, so that is safe.
 */
public final class DirectRead {
  private static final Logger log = LoggerFactory.getLogger(DirectRead.class);

  private final DataSource dataSource;
  /** Told each statement's SQL as it is sent, as JDBI's SqlLogger is, so a test can count what a request sends. */
  private volatile Consumer<String> sent = sql -> {};

  /** Binds a statement's parameters. */
  @FunctionalInterface
  public interface Parameters {
    void bind(PreparedStatement statement) throws SQLException;
  }

  /** Maps the row the result set is on. */
  @FunctionalInterface
  public interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  /**
   * A read that failed; its cause is the driver's exception, which {@link DatabaseUnavailable} looks through. Its
   * own message names the SQL and the SQLState, not the bound values; the cause carries the server's message,
   * without its Detail lines ({@code logServerErrorDetail} is off, see {@link Database}), as JDBI's does.
   */
  public static final class Failed extends RuntimeException {
    Failed(String sql, SQLException cause) {
      super("Read failed with SQLState " + cause.getSQLState() + " [" + sql + "]", cause);
    }
  }

  DirectRead(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Tells {@code listener} the SQL of every statement sent from now on. */
  public void onSent(Consumer<String> listener) {
    sent = listener;
  }

  /** The first row {@code sql} returns, mapped, or empty when it returns none. */
  public <T> Optional<T> one(String sql, Parameters parameters, Row<T> row) {
    for (boolean retried = false; ; retried = true) {
      Connection connection;
      try {
        connection = dataSource.getConnection();
      } catch (SQLException e) {
        throw new Failed(sql, e); // the pool has already waited for a connection: not retried
      }
      try (connection; PreparedStatement statement = connection.prepareStatement(sql)) {
        parameters.bind(statement);
        sent.accept(sql);
        try (ResultSet rs = statement.executeQuery()) {
          return rs.next() ? Optional.ofNullable(row.map(rs)) : Optional.empty();
        }
      } catch (SQLException e) {
        if (retried || !DatabaseUnavailable.causedBy(e)) {
          throw new Failed(sql, e);
        }
        log.info("A read failed on a connection the database had closed; reading again on a fresh one");
      }
    }
  }
}
