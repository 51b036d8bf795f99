package dev.visionary.generate.scene;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.SplittableRandom;

/** Above the clouds: a sea of cloud to the horizon and below, and an island of rock floating on it. */
final class SkyIslandPainter {

  private static final Color ROCK = Rgb.of(0x7a6a5a);
  private static final Color ROCK_DARK = Rgb.of(0x4a3e36);

  private SkyIslandPainter() {
  }

  static void paint(Graphics2D g, Layout l, Palette p, Scene s, SplittableRandom r) {
    double w = l.width();
    double h = l.height();
    Color lit = Rgb.mix(p.cloudLit(), Color.WHITE, 0.35);
    g.setPaint(new LinearGradientPaint(0, (float) l.horizon(), 0, (float) h, new float[] {0f, 1f},
        new Color[] {Rgb.mix(p.skyHorizon(), lit, 0.6), Rgb.mix(p.cloudShade(), lit, 0.5)}));
    g.fill(new Rectangle2D.Double(0, l.horizon(), w, h - l.horizon()));
    for (int row = 0; row < 5; row++) {
      double t = row / 4.0;
      double y = l.horizon() + h * (0.03 + 0.42 * t * t);
      double size = w * (0.08 + 0.16 * t);
      for (double x = -size * r.nextDouble(); x < w + size; x += size * (0.9 + 0.5 * r.nextDouble())) {
        CloudPainter.softEllipse(g, new Rectangle2D.Double(x - size, y - size * 0.35, 2 * size, size * 0.7),
            Rgb.mix(lit, p.cloudShade(), 0.25 * (1 - t)), 0.9);
      }
    }
    // The island: a grassy top on the horizon line and a jagged root of rock hanging below it.
    double cx = w * (0.42 + 0.16 * r.nextDouble());
    double half = w * 0.26;
    double top = l.horizon();
    Path2D rock = new Path2D.Double();
    rock.moveTo(cx - half, top);
    int teeth = 9;
    for (int i = 1; i < teeth; i++) {
      double u = i / (double) teeth;
      double depth = h * 0.28 * StrictMath.sin(Math.PI * u) * (0.6 + 0.5 * r.nextDouble());
      rock.lineTo(cx - half + 2 * half * u, top + h * 0.02 + depth);
    }
    rock.lineTo(cx + half, top);
    rock.closePath();
    g.setPaint(new LinearGradientPaint(0, (float) top, 0, (float) (top + h * 0.3), new float[] {0f, 1f},
        new Color[] {p.land(ROCK, 0.1), p.land(ROCK_DARK, 0.2)}));
    g.fill(rock);
    Path2D grass = new Path2D.Double();
    grass.moveTo(cx - half * 1.02, top + h * 0.012);
    grass.curveTo(cx - half * 0.6, top - h * 0.03, cx + half * 0.6, top - h * 0.03, cx + half * 1.02, top + h * 0.012);
    grass.lineTo(cx + half * 0.98, top + h * 0.03);
    grass.lineTo(cx - half * 0.98, top + h * 0.03);
    grass.closePath();
    g.setColor(p.land(LandPainter.GRASS_NEAR, 0.1));
    g.fill(grass);
  }
}
