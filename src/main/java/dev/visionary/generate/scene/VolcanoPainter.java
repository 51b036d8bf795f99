package dev.visionary.generate.scene;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.SplittableRandom;

/** An erupting volcano: a dark cone in front of the range, a glowing crater, lava running down, a plume. */
final class VolcanoPainter {

  private static final Color ROCK = Rgb.of(0x3a3236);
  private static final Color LAVA = Rgb.of(0xff5a1e);
  private static final Color LAVA_HOT = Rgb.of(0xffd060);
  private static final Color ASH = Rgb.of(0x5a5458);

  private VolcanoPainter() {
  }

  static void paint(Graphics2D g, Layout l, Palette p, SplittableRandom r) {
    double w = l.width();
    double cx = w * (0.4 + 0.2 * r.nextDouble());
    double top = l.horizon() - l.height() * (0.3 + 0.08 * r.nextDouble());
    double crater = w * 0.06;
    double base = w * 0.42;
    for (int i = 0; i < 6; i++) {
      // The plume: ash clouds rising and spreading above the crater, lit from below by the fire.
      double y = top - l.height() * (0.05 + 0.07 * i);
      double size = w * (0.1 + 0.05 * i);
      double x = cx + (r.nextDouble() - 0.3) * w * 0.04 * i;
      CloudPainter.softEllipse(g, new Rectangle2D.Double(x - size, y - size * 0.5, 2 * size, size),
          Rgb.mix(ASH, LAVA, i == 0 ? 0.45 : 0.1), 0.8);
    }
    SkyPainter.glow(g, cx, top, w * 0.35, LAVA, 0.55);
    Path2D cone = new Path2D.Double();
    cone.moveTo(cx - base, l.horizon() + 2 * l.unit());
    cone.curveTo(cx - base * 0.45, l.horizon() - (l.horizon() - top) * 0.3, cx - crater * 1.6, top + l.height() * 0.04,
        cx - crater, top);
    cone.lineTo(cx + crater, top);
    cone.curveTo(cx + crater * 1.6, top + l.height() * 0.04, cx + base * 0.45, l.horizon() - (l.horizon() - top) * 0.3,
        cx + base, l.horizon() + 2 * l.unit());
    cone.closePath();
    Color rock = p.land(ROCK, 0.15);
    g.setPaint(new LinearGradientPaint(0, (float) top, 0, (float) l.horizon(), new float[] {0f, 1f},
        new Color[] {Rgb.mix(rock, LAVA, 0.25), rock}));
    g.fill(cone);
    int streams = 3 + r.nextInt(3);
    for (int i = 0; i < streams; i++) {
      double x = cx + (r.nextDouble() - 0.5) * crater * 1.6;
      double y = top;
      Path2D flow = new Path2D.Double();
      flow.moveTo(x, y);
      double drift = (r.nextDouble() - 0.5) * base * 0.9;
      int steps = 12;
      double length = (l.horizon() - top) * (0.5 + 0.45 * r.nextDouble());
      for (int k = 1; k <= steps; k++) {
        double t = k / (double) steps;
        flow.lineTo(x + drift * t + (r.nextDouble() - 0.5) * w * 0.012, y + length * t);
      }
      g.setStroke(new BasicStroke((float) (7 * l.unit()), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.setColor(Rgb.alpha(LAVA, 0.85));
      g.draw(flow);
      g.setStroke(new BasicStroke((float) (2.5 * l.unit()), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.setColor(LAVA_HOT);
      g.draw(flow);
    }
    g.setColor(LAVA_HOT);
    g.fill(new java.awt.geom.Ellipse2D.Double(cx - crater, top - crater * 0.25, 2 * crater, crater * 0.5));
  }
}
