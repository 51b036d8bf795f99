package dev.visionary.db;

import java.sql.Connection;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/** One of the pool's connections, taken and held by a thread of its own (someone else's request) until closed. */
final class HeldConnection implements AutoCloseable {
  private final CountDownLatch released;
  private final Thread holder;

  private HeldConnection(CountDownLatch released, Thread holder) {
    this.released = released;
    this.holder = holder;
  }

  /** Returns once the connection is taken. */
  static HeldConnection take(DataSource pool) throws InterruptedException {
    CountDownLatch taken = new CountDownLatch(1);
    CountDownLatch released = new CountDownLatch(1);
    AtomicReference<Exception> failed = new AtomicReference<>();
    Thread holder = new Thread(() -> {
      try (Connection c = pool.getConnection()) {
        taken.countDown();
        released.await();
      } catch (Exception e) {
        failed.set(e);
        taken.countDown();
      }
    }, "holds-a-connection");
    holder.start();
    if (!taken.await(10, TimeUnit.SECONDS) || failed.get() != null) {
      throw new IllegalStateException("the connection was not taken", failed.get());
    }
    return new HeldConnection(released, holder);
  }

  @Override
  public void close() throws InterruptedException {
    released.countDown();
    holder.join(10_000);
  }
}
