package dev.visionary.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.config.Config;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Requests get the pool's connections in the order they asked for them: one that is waiting is not passed over by
 * others that keep asking after it (under a burst, HikariCP alone let some requests wait seconds while newer
 * ones were served).
 */
class ConnectionTurnsTest {
  private static EmbeddedPostgres pg;
  private static Database database;
  /** A thread of its own for the waiter: the common pool may have a single one. */
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  @BeforeAll
  static void start() throws Exception {
    pg = EmbeddedPostgres.builder().start();
    database = Database.start(Config.from(Map.of("DATABASE_URL",
        "postgres://postgres:postgres@localhost:" + pg.getPort() + "/postgres", "DB_POOL_SIZE", "2")));
  }

  @AfterAll
  static void stop() throws Exception {
    database.close();
    pg.close();
  }

  @Test
  void aWaitingRequestIsServedBeforeOnesThatAskedAfterIt() throws Exception {
    DataSource pool = database.dataSource();
    AtomicInteger othersServed = new AtomicInteger();
    CompletableFuture<Integer> waiter;
    // Migrations needed two connections; the test needs one: someone else keeps the second throughout.
    HeldConnection aside = HeldConnection.take(pool);
    Connection held = pool.getConnection();
    try {
      waiter = CompletableFuture.supplyAsync(() -> {
        try (Connection c = pool.getConnection()) {
          return othersServed.get(); // how many turns others had while this one waited
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }, threads);
      awaitWaiting(); // the waiter has asked and is waiting for the one connection
    } finally {
      held.close();
    }
    // Someone who keeps asking, again and again, from the moment the connection is handed back.
    while (!waiter.isDone() && othersServed.get() < 200) {
      try (Connection c = pool.getConnection()) {
        c.isValid(1);
        othersServed.incrementAndGet();
      }
    }
    aside.close();
    int passedOver = waiter.get(30, TimeUnit.SECONDS);
    assertEquals(0, passedOver, "the request that asked first was served first");
    assertTrue(othersServed.get() <= 1, "the waiting request was not passed over: " + othersServed.get());
  }

  /** Until some thread is parked in the pool's wait (a waiter's state is the only sign from outside). */
  private static void awaitWaiting() throws InterruptedException {
    for (int i = 0; i < 500; i++) {
      boolean waiting = Thread.getAllStackTraces().keySet().stream()
          .filter(t -> t.getState() == Thread.State.TIMED_WAITING || t.getState() == Thread.State.WAITING)
          .anyMatch(t -> java.util.Arrays.stream(t.getStackTrace())
              .anyMatch(f -> f.getMethodName().equals("getConnection") && f.getClassName().endsWith("WhenReady")));
      if (waiting) {
        return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("the second request never started waiting");
  }
}
