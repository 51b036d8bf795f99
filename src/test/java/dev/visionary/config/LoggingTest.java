package dev.visionary.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import dev.visionary.App;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Logback is set up by {@link Logging}, found through ServiceLoader, with no logback.xml to parse. */
class LoggingTest {

  @Test
  void theAppLogsAtInfoToTheConsoleAndLibrariesOnlyTheirWarnings() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    assertNotNull(root.getAppender("STDOUT"), "the console appender Logging adds");
    assertTrue(LoggerFactory.getLogger(App.class).isInfoEnabled());
    assertFalse(LoggerFactory.getLogger("org.flywaydb.core.Flyway").isInfoEnabled());
    assertTrue(LoggerFactory.getLogger("org.flywaydb.core.Flyway").isWarnEnabled());
    assertFalse(LoggerFactory.getLogger("io.zonky.test.db.postgres.embedded.EmbeddedPostgres").isInfoEnabled());
  }
}
