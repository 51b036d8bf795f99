package dev.visionary.seed;

import com.zaxxer.hikari.HikariDataSource;
import dev.visionary.config.Config;
import dev.visionary.config.Futures;
import dev.visionary.account.Passwords;
import dev.visionary.db.Database;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar visionary.jar seed --users 100 --prompts 1000000 [--images 200]}: fills the configured
 * database with realistic data for benchmarks and demos, then exits.
 *
 * <p>A bulk loader: it writes several features' tables (accounts, library, generation) directly with COPY rather
 * than through each feature's Java API, which would take hours for a million prompts. The rows are the ones the
 * app itself would have written; {@link PromptRows} says where the library's triggers are stood in for.
 */
public final class Seed {
  private static final Logger log = LoggerFactory.getLogger(Seed.class);
  /** Printed for every seeded account so a benchmark or a person can sign in. */
  public static final String PASSWORD = "seeded-visionary-password";
  public static final String USERNAME_PREFIX = "seed";

  public record Options(int users, int prompts, int images) {
    public Options {
      if (users < 1 || users > 100_000) {
        throw new Config.Invalid("--users must be between 1 and 100000, got " + users);
      }
      if (prompts < 0 || prompts > 50_000_000) {
        throw new Config.Invalid("--prompts must be between 0 and 50000000, got " + prompts);
      }
      if (images < 0 || images > Math.max(prompts, 0) || images > 100_000) {
        throw new Config.Invalid("--images must be between 0 and the number of prompts (at most 100000), got " + images);
      }
    }

    static Options parse(List<String> args) {
      int users = 100;
      int prompts = 1_000_000;
      int images = 200;
      for (int i = 0; i < args.size(); i++) {
        String name = args.get(i);
        if (i + 1 >= args.size()) {
          throw new Config.Invalid(name + " needs a value");
        }
        int value;
        try {
          value = Integer.parseInt(args.get(++i).replace("_", ""));
        } catch (NumberFormatException e) {
          throw new Config.Invalid(name + " must be a whole number, got \"" + args.get(i) + "\"");
        }
        switch (name) {
          case "--users" -> users = value;
          case "--prompts" -> prompts = value;
          case "--images" -> images = value;
          default -> throw new Config.Invalid("unknown option " + name + " (known: --users, --prompts, --images)");
        }
      }
      return new Options(users, prompts, Math.min(images, prompts));
    }
  }

  private Seed() {}

