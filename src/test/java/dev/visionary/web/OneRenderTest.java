package dev.visionary.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
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
    while (requests.stream().anyMatch(t -> t.getState() != Thread.State.WAITING)) {
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
    Thread failing = new Thread(() -> assertThrows(IllegalStateException.class, () -> OneRender.get(cache, "/p/1", () -> {
      await(release);
      throw new IllegalStateException("database went away");
    })));
    failing.start();
    while (failing.getState() != Thread.State.WAITING) {
      Thread.onSpinWait();
    }
    String[] waiterGot = new String[1];
    Thread waiter = new Thread(() -> waiterGot[0] = OneRender.get(cache, "/p/1", () -> "its own render"));
    waiter.start();
    while (waiter.getState() != Thread.State.WAITING) {
      Thread.onSpinWait();
    }
    release.countDown();
    failing.join();
    waiter.join();
    assertEquals("its own render", waiterGot[0]);
    assertEquals("fresh", OneRender.get(cache, "/p/1", () -> "fresh"), "the failure was not kept");
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
