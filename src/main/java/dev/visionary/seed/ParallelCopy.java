package dev.visionary.seed;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.DoubleAdder;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * One stream of rows loaded by several {@code COPY … FROM STDIN} at once, each on its own connection and in its
 * own transaction. A COPY runs in one PostgreSQL backend, which uses one core; when a row costs the server more
 * than it costs to write (the prompts' generated tsvector), more backends load faster. The caller's thread writes
 * the rows; each connection's thread takes the next whole chunk of rows when it is ready for one.
 *
 * <p>Each connection commits its share when the rows end, so a failure can leave some shares committed: the caller
 * has to undo them (see {@link Seed}).
 */
final class ParallelCopy {
  private static final byte[] END = new byte[0];

  private final BlockingQueue<byte[]> chunks;
  private final List<Thread> threads = new ArrayList<>();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final CopyRows rows;
  private final DoubleAdder databaseCpu = new DoubleAdder();

  private ParallelCopy(DataSource dataSource, int connections, String copySql) {
    this.chunks = new ArrayBlockingQueue<>(connections * 2);
    for (int i = 0; i < connections; i++) {
      Thread t = new Thread(() -> load(dataSource, copySql), "seed-copy-" + i);
      t.setDaemon(true);
      threads.add(t);
    }
    this.rows = CopyRows.to(new CopyRows.Sink() {
      @Override
      public void write(byte[] chunk) throws SQLException {
        hand(chunk);
      }

      @Override
      public void end() throws SQLException {
        for (int i = 0; i < threads.size(); i++) {
          hand(END);
        }
      }
    });
    threads.forEach(Thread::start);
  }

  static ParallelCopy open(DataSource dataSource, int connections, String copySql) {
    return new ParallelCopy(dataSource, connections, copySql);
  }

  /** CPU seconds the database spent on the COPYs, once closed; NaN when unknown. */
  double databaseCpu() {
    return databaseCpu.sum();
  }

  /** Where the caller writes the rows. */
  CopyRows rows() {
    return rows;
  }

  /**
   * Ends the rows and waits until every connection has committed its share; throws the first failure. Not for
   * try-with-resources: after the writer fails, {@link #abort} it instead, so that no share is committed.
   */
  void close() throws SQLException {
    try {
      if (failure.get() == null) {
        rows.close();
      }
    } catch (RuntimeException e) {
      failure.compareAndSet(null, e.getCause() instanceof SQLException cause ? cause : e);
    }
    awaitLoaders();
    Throwable t = failure.get();
    if (t instanceof SQLException e) {
      throw e;
    } else if (t instanceof RuntimeException e) {
      throw e;
    } else if (t != null) {
      throw new SQLException("a parallel COPY failed: " + t, t);
    }
  }

  /** Rolls every share back, after the rows could not be written; waits until the loaders have stopped. */
  void abort(Throwable cause) {
    failure.compareAndSet(null, cause);
    awaitLoaders();
  }

  private void awaitLoaders() {
    boolean interrupted = false;
    for (Thread t : threads) {
      while (t.isAlive()) {
        if (failure.get() != null) {
          // A loader waiting for chunks that will not come stops and rolls back.
          t.interrupt();
        }
        try {
          t.join(200);
        } catch (InterruptedException e) {
          interrupted = true;
          failure.compareAndSet(null, e);
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void hand(byte[] chunk) throws SQLException {
    try {
      // A loader that failed takes no more chunks; look up now and then rather than wait for ever.
      while (!chunks.offer(chunk, 200, TimeUnit.MILLISECONDS)) {
        if (failure.get() != null) {
          throw new SQLException("a parallel COPY failed: " + failure.get().getMessage(), failure.get());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while handing rows to COPY", e);
    }
  }

  private void load(DataSource dataSource, String copySql) {
    try (Connection c = dataSource.getConnection()) {
      Seed.noReadDeadline(c);
      c.setAutoCommit(false);
      BackendCpu cpu = BackendCpu.of(c);
      OptionalDouble cpuBefore = cpu.seconds();
      try {
        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
        try {
          for (byte[] chunk = chunks.take(); chunk != END; chunk = chunks.take()) {
            if (failure.get() != null) {
              break;
            }
            copy.writeToCopy(chunk, 0, chunk.length);
          }
        } finally {
          if (failure.get() != null && copy.isActive()) {
            copy.cancelCopy();
          } else {
            copy.endCopy();
          }
        }
        if (failure.get() != null) {
          c.rollback();
        } else {
          c.commit();
        }
        databaseCpu.add(cpu.since(cpuBefore));
      } catch (Throwable e) {
        c.rollback();
        throw e;
      }
    } catch (Throwable e) {
      failure.compareAndSet(null, e);
    }
  }
}
