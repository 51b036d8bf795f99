package dev.visionary.identity;

import dev.visionary.config.Config;
import io.javalin.http.HttpResponseException;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;

/** Per-person limits on costly work, so one account cannot drain a shared server or its API keys. */
public final class UsageLimits {
  private final RateLimiter limiter;
  private final int expansionsPerMinute;
  private final int generationsPerMinute;

  public UsageLimits(RateLimiter limiter, Config config) {
    this.limiter = limiter;
    this.expansionsPerMinute = config.limits().expandPerMinute();
    this.generationsPerMinute = config.limits().generatePerMinute();
  }

  /** Counts one expansion; answers 429 with the wait when the person is over their limit. */
  public void expansion(User user) {
    check("expand:" + user.id(), expansionsPerMinute, "expansions");
  }

  /** Counts one image generation request; answers 429 with the wait when over the limit. */
  public void generation(User user) {
    check("generate:" + user.id(), generationsPerMinute, "image generations");
  }

  /**
   * Counts {@code n} image generations asked for at once (a grid counts as its cells); answers 429 when they would
   * pass the limit, and 422 when they could never fit in a minute's allowance.
   */
  public void generations(User user, int n) {
    if (n > generationsPerMinute) {
      throw new HttpResponseException(422, "That is " + n + " images, more than the limit of " + generationsPerMinute
          + " image generations a minute; make a smaller grid.", Map.of());
    }
    check("generate:" + user.id(), generationsPerMinute, "image generations", n);
  }

  private void check(String key, int limit, String what) {
    check(key, limit, what, 1);
  }

  private void check(String key, int limit, String what, int n) {
    OptionalLong wait = limiter.hit(key, limit, Duration.ofMinutes(1), n);
    if (wait.isPresent()) {
      throw new HttpResponseException(429,
          "You've reached the limit of " + limit + " " + what + " a minute. Try again in " + wait.getAsLong() + " seconds.",
          Map.of());
    }
  }
}
