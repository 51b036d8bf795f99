package dev.visionary.db;

import java.sql.PreparedStatement;
import java.util.Locale;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleCallbackDecorator;
import org.jdbi.v3.core.HandleScope;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.extension.HandleSupplier;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.jdbi.v3.core.statement.StatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a database call again, once, on a fresh connection when its first statement was a read that failed
 * because the server had closed the pooled connection (a PostgreSQL restart: 57P01, 08006, 08003). HikariCP
 * has already evicted that connection, so the second try gets a new one. Only when nothing had run yet on the
 * handle and the failed statement was a SELECT: nothing can have been written, so running it again is safe.
 */
final class ReadRetry implements HandleCallbackDecorator, StatementCustomizer {
  private static final Logger log = LoggerFactory.getLogger(ReadRetry.class);
  /** Statements completed by the outermost call on this thread; null outside any call. */
  private static final ThreadLocal<int[]> COMPLETED = new ThreadLocal<>();

  private final Jdbi jdbi;

  private ReadRetry(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  static void install(Jdbi jdbi) {
    ReadRetry retry = new ReadRetry(jdbi);
    jdbi.setHandleCallbackDecorator(retry);
    jdbi.getConfig(SqlStatements.class).addCustomizer(retry);
  }

  @Override
  public void afterExecution(PreparedStatement statement, StatementContext ctx) {
    int[] completed = COMPLETED.get();
    if (completed != null) {
      completed[0]++;
    }
  }

  @Override
  public <R, X extends Exception> HandleCallback<R, X> decorate(HandleCallback<R, X> callback) {
    return handle -> {
      if (COMPLETED.get() != null) {
        return callback.withHandle(handle); // nested in another call, which alone decides
      }
      int[] completed = {0};
      COMPLETED.set(completed);
      try {
        try {
          return callback.withHandle(handle);
        } catch (StatementException e) {
          if (completed[0] > 0 || !isRead(e) || !DatabaseUnavailable.causedBy(e)) {
            throw e;
          }
          log.info("A read failed on a connection the database had closed; reading again on a fresh one");
        }
        return onFreshHandle(callback);
      } finally {
        COMPLETED.remove();
      }
    };
  }

  /** Calls nested in the callback find the fresh handle too, not the broken one JDBI put in scope. */
  private <R, X extends Exception> R onFreshHandle(HandleCallback<R, X> callback) throws X {
    HandleScope scope = jdbi.getHandleScope();
    HandleSupplier outer = scope.get();
    try (Handle fresh = jdbi.open()) {
      scope.set(fresh);
      return callback.withHandle(fresh);
    } finally {
      if (outer == null) {
        scope.clear();
      } else {
        scope.set(outer);
      }
    }
  }

  private static boolean isRead(StatementException e) {
    StatementContext ctx = e.getStatementContext();
    String sql = ctx == null ? null : ctx.getRawSql();
    return sql != null && sql.stripLeading().toLowerCase(Locale.ROOT).startsWith("select");
  }
}
