package dev.visionary.expand.llm;

import dev.visionary.expand.llm.LlmException.Kind;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Runs a provider call again after failures that may pass (rate limits, overload, server errors, timeouts, lost
 * connections), waiting as the server asks or with exponential back-off. A call whose streamed text has already
 * reached the person is never repeated: the page would show the text twice.
 */
final class RetryLoop {

  private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);

  interface Attempt<T> {
    T run() throws LlmException;
  }

  /** Passes text on and remembers whether any was delivered. */
  static final class Delivery implements Consumer<String> {
    private final Consumer<String> target;
    private boolean delivered;

    /** @param target receives the text; null when the caller does not follow the stream */
    Delivery(Consumer<String> target) {
      this.target = target == null ? text -> { } : target;
    }

    @Override
    public void accept(String text) {
      if (!text.isEmpty()) {
        delivered = true;
        target.accept(text);
      }
    }

    boolean delivered() {
      return delivered;
    }
  }

  private RetryLoop() {
  }

  static <T> T run(CallPolicy policy, Delivery delivery, Attempt<T> attempt) throws LlmException {
    for (int retry = 0; ; retry++) {
      try {
        return attempt.run();
      } catch (LlmException e) {
        if (!e.retryable() || retry >= policy.maxRetries() || (delivery != null && delivery.delivered())) {
          throw e;
        }
        sleep(delay(policy, e, retry));
      }
    }
  }

  /** The server's Retry-After when given, else 0.5 s · 2^retry less up to 25 % jitter; never above the policy's cap. */
  static Duration delay(CallPolicy policy, LlmException failure, int retry) {
    Duration wanted = failure.retryAfter().orElseGet(() -> {
      long base = FIRST_BACKOFF.toMillis() << Math.min(retry, 10);
      double jitter = 1 - 0.25 * ThreadLocalRandom.current().nextDouble();
      return Duration.ofMillis((long) (base * jitter));
    });
    return wanted.compareTo(policy.maxRetryDelay()) > 0 ? policy.maxRetryDelay() : wanted;
  }

  private static void sleep(Duration delay) throws LlmException {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LlmException(Kind.TIMEOUT, 0, "the request was cancelled", null, false);
    }
  }
}
