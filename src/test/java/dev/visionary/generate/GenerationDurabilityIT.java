package dev.visionary.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.App;
import dev.visionary.support.Accounts;
import dev.visionary.support.AppProcess;
import dev.visionary.support.FakeServer;
import dev.visionary.support.FakeServer.Reply;
import dev.visionary.support.Http;
import dev.visionary.support.Jobs;
import dev.visionary.support.TestImages;
import dev.visionary.support.TestServer;
import java.awt.Color;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jobs survive a killed process, and several instances run each job exactly once. */
class GenerationDurabilityIT {

  @TempDir
  Path dataDir;

  @Test
  void aJobRunningWhenTheProcessIsKilledCompletesAfterRestart() throws Exception {
    CountDownLatch firstCallArrived = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    String b64 = TestImages.base64(TestImages.png(64, 64, Color.BLUE));
    try (FakeServer slow = FakeServer.start()) {
      slow.on("POST", "/v1/images/generations", request -> {
        if (calls.getAndIncrement() == 0) {
          firstCallArrived.countDown();
          Thread.sleep(60_000); // the process is killed while this call is in flight
        }
        return Reply.json(200, "{\"created\":1,\"data\":[{\"b64_json\":\"" + b64 + "\"}]}");
      });
      Map<String, String> env = Map.of("DATA_DIR", dataDir.toString(), "PORT", "0",
          "OPENAI_API_KEY", "sk-test-durable", "OPENAI_BASE_URL", slow.uri() + "/v1",
          "JOB_HEARTBEAT_MS", "500", "IMAGE_PROVIDER_GENERATION_TIMEOUT_MS", "120000");
      String name = Accounts.uniqueName("durable");
      String job;
      try (AppProcess first = AppProcess.start(env)) {
        Http http = new Http("http://localhost:" + first.awaitPort(Duration.ofSeconds(90)));
        Accounts.signUp(http, name, Accounts.PASSWORD);
        job = Jobs.submit(http, "prompt", "a lighthouse", "engine", "openai", "model", "gpt-image-1", "size", "1024x1024");
        assertTrue(firstCallArrived.await(60, TimeUnit.SECONDS), "the job started");
        assertEquals("running", Jobs.status(http, job));
        first.kill();
        first.awaitExit(Duration.ofSeconds(30));
      }
      try (AppProcess second = AppProcess.start(env)) {
        Http http = new Http("http://localhost:" + second.awaitPort(Duration.ofSeconds(90)));
        assertEquals(303, Accounts.logIn(http, name, Accounts.PASSWORD).statusCode());
        String card = Jobs.awaitFinished(http, job, Duration.ofSeconds(90));
        assertTrue(card.contains("data-status=\"succeeded\""), card);
        assertEquals(1, Jobs.imageIds(card).size());
        assertEquals(2, calls.get(), "one interrupted call, one that finished");
      }
    }
  }

  @Test
  void twoInstancesRunEachOfFiftyQueuedJobsExactlyOnce() {
    try (App second = TestServer.startApp(Map.of())) {
      Http one = Http.toTestServer();
      String name = Accounts.signedIn(one, "cluster");
      Http two = new Http("http://localhost:" + second.port());
      Accounts.logIn(two, name, Accounts.PASSWORD);
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        ids.add(Jobs.submit(i % 2 == 0 ? one : two, "prompt", "hills under a pink sky, variation " + i, "size", "512x512", "seed", Integer.toString(i)));
      }
      for (String id : ids) {
        String card = Jobs.awaitFinished(one, id, Duration.ofSeconds(120));
        assertTrue(card.contains("data-status=\"succeeded\""), card);
        assertEquals(1, Jobs.imageIds(card).size());
      }
      var jdbi = second.database().jdbi();
      int attempts = jdbi.withHandle(h -> h.createQuery("select sum(attempts) from generation_jobs where id in (<ids>)")
          .bindList("ids", ids).mapTo(Integer.class).one());
      int images = jdbi.withHandle(h -> h.createQuery("select count(*) from images where job_id in (<ids>)")
          .bindList("ids", ids).mapTo(Integer.class).one());
      assertEquals(50, attempts, "each job was claimed exactly once");
      assertEquals(50, images, "each job stored its image once");
    }
  }
}
