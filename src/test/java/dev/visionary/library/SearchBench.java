package dev.visionary.library;

import dev.visionary.config.Config;
import dev.visionary.bench.BenchTable;
import dev.visionary.bench.CpuPerOp;
import dev.visionary.db.Database;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;

/**
 * One search of each shape over a seeded database, through {@link PromptSearch#search} (the statements a
 * {@code /library?q=} or {@code /explore?q=} request runs, without rendering the page). Run by
 * {@code src/bench/jmh}, on the data directory the benchmark seeded (DATA_DIR, with the app stopped, since the
 * embedded PostgreSQL is started here) or on a server (DATABASE_URL).
 *
 * <p>Each call searches for the next word of the shape's list ({@link BenchWords}), so the figures are not one
 * word's luck: a word that happens to sit in the cache or to have an easy plan shows up as one sample in many.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
@State(Scope.Thread)
public class SearchBench {
  /** The shapes of the performance targets; {@code explore} is everyone's public prompts searched for a broad word. */
  @Param({"selective", "broad", "explore", "misspelled", "nowhere"})
  public String shape;

  /** Whose library is searched: the account src/bench/run signs in as. */
  @Param("seed000")
  public String username;

  private Database database;
  private PromptSearch search;
  private SearchScope scope;
  private String base;
  private List<String> words;
  private CpuPerOp cpu;
  private int next;

  @Setup(Level.Trial)
  public void open() {
    Config config = Config.fromEnvironment();
    if (config.storage().database().isEmpty() && System.getenv("DATA_DIR") == null) {
      // Without either the app's default (~/.visionary) would be opened, or created: refuse rather than guess.
      throw new IllegalStateException("set DATA_DIR to a seeded data directory (the app stopped) or DATABASE_URL");
    }
    database = Database.start(config);
    BenchWords chosen = BenchWords.choose(database.jdbi(), username);
    words = chosen.forShape(shape);
    boolean explore = shape.equals("explore");
    scope = explore ? SearchScope.explore() : SearchScope.library(chosen.ownerId());
    base = explore ? "/explore" : "/library";
    search = new PromptSearch(database.jdbi());
    cpu = CpuPerOp.withDatabase(database.jdbi().withHandle(h -> h.createQuery("select pg_backend_pid()").mapTo(Long.class).one()));
    // Which words were searched for is part of the result: printed with JMH's output and noted under the table.
    String note = shape + " searched for (" + chosen.describe(shape) + "): " + String.join(" ", words);
    System.out.println(note);
    BenchTable.note(note);
  }

  @Setup(Level.Iteration)
  public void startIteration(IterationParams iteration) {
    cpu.start(iteration);
  }

  @TearDown(Level.Iteration)
  public void stopIteration() {
    cpu.stop();
  }

  @TearDown(Level.Trial)
  public void close(BenchmarkParams params) {
    cpu.report(params);
    if (database != null) {
      database.close();
    }
  }

  /** Object, not SearchResult: the generated benchmark classes live in another package. */
  @Benchmark
  public Object search() {
    cpu.op();
    String q = words.get((next++ & Integer.MAX_VALUE) % words.size());
    return search.search(scope, new SearchQuery(q, "", "", "", false, false, SearchQuery.Sort.BEST, 1), base);
  }
}
