package dev.visionary.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Many requests missing one changed page at once render it once. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // the waits below spin, deaf to an interrupt
class OneRenderTest {
  private static final int REQUESTS = 16;

  @Test
  void requestsThatMissTogetherShareOneRender() throws Exception {
    AsyncCache<String, String> cache = Caffeine.newBuilder().buildAsync();
    AtomicInteger renders = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    Supplier<String> slowRender = () -> {
      renders.incrementAndGet();
      await(release);
      return "<html>page</html>";
    };
    ConcurrentLinkedQueue<String> answers = new ConcurrentLinkedQueue<>();
    List<Thread> requests = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      Thread request = new Thread(() -> answers.add(OneRender.get(cache, "/generate", slowRender)));
      requests.add(request);
      request.start();
    }
    // Every request is either rendering (held at the latch) or waiting for a render, before any render ends.
    while (requests.stream().anyMatch(t -> !Set.of(Thread.State.WAITING, Thread.State.TIMED_WAITING, Thread.State.TERMINATED).contains(t.getState()))) {
      Thread.onSpinWait();
    }
    release.countDown();
    for (Thread request : requests) {
      request.join();
    }
    assertEquals(1, renders.get(), "one render for all of them");
    assertEquals(REQUESTS, answers.size());
    assertEquals(List.of("<html>page</html>"), answers.stream().distinct().toList(), "every request got the page");
    assertEquals("<html>page</html>", OneRender.get(cache, "/generate", () -> "rendered again"), "and it is kept");
  }

  @Test
  void aFailedRenderIsNotKeptAndItsWaitersRenderForThemselves() throws Exception {
    AsyncCache<String, String> cache = Caffeine.newBuilder().buildAsync();
    CountDownLatch release = new CountDownLatch(1);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread failing = new Thread(() -> {
      try {
        OneRender.get(cache, "/p/1", () -> {
          await(release);
          throw new IllegalStateException("database went away");
        });
      } catch (Throwable e) {
        failure.set(e);
      }
    });
    failing.start();
    CompletableFuture<String> rendering = awaitKept(cache, "/p/1");
    int dependents = rendering.getNumberOfDependents();
    AtomicReference<String> waiterGot = new AtomicReference<>();
    Thread waiter = new Thread(() -> waiterGot.set(OneRender.get(cache, "/p/1", () -> "its own render")));
    waiter.start();
    // The waiter has joined the render in progress once the render has one more dependent.
    while (rendering.getNumberOfDependents() == dependents && waiter.getState() != Thread.State.TERMINATED) {
      Thread.onSpinWait();
    }
    release.countDown();
    failing.join();
    waiter.join();
    assertInstanceOf(IllegalStateException.class, failure.get(), "the render's own request gets its failure");
    assertEquals("its own render", waiterGot.get());
    assertNull(cache.getIfPresent("/p/1"), "the failure was not kept");
  }

  @Test
  void aRenderThatHangsHoldsItsWaitersOnlySoLong() throws Exception {
    AsyncCache<String, String> cache = Caffeine.newBuilder().buildAsync();
    CountDownLatch never = new CountDownLatch(1);
    Thread hung = new Thread(() -> OneRender.get(cache, "/generate", () -> {
      await(never);
      return "late";
    }));
    hung.start();
    awaitKept(cache, "/generate");
    assertEquals("its own render", OneRender.get(cache, "/generate", () -> "its own render", Duration.ofMillis(200)));
    never.countDown();
    hung.join();
  }

  private static CompletableFuture<String> awaitKept(AsyncCache<String, String> cache, String key) {
    CompletableFuture<String> kept;
    while ((kept = cache.getIfPresent(key)) == null) {
      Thread.onSpinWait();
    }
    return kept;
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
