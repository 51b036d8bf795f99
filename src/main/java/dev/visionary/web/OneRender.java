package dev.visionary.web;

import com.github.benmanes.caffeine.cache.AsyncCache;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * One render per changed key, however many requests ask for it at once. When a page's key changes (a job moves on
 * the Generate page, an owner edits a prompt), every connection showing it misses together; each rendering its own
 * copy made thirty-two renders of one page at thirty-two connections, and the more people watched a page the slower it
 * got. The first request renders; the others wait for its copy. A render must not ask for its own key.
 */
final class OneRender {
  /**
   * The longest a request waits for another's render before making its own: a render takes milliseconds, and one
   * held up by the database (a lost connection waits out its socket timeout) must not hold every viewer with it.
   */
  static final Duration WAIT = Duration.ofSeconds(5);

  private OneRender() {}

  static <K, V> V get(AsyncCache<K, V> cache, K key, Supplier<V> render) {
    return get(cache, key, render, WAIT);
  }

  static <K, V> V get(AsyncCache<K, V> cache, K key, Supplier<V> render, Duration wait) {
    CompletableFuture<V> mine = new CompletableFuture<>();
    CompletableFuture<V> kept = cache.get(key, (k, executor) -> mine);
    if (kept == mine) {
      try {
        V value = render.get();
        mine.complete(value);
        return value;
      } catch (Throwable e) {
        // Whatever ends the render ends the wait of the others; the cache drops a failed copy, so the next request
        // renders afresh.
        mine.completeExceptionally(e);
        throw e;
      }
    }
    try {
      return kept.get(wait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // kept for what the render below, or the caller, does about it
      return render.get();
    } catch (ExecutionException | TimeoutException | CancellationException e) {
      // The render this request waited for failed (a 404, a lost connection) or is slow: its own answer says what
      // happened.
      return render.get();
    }
  }
}
