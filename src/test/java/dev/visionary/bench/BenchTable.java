package dev.visionary.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs JMH benchmarks and appends their percentiles as a markdown table (one row per benchmark and search
 * shape, against the performance targets) to a file; used by {@code src/bench/jmh}.
 *
 * <p>Usage: {@code BenchTable <table.md> [JMH options, as for org.openjdk.jmh.Main]}. The benchmarks write a line
 * about what they measured (a search shape's words) to a notes file, printed under the table.
 */
public final class BenchTable {
  /** Set in forked benchmark JVMs: where a benchmark may append one line describing its workload. */
  public static final String NOTES_PROPERTY = "visionary.bench.notes";
  private static final String CPU_NOTE = "cpu-per-op";

  private BenchTable() {}

  public static void main(String[] args) throws IOException, RunnerException, org.openjdk.jmh.runner.options.CommandLineOptionException {
    if (args.length < 1) {
      System.err.println("usage: BenchTable <table.md> [JMH options]");
      System.exit(2);
    }
    Path table = Path.of(args[0]);
    Path notes = Files.createTempFile("visionary-jmh-notes", ".txt");
    CommandLineOptions cli = new CommandLineOptions(Arrays.copyOfRange(args, 1, args.length));
    List<String> append = new ArrayList<>(cli.getJvmArgsAppend().orElse(List.of()));
    // Replaces the benchmarks' own jvmArgsAppend, so the image benchmark's headless flag is repeated here.
    append.add("-Djava.awt.headless=true");
    append.add("-D" + NOTES_PROPERTY + "=" + notes);
    Options options = new OptionsBuilder().parent(cli).jvmArgsAppend(append.toArray(new String[0])).build();
    Collection<RunResult> results = new Runner(options).run();

    List<String> lines = Files.readAllLines(notes, StandardCharsets.UTF_8);
    Files.deleteIfExists(notes);
    Map<String, String[]> cpu = new HashMap<>();
    lines.stream().filter(l -> l.startsWith(CPU_NOTE)).map(l -> l.split("\t", -1)).forEach(f -> cpu.put(f[1], f));
    StringBuilder md = new StringBuilder();
    md.append("\n| in process (JMH, one thread) | p50 ms | p95 ms | p99 ms | max ms | samples | app CPU ms/op | db CPU ms/op | target |\n");
    md.append("|---|---|---|---|---|---|---|---|---|\n");
    for (RunResult result : results) {
      BenchmarkParams params = result.getParams();
      Statistics s = result.getPrimaryResult().getStatistics();
      String unit = result.getPrimaryResult().getScoreUnit();
      if (!unit.startsWith("ms/")) {
        throw new IllegalStateException(params.getBenchmark() + " reports " + unit + "; the table is in ms");
      }
      Row row = Row.of(params);
      String[] used = cpu.getOrDefault(params.id(), new String[] {"", "", "", ""});
      md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %d | %s | %s | %s |%n", row.name(), ms(s.getPercentile(50)),
          ms(s.getPercentile(95)), ms(s.getPercentile(99)), ms(s.getMax()), s.getN(), used[2], used[3], row.target().judge(s)));
    }
    List<String> described = lines.stream().filter(l -> !l.startsWith(CPU_NOTE)).toList();
    if (!described.isEmpty()) {
      md.append('\n');
      described.forEach(l -> md.append("- ").append(l).append('\n'));
    }
    Files.writeString(table, md, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    System.out.print(md);
  }

  /** Records a benchmark's CPU per operation (see {@link CpuPerOp}); NaN for what was not measured. */
  static void cpu(BenchmarkParams params, double appMs, double dbMs) {
    note(CPU_NOTE + "\t" + params.id() + "\t" + ms(appMs) + "\t" + (Double.isNaN(dbMs) ? "" : ms(dbMs)));
  }

  /** Appends a line to the notes file when running under BenchTable; a no-op in a plain JMH run. */
  public static void note(String line) {
    String file = System.getProperty(NOTES_PROPERTY);
    if (file == null) {
      return;
    }
    try {
      Files.writeString(Path.of(file), line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String ms(double value) {
    if (value < 1) {
      return String.format(Locale.ROOT, "%.3f", value);
    }
    return value >= 100 ? String.format(Locale.ROOT, "%.0f", value)
        : value >= 10 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%.2f", value);
  }

  /** The performance issue's targets, in milliseconds; "met" or the percentile that misses. */
  private record Target(String text, double p95, double p99) {
    static final Target NONE = new Target("", Double.NaN, Double.NaN);

    String judge(Statistics s) {
      if (text.isEmpty()) {
        return "";
      }
      List<String> missed = new ArrayList<>();
      if (!Double.isNaN(p95) && s.getPercentile(95) > p95) {
        missed.add("p95");
      }
      if (!Double.isNaN(p99) && s.getPercentile(99) > p99) {
        missed.add("p99");
      }
      return text + (missed.isEmpty() ? ": met" : ": **missed** (" + String.join(", ", missed) + ")");
    }
  }

  private record Row(String name, Target target) {
    static Row of(BenchmarkParams params) {
      String benchmark = params.getBenchmark();
      String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
      String type = benchmark.substring(0, benchmark.lastIndexOf('.'));
      type = type.substring(type.lastIndexOf('.') + 1);
      return switch (type + "." + method) {
        case "ExpansionBench.fourVariations" -> new Row("built-in expansion, 4 variations", new Target("p99 ≤ 2 ms", Double.NaN, 2));
        case "ImageBench.paintAndEncode" -> new Row("built-in image 1024×1024, paint + PNG encode (a job's work)", new Target("≤ 200 ms (p99)", Double.NaN, 200));
        case "ImageBench.paint" -> new Row("built-in image 1024×1024, paint only", Target.NONE);
        case "SearchBench.search" -> {
          String shape = params.getParam("shape");
          String whose = shape.equals("explore") ? "everyone's public prompts" : params.getParam("username") + "'s library";
          yield new Row("search, " + shape + " (" + whose + ")", new Target("p95 ≤ 10 ms, p99 ≤ 50 ms", 10, 50));
        }
        default -> new Row(type + "." + method + paramText(params), Target.NONE);
      };
    }

    private static String paramText(BenchmarkParams params) {
      List<String> parts = new ArrayList<>();
      for (String key : params.getParamsKeys()) {
        parts.add(key + "=" + params.getParam(key));
      }
      return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }
  }
}
