package dev.visionary.generate.scene;

import java.util.SplittableRandom;

/** Height profiles for skylines of land: jagged for mountains, smooth for hills and dunes. */
final class Ridge {

  private Ridge() {
  }

  /**
   * A mountain ridge by midpoint displacement between a few random peaks.
   *
   * @param segments number of segments, a power of two
   * @param peaks how many anchor points to place before roughening
   * @return {@code segments + 1} heights, each between 0 and 1
   */
  static double[] jagged(SplittableRandom r, int segments, int peaks, double roughness) {
    double[] h = new double[segments + 1];
    int step = Integer.highestOneBit(Math.max(1, segments / peaks));
    for (int i = 0; i <= segments; i += step) {
      // Alternate tall and low anchors so the ridge has distinct peaks and saddles.
      boolean peak = (i / step) % 2 == 1;
      h[i] = peak ? 0.6 + 0.4 * r.nextDouble() : 0.15 + 0.4 * r.nextDouble();
    }
    double amplitude = 0.35;
    for (int s = step; s > 1; s /= 2) {
      for (int i = s / 2; i < segments; i += s) {
        h[i] = (h[i - s / 2] + h[i + s / 2]) / 2 + (r.nextDouble() - 0.5) * amplitude;
      }
      amplitude *= roughness;
    }
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    for (double v : h) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    for (int i = 0; i < h.length; i++) {
      h[i] = (h[i] - min) / (max - min);
    }
    return h;
  }

  /**
   * A smooth rolling profile from a few sine waves with random phases.
   *
   * @return {@code samples + 1} heights between 0 and 1
   */
  static double[] smooth(SplittableRandom r, int samples, double waviness) {
    int waves = 3;
    double[] freq = new double[waves];
    double[] phase = new double[waves];
    double[] amp = new double[waves];
    for (int k = 0; k < waves; k++) {
      freq[k] = waviness * (k + 1) * (0.7 + 0.6 * r.nextDouble()) * Math.PI;
      phase[k] = r.nextDouble() * 2 * Math.PI;
      amp[k] = 1.0 / (k + 1);
    }
    double[] h = new double[samples + 1];
    double total = amp[0] + amp[1] + amp[2];
    for (int i = 0; i <= samples; i++) {
      double x = (double) i / samples;
      double v = 0;
      for (int k = 0; k < waves; k++) {
        v += amp[k] * StrictMath.sin(x * freq[k] + phase[k]);
      }
      h[i] = 0.5 + 0.5 * v / total;
    }
    return h;
  }
}
