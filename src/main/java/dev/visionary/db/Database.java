package dev.visionary.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.visionary.Config;
import io.micrometer.core.instrument.MeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one PostgreSQL database: embedded unless DATABASE_URL names a server; pooled, migrated, wrapped by JDBI. */
public final class Database implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Database.class);

  private final EmbeddedPostgres embedded;
  private final HikariDataSource dataSource;
  private final Jdbi jdbi;

  private Database(EmbeddedPostgres embedded, HikariDataSource dataSource) {
    this.embedded = embedded;
    this.dataSource = dataSource;
    this.jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
  }

  /** Starts the pool; its usage (active, idle, pending, timeouts) is published to {@code meters}. */
  /** For tools that run without exporting metrics, such as the seed command. */
  public static Database start(Config config) {
    return start(config, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
  }

  public static Database start(Config config, MeterRegistry meters) {
    EmbeddedPostgres embedded = null;
    HikariConfig hikari = new HikariConfig();
    try {
      if (config.database().isPresent()) {
        Config.JdbcTarget target = config.database().get();
        hikari.setJdbcUrl(target.jdbcUrl());
        if (target.user() != null) {
          hikari.setUsername(target.user());
        }
        if (target.password() != null) {
          hikari.setPassword(target.password());
        }
        log.info("Using PostgreSQL at {}", target.jdbcUrl().replaceAll("\\?.*", ""));
      } else {
        embedded = EmbeddedDatabase.start(config.dataDir());
        hikari.setJdbcUrl(embedded.getJdbcUrl("postgres", "postgres"));
      }
      hikari.setPoolName("visionary");
      hikari.setMaximumPoolSize(config.getInt("DB_POOL_SIZE", 10, 1, 200));
      hikari.setConnectionTimeout(5_000);
      hikari.setMetricRegistry(meters);
      hikari.setInitializationFailTimeout(30_000);
      // A generic plan assumes any word matches 0.5% of rows; full-text queries need custom plans.
      hikari.addDataSourceProperty("options", "-c plan_cache_mode=force_custom_plan");
      HikariDataSource ds = new HikariDataSource(hikari);
      migrate(ds);
      return new Database(embedded, ds);
    } catch (IOException e) {
      closeQuietly(embedded);
      throw new UncheckedIOException("Could not start the embedded database", e);
    } catch (RuntimeException e) {
      closeQuietly(embedded);
      throw e;
    }
  }

  static void migrate(DataSource ds) {
    Flyway.configure()
        .dataSource(ds)
        .locations("classpath:db/migration")
        .load()
        .migrate();
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** True when a trivial query answers within two seconds. */
  public boolean isHealthy() {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.setQueryTimeout(2);
      return s.execute("select 1");
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  public void close() {
    dataSource.close();
    closeQuietly(embedded);
  }

  private static void closeQuietly(EmbeddedPostgres pg) {
    if (pg == null) {
      return;
    }
    try {
      pg.close();
    } catch (IOException | RuntimeException e) {
      log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.toString());
    }
  }
}
