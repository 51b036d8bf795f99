package dev.visionary.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigTest {

  @Test
  void defaultsToPort7070AndEmbeddedDatabaseUnderHome() {
    Config config = Config.from(Map.of());
    assertEquals(7070, config.port());
    assertTrue(config.storage().database().isEmpty());
    assertEquals(Path.of(System.getProperty("user.home"), ".visionary").toAbsolutePath(), config.storage().dataDir());
  }

  @Test
  void thePoolHasAsManyConnectionsAsTheCoresCanKeepBusyUnlessToldOtherwise() {
    assertEquals(4, Config.defaultPoolSize(1));
    assertEquals(7, Config.defaultPoolSize(2));
    assertEquals(10, Config.defaultPoolSize(4));
    assertEquals(10, Config.defaultPoolSize(64));
    assertEquals(Config.defaultPoolSize(Runtime.getRuntime().availableProcessors()), Config.from(Map.of()).storage().poolSize());
    assertEquals(25, Config.from(Map.of("DB_POOL_SIZE", "25")).storage().poolSize());
  }

  @Test
  void readsHerokuStyleDatabaseUrlWithCredentialsApart() {
    Config config = Config.from(Map.of("DATABASE_URL", "postgres://alice:s%40cret@db.example.com:6543/visionary?sslmode=require"));
    Config.JdbcTarget target = config.storage().database().orElseThrow();
    assertEquals("jdbc:postgresql://db.example.com:6543/visionary?sslmode=require", target.jdbcUrl());
    assertEquals("alice", target.user());
    assertEquals("s@cret", target.password());
    assertFalse(target.toString().contains("s@cret"), "the password must never be printed");
  }

  @Test
  void defaultsThePostgresPortAndAcceptsJdbcUrls() {
    assertEquals("jdbc:postgresql://db:5432/app", Config.from(Map.of("DATABASE_URL", "postgresql://u:p@db/app")).storage().database().orElseThrow().jdbcUrl());
    Config.JdbcTarget jdbc = Config.from(Map.of("DATABASE_URL", "jdbc:postgresql://localhost:5432/app?user=u")).storage().database().orElseThrow();
    assertEquals("jdbc:postgresql://localhost:5432/app?user=u", jdbc.jdbcUrl());
    assertNull(jdbc.user());
  }

  @Test
  void rejectsBadPortsNamingTheVariable() {
    for (String bad : new String[] {"abc", "-1", "70000", "12.5"}) {
      Config.Invalid e = assertThrows(Config.Invalid.class, () -> Config.from(Map.of("PORT", bad)));
      assertTrue(e.getMessage().startsWith("PORT "), e.getMessage());
    }
  }

  @Test
  void rejectsMalformedDatabaseUrlsNamingTheVariable() {
    for (String bad : new String[] {"mysql://u:p@h/db", "postgres://", "postgres://host", "jdbc:postgresql://", "postgres://h:p:q/db x"}) {
      Config.Invalid e = assertThrows(Config.Invalid.class, () -> Config.from(Map.of("DATABASE_URL", bad)), bad);
      assertTrue(e.getMessage().startsWith("DATABASE_URL "), e.getMessage());
    }
  }

  @Test
  void givesEachSettingTypedWithItsDefault() {
    Config defaults = Config.from(Map.of());
    assertEquals(new Config.Limits(30, 10, 50, 20, 5_000, 50_000), defaults.limits());
    assertEquals(new Config.Jobs(4, Duration.ofSeconds(2), Duration.ofSeconds(2)), defaults.jobs());
    assertEquals(new Config.ImageProviders(2, Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofSeconds(1)), defaults.images());
    assertEquals(Config.defaultPoolSize(Runtime.getRuntime().availableProcessors()), defaults.storage().poolSize());
    assertEquals(new Config.Web(Optional.empty(), Optional.empty()), defaults.web());

    Config set = Config.from(Map.of("EXPAND_PER_MINUTE", "7", "JOB_HEARTBEAT_MS", "500", "IMAGE_PROVIDER_POLL_MS", "20",
        "METRICS_TOKEN", " secret ", "DB_POOL_SIZE", "3"));
    assertEquals(7, set.limits().expandPerMinute());
    assertEquals(Duration.ofMillis(500), set.jobs().heartbeat());
    assertEquals(Duration.ofMillis(20), set.images().pollInterval());
    assertEquals(Optional.of("secret"), set.web().metricsToken());
    assertEquals(3, set.storage().poolSize());
  }

  @Test
  void stopsStartUpWithOneLineNamingTheVariable() {
    Config.Invalid range = assertThrows(Config.Invalid.class, () -> Config.from(Map.of("JOB_THREADS", "500")));
    assertEquals("JOB_THREADS must be between 1 and 64, got \"500\"", range.getMessage());
    Config.Invalid word = assertThrows(Config.Invalid.class, () -> Config.from(Map.of("GENERATE_PER_MINUTE", "lots")));
    assertEquals("GENERATE_PER_MINUTE must be a whole number, got \"lots\"", word.getMessage());
  }

  @Test
  void passesOnlyTheProviderVariablesThatAreSet() {
    Config config = Config.from(Map.of("OLLAMA_URL", "http://localhost:11434", "OPENAI_API_KEY", " ", "HOME", "/root"));
    assertEquals(Map.of("OLLAMA_URL", "http://localhost:11434"), config.providers().variables());
  }

  @Test
  void imageStoreUrlNamesBucketPrefixAndRegionAndNeedsBothKeysWhichStayOutOfItsText() {
    Config.ObjectStorage r2 = Config.from(Map.of("IMAGE_STORE_URL", "https://acct.r2.cloudflarestorage.com/pics/visionary/v1?region=auto",
        "IMAGE_STORE_ACCESS_KEY", "AKID", "IMAGE_STORE_SECRET_KEY", "s3cr3t")).storage().objects().orElseThrow();
    assertEquals("https://acct.r2.cloudflarestorage.com", r2.endpoint().toString());
    assertEquals("pics", r2.bucket());
    assertEquals("visionary/v1", r2.prefix());
    assertEquals("auto", r2.region());
    assertFalse(r2.toString().contains("s3cr3t") || r2.toString().contains("AKID"), r2.toString());
    assertEquals("us-east-1", Config.from(Map.of("IMAGE_STORE_URL", "http://minio.local:9000/pics", "IMAGE_STORE_ACCESS_KEY", "a",
        "IMAGE_STORE_SECRET_KEY", "b")).storage().objects().orElseThrow().region());
    assertTrue(Config.from(Map.of()).storage().objects().isEmpty(), "PostgreSQL stays the default");

    assertTrue(assertThrows(Config.Invalid.class, () -> Config.from(Map.of("IMAGE_STORE_URL", "http://minio.local:9000/pics")))
        .getMessage().contains("IMAGE_STORE_ACCESS_KEY"));
    assertTrue(assertThrows(Config.Invalid.class, () -> Config.from(Map.of("IMAGE_STORE_URL", "s3://pics", "IMAGE_STORE_ACCESS_KEY", "a",
        "IMAGE_STORE_SECRET_KEY", "b"))).getMessage().startsWith("IMAGE_STORE_URL must look like"));
    assertThrows(Config.Invalid.class, () -> Config.from(Map.of("IMAGE_STORE_URL", "https://host.example/", "IMAGE_STORE_ACCESS_KEY", "a",
        "IMAGE_STORE_SECRET_KEY", "b")));
  }
}
