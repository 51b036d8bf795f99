package dev.visionary.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.support.Accounts;
import dev.visionary.support.AppProcess;
import dev.visionary.support.FakeServer;
import dev.visionary.support.FakeServer.Reply;
import dev.visionary.support.Http;
import dev.visionary.support.TestImages;
import java.awt.Color;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job drills, run against the app as a separate process: kill -9 at each point between the statements of
 * queueing and starting a job (each step held open by a lock the test takes, as a drill would), and a SIGTERM
 * during a generation. Afterwards SQL shows no job half-queued, and every queued job runs to an end.
 */
class JobKillDrillIT {

  @TempDir
  Path dataDir;
  // PostgreSQL runs outside the app, as it does for instances on a managed database: the app is what gets killed.
  private final String databaseUrl = dev.visionary.support.TestServer.freshDatabaseUrl();

  private Map<String, String> env() {
    return Map.of("DATA_DIR", dataDir.toString(), "PORT", "0", "DATABASE_URL", databaseUrl);
  }

  @Test
  void killedBetweenTheJobRowAndItsSchedulingLeavesNoJobQueuedForever() throws Exception {
    String name = Accounts.uniqueName("drill");
    try (AppProcess app = AppProcess.start(env())) {
      Http http = signedUp(app, name);
      String csrf = Accounts.csrf(http, "/generate");
      try (Connection drill = database()) {
        drill.setAutoCommit(false);
        try (Statement s = drill.createStatement()) {
          // Lets the job row be written but holds the insert of its scheduled execution.
          s.execute("lock table scheduled_tasks in share mode");
        }
        Thread submit = new Thread(() -> {
          try {
            http.postForm("/generate", Http.form("_csrf", csrf, "prompt", "a lighthouse in a storm", "engine", "builtin", "size", "512x512",
                "count", "1"));
          } catch (RuntimeException connectionLost) {
            // the process died with the request open
          }
        });
        submit.start();
        awaitTrue(() -> count(database(), """
            select count(*) from pg_stat_activity a
            where a.wait_event_type = 'Lock' and a.query ilike 'insert into scheduled_tasks%'
              and exists (select 1 from pg_locks l where l.pid = a.pid and l.granted
                          and l.relation = 'generation_jobs'::regclass and l.mode = 'RowExclusiveLock')""") == 1,
            Duration.ofSeconds(30), "the request has written the job row and waits to schedule it");
        app.kill();
        app.awaitExit(Duration.ofSeconds(30));
        try {
          drill.rollback();
        } catch (SQLException databaseWentWithTheApp) {
          // the lock went with it
        }
        submit.join(30_000);
      }
    }

    try (AppProcess again = AppProcess.start(env())) {
      again.awaitPort(Duration.ofSeconds(90));
      String jobs = "select count(*) from generation_jobs j join users u on u.id = j.owner_id where u.username = '" + name + "'";
      awaitTrue(() -> count(database(), jobs + " and j.status in ('queued', 'running')") == 0, Duration.ofSeconds(30),
          "no job of the drill is left waiting");
      assertEquals(0, count(database(), jobs + " and j.status not in ('succeeded')"), "the job is absent or ran to its end");
      assertEquals(0, count(database(), "select count(*) from generation_jobs j where j.status = 'queued' and not exists "
          + "(select 1 from scheduled_tasks t where t.task_instance = j.id)"), "no queued job without its execution");
    }
  }

  @Test
  void aKilledInstancesRunningJobResumesWithinHalfAMinuteAheadOfTheBacklog() throws Exception {
    int backlog = 20;
    CountDownLatch killed = new CountDownLatch(1);
    String png = TestImages.base64(TestImages.png(512, 512, Color.ORANGE));
    try (FakeServer a1111 = FakeServer.start()) {
      // Until the kill every generation hangs; after it each takes two seconds, so the backlog takes longer than half a minute.
      a1111.stream("POST", "/sdapi/v1/txt2img", (exchange, request) -> {
        if (killed.getCount() > 0) {
          killed.await(120, TimeUnit.SECONDS);
          return;
        }
        Thread.sleep(2000);
        byte[] body = ("{\"images\":[\"" + png + "\"],\"parameters\":{},\"info\":\"{\\\"all_seeds\\\":[7]}\"}").getBytes();
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
      });
      a1111.on("GET", "/sdapi/v1/progress", r -> Reply.json(200, "{\"progress\":0.5,\"eta_relative\":3.0,\"state\":{},\"current_image\":null}"));
      Map<String, String> env = new java.util.HashMap<>(env());
      env.put("A1111_URL", a1111.uri().toString());
      env.put("IMAGE_ENGINE_CONCURRENCY", "1");
      env.put("GENERATE_PER_MINUTE", "1000");
      String name = Accounts.uniqueName("drill");
      String running;
      try (AppProcess app = AppProcess.start(env)) {
        Http http = signedUp(app, name);
        String csrf = Accounts.csrf(http, "/generate");
        running = queue(http, csrf, "the job that was running");
        awaitTrue(() -> a1111.requests("/sdapi/v1/txt2img").size() == 1, Duration.ofSeconds(30), "the first generation is under way");
        for (int i = 0; i < backlog; i++) {
          queue(http, csrf, "backlog " + i);
        }
        app.kill();
        app.awaitExit(Duration.ofSeconds(30));
      }
      killed.countDown();

      try (AppProcess again = AppProcess.start(env)) {
        again.awaitPort(Duration.ofSeconds(90));
        awaitTrue(() -> "succeeded".equals(single(database(), "select status from generation_jobs where id = '" + running + "'")),
            Duration.ofSeconds(30), "the killed instance's running job ends within half a minute of the restart");
        int backlogDone = count(database(), "select count(*) from generation_jobs where status = 'succeeded' and id <> '" + running + "'");
        assertTrue(backlogDone < backlog, "it went ahead of the backlog queued after it (" + backlogDone + " of " + backlog + " done first)");
      }
    }
  }

