package dev.visionary.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.generate.remote.Automatic1111Engine;
import dev.visionary.generate.remote.RemoteTimeouts;
import dev.visionary.support.FakeServer;
import dev.visionary.support.FakeServer.Reply;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A diffusion server's lists are read once a minute, not on every form, and a server that cannot answer is said so. */
class ImageEnginesTest {

  /** A clock the test moves by hand. */
  private static final class StepClock extends Clock {
    private Instant now = Instant.parse("2026-08-21T12:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void listsAreKeptForAMinuteAndAFailureIsReportedWithoutAskingAgainAtOnce() {
    AtomicBoolean down = new AtomicBoolean(false);
    try (FakeServer server = FakeServer.start()) {
      server.on("GET", "/sdapi/v1/sd-models", r -> down.get()
          ? Reply.json(500, "{\"error\":\"RuntimeError\",\"detail\":\"\",\"body\":\"\",\"errors\":\"CUDA out of memory\"}")
          : Reply.json(200, "[{\"title\":\"a.safetensors [0123456789]\",\"model_name\":\"a\",\"hash\":\"0123456789\",\"sha256\":null,"
              + "\"filename\":\"/m/a.safetensors\",\"config\":null}]"));
      server.on("GET", "/sdapi/v1/samplers", r -> Reply.json(200, "[{\"name\":\"Euler\",\"aliases\":[],\"options\":{}}]"));
      server.on("GET", "/sdapi/v1/schedulers", r -> Reply.json(200, "[{\"name\":\"karras\",\"label\":\"Karras\",\"aliases\":null}]"));
      StepClock clock = new StepClock();
      ImageEngines engines = new ImageEngines(clock).add(new Automatic1111Engine(server.uri(), null, RemoteTimeouts.DEFAULT),
          List.of(), 1);

      ImageEngines.Listing first = engines.listing("automatic1111").orElseThrow();
      assertEquals(List.of("a.safetensors [0123456789]"), first.choices().models());
      assertEquals(List.of("Karras"), first.choices().schedulers());
      engines.listing("automatic1111");
      assertEquals(1, server.requests("/sdapi/v1/sd-models").size(), "the second form within a minute asks nothing");

      down.set(true);
      clock.now = clock.now.plus(ImageEngines.LISTS_FRESH).plus(Duration.ofSeconds(1));
      ImageEngines.Listing failed = engines.listing("automatic1111").orElseThrow();
      assertNull(failed.choices());
      assertTrue(failed.problem().contains("AUTOMATIC1111"), failed.problem());
      engines.listing("automatic1111");
      assertEquals(2, server.requests("/sdapi/v1/sd-models").size(), "a server that is down is not asked on every form either");
    }
  }
}
