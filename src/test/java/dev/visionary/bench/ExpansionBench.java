package dev.visionary.bench;

import dev.visionary.expand.builtin.BuiltinExpander;
import dev.visionary.expand.builtin.ExpansionRequest;
import dev.visionary.expand.builtin.ExpansionResult;
import dev.visionary.prompt.StylePreset;
import dev.visionary.prompt.Target;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;

/**
 * One 4-variation expansion by the built-in engine, the work behind {@code POST /expand} without a provider.
 * Run by {@code src/bench/jmh}; every call is a different request (idea, target, style and seed rotate), so no
 * result can be reused.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
@State(Scope.Thread)
public class ExpansionBench {
  private static final List<String> IDEAS = List.of(
      "a beach sunset", "a portrait of an old fisherman", "a red sports car", "a bowl of ramen", "abstract shapes in motion",
      "Schloss im Nebel", "東京の夜", "🌅 beach", "a cozy cabin in a snowy forest at night", "zorblax quintessence",
      "a wizard casting a spell in an ancient library", "an elderly clockmaker with silver spectacles repairing a tiny brass "
          + "pocket watch at a cluttered wooden workbench surrounded by hanging pendulum clocks and scattered gears");
  private static final List<StylePreset> STYLES = List.of(StylePreset.NONE, StylePreset.PHOTO, StylePreset.WATERCOLOR, StylePreset.CINEMATIC);
  private static final Target[] TARGETS = Target.values();

  private final BuiltinExpander expander = new BuiltinExpander();
  private final CpuPerOp cpu = CpuPerOp.app();
  private int next;

  @Setup(Level.Iteration)
  public void startIteration(IterationParams iteration) {
    cpu.start(iteration);
  }

  @TearDown(Level.Iteration)
  public void stopIteration() {
    cpu.stop();
  }

  @TearDown(Level.Trial)
  public void report(BenchmarkParams params) {
    cpu.report(params);
  }

  @Benchmark
  public List<ExpansionResult> fourVariations() {
    cpu.op();
    int i = next++ & Integer.MAX_VALUE;
    ExpansionRequest request = ExpansionRequest.of(IDEAS.get(i % IDEAS.size()), TARGETS[i % TARGETS.length],
        STYLES.get(i / IDEAS.size() % STYLES.size()), 4, i);
    return expander.expand(request);
  }
}
