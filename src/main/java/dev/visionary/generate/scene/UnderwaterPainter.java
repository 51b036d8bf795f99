package dev.visionary.generate.scene;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.SplittableRandom;

/**
 * Below the surface: no sky, a water column from bright teal to deep blue, shafts of light from above,
 * a sandy bed with ripples, weed, and coral when there is a reef.
 */
final class UnderwaterPainter {

  private static final Color SHALLOW = Rgb.of(0x3ab4c0);
  private static final Color DEEP = Rgb.of(0x0a2a5a);
  private static final Color[] CORAL = {Rgb.of(0xf0705a), Rgb.of(0xe85a9a), Rgb.of(0xffa040), Rgb.of(0xc85ad0),
      Rgb.of(0xf4d060)};

  private UnderwaterPainter() {
  }

  static void paint(Graphics2D g, Layout l, Scene s, SplittableRandom r) {
    SplittableRandom rays = r.split();
    SplittableRandom bed = r.split();
    SplittableRandom life = r.split();
    double w = l.width();
    double h = l.height();
    // Night water is nearly black; only what glows shows.
    double level = s.dark() ? 0.3 : 1.0;
    Color top = Rgb.scale(s.accent() != null ? Rgb.mix(SHALLOW, s.accent(), 0.4) : SHALLOW, level);
    Color bottom = Rgb.scale(DEEP, 0.4 + 0.6 * level);
    g.setPaint(new LinearGradientPaint(0, 0, 0, (float) h, new float[] {0f, 0.7f, 1f},
        new Color[] {top, Rgb.mix(top, bottom, 0.7), bottom}));
    g.fill(new Rectangle2D.Double(0, 0, w, h));
    int shafts = 5 + rays.nextInt(4);
    for (int i = 0; i < shafts; i++) {
      double x = w * rays.nextDouble();
      double spread = w * (0.04 + 0.08 * rays.nextDouble());
      double slant = w * 0.25;
      Path2D ray = new Path2D.Double();
      ray.moveTo(x - spread * 0.3, 0);
      ray.lineTo(x + spread * 0.3, 0);
      ray.lineTo(x + slant + spread, l.horizon());
      ray.lineTo(x + slant - spread, l.horizon());
      ray.closePath();
      g.setPaint(new LinearGradientPaint(0, 0, 0, (float) l.horizon(), new float[] {0f, 1f},
          new Color[] {Rgb.alpha(Rgb.of(0xe8fff8), 0.22 * level), Rgb.alpha(Rgb.of(0xe8fff8), 0)}));
      g.fill(ray);
    }
    seaBed(g, l, level, bed);
    if (s.variant() == Variant.REEF) {
      coral(g, l, level, life.split());
    }
    weed(g, l, level, life.split());
    bubbles(g, l, life.split());
  }

  private static void seaBed(Graphics2D g, Layout l, double level, SplittableRandom r) {
    int samples = 64;
    double[] profile = Ridge.smooth(r, samples, 1.5);
    double[] xs = new double[samples + 1];
    double[] ys = new double[samples + 1];
    for (int k = 0; k <= samples; k++) {
      xs[k] = l.width() * k / (double) samples;
      ys[k] = l.horizon() - l.height() * 0.04 * profile[k];
    }
    Color sand = Rgb.scale(Rgb.of(0xd8c08a), 0.35 + 0.5 * level);
    g.setPaint(new LinearGradientPaint(0, (float) (l.horizon() - l.height() * 0.04), 0, l.height(),
        new float[] {0f, 1f}, new Color[] {Rgb.mix(sand, Rgb.of(0x2a6a8a), 0.35), sand}));
    g.fill(MountainPainter.outline(xs, ys, l.height() + 1));
    g.setStroke(new BasicStroke((float) (2 * l.unit())));
    g.setColor(Rgb.alpha(Rgb.scale(sand, 0.7), 0.6));
    for (int i = 0; i < 9; i++) {
      double y = l.horizon() + l.below() * (0.15 + 0.8 * r.nextDouble());
      double x = l.width() * r.nextDouble();
      g.draw(new java.awt.geom.Arc2D.Double(x - l.width() * 0.1, y, l.width() * 0.2, l.below() * 0.08, 20, 140,
          java.awt.geom.Arc2D.OPEN));
    }
  }

  /** Branching coral and round brain coral along the bed. */
  private static void coral(Graphics2D g, Layout l, double level, SplittableRandom r) {
    int count = 9 + r.nextInt(5);
    for (int i = 0; i < count; i++) {
      double x = l.width() * (i + r.nextDouble()) / count;
      double base = l.horizon() + l.below() * (0.1 + 0.6 * r.nextDouble());
      double size = l.height() * (0.08 + 0.12 * r.nextDouble());
      Color c = Rgb.scale(CORAL[r.nextInt(CORAL.length)], 0.45 + 0.55 * level);
      g.setColor(c);
      if (r.nextBoolean()) {
        g.fill(new Ellipse2D.Double(x - size * 0.6, base - size * 0.7, size * 1.2, size * 0.8));
        g.setColor(Rgb.scale(c, 0.75));
        g.setStroke(new BasicStroke((float) (2 * l.unit())));
        g.draw(new Ellipse2D.Double(x - size * 0.4, base - size * 0.6, size * 0.8, size * 0.5));
      } else {
        branch(g, x, base, -Math.PI / 2, size * 0.5, size * 0.09, 3, r);
      }
    }
  }

  private static void branch(Graphics2D g, double x, double y, double angle, double length, double width, int depth,
      SplittableRandom r) {
    double x2 = x + Math.cos(angle) * length;
    double y2 = y + Math.sin(angle) * length;
    g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(new java.awt.geom.Line2D.Double(x, y, x2, y2));
    if (depth > 0) {
      branch(g, x2, y2, angle - 0.45 - 0.2 * r.nextDouble(), length * 0.7, width * 0.8, depth - 1, r);
      branch(g, x2, y2, angle + 0.45 + 0.2 * r.nextDouble(), length * 0.7, width * 0.8, depth - 1, r);
    }
  }

  private static void weed(Graphics2D g, Layout l, double level, SplittableRandom r) {
    int count = 6 + r.nextInt(5);
    for (int i = 0; i < count; i++) {
      double x = l.width() * r.nextDouble();
      double base = l.horizon() + l.below() * (0.2 + 0.7 * r.nextDouble());
      double height = l.height() * (0.15 + 0.2 * r.nextDouble());
      Path2D blade = new Path2D.Double();
      blade.moveTo(x, base);
      double sway = l.width() * 0.03 * (r.nextDouble() - 0.5);
      blade.curveTo(x + sway * 3, base - height * 0.4, x - sway * 3, base - height * 0.7, x + sway, base - height);
      g.setColor(Rgb.scale(Rgb.of(0x2a8a5a), 0.4 + 0.6 * level));
      g.setStroke(new BasicStroke((float) (6 * l.unit()), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.draw(blade);
    }
  }

  private static void bubbles(Graphics2D g, Layout l, SplittableRandom r) {
    g.setStroke(new BasicStroke((float) (1.5 * l.unit())));
    int count = 30;
    for (int i = 0; i < count; i++) {
      double size = l.unit() * (4 + 10 * r.nextDouble());
      double x = l.width() * r.nextDouble();
      double y = l.horizon() * r.nextDouble();
      g.setColor(Rgb.alpha(Color.WHITE, 0.25 + 0.3 * r.nextDouble()));
      g.draw(new Ellipse2D.Double(x, y, size, size));
    }
  }
}
