package dev.visionary.generate.scene;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.Shape;
import java.awt.geom.Path2D;
import java.util.SplittableRandom;

/**
 * Ranges of mountains, farthest first: each range paler and bluer than the one in front, with faces
 * turned away from the light in shadow and snow on the peaks when the prompt asks for snow.
 */
final class MountainPainter {

  private static final Color ROCK = Rgb.of(0x6a7288);
  private static final Color SNOW = Rgb.of(0xf4f7fc);
  private static final int SEGMENTS = 256;

  private MountainPainter() {
  }

  static void paint(Graphics2D g, Layout l, Palette p, Scene s, SplittableRandom r) {
    int ranges = 3;
    for (int i = 0; i < ranges; i++) {
      double depth = 0.9 - 0.3 * i;
      double tallest = l.horizon() * (0.62 - 0.14 * i) * (0.8 + 0.3 * r.nextDouble());
      double lowest = tallest * (0.25 + 0.15 * r.nextDouble());
      boolean snowCapped = s.has(Element.SNOW) || (i == 0 && r.nextDouble() < 0.5);
      range(g, l, p, r.split(), depth, lowest, tallest, snowCapped, s.has(Element.SNOW) ? 0.42 : 0.22);
    }
  }

  private static void range(Graphics2D g, Layout l, Palette p, SplittableRandom r, double depth,
      double lowest, double tallest, boolean snowCapped, double snowDepth) {
    double[] ridge = Ridge.jagged(r, SEGMENTS, 3 + r.nextInt(4), 0.52 + 0.08 * r.nextDouble());
    double base = l.horizon() + 2 * l.unit();
    double[] xs = new double[SEGMENTS + 1];
    double[] ys = new double[SEGMENTS + 1];
    double top = base;
    for (int i = 0; i <= SEGMENTS; i++) {
      xs[i] = -0.05 * l.width() + 1.1 * l.width() * i / SEGMENTS;
      ys[i] = l.horizon() - (lowest + (tallest - lowest) * ridge[i]);
      top = Math.min(top, ys[i]);
    }
    Path2D shape = outline(xs, ys, base);
    // Mist gathers at the foot of each range, which is what separates one range from the next.
    fillRock(g, p, shape, p.land(ROCK, depth), top, base, 0.06, 0.55);

    Shape savedClip = g.getClip();
    g.clip(shape);
    if (snowCapped) {
      snow(g, l, p, r, xs, ys, top, base, depth, snowDepth);
    }
    shadows(g, l, p, xs, ys, base, depth);
    g.setClip(savedClip);
  }

  private static void snow(Graphics2D g, Layout l, Palette p, SplittableRandom r, double[] xs, double[] ys,
      double top, double base, double depth, double snowDepth) {
    double line = top + (base - top) * snowDepth;
    double[] jitter = Ridge.jagged(r, SEGMENTS, 16, 0.7);
    Path2D cap = new Path2D.Double();
    cap.moveTo(xs[0], ys[0]);
    for (int i = 1; i <= SEGMENTS; i++) {
      cap.lineTo(xs[i], ys[i]);
    }
    for (int i = SEGMENTS; i >= 0; i--) {
      double edge = line + (jitter[i] - 0.5) * (base - top) * 0.35;
      cap.lineTo(xs[i], Math.max(ys[i], edge));
    }
    cap.closePath();
    Color snow = p.bright(SNOW, depth * 0.6);
    g.setPaint(new LinearGradientPaint(0, (float) top, 0, (float) (line + (base - top) * 0.2),
        new float[] {0f, 1f}, new Color[] {snow, Rgb.mix(snow, p.haze(), 0.25)}));
    g.fill(cap);
  }

  /**
   * Darkens the face of each main peak that looks away from the light: the stretch of ridge from the
   * peak down to the next saddle, and below it a face narrowing toward the foot, fading into the mist.
   */
  private static void shadows(Graphics2D g, Layout l, Palette p, double[] xs, double[] ys, double base,
      double depth) {
    int away = l.lightFromLeft() ? 1 : -1;
    Color shade = Rgb.mix(Rgb.of(0x1a2238), p.haze(), depth * 0.45);
    double alpha = 0.3 + 0.2 * (1 - depth);
    int window = SEGMENTS / 24;
    for (int i = 1; i < SEGMENTS; i++) {
      if (!isPeak(ys, i, window)) {
        continue;
      }
      double height = base - ys[i];
      // Follow the ridge down to the next saddle, stepping over small bumps; that stretch of skyline
      // bounds the shadowed face.
      int j = i;
      for (int k = i + away; k >= 0 && k <= SEGMENTS; k += away) {
        if (ys[k] > ys[j]) {
          j = k;
        } else if (ys[j] - ys[k] > height * 0.05) {
          break;
        }
      }
      Path2D face = new Path2D.Double();
      face.moveTo(xs[i], ys[i]);
      for (int k = i + away; k != j + away; k += away) {
        face.lineTo(xs[k], ys[k]);
      }
      face.lineTo(xs[j] - away * height * 0.25, base);
      face.lineTo(xs[i] + away * height * 0.08, base);
      face.closePath();
      g.setPaint(new LinearGradientPaint(0, (float) ys[i], 0, (float) base, new float[] {0f, 1f},
          new Color[] {Rgb.alpha(shade, alpha), Rgb.alpha(shade, alpha * 0.25)}));
      g.fill(face);
    }
  }

  /** A peak is higher than everything within {@code window} samples either side. */
  /** Rock lit a little at the top, fading into the haze at its foot. */
  static void fillRock(Graphics2D g, Palette p, Shape shape, Color rock, double top, double base, double lit, double misted) {
    g.setPaint(new LinearGradientPaint(0, (float) top, 0, (float) base, new float[] {0f, 1f},
        new Color[] {Rgb.mix(rock, Color.WHITE, lit), Rgb.mix(rock, p.haze(), misted)}));
    g.fill(shape);
  }

  private static boolean isPeak(double[] ys, int i, int window) {
    for (int k = Math.max(0, i - window); k <= Math.min(ys.length - 1, i + window); k++) {
      if (k != i && ys[k] <= ys[i]) {
        return false;
      }
    }
    return true;
  }

  static Path2D outline(double[] xs, double[] ys, double base) {
    Path2D path = new Path2D.Double();
    path.moveTo(xs[0], base);
    for (int i = 0; i < xs.length; i++) {
      path.lineTo(xs[i], ys[i]);
    }
    path.lineTo(xs[xs.length - 1], base);
    path.closePath();
    return path;
  }
}
