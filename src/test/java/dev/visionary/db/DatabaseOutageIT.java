package dev.visionary.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.visionary.App;
import dev.visionary.config.Config;
import dev.visionary.support.Accounts;
import dev.visionary.support.Http;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL stopped and started again under a running app, as an operator would see it: quick, honest 503s
 * during the outage that keep what the person typed, and service back on the first request afterwards.
 */
class DatabaseOutageIT {

  @TempDir
  Path pgData;

  @Test
  void anOutageAnswersQuickHonest503sThatKeepTheTypedTextAndTheFirstRequestAfterItSucceeds() throws Exception {
    EmbeddedPostgres pg = start(0);
    int port = pg.getPort();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.setContext(root.getLoggerContext());
    logged.start();
    root.addAppender(logged);
    App app = App.start(Config.from(Map.of("PORT", "0", "DATABASE_URL", "postgres://postgres:postgres@localhost:" + port + "/postgres")));
    try {
      Http http = new Http("http://localhost:" + app.port());
      String name = Accounts.signedIn(http, "outage");
      String csrf = Accounts.csrf(http, "/settings");

      pg.close();
      long started = System.nanoTime();
      HttpResponse<String> health = http.get("/health");
      long healthMillis = (System.nanoTime() - started) / 1_000_000;
      assertEquals(503, health.statusCode());
      assertTrue(healthMillis < 1_500, "a load balancer hears 503 within 1.5 s, took " + healthMillis + " ms");

      String typed = "a lighthouse in a storm, oil on canvas\nwith gulls";
      HttpResponse<String> save = http.postForm("/prompts", Http.form("_csrf", csrf, "title", "Lighthouse", "text", typed));
      assertEquals(503, save.statusCode());
      assertTrue(save.body().contains("this was not saved"), save.body());
      assertTrue(save.body().contains("a lighthouse in a storm, oil on canvas\nwith gulls</textarea>"), "the typed text is on the page to send again");
      assertTrue(save.body().contains(">" + name + "<"), "still shown as signed in");
      assertFalse(save.body().contains("Exception") || save.body().contains("nothing you saved is lost"), "no trace, no false comfort");

      HttpResponse<String> expand = http.postForm("/expand", Http.form("idea", "a quiet harbour at dawn", "target", "generic"),
          "HX-Request", "true", "X-CSRF-Token", csrf);
      assertEquals(503, expand.statusCode());
      assertEquals("this", expand.headers().firstValue("HX-Retarget").orElse(""), "the notice lands by the form that sent it");
      assertEquals("beforebegin", expand.headers().firstValue("HX-Reswap").orElse(""), "beside the form, which keeps the idea as typed");
      assertTrue(expand.body().contains("not saved"), expand.body());

      HttpResponse<String> read = http.get("/library");
      assertEquals(503, read.statusCode());
      assertTrue(read.body().contains("The library is unavailable right now"), read.body());

      // The job scheduler polls every second: the outage has cost it at least one failed poll by now.
      Predicate<ILoggingEvent> jobsWait = e -> e.getLevel() == Level.WARN && e.getFormattedMessage().startsWith("Jobs wait");
      awaitLogged(logged, jobsWait);

      pg = start(port);
      // A page that reads the database (the session alone could come from memory).
      HttpResponse<String> first = http.get("/library");
      assertEquals(200, first.statusCode(), "the first request after the database returns succeeds: " + first.body());
      assertTrue(first.body().contains(name));
      HttpResponse<String> saved = http.postForm("/prompts", Http.form("_csrf", csrf, "title", "Lighthouse", "text", typed));
      assertEquals(303, saved.statusCode(), "sending the kept text again saves it");
      assertEquals(200, http.get("/health").statusCode());

      Predicate<ILoggingEvent> jobsBack = e -> e.getLevel() == Level.INFO && e.getFormattedMessage().contains("the database is back");
      awaitLogged(logged, jobsBack);
      List<ILoggingEvent> events = snapshot(logged);
      assertEquals(1, events.stream().filter(jobsWait).count(), "one WARN when the outage starts");
      assertEquals(1, events.stream().filter(jobsBack).count(), "one INFO when the database is back");
      List<String> schedulerErrors = events.stream()
          .filter(e -> e.getLoggerName().startsWith("com.github.kagkarlsson") && e.getLevel().isGreaterOrEqual(Level.WARN))
          .map(ILoggingEvent::getFormattedMessage).toList();
      assertEquals(List.of(), schedulerErrors, "no stack trace from the job scheduler for each poll during the outage");
    } finally {
      app.close();
      pg.close();
      root.detachAppender(logged);
    }
  }

  /** ListAppender appends under its own lock. */
  private static List<ILoggingEvent> snapshot(ListAppender<ILoggingEvent> logged) {
    synchronized (logged) {
      return List.copyOf(logged.list);
    }
  }

  private static void awaitLogged(ListAppender<ILoggingEvent> logged, Predicate<ILoggingEvent> line) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (snapshot(logged).stream().noneMatch(line)) {
      assertTrue(System.nanoTime() < deadline, "not logged within 15 s; logged: "
          + snapshot(logged).stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList());
      Thread.sleep(100);
    }
  }

  /** The same data directory each time, so the restarted server is the same database. */
  private EmbeddedPostgres start(int port) throws Exception {
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(false);
    if (port > 0) {
      builder.setPort(port);
    }
    return builder.start();
  }
}
