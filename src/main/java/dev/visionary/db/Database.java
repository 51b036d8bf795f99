package dev.visionary.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.visionary.config.Config;
import dev.visionary.config.Futures;
import dev.visionary.config.StartTimes;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one PostgreSQL database: embedded unless DATABASE_URL names a server; pooled, migrated, wrapped by JDBI.
 *
 * <p>{@link #open} returns at once and brings the database up (start, pool, migrations) on a thread of its
 * own, so the app builds its features and web server meanwhile. Until then every connection asked for waits:
 * nothing can reach a database that is not yet migrated.
 */
public final class Database implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Database.class);
  private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(1);
  /** Answered within this, so a load balancer's health check (often 2 s) hears "unavailable", not nothing. */
  private static final Duration HEALTH_TIMEOUT = Duration.ofMillis(1_200);

  /** What {@link #bringUp} leaves running; both are closed with the database. */
  private record Running(EmbeddedDatabase.Running embedded, HikariDataSource pool) {}

  /** Daemon threads, so a check stuck on a silent server never holds the JVM at exit. */
  private static final Executor HEALTH_CHECKS = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "health-check");
    thread.setDaemon(true);
    return thread;
  });

  private final CompletableFuture<Running> running;
  private final DataSource dataSource;
  private final Jdbi jdbi;
  private final DirectRead directRead;

  private Database(CompletableFuture<Running> running, int poolSize) {
    this.running = running;
    this.dataSource = new WhenReady(this::pool, poolSize);
    this.jdbi = Jdbi.create(dataSource).installPlugin(new PostgresPlugin());
    this.directRead = new DirectRead(dataSource);
    ReadRetry.install(jdbi);
    // Bound arguments are people's text: a failed statement's message (and so any log line) names the SQL only.
    // JDBI's own renderings other than NONE all append the arguments.
    jdbi.getConfig(StatementExceptions.class).setMessageRendering(e -> e.getStatementContext() == null ? e.getShortMessage()
        : e.getShortMessage() + " [statement:\"" + e.getStatementContext().getRenderedSql() + "\"]");
  }

  /** For tools that run without exporting metrics, such as the seed command: returns once migrated. */
  public static Database start(Config config) {
    return start(config, new SimpleMeterRegistry());
  }

  /** Returns once the database is up and migrated. */
  public static Database start(Config config, MeterRegistry meters) {
    Database database = open(config, meters, StartTimes.sinceNow());
    try {
      database.awaitReady();
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
    return database;
  }

  /**
   * Starts bringing the database up and returns at once; {@link #awaitReady} waits for it. The pool's usage
   * (active, idle, pending, timeouts) is published to {@code meters}; each step of the start is marked in {@code times}.
   */
  public static Database open(Config config, MeterRegistry meters, StartTimes times) {
    CompletableFuture<Running> running = new CompletableFuture<>();
    Thread starter = new Thread(() -> {
      try {
        running.complete(bringUp(config, meters, times));
      } catch (Throwable e) {
        running.completeExceptionally(e);
      }
    }, "database-start");
    starter.setDaemon(true);
    starter.start();
    return new Database(running, config.storage().poolSize());
  }

  private static Running bringUp(Config config, MeterRegistry meters, StartTimes times) {
    EmbeddedDatabase.Running embedded = null;
    HikariConfig hikari = new HikariConfig();
    try {
      Config.Storage storage = config.storage();
      if (storage.database().isPresent()) {
        Config.JdbcTarget target = storage.database().get();
        hikari.setJdbcUrl(target.jdbcUrl());
        if (target.user() != null) {
          hikari.setUsername(target.user());
        }
        if (target.password() != null) {
          hikari.setPassword(target.password());
        }
        log.info("Using PostgreSQL at {}", target.jdbcUrl().replaceAll("\\?.*", ""));
      } else {
        embedded = EmbeddedDatabase.start(storage.dataDir(), times);
        hikari.setJdbcUrl(embedded.jdbcUrl());
        hikari.setUsername("postgres");
        hikari.setPassword(embedded.password());
      }
      hikari.setPoolName("visionary");
      hikari.setMaximumPoolSize(storage.poolSize());
      // During an outage a request fails within about a second (and answers 503) instead of hanging: the
      // wait for a connection, the check of an idle one, and the TCP connect are all bounded.
      hikari.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
      hikari.setValidationTimeout(500);
      hikari.addDataSourceProperty("connectTimeout", "1");
      // A server that stops answering mid-query (a network cut, not a refused connection) frees the request
      // after this long rather than the operating system's TCP timeout; generous, as an import is one long query.
      hikari.addDataSourceProperty("socketTimeout", "120");
      hikari.setMetricRegistry(meters);
      hikari.setInitializationFailTimeout(30_000);
      // A generic plan assumes any word matches 0.5% of rows; full-text queries need custom plans.
      hikari.addDataSourceProperty("options", "-c plan_cache_mode=force_custom_plan");
      // The server's "Detail:" lines quote the values involved (Key (owner_id, name)=(…)), which are people's text.
      hikari.addDataSourceProperty("logServerErrorDetail", "false");
      HikariDataSource pool = new HikariDataSource(hikari);
      times.mark("pool");
      try {
        migrate(pool);
        times.mark("schema current");
        if (embedded != null) {
          renewVerifier(pool, embedded.password());
        }
      } catch (RuntimeException e) {
        pool.close();
        throw e;
      }
      return new Running(embedded, pool);
    } catch (IOException e) {
      closeQuietly(embedded);
      throw new UncheckedIOException("Could not start the embedded database", e);
    } catch (RuntimeException e) {
      closeQuietly(embedded);
      throw e;
    }
  }

  /** Not fatal: the old verifier still lets the app sign in, only more slowly. */
  private static void renewVerifier(DataSource pool, String password) {
    try {
      ScramPassword.renew(pool, password);
    } catch (SQLException e) {
      log.warn("Could not renew the embedded database's password verifier: {}", e.getMessage());
    }
  }

  /**
   * Writes the data template a new embedded data directory is copied from (a migrated cluster); the build runs
   * it, as {@code java -jar target/visionary.jar data-template target/visionary-pgdata}.
   */
  public static void makeDataTemplate(java.nio.file.Path target) throws IOException {
    java.nio.file.Files.createDirectories(target.toAbsolutePath().getParent());
    DataTemplate.build(target.toAbsolutePath(), EmbeddedDatabase.binariesDirectory(target.toAbsolutePath().getParent()));
  }

  static void migrate(DataSource ds) {
    Migrations.migrate(ds);
  }

  /** Waits until the database is up and migrated; throws what stopped it from starting. */
  public void awaitReady() {
    running();
  }

  private Running running() {
    return Futures.join(running);
  }

  private HikariDataSource pool() {
    return running().pool();
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** The read every page view sends, past JDBI ({@link DirectRead}). */
  public DirectRead directRead() {
    return directRead;
  }

  /**
   * True when a trivial query answers within {@link #HEALTH_TIMEOUT}. Asked on a thread of its own, so a
   * server that accepts the connection and then says nothing cannot hold the caller longer.
   */
  public boolean isHealthy() {
    CompletableFuture<Boolean> check = CompletableFuture.supplyAsync(() -> {
      try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
        s.setQueryTimeout(2);
        return s.execute("select 1");
      } catch (SQLException e) {
        return false;
      }
    }, HEALTH_CHECKS);
    try {
      return check.get(HEALTH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Waits for a start still under way, so no PostgreSQL process is left behind, then stops both. */
  @Override
  public void close() {
    Running r;
    try {
      r = running();
    } catch (RuntimeException e) {
      return; // it never came up, and bringUp cleaned up after itself
    }
    r.pool().close();
    closeQuietly(r.embedded());
  }

  /** Stops the embedded server, then lets go of its data directory. */
  private static void closeQuietly(EmbeddedDatabase.Running embedded) {
    if (embedded == null) {
      return;
    }
    try {
      embedded.server().close();
    } catch (IOException | RuntimeException e) {
      log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.toString());
    } finally {
      embedded.lock().close();
    }
  }
}
