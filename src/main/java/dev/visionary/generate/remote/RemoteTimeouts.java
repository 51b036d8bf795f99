package dev.visionary.generate.remote;

import java.time.Duration;
import java.util.Objects;

/**
 * How long remote engines wait.
 *
 * @param connect opening a connection
 * @param request a short call: listing models, a progress or status poll, downloading a finished image
 * @param generation one whole generation, from the first call to the last byte; image servers can take minutes
 * @param poll the pause between progress or status polls (Runway backs off from here)
 */
public record RemoteTimeouts(Duration connect, Duration request, Duration generation, Duration poll) {

  public static final RemoteTimeouts DEFAULT =
      new RemoteTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofMinutes(10), Duration.ofSeconds(1));

  public RemoteTimeouts {
    Objects.requireNonNull(connect, "connect");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(generation, "generation");
    Objects.requireNonNull(poll, "poll");
  }
}
