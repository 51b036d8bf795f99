package dev.visionary.seed;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import javax.sql.DataSource;

/**
 * Loading and indexing steps run on a few connections at once, each step when the steps it waits for are done.
 * One PostgreSQL backend uses one core, so an index build alone leaves the other cores idle; several backends
 * building indexes, loading other tables and vacuuming keep them busy. Steps are tried in the order they were
 * added, so the longest go first.
 *
 * <p>"Waits for" also stands for lock conflicts: a step that would block on another's table lock (a foreign key
 * check against a table an index is being built on, a VACUUM of it) is made to wait for it instead, so no
 * connection sits idle holding a place.
 */
final class Steps {
  /** The work of one step, on a connection of its own in autocommit mode; returns the rows it made or 0. */
  interface Work {
    long run(Connection c) throws SQLException;
  }

  static final class Step {
    private final String name;
    private final Work work;
    private final List<Step> after;
    private boolean started;
    private boolean done;

    private Step(String name, Work work, List<Step> after) {
      this.name = name;
      this.work = work;
      this.after = after;
    }
  }

  private final DataSource dataSource;
  private final int connections;
  private final List<String> sessionSettings;
  private final Seed.Timings timings;
  private final List<Step> steps = new ArrayList<>();
  private Throwable failure;

  Steps(DataSource dataSource, int connections, List<String> sessionSettings, Seed.Timings timings) {
    this.dataSource = dataSource;
    this.connections = connections;
    this.sessionSettings = sessionSettings;
    this.timings = timings;
  }

  Step add(String name, Work work, Step... after) {
    return add(name, work, List.of(after));
  }

  Step add(String name, Work work, List<Step> after) {
    Step step = new Step(name, work, List.copyOf(after));
    steps.add(step);
    return step;
  }

  /** A step that runs one statement. */
  Step sql(String name, String statement, Step... after) {
    return sql(name, statement, List.of(after));
  }

  Step sql(String name, String statement, List<Step> after) {
    return add(name, c -> {
      try (Statement s = c.createStatement()) {
        s.execute(statement);
        return Math.max(0, s.getUpdateCount());
      }
    }, after);
  }

  /** Runs every step; the first failure stops the others from starting and is thrown once the running ones end. */
  void run() throws SQLException {
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < Math.min(connections, steps.size()); i++) {
      Thread t = new Thread(this::work, "seed-step-" + i);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail(e);
      }
    }
    synchronized (this) {
      if (failure instanceof SQLException e) {
        throw e;
      } else if (failure instanceof RuntimeException e) {
        throw e;
      } else if (failure != null) {
        throw new SQLException("a seed step failed: " + failure, failure);
      }
    }
  }

  private void work() {
    try (Connection c = dataSource.getConnection()) {
      Seed.noReadDeadline(c);
      c.setAutoCommit(true);
      try (Statement s = c.createStatement()) {
        for (String setting : sessionSettings) {
          s.execute(setting);
        }
      }
      BackendCpu cpu = BackendCpu.of(c);
      for (Step step = next(); step != null; step = next()) {
        long started = System.nanoTime();
        OptionalDouble cpuBefore = cpu.seconds();
        long rows;
        try {
          rows = step.work.run(c);
        } catch (SQLException | RuntimeException e) {
          fail(new SQLException(step.name + ": " + e.getMessage(), e));
          return;
        }
        timings.step(step.name, rows, started, cpu.since(cpuBefore));
        finished(step);
      }
    } catch (SQLException | RuntimeException e) {
      fail(e);
    }
  }

  /** The first step not yet started whose predecessors are done; waits while only running steps are left. */
  private synchronized Step next() {
    while (failure == null) {
      boolean pending = false;
      for (Step step : steps) {
        if (step.started) {
          continue;
        }
        pending = true;
        if (step.after.stream().allMatch(s -> s.done)) {
          step.started = true;
          return step;
        }
      }
      if (!pending) {
        return null;
      }
      try {
        wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure = e;
      }
    }
    return null;
  }

  private synchronized void finished(Step step) {
    step.done = true;
    notifyAll();
  }

  private synchronized void fail(Throwable e) {
    if (failure == null) {
      failure = e;
    }
    notifyAll();
  }
}
