package dev.visionary.bench;

import dev.visionary.generate.BuiltinImageEngine;
import dev.visionary.generate.ImageRequest;
import dev.visionary.generate.ProgressListener;
import dev.visionary.generate.scene.SceneRenderer;
import java.util.Arrays;
import java.util.List;

/**
 * How long the built-in engine takes for one 1024x1024 picture after warm-up: painting alone, and the
 * whole request (painting plus PNG encoding with metadata), as p50 and p99 over a mix of prompts.
 *
 * <p>Usage: {@code ImageTiming [rounds]}; each round paints every prompt once.
 */
public final class ImageTiming {

  private static final List<String> PROMPTS = List.of(
      "a beach sunset", "sunset over the sea", "a city at night", "snowy mountains at dawn",
      "desert dunes under stars", "a foggy pine forest", "rainy neon city street", "a cat");
  private static final int SIZE = 1024;

  private ImageTiming() {
  }

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 25;
    SceneRenderer renderer = new SceneRenderer();
    BuiltinImageEngine engine = new BuiltinImageEngine();

    // Warm-up: let the JIT compile the painting and encoding paths before anything is measured.
    for (int i = 0; i < 10; i++) {
      for (String prompt : PROMPTS) {
        engine.generate(ImageRequest.of(prompt, SIZE, SIZE, i), ProgressListener.NONE);
      }
    }

    int samples = rounds * PROMPTS.size();
    double[] paint = new double[samples];
    double[] whole = new double[samples];
    int n = 0;
    for (int round = 0; round < rounds; round++) {
      for (String prompt : PROMPTS) {
        long seed = 1000L + round;
        long t0 = System.nanoTime();
        renderer.render(prompt, null, seed, SIZE, SIZE);
        long t1 = System.nanoTime();
        engine.generate(ImageRequest.of(prompt, SIZE, SIZE, seed), ProgressListener.NONE);
        long t2 = System.nanoTime();
        paint[n] = (t1 - t0) / 1e6;
        whole[n] = (t2 - t1) / 1e6;
        n++;
      }
    }
    System.out.printf("builtin %dx%d, %d samples over %d prompts, %d available processors%n",
        SIZE, SIZE, samples, PROMPTS.size(), Runtime.getRuntime().availableProcessors());
    System.out.printf("paint only          p50 %6.1f ms   p99 %6.1f ms%n", percentile(paint, 50), percentile(paint, 99));
    System.out.printf("paint + PNG encode  p50 %6.1f ms   p99 %6.1f ms%n", percentile(whole, 50), percentile(whole, 99));
  }

  private static double percentile(double[] values, double p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
