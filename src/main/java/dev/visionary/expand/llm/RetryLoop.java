package dev.visionary.expand.llm;

import dev.visionary.provider.CallPolicy;
import dev.visionary.provider.Failure;
import dev.visionary.provider.ProviderException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Runs a provider call again after failures that may pass (rate limits, overload, server errors, lost connections), waiting as the server asks or with exponential back-off. A call whose streamed text has already
 * reached the person is never repeated: the page would show the text twice.
 */
final class RetryLoop {

  interface Attempt<T> {
    T run() throws ProviderException;
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

  static <T> T run(CallPolicy policy, Delivery delivery, Attempt<T> attempt) throws ProviderException {
    for (int retry = 0; ; retry++) {
      try {
        return attempt.run();
      } catch (ProviderException e) {
        // A server that stayed silent until the timeout is not asked again: that would double the wait for
        // what is usually the same silence.
        if (!e.retryable() || e.kind() == Failure.TIMEOUT || !policy.retry().allowsRetry(retry) || (delivery != null && delivery.delivered())) {
          throw e;
        }
        sleep(policy.retry().delay(e.retryAfter(), retry));
      }
    }
  }

  private static void sleep(Duration delay) throws ProviderException {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderException(Failure.TIMEOUT, 0, "the request was cancelled", null, false);
    }
  }
}
