package dev.visionary.config;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Waiting for what the start-up loads on threads of its own (the database, the built-in vocabulary). */
public final class Futures {
  private Futures() {}

  /**
   * The future's value, waiting for it; its failure is thrown as the work itself threw it, as if it had run on
   * the caller's thread, rather than wrapped in a {@link CompletionException} that callers would have to unwrap.
   */
  public static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }
}
