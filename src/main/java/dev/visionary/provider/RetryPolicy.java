package dev.visionary.provider;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a failed provider call again and how long to wait first: the server's Retry-After when it sent one,
 * else exponential back-off from {@code firstBackoff}; no wait is ever longer than {@code maxWait}.
 *
 * @param maxRetries   retries after the first attempt
 * @param firstBackoff the wait before the first retry when the server named none; doubled for each later one
 * @param maxBackoff   the longest wait back-off alone may reach
 * @param maxWait      the longest wait of all, whatever the server asks for
 * @param jitter       the share (0–1) by which back-off is randomly shortened, so many clients do not retry in step
 */
public record RetryPolicy(int maxRetries, Duration firstBackoff, Duration maxBackoff, Duration maxWait, double jitter) {

  public RetryPolicy {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must not be negative, got " + maxRetries);
    }
    if (firstBackoff.isNegative() || maxBackoff.isNegative() || maxWait.isNegative()) {
      throw new IllegalArgumentException("Waits must not be negative");
    }
    if (jitter < 0 || jitter > 1) {
      throw new IllegalArgumentException("jitter must be between 0 and 1, got " + jitter);
    }
  }

  /** Whether a call that has already been retried {@code retriesSoFar} times may be tried again. */
  public boolean allowsRetry(int retriesSoFar) {
    return retriesSoFar < maxRetries;
  }

  /** The wait before retry number {@code retry} (0 for the first), given the server's Retry-After if any. */
  public Duration delay(Optional<Duration> retryAfter, int retry) {
    Duration wanted = retryAfter.orElseGet(() -> backoff(retry));
    return wanted.compareTo(maxWait) > 0 ? maxWait : wanted;
  }

  private Duration backoff(int retry) {
    long doubled = firstBackoff.toMillis() << Math.min(Math.max(retry, 0), 10);
    double shortened = doubled * (1 - jitter * ThreadLocalRandom.current().nextDouble());
    return Duration.ofMillis(Math.min((long) shortened, maxBackoff.toMillis()));
  }
}
