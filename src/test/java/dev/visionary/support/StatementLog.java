package dev.visionary.support;

import dev.visionary.App;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

/** The statements an app instance sends from now on, for tests of what a request costs the database. */
public final class StatementLog {
  private StatementLog() {}

  /** A list that fills with each statement's SQL as the app sends it; clear it before the request to count. */
  public static List<String> of(App app) {
    List<String> statements = new CopyOnWriteArrayList<>();
    app.database().jdbi().setSqlLogger(new SqlLogger() {
      @Override
      public void logBeforeExecution(StatementContext context) {
        statements.add(context.getRenderedSql());
      }
    });
    app.database().directRead().onSent(statements::add);
    return statements;
  }
}
