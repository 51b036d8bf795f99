package dev.visionary.bench;

import dev.visionary.expand.BuiltinExpander;
import dev.visionary.expand.ExpansionRequest;
import dev.visionary.expand.ExpansionResult;
import dev.visionary.expand.StylePreset;
import dev.visionary.expand.Target;
import java.util.Arrays;
import java.util.List;

/**
 * How long the built-in engine takes for one 4-variation expansion, after warming up. A measurement to run by
 * hand, not a test:
 *
 * <pre>
 * ./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) dev.visionary.bench.ExpansionTiming
 * </pre>
 *
 * Each timed call is a different request (idea, target, style and seed rotate), so no result is reused.
 */
public final class ExpansionTiming {
  private static final List<String> IDEAS = List.of(
      "a beach sunset", "a portrait of an old fisherman", "a red sports car", "a bowl of ramen", "abstract shapes in motion",
      "Schloss im Nebel", "東京の夜", "🌅 beach", "a cozy cabin in a snowy forest at night", "zorblax quintessence",
      "a wizard casting a spell in an ancient library", "an elderly clockmaker with silver spectacles repairing a tiny brass "
          + "pocket watch at a cluttered wooden workbench surrounded by hanging pendulum clocks and scattered gears");
  private static final List<StylePreset> STYLES = List.of(StylePreset.NONE, StylePreset.PHOTO, StylePreset.WATERCOLOR, StylePreset.CINEMATIC);

  private ExpansionTiming() {}

  public static void main(String[] args) {
    int warmUp = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int measured = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
    BuiltinExpander expander = new BuiltinExpander();
    long checksum = run(expander, warmUp, null);
    long[] nanos = new long[measured];
    checksum += run(expander, measured, nanos);
    Arrays.sort(nanos);
    System.out.printf("built-in engine, 4 variations, %,d expansions after %,d warm-up (Java %s, %d cores)%n",
        measured, warmUp, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
    System.out.printf("p50 %.3f ms  p90 %.3f ms  p99 %.3f ms  p99.9 %.3f ms  max %.3f ms%n",
        ms(nanos, 0.50), ms(nanos, 0.90), ms(nanos, 0.99), ms(nanos, 0.999), nanos[nanos.length - 1] / 1e6);
    // Printed so the work cannot be optimised away.
    System.out.println("checksum " + checksum);
  }

  private static long run(BuiltinExpander expander, int count, long[] nanos) {
    long checksum = 0;
    Target[] targets = Target.values();
    for (int i = 0; i < count; i++) {
      ExpansionRequest request = ExpansionRequest.of(IDEAS.get(i % IDEAS.size()), targets[i % targets.length],
          STYLES.get(i / IDEAS.size() % STYLES.size()), 4, i);
      long start = System.nanoTime();
      List<ExpansionResult> results = expander.expand(request);
      long took = System.nanoTime() - start;
      if (nanos != null) {
        nanos[i] = took;
      }
      checksum += results.get(3).prompt().length();
    }
    return checksum;
  }

  private static double ms(long[] sorted, double quantile) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
  }
}
