package dev.visionary.bench;

import dev.visionary.generate.BuiltinImageEngine;
import dev.visionary.generate.engine.GeneratedImage;
import dev.visionary.generate.engine.ImageEngineException;
import dev.visionary.generate.engine.ImageRequest;
import dev.visionary.generate.engine.ProgressListener;
import dev.visionary.generate.scene.SceneRenderer;
import java.awt.image.BufferedImage;
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
 * One 1024×1024 picture from the built-in engine: {@link #paintAndEncode} is what a generation job asks the engine
 * for (painting plus PNG encoding with its metadata); {@link #paint} is the painting alone, to show which half
 * costs what. Run by {@code src/bench/jmh}; prompts and seeds rotate so every picture is different.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = "-Djava.awt.headless=true")
@State(Scope.Thread)
public class ImageBench {
  /** Landscapes, and since the sketch learned them, every other kind of setting with subjects and set text. */
  private static final List<String> PROMPTS = List.of(
      "a beach sunset", "sunset over the sea", "a city at night", "snowy mountains at dawn",
      "desert dunes under stars", "a foggy pine forest", "rainy neon city street", "a cat",
      "a wedding invitation with roses and the words \"Anna & Leo\"", "a scandinavian living room with a fireplace, no people",
      "an underwater coral reef teeming with fish", "three kittens sleeping in a basket",
      "a polar bear on an ice floe under the northern lights", "product shot of a leather wallet on a marble table",
      "a futuristic train station on a desert planet", "a bakery window at night with a neon sign that says OPEN LATE");
  private static final int SIZE = 1024;

  private final SceneRenderer renderer = new SceneRenderer();
  private final BuiltinImageEngine engine = new BuiltinImageEngine();
  private final CpuPerOp cpu = CpuPerOp.app();
  private int next;

  /**
   * A picture of every prompt before the first iteration: the first few pay for loading ImageIO and the scene
   * code (over a second each), and a quick run's warm-up iterations are too short to hold more than one or two.
   */
  @Setup(Level.Trial)
  public void warmUp() throws ImageEngineException {
    for (int i = 0; i < PROMPTS.size(); i++) {
      engine.generate(ImageRequest.of(PROMPTS.get(i), SIZE, SIZE, i), ProgressListener.NONE);
    }
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
  public void report(BenchmarkParams params) {
    cpu.report(params);
  }

  @Benchmark
  public List<GeneratedImage> paintAndEncode() throws ImageEngineException {
    cpu.op();
    int i = next++ & Integer.MAX_VALUE;
    return engine.generate(ImageRequest.of(PROMPTS.get(i % PROMPTS.size()), SIZE, SIZE, 1000L + i), ProgressListener.NONE);
  }

  @Benchmark
  public BufferedImage paint() {
    cpu.op();
    int i = next++ & Integer.MAX_VALUE;
    return renderer.render(PROMPTS.get(i % PROMPTS.size()), null, 1000L + i, SIZE, SIZE);
  }
}
