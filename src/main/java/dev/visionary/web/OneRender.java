package dev.visionary.web;

import com.github.benmanes.caffeine.cache.AsyncCache;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * One render per changed key, however many requests ask for it at once. When a page's key changes (a job moves on
 * the Generate page, an owner edits a prompt), every connection showing it misses together; each rendering its own
 * copy made thirty-two renders of one page at thirty-two connections, and the more people watched a page the slower it
 * got. The first request renders; the others wait for its copy.
 */
final class OneRender {
  private OneRender() {}

  static <K, V> V get(AsyncCache<K, V> cache, K key, Supplier<V> render) {
    CompletableFuture<V> mine = new CompletableFuture<>();
    CompletableFuture<V> kept = cache.get(key, (k, executor) -> mine);
    if (kept == mine) {
      try {
        V value = render.get();
        mine.complete(value);
        return value;
      } catch (RuntimeException | Error e) {
        mine.completeExceptionally(e); // the cache drops a failed copy, so the next request renders afresh
        throw e;
      }
    }
    try {
      return kept.join();
    } catch (CompletionException | java.util.concurrent.CancellationException e) {
      // The render this request waited for failed (a 404, a lost connection): its own answer says what happened.
      return render.get();
    }
  }
}
