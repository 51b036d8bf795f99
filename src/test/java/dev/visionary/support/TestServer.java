package dev.visionary.support;

import dev.visionary.App;
import dev.visionary.config.Config;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * One real PostgreSQL and one running app for the whole test run, started on first use:
 * HTTP and browser tests talk to it over real sockets.
 */
public final class TestServer {
  private static EmbeddedPostgres postgres;
  private static App app;

  private TestServer() {}

  public static synchronized EmbeddedPostgres postgres() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(TestServer::stopAll));
    }
    return postgres;
  }

  /** The shared app, started against the shared test database. */
  public static synchronized App app() {
    if (app == null) {
      app = startApp(Map.of());
    }
    return app;
  }

  /** Another app instance on the shared database, with extra environment; the caller closes it. */
  public static App startApp(Map<String, String> extraEnv) {
    return startApp(extraEnv, java.util.List.of());
  }

  public static App startApp(Map<String, String> extraEnv, java.util.List<java.util.function.Consumer<io.javalin.config.RoutesConfig>> extraRoutes) {
    Map<String, String> env = new HashMap<>();
    env.put("PORT", "0");
    env.put("DATABASE_URL", postgres().getJdbcUrl("postgres", "postgres"));
    // Every test signs in from 127.0.0.1; the per-address limits are tested with their own values.
    env.put("LOGIN_LIMIT_PER_ADDRESS", "1000000");
    env.put("SIGNUP_LIMIT_PER_ADDRESS", "1000000");
    env.put("EXPAND_PER_MINUTE", "1000000");
    env.put("GENERATE_PER_MINUTE", "1000000");
    env.put("JOB_RETRY_BASE_MS", "100");
    // A model server someone runs on this computer must not change what the tests see; discovery is tested on its own.
    env.put("LOCAL_MODEL_DISCOVERY", "off");
    env.putAll(extraEnv);
    // Hundreds of accounts are made here, each hashed at OWASP's cost in ~100 ms of CPU: a fifth of the fast tier.
    // The cheapest Argon2id is the same code path; PasswordsTest and the process tests keep the real cost.
    return App.start(Config.from(env).withPasswordHashing(new Config.PasswordHashing(8, 1)), extraRoutes);
  }

  /**
   * An instance on a database of its own. Instances sharing a database share the job queue, so one
   * configured with a provider the others lack (a fake server) must not share it.
   */
  public static App startIsolatedApp(Map<String, String> extraEnv) {
    String name = "isolated_" + Long.toString(System.nanoTime(), 36);
    try (java.sql.Connection c = postgres().getPostgresDatabase().getConnection(); java.sql.Statement s = c.createStatement()) {
      s.execute("create database " + name);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    Map<String, String> env = new HashMap<>(extraEnv);
    env.put("DATABASE_URL", postgres().getJdbcUrl("postgres", name));
    return startApp(env);
  }

  /**
   * The JDBC URL of a new, empty database on the shared test PostgreSQL. Process drills use it: an app process
   * killed and started again against it starts in seconds, without an embedded PostgreSQL of its own.
   */
  public static String freshDatabaseUrl() {
    String name = "drill_" + Long.toString(System.nanoTime(), 36);
    try (java.sql.Connection c = postgres().getPostgresDatabase().getConnection(); java.sql.Statement s = c.createStatement()) {
      s.execute("create database " + name);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return postgres().getJdbcUrl("postgres", name);
  }

  public static String baseUrl() {
    return "http://localhost:" + app().port();
  }

  private static synchronized void stopAll() {
    if (app != null) {
      app.close();
    }
    try {
      if (postgres != null) {
        postgres.close();
      }
    } catch (IOException e) {
      // the JVM is exiting either way
    }
  }
}
