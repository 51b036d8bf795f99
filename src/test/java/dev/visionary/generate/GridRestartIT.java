package dev.visionary.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.support.Accounts;
import dev.visionary.support.AppProcess;
import dev.visionary.support.FakeServer;
import dev.visionary.support.FakeServer.Reply;
import dev.visionary.support.Http;
import dev.visionary.support.TestImages;
import dev.visionary.support.TestServer;
import java.awt.Color;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A grid whose process is killed while its cells are being drawn finishes every cell once the app is back. */
class GridRestartIT {

  @Test
  void aGridKilledMidWayFinishesEveryCellAfterRestart() throws Exception {
    CountDownLatch firstCallArrived = new CountDownLatch(1);
    AtomicBoolean restarted = new AtomicBoolean();
    String b64 = TestImages.base64(TestImages.png(64, 64, Color.GREEN));
    try (FakeServer provider = FakeServer.start()) {
      provider.on("POST", "/v1/images/generations", request -> {
        if (!restarted.get()) {
          firstCallArrived.countDown();
          Thread.sleep(60_000); // the process is killed while the cells are in flight
        }
        return Reply.json(200, "{\"created\":1,\"data\":[{\"b64_json\":\"" + b64 + "\"}]}");
      });
      Map<String, String> env = Map.of("DATABASE_URL", TestServer.freshDatabaseUrl(), "PORT", "0",
          "OPENAI_API_KEY", "sk-test-grid", "OPENAI_BASE_URL", provider.uri() + "/v1",
          "JOB_HEARTBEAT_MS", "500", "IMAGE_PROVIDER_GENERATION_TIMEOUT_MS", "120000");
      String name = Accounts.uniqueName("gridkill");
      String grid;
      try (AppProcess first = AppProcess.start(env)) {
        Http http = new Http("http://localhost:" + first.awaitPort(Duration.ofSeconds(90)));
        Accounts.signUp(http, name, Accounts.PASSWORD);
        grid = GridSupport.make(http, "prompt", "a {lighthouse|harbour|pier} at dusk", "engine", "openai", "rows", "option", "cols", "none");
        assertTrue(firstCallArrived.await(60, TimeUnit.SECONDS), "a cell started");
        first.kill();
        first.awaitExit(Duration.ofSeconds(30));
      }
      restarted.set(true);
      try (AppProcess second = AppProcess.start(env)) {
        Http http = new Http("http://localhost:" + second.awaitPort(Duration.ofSeconds(90)));
        assertEquals(303, Accounts.logIn(http, name, Accounts.PASSWORD).statusCode());
        List<GridSupport.Cell> cells = GridSupport.awaitFinished(http, grid, Duration.ofSeconds(120));
        assertEquals(3, cells.size());
        for (GridSupport.Cell cell : cells) {
          assertEquals("succeeded", cell.status(), cell.toString());
          assertNotNull(cell.imageId());
        }
      }
    }
  }
}