  private static String queue(Http http, String csrf, String prompt) {
    HttpResponse<String> queued = http.postForm("/generate", Http.form("_csrf", csrf, "prompt", prompt, "engine", "automatic1111",
        "model", "", "size", "512x512", "count", "1"));
    assertEquals(303, queued.statusCode(), queued.body());
    return queued.headers().firstValue("Location").orElseThrow().substring("/jobs/".length());
  }

  @Test
  void aSigtermDuringAGenerationReturnsTheJobWithoutUsingAnAttempt() throws Exception {
    CountDownLatch serverFree = new CountDownLatch(1);
    String png = TestImages.base64(TestImages.png(512, 512, Color.ORANGE));
    try (FakeServer a1111 = FakeServer.start()) {
      a1111.stream("POST", "/sdapi/v1/txt2img", (exchange, request) -> {
        serverFree.await(120, TimeUnit.SECONDS);
        byte[] body = ("{\"images\":[\"" + png + "\"],\"parameters\":{},\"info\":\"{\\\"all_seeds\\\":[7]}\"}").getBytes();
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
      });
      a1111.on("GET", "/sdapi/v1/progress", r -> Reply.json(200, "{\"progress\":0.5,\"eta_relative\":3.0,\"state\":{},\"current_image\":null}"));
      a1111.on("POST", "/sdapi/v1/interrupt", r -> Reply.json(200, "{}"));
      Map<String, String> env = new java.util.HashMap<>(env());
      env.put("A1111_URL", a1111.uri().toString());
      String name = Accounts.uniqueName("drill");
      String job;
      try (AppProcess app = AppProcess.start(env)) {
        Http http = signedUp(app, name);
        job = queue(http, Accounts.csrf(http, "/generate"), "a lighthouse");
        awaitTrue(() -> a1111.requests("/sdapi/v1/txt2img").size() == 1, Duration.ofSeconds(30), "the generation is under way");
        app.terminate();
        app.awaitExit(Duration.ofSeconds(60));
      }
      serverFree.countDown();
      try (AppProcess again = AppProcess.start(env)) {
        again.awaitPort(Duration.ofSeconds(90));
        awaitTrue(() -> "succeeded 1".equals(single(database(), "select status || ' ' || attempts from generation_jobs where id = '" + job + "'")),
            Duration.ofSeconds(30), "the job runs again after the restart and succeeds on its first counted attempt");
        assertEquals("1 image", single(database(), "select count(*) || ' image' from images where job_id = '" + job + "'"));
      }
    }
  }

  private static Http signedUp(AppProcess app, String name) {
    Http http = new Http("http://localhost:" + app.awaitPort(Duration.ofSeconds(90)));
    Accounts.signUp(http, name, Accounts.PASSWORD);
    return http;
  }

  /** A connection to the app's embedded PostgreSQL, as an operator would open one. */
  private Connection database() throws Exception {
    return DriverManager.getConnection(databaseUrl);
  }

  private static int count(Connection c, String sql) throws SQLException {
    try (c; PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static String single(Connection c, String sql) throws SQLException {
    try (c; PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  @FunctionalInterface
  private interface Check {
    boolean holds() throws Exception;
  }

  private static void awaitTrue(Check check, Duration timeout, String what) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        if (check.holds()) {
          return;
        }
      } catch (SQLException notYet) {
        // the database may still be starting
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Not within " + timeout + ": " + what);
      }
      Thread.sleep(100);
    }
  }
}
