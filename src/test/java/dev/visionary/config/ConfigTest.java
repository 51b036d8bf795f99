package dev.visionary.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {

  @Test
  void defaultsToPort7070AndEmbeddedDatabaseUnderHome() {
    Config config = Config.from(Map.of());
    assertEquals(7070, config.port());
    assertTrue(config.database().isEmpty());
    assertEquals(Path.of(System.getProperty("user.home"), ".visionary").toAbsolutePath(), config.dataDir());
  }

  @Test
  void readsHerokuStyleDatabaseUrlWithCredentialsApart() {
    Config config = Config.from(Map.of("DATABASE_URL", "postgres://alice:s%40cret@db.example.com:6543/visionary?sslmode=require"));
    Config.JdbcTarget target = config.database().orElseThrow();
    assertEquals("jdbc:postgresql://db.example.com:6543/visionary?sslmode=require", target.jdbcUrl());
    assertEquals("alice", target.user());
    assertEquals("s@cret", target.password());
    assertFalse(target.toString().contains("s@cret"), "the password must never be printed");
  }

  @Test
  void defaultsThePostgresPortAndAcceptsJdbcUrls() {
    assertEquals("jdbc:postgresql://db:5432/app", Config.from(Map.of("DATABASE_URL", "postgresql://u:p@db/app")).database().orElseThrow().jdbcUrl());
    Config.JdbcTarget jdbc = Config.from(Map.of("DATABASE_URL", "jdbc:postgresql://localhost:5432/app?user=u")).database().orElseThrow();
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
}
