package dev.visionary.generate.scene;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.Shape;
import java.awt.geom.Path2D;
import java.util.SplittableRandom;

/**
 * A mountain that stands alone (Mount Fuji, Kilimanjaro): one broad cone with gently curving slopes and a
 * snow cap whose lower edge runs down the gullies in streaks, instead of a jagged range.
 */
final class LonePeakPainter {

  private static final Color ROCK = Rgb.of(0x5e6784);
  private static final Color SNOW = Rgb.of(0xf4f7fc);

  private LonePeakPainter() {
  }

  static void paint(Graphics2D g, Layout l, Palette p, Scene s, SplittableRandom r) {
    double w = l.width();
    double cx = w * (0.44 + 0.12 * r.nextDouble());
    double base = l.horizon() + 2 * l.unit();
    double top = l.horizon() - l.height() * (0.3 + 0.06 * r.nextDouble());
    double summit = w * 0.05;
    double spread = w * 0.62;
    // Concave slopes: steep under the summit, flattening out towards the plain.
    Path2D cone = new Path2D.Double();
    cone.moveTo(cx - spread, base);
    cone.curveTo(cx - spread * 0.35, base - (base - top) * 0.12, cx - summit * 2.2, top + (base - top) * 0.25, cx - summit, top);
    cone.lineTo(cx + summit, top);
    cone.curveTo(cx + summit * 2.2, top + (base - top) * 0.25, cx + spread * 0.35, base - (base - top) * 0.12, cx + spread, base);
    cone.closePath();
    Color rock = p.land(ROCK, 0.45);
    MountainPainter.fillRock(g, p, cone, rock, top, base, 0.08, 0.5);

    Shape saved = g.getClip();
    g.clip(cone);
    // The snow line, a third of the way down (lower in winter), reaching further down in streaks.
    double snowline = top + (base - top) * (s.has(Element.SNOW) ? 0.5 : 0.34);
    Path2D cap = new Path2D.Double();
    cap.moveTo(cx - spread, top - l.unit());
    cap.lineTo(cx + spread, top - l.unit());
    // Streaks across the cone's width at the snow line, found on the outline itself.
    double half = summit;
    while (half < spread && cone.contains(cx + half, snowline)) {
      half += l.unit();
    }
    half += 2 * l.unit();
    int streaks = 2 * (9 + r.nextInt(4));
    for (int i = streaks; i >= 0; i--) {
      double x = cx - half + 2 * half * i / streaks;
      double reach = i % 2 == 1 ? (base - top) * (0.04 + 0.12 * r.nextDouble()) : -(base - top) * 0.03 * r.nextDouble();
      cap.lineTo(x, snowline + reach);
    }
    cap.closePath();
    Color snow = p.bright(SNOW, 0.3);
    g.setPaint(new LinearGradientPaint(0, (float) top, 0, (float) (snowline + (base - top) * 0.16), new float[] {0f, 1f},
        new Color[] {Rgb.mix(snow, Color.WHITE, 0.3), Rgb.mix(snow, rock, 0.15)}));
    g.fill(cap);
    // The side away from the light lies in shadow, snow and rock alike.
    Path2D shade = new Path2D.Double();
    double side = l.lightFromLeft() ? 1 : -1;
    shade.moveTo(cx + side * summit * 0.2, top);
    shade.curveTo(cx + side * summit * 1.5, top + (base - top) * 0.4, cx + side * spread * 0.2, base - (base - top) * 0.2,
        cx + side * spread * 0.45, base);
    shade.lineTo(cx + side * spread * 1.1, base);
    shade.lineTo(cx + side * spread * 1.1, top - l.unit());
    shade.closePath();
    g.setColor(Rgb.alpha(Rgb.mix(rock, Color.BLACK, 0.35), 0.28));
    g.fill(shade);
    g.setClip(saved);
  }
}
