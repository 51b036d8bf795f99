package dev.visionary.generate.scene;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.SplittableRandom;

/** What hangs in the air in front of everything: fog, rain and falling snow. */
final class WeatherPainter {

  private WeatherPainter() {
  }

  static void paint(Graphics2D g, Layout l, Palette p, Scene s, SplittableRandom r) {
    SplittableRandom fogRandom = r.split();
    SplittableRandom rainRandom = r.split();
    SplittableRandom snowRandom = r.split();
    if (s.has(Element.FOG)) {
      fog(g, l, p, fogRandom);
    }
    if (s.has(Element.RAIN)) {
      rain(g, l, p, rainRandom);
    }
    if (s.has(Element.SNOWFALL)) {
      snowfall(g, l, snowRandom);
    }
  }

  /**
   * The land lost in thick fog, painted before the subjects: the horizon is gone, the near ground half hidden. The
   * ordinary fog then veils the subjects too, less.
   */
  static void thickFog(Graphics2D g, Layout l, Palette p) {
    Color fog = p.haze();
    float hz = (float) (l.horizon() / l.height());
    g.setPaint(new LinearGradientPaint(0, 0, 0, (float) l.height(), new float[] {0f, hz, 1f},
        new Color[] {Rgb.alpha(fog, 0.2), Rgb.alpha(fog, 0.7), Rgb.alpha(fog, 0.1)}));
    g.fill(new Rectangle2D.Double(0, 0, l.width(), l.height()));
  }

  /** Fog is densest at the horizon and thins toward the viewer and the upper sky, with drifting banks. */
  private static void fog(Graphics2D g, Layout l, Palette p, SplittableRandom r) {
    Color fog = p.haze();
    float top = (float) (l.horizon() * 0.35);
    float hz = (float) l.horizon();
    g.setPaint(new LinearGradientPaint(0, top, 0, l.height(), new float[] {0f, (hz - top) / (l.height() - top), 1f},
        new Color[] {Rgb.alpha(fog, 0), Rgb.alpha(fog, 0.6), Rgb.alpha(fog, 0.2)}));
    g.fill(new Rectangle2D.Double(0, top, l.width(), l.height() - top));
    int banks = 5 + r.nextInt(4);
    for (int i = 0; i < banks; i++) {
      double y = l.horizon() + l.below() * (r.nextDouble() * 0.9 - 0.15);
      double w = l.width() * (0.5 + 0.7 * r.nextDouble());
      double h = l.height() * (0.04 + 0.06 * r.nextDouble());
      double x = l.width() * (1.2 * r.nextDouble() - 0.1) - w / 2;
      CloudPainter.softEllipse(g, new Rectangle2D.Double(x, y - h / 2, w, h), Rgb.mix(fog, Color.WHITE, 0.15), 0.4);
    }
  }

  private static void rain(Graphics2D g, Layout l, Palette p, SplittableRandom r) {
    int drops = (int) (l.width() * l.height() / 1100.0);
    double wind = (r.nextDouble() - 0.5) * 0.35;
    Color drop = Rgb.mix(p.skyHorizon(), Color.WHITE, 0.55);
    g.setStroke(new BasicStroke((float) (0.9 * l.unit()), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    for (int i = 0; i < drops; i++) {
      double x = r.nextDouble() * l.width() * 1.1 - l.width() * 0.05;
      double y = r.nextDouble() * l.height();
      double len = l.height() * (0.015 + 0.035 * r.nextDouble());
      g.setColor(Rgb.alpha(drop, 0.12 + 0.25 * r.nextDouble()));
      g.draw(new Line2D.Double(x, y, x + wind * len, y + len));
    }
  }

  private static void snowfall(Graphics2D g, Layout l, SplittableRandom r) {
    int flakes = (int) (l.width() * l.height() / 2500.0);
    for (int i = 0; i < flakes; i++) {
      double size = l.unit() * (1 + 4 * StrictMath.pow(r.nextDouble(), 3));
      double x = r.nextDouble() * l.width();
      double y = r.nextDouble() * l.height();
      g.setColor(Rgb.alpha(Color.WHITE, 0.35 + 0.5 * r.nextDouble()));
      g.fill(new Ellipse2D.Double(x - size / 2, y - size / 2, size, size));
    }
  }
}
