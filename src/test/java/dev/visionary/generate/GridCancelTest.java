package dev.visionary.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.visionary.App;
import dev.visionary.support.Accounts;
import dev.visionary.support.FakeServer;
import dev.visionary.support.FakeServer.Reply;
import dev.visionary.support.Http;
import dev.visionary.support.TestServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Cancelling a grid cancels every cell not yet drawn, against a fake AUTOMATIC1111 that never finishes: the cell
 * being drawn is stopped, the queued ones never reach the server.
 */
class GridCancelTest {
  private final FakeServer a1111 = FakeServer.start();
  private final CountDownLatch endOfTest = new CountDownLatch(1);
  private App app;

  @AfterEach
  void stop() {
    endOfTest.countDown();
    if (app != null) {
      app.close();
    }
    a1111.close();
  }

  @Test
  void cancellingAGridCancelsItsQueuedAndRunningCellsAndNoneIsDrawnAfterwards() throws Exception {
    a1111.on("POST", "/sdapi/v1/txt2img", request -> {
      endOfTest.await(60, TimeUnit.SECONDS);
      return Reply.json(500, "{}");
    });
    a1111.on("GET", "/sdapi/v1/progress", r -> Reply.json(200,
        "{\"progress\":0.1,\"eta_relative\":3.0,\"state\":{\"job_count\":1},\"current_image\":null,\"textinfo\":null}"));
    a1111.on("POST", "/sdapi/v1/interrupt", r -> Reply.json(200, "{}"));
    // One slot for the engine: the first cell holds it, the others wait in the queue.
    app = TestServer.startIsolatedApp(Map.of("A1111_URL", a1111.uri().toString(), "IMAGE_ENGINE_CONCURRENCY", "1",
        "IMAGE_PROVIDER_POLL_MS", "100"));
    Http http = new Http("http://localhost:" + app.port());
    Accounts.signedIn(http, "canceller");
    String grid = GridSupport.make(http, "prompt", "a {lighthouse|harbour|pier|quay} at dusk", "engine", "automatic1111", "size", "512x512",
        "rows", "option", "cols", "none");
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (a1111.requests("/sdapi/v1/txt2img").isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertEquals(1, a1111.requests("/sdapi/v1/txt2img").size(), "the first cell reached the server");
    List<GridSupport.Cell> before = GridSupport.cells(http, grid);
    assertEquals(4, before.size());

    HttpResponse<String> cancel = http.postForm("/grids/" + grid + "/cancel", Http.form("_csrf", Accounts.csrf(http, "/grids/new")));
    assertEquals(303, cancel.statusCode());
    List<GridSupport.Cell> after = GridSupport.awaitFinished(http, grid, Duration.ofSeconds(10));
    assertEquals(List.of("cancelled", "cancelled", "cancelled", "cancelled"), after.stream().map(GridSupport.Cell::status).toList());
    Thread.sleep(1_000);
    assertEquals(1, a1111.requests("/sdapi/v1/txt2img").size(), "no cancelled cell was drawn");
    assertEquals(List.of("cancelled", "cancelled", "cancelled", "cancelled"),
        GridSupport.cells(http, grid).stream().map(GridSupport.Cell::status).toList());
  }
}
