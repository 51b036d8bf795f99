package dev.visionary.provider;

import dev.visionary.provider.RetryPolicy;
import java.time.Duration;

/**
 * How long to wait and how often to try again when calling a provider.
 *
 * @param connectTimeout time allowed to open a connection
 * @param requestTimeout time allowed for the first byte of the answer, and then between two pieces of a
 *                       streamed answer (a slow model that keeps writing is never cut off)
 * @param maxRetries     retries after the first attempt, for rate limits, overload, server errors,
 *                       timeouts and lost connections
 * @param maxRetryDelay  the longest single wait between attempts, whatever the server asks for
 */
public record CallPolicy(Duration connectTimeout, Duration requestTimeout, int maxRetries, Duration maxRetryDelay) {

  /** Matches the official SDKs: two retries, waits of at most 8 s. Local models can be slow to load, hence 2 minutes. */
  public static CallPolicy defaults() {
    return new CallPolicy(Duration.ofSeconds(10), Duration.ofMinutes(2), 2, Duration.ofSeconds(8));
  }

  /** Back-off starts at half a second, shortened by up to a quarter so clients do not retry in step. */
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);

  public CallPolicy {
    if (connectTimeout.isNegative() || connectTimeout.isZero() || requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("Timeouts must be positive");
    }
    if (maxRetries < 0 || maxRetries > 2) {
      throw new IllegalArgumentException("maxRetries must be between 0 and 2, got " + maxRetries);
    }
    if (maxRetryDelay.isNegative()) {
      throw new IllegalArgumentException("maxRetryDelay must not be negative");
    }
  }

  /** The shared retry rules with this policy's numbers: the server's Retry-After and back-off both stop at maxRetryDelay. */
  public RetryPolicy retry() {
    return new RetryPolicy(maxRetries, FIRST_BACKOFF, maxRetryDelay, maxRetryDelay, 0.25);
  }
}