  /** The {@code seed} command; returns the process exit code. */
  public static int main(Config config, List<String> args, PrintStream out) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (Config.Invalid e) {
      out.println("visionary seed: " + e.getMessage());
      return 2;
    }
    Timings timings = new Timings(out, System.nanoTime());
    // The texts, the pictures and the password hash need no database: made while it starts (initdb on first use).
    Prepared prepared = Prepared.start(options, timings);
    try (Database database = Database.start(config)) {
      timings.step("database started and migrated", 0);
      run(database, options, out, prepared, timings);
      return 0;
    } catch (SQLException | RuntimeException e) {
      log.error("Seeding failed", e);
      out.println("visionary seed: failed: " + e.getMessage());
      return 1;
    }
  }

  public static void run(Database database, Options options, PrintStream out) throws SQLException {
    Timings timings = new Timings(out, System.nanoTime());
    run(database, options, out, Prepared.start(options, timings), timings);
  }

  private static void run(Database database, Options options, PrintStream out, Prepared prepared, Timings timings) throws SQLException {
    DataSource dataSource = database.dataSource();
    List<Long> users;
    PromptTexts texts;
    PromptRows rows;
    BulkLoad bulk;
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      List<String> names = new ArrayList<>();
      for (int i = 0; i < options.users(); i++) {
        names.add(username(i, options.users()));
      }
      refuseIfSeeded(c, names);
      users = insertUsers(c, names, Futures.join(prepared.hash()));
      timings.step("users", users.size());
      texts = Futures.join(prepared.texts());
      rows = new PromptRows(dataSource, connections(dataSource), users, texts, new SecureRandom().nextLong());
      bulk = rows.prepare(c, Futures.join(prepared.pictures()), timings);
      c.commit();
    }
    try {
      rows.load(options.prompts(), options.images(), timings);
      try (Connection c = dataSource.getConnection()) {
        noReadDeadline(c);
        c.setAutoCommit(true);
        bulk.enableTriggers(c);
      }
    } catch (SQLException | RuntimeException e) {
      undo(dataSource, users, rows.images().hashes(), bulk, e);
      throw e;
    }
    PromptTexts.QueryWords words = texts.queryWords();
    out.printf("seeded %,d users, %,d prompts, %,d images in %.1f s%n", users.size(), options.prompts(), rows.images().count(),
        timings.elapsed());
    out.printf("sign in as %s%0" + width(users.size()) + "d … %s%0" + width(users.size()) + "d with password %s%n",
        USERNAME_PREFIX, 0, USERNAME_PREFIX, users.size() - 1, PASSWORD);
    out.println("query.selective=" + words.selective());
    out.println("query.broad=" + words.broad());
    out.println("query.misspelled=" + words.misspelled());
    out.println("query.nowhere=" + words.nowhere());
    rows.images().first().ifPresent(image -> out.println("image=" + image));
    rows.publicCollection().ifPresent(collection -> out.println("collection.public=" + collection));
  }

  /** What the seed makes without a database, on threads of its own. */
  private record Prepared(CompletableFuture<String> hash, CompletableFuture<PromptTexts> texts,
      CompletableFuture<List<SeededImages.Painted>> pictures) {

    static Prepared start(Options options, Timings timings) {
      CompletableFuture<String> hash = CompletableFuture.supplyAsync(() -> new Passwords().hash(PASSWORD), Prepared::thread);
      CompletableFuture<PromptTexts> texts = CompletableFuture.supplyAsync(() -> {
        long began = System.nanoTime();
        PromptTexts built = PromptTexts.build(1_500, 7);
        timings.step("prompt text pool (built-in expander)", built.size(), began);
        return built;
      }, Prepared::thread);
      CompletableFuture<List<SeededImages.Painted>> pictures = texts.thenApplyAsync(built -> {
        long began = System.nanoTime();
        List<SeededImages.Painted> painted = SeededImages.paint(Math.min(PromptRows.RENDERS, options.images()), built, new SplittableRandom(42));
        timings.step("image renders (built-in engine)", painted.size(), began);
        return painted;
      }, Prepared::thread);
      return new Prepared(hash, texts, pictures);
    }

    private static void thread(Runnable work) {
      Thread t = new Thread(work, "seed-prepare");
      t.setDaemon(true);
      t.start();
    }
  }

  /**
   * How many connections load at once: one PostgreSQL backend per core (the database is usually on this machine:
   * embedded, or the benchmark's), at least two, and no more than the pool holds.
   */
  private static int connections(DataSource dataSource) {
    int pool = dataSource instanceof HikariDataSource h ? h.getMaximumPoolSize() : 10;
    int cores = Runtime.getRuntime().availableProcessors();
    return Math.min(Math.max(2, Math.min(cores, 8)), pool);
  }

  /**
   * A seed statement works on millions of rows at once (copying every prompt's first version, building an index)
   * and at 10M prompts runs longer than the pool's read deadline, which is there for a server that stops
   * answering a request; the seed's connections wait for as long as the statement takes. The pool puts the
   * deadline back when the connection returns to it.
   */
  static void noReadDeadline(Connection c) throws SQLException {
    c.setNetworkTimeout(Runnable::run, 0);
  }

  /**
   * The load commits table by table, so a failure cannot simply roll back: this deletes what the seed added and
   * puts the indexes, keys and triggers back, in one transaction. A seed killed outright leaves its rows behind and
   * may leave indexes missing; as the refusal above says, seed an empty database, and throw it away then.
   */
  private static void undo(DataSource dataSource, List<Long> users, List<byte[]> pictures, BulkLoad bulk, Exception cause) {
    log.warn("Seeding failed ({}); removing the seeded rows and restoring indexes, keys and triggers", cause.toString());
    try (Connection c = dataSource.getConnection()) {
      noReadDeadline(c);
      c.setAutoCommit(false);
      Long[] seeded = users.toArray(Long[]::new);
      // Children first: the keys that would cascade from users are among those set aside.
      for (String delete : List.of(
          "delete from prompt_versions v using prompts p where p.id = v.prompt_id and p.owner_id = any(?)",
          "delete from prompt_tags pt using tags t where t.id = pt.tag_id and t.owner_id = any(?)",
          "delete from search_words where owner_id = any(?)",
          "delete from bookmarks where user_id = any(?)",
          "delete from collections where owner_id = any(?)",
          "delete from generation_jobs where owner_id = any(?)",
          "delete from prompts where owner_id = any(?)",
          "delete from users where id = any(?)")) {
        try (PreparedStatement s = c.prepareStatement(delete)) {
          s.setArray(1, c.createArrayOf("bigint", seeded));
          s.executeUpdate();
        }
      }
      // Pictures that were already stored before (the same bytes) are still used by someone's images.
      try (PreparedStatement s = c.prepareStatement("delete from image_blobs b where sha256 = any(?)"
          + " and not exists (select 1 from images i where i.sha256 = b.sha256)")) {
        s.setArray(1, c.createArrayOf("bytea", pictures.toArray(byte[][]::new)));
        s.executeUpdate();
      }
      bulk.restoreMissing(c);
      c.commit();
    } catch (SQLException | RuntimeException e) {
      cause.addSuppressed(e);
      log.error("Could not undo the failed seed; seed a new, empty database instead", e);
    }
  }

  static String username(int index, int users) {
    return String.format("%s%0" + width(users) + "d", USERNAME_PREFIX, index);
  }

  private static int width(int users) {
    return Math.max(3, Integer.toString(users - 1).length());
  }

  /** Seeding twice would clash on usernames; say so plainly instead of failing halfway. */
  private static void refuseIfSeeded(Connection c, List<String> names) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("select count(*) from users where lower(username::text) = any(?)")) {
      s.setArray(1, c.createArrayOf("text", names.toArray()));
      try (ResultSet r = s.executeQuery()) {
        r.next();
        if (r.getLong(1) > 0) {
          throw new SQLException("this database already holds seeded users; seed an empty database");
        }
      }
    }
  }

  private static List<Long> insertUsers(Connection c, List<String> names, String hash) throws SQLException {
    try (CopyRows copy = CopyRows.open(c, "copy users (username, password_hash, created_at) from stdin")) {
      Instant twoYearsAgo = Instant.now().minus(Duration.ofDays(731));
      for (String name : names) {
        copy.text(name).text(hash).time(twoYearsAgo).endRow();
      }
    }
    List<Long> ids = new ArrayList<>(names.size());
    // Names are zero-padded lower case, so their order is the order they were made in.
    try (PreparedStatement s = c.prepareStatement("select id from users where username::text = any(?) order by username::text")) {
      s.setArray(1, c.createArrayOf("text", names.toArray()));
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          ids.add(r.getLong(1));
        }
      }
    }
    return ids;
  }

  /** Prints how long each step took and when it ended, so a slow one is easy to find; steps may run at once. */
  static final class Timings {
    private final PrintStream out;
    private final long start;
    private long last;

    Timings(PrintStream out, long start) {
      this.out = out;
      this.start = start;
      this.last = start;
    }

    /** A step of the main thread, which began when its previous one ended. */
    synchronized void step(String what, long rows) {
      long now = System.nanoTime();
      step(what, rows, last);
      last = now;
    }

    synchronized void step(String what, long rows, long began) {
      step(what, rows, began, Double.NaN);
    }

    /** With the CPU time the database spent on it, when known. */
    synchronized void step(String what, long rows, long began, double databaseCpu) {
      long now = System.nanoTime();
      out.printf("  %-50s %,12d rows %7.1f s %s  (ended at %6.1f s)%n", what, rows, (now - began) / 1e9,
          Double.isNaN(databaseCpu) ? " ".repeat(15) : String.format("%6.1f s db cpu", databaseCpu), (now - start) / 1e9);
    }

    double elapsed() {
      return (System.nanoTime() - start) / 1e9;
    }

    /** A cost that is not a step of its own, such as the Java side of a COPY. */
    synchronized void note(String what, double cpuSeconds) {
      out.printf("  %-50s %17s %7.1f s cpu%n", what, "", cpuSeconds);
    }
  }
}
