package dev.visionary.generate.scene;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.SplittableRandom;

/** Outer space, another planet's desert under its own sky, and the aurora over a night landscape. */
final class SpacePainter {

  private static final Color[] NEBULA = {Rgb.of(0x8a3ac8), Rgb.of(0x3a6ad8), Rgb.of(0xd83a8a), Rgb.of(0x3ac8b4)};
  private static final Color MARS_SKY_TOP = Rgb.of(0x6a3a2a);
  private static final Color MARS_SKY = Rgb.of(0xd89a6a);
  private static final Color MARS_SAND = Rgb.of(0xc0582e);
  private static final Color ALIEN_SKY_TOP = Rgb.of(0x2a2a5a);
  private static final Color ALIEN_SKY = Rgb.of(0xe8b884);
  private static final Color ALIEN_SAND = Rgb.of(0xd49a54);

  private SpacePainter() {
  }

  /** Black space, a faint nebula, a field of stars and one lit planet. */
  static void space(Graphics2D g, Layout l, Scene s, SplittableRandom r) {
    double w = l.width();
    double h = l.height();
    g.setColor(Rgb.of(0x03040c));
    g.fill(new Rectangle2D.Double(0, 0, w, h));
    for (int i = 0; i < 3; i++) {
      Color c = s.accent() != null ? s.accent() : NEBULA[r.nextInt(NEBULA.length)];
      SkyPainter.glow(g, w * r.nextDouble(), h * r.nextDouble(), w * (0.3 + 0.3 * r.nextDouble()), c, 0.35);
    }
    InteriorPainter.stars(g, new Rectangle2D.Double(0, 0, w, h), l.unit(), r, (int) (w * h / 1800));
    double radius = w * (0.14 + 0.1 * r.nextDouble());
    InteriorPainter.planet(g, w * (r.nextBoolean() ? 0.78 : 0.22), h * (0.2 + 0.15 * r.nextDouble()), radius,
        Rgb.of(0x3a6ab8), Rgb.of(0xb8e0ff));
  }

  /**
   * Another world: a dusty sky (butterscotch on Mars), a second moon hanging in it, a red or ochre
   * desert of dunes and scattered rocks.
   */
  static void planet(Graphics2D g, Layout l, Scene s, SplittableRandom r) {
    boolean mars = s.variant() == Variant.MARS;
    double w = l.width();
    double h = l.height();
    double level = s.dark() ? 0.35 : 1.0;
    Color skyTop = Rgb.scale(mars ? MARS_SKY_TOP : ALIEN_SKY_TOP, level);
    Color skyLow = Rgb.scale(mars ? MARS_SKY : ALIEN_SKY, level);
    g.setPaint(new LinearGradientPaint(0, 0, 0, (float) l.horizon(), new float[] {0f, 1f},
        new Color[] {skyTop, skyLow}));
    g.fill(new Rectangle2D.Double(0, 0, w, l.horizon() + 2));
    if (s.dark()) {
      InteriorPainter.stars(g, new Rectangle2D.Double(0, 0, w, l.horizon()), l.unit(), r, 200);
    }
    // Two bodies in the sky say "not Earth" at a glance.
    InteriorPainter.planet(g, w * 0.76, l.horizon() * 0.28, w * 0.09, Rgb.of(0xb8a898), Rgb.of(0xfff4e0));
    InteriorPainter.planet(g, w * 0.58, l.horizon() * 0.16, w * 0.035, Rgb.of(0x8a9ab8), Rgb.of(0xe8f0ff));
    SkyPainter.glow(g, w * 0.25, l.horizon() * 0.55, w * 0.18, Rgb.of(0xfff0d0), 0.5 * level);
    Color sand = s.accent() != null ? s.accent() : mars ? MARS_SAND : ALIEN_SAND;
    int rows = 4;
    int samples = 96;
    for (int i = 0; i < rows; i++) {
      double t = (double) i / (rows - 1);
      double baseY = l.horizon() + l.below() * (0.02 + 0.7 * t * t);
      double rise = l.height() * (0.03 + 0.05 * r.nextDouble()) * (0.6 + t);
      double[] profile = Ridge.smooth(r, samples, 1 + r.nextDouble());
      double[] xs = new double[samples + 1];
      double[] ys = new double[samples + 1];
      for (int k = 0; k <= samples; k++) {
        xs[k] = w * k / (double) samples;
        ys[k] = baseY - rise * profile[k];
      }
      Color near = Rgb.scale(sand, level * (0.75 + 0.3 * t));
      g.setPaint(new LinearGradientPaint(0, (float) (baseY - rise), 0, (float) h, new float[] {0f, 1f},
          new Color[] {Rgb.mix(near, skyLow, 0.35 * (1 - t)), Rgb.scale(near, 0.8)}));
      g.fill(MountainPainter.outline(xs, ys, h + 1));
    }
    for (int i = 0; i < 14; i++) {
      double y = l.horizon() + l.below() * (0.1 + 0.85 * r.nextDouble());
      double size = w * 0.012 * (1 + 3 * (y - l.horizon()) / l.below()) * (0.5 + r.nextDouble());
      double x = w * r.nextDouble();
      g.setColor(Rgb.scale(sand, 0.45 * level));
      g.fill(new Ellipse2D.Double(x, y - size * 0.5, size * 1.6, size));
    }
  }

  /** Curtains of green light with violet tops, hanging over the horizon. */
  static void aurora(Graphics2D g, Layout l, SplittableRandom r) {
    int curtains = 2 + r.nextInt(2);
    g.setStroke(new BasicStroke((float) (3 * l.unit())));
    for (int c = 0; c < curtains; c++) {
      double baseY = l.horizon() * (0.45 + 0.25 * r.nextDouble());
      double amp = l.horizon() * (0.06 + 0.08 * r.nextDouble());
      double phase = r.nextDouble() * Math.PI * 2;
      double freq = 1.5 + 1.5 * r.nextDouble();
      double height = l.horizon() * (0.25 + 0.15 * r.nextDouble());
      int steps = 120;
      for (int k = 0; k < steps; k++) {
        double u = k / (double) steps;
        double x = l.width() * u;
        double y = baseY + amp * StrictMath.sin(phase + u * freq * Math.PI * 2);
        double strength = 0.5 + 0.5 * StrictMath.sin(phase * 2 + u * 17);
        Path2D ray = new Path2D.Double();
        ray.moveTo(x, y);
        ray.lineTo(x, y - height * (0.6 + 0.4 * strength));
        g.setPaint(new LinearGradientPaint((float) x, (float) y, (float) x, (float) (y - height),
            new float[] {0f, 0.5f, 1f}, new Color[] {Rgb.alpha(Rgb.of(0x6affa0), 0.35 * strength),
                Rgb.alpha(Rgb.of(0x3ad88a), 0.18 * strength), Rgb.alpha(Rgb.of(0xa85cff), 0)}));
        g.setStroke(new BasicStroke((float) (l.width() / steps * 1.6)));
        g.draw(ray);
      }
    }
  }
}
