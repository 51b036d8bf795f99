package dev.visionary.seed;

import dev.visionary.Config;
import dev.visionary.account.Passwords;
import dev.visionary.db.Database;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
    try (Database database = Database.start(config)) {
      run(database, options, out);
      return 0;
    } catch (SQLException | RuntimeException e) {
      log.error("Seeding failed", e);
      out.println("visionary seed: failed: " + e.getMessage());
      return 1;
    }
  }

  public static void run(Database database, Options options, PrintStream out) throws SQLException {
    long started = System.nanoTime();
    Timings timings = new Timings(out);
    try (Connection c = database.dataSource().getConnection()) {
      revisionTriggers(c, false);
      try {
        load(c, options, out, timings, started);
      } finally {
        revisionTriggers(c, true);
      }
    }
  }

  /**
   * The revision triggers would queue one event per seeded row for the commit (millions); no page has been
   * served from a seeded database yet, so there is nothing for a revision to invalidate.
   */
  private static void revisionTriggers(Connection c, boolean enabled) throws SQLException {
    c.setAutoCommit(true);
    try (Statement s = c.createStatement()) {
      for (String table : List.of("prompts", "tags", "collections", "collection_items", "bookmarks")) {
        s.execute("alter table " + table + (enabled ? " enable" : " disable") + " trigger " + table + "_revision");
      }
    }
  }

  private static void load(Connection c, Options options, PrintStream out, Timings timings, long started) throws SQLException {
    c.setAutoCommit(false);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < options.users(); i++) {
      names.add(username(i, options.users()));
    }
    refuseIfSeeded(c, names);
    String hash = new Passwords().hash(PASSWORD);
    List<Long> users = insertUsers(c, names, hash);
    timings.step("users", users.size());
    PromptTexts texts = PromptTexts.build(1_500, 7);
    timings.step("prompt text pool (built-in expander)", 3_000);
    PromptRows rows = new PromptRows(c, users, texts, new SecureRandom().nextLong());
    rows.writeAll(options.prompts(), options.images(), timings);
    c.commit();
    try (Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      // VACUUM as well as ANALYZE: it sets the visibility map autovacuum would set on a live database, so
      // counts and listings use index-only scans as they do in steady state (without it a bounded count
      // read ~800 heap pages per request and the benchmark measured a database that no one runs).
      s.execute("vacuum (analyze)");
    }
    timings.step("vacuum and analyze", 0);
    PromptTexts.QueryWords words = texts.queryWords();
    out.printf("seeded %,d users, %,d prompts, %,d images in %.1f s%n", users.size(), options.prompts(), rows.images().count(),
        (System.nanoTime() - started) / 1e9);
    out.printf("sign in as %s%0" + width(users.size()) + "d … %s%0" + width(users.size()) + "d with password %s%n",
        USERNAME_PREFIX, 0, USERNAME_PREFIX, users.size() - 1, PASSWORD);
    out.println("query.selective=" + words.selective());
    out.println("query.broad=" + words.broad());
    out.println("query.misspelled=" + words.misspelled());
    out.println("query.nowhere=" + words.nowhere());
    rows.images().first().ifPresent(image -> out.println("image=" + image));
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

  /** Prints how long each step took, so a slow one is easy to find. */
  static final class Timings {
    private final PrintStream out;
    private long last = System.nanoTime();

    Timings(PrintStream out) {
      this.out = out;
    }

    void step(String what, long rows) {
      long now = System.nanoTime();
      out.printf("  %-40s %,12d rows %8.1f s%n", what, rows, (now - last) / 1e9);
      last = now;
    }
  }
}
