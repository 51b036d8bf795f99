package dev.visionary.generate.scene;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.MultipleGradientPaint.CycleMethod;
import java.awt.RadialGradientPaint;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.SplittableRandom;

/** The sky: its gradient, the glow of a low sun, stars, the sun and the moon. */
final class SkyPainter {

  private static final Color MOON = Rgb.of(0xf3efe2);
  private static final Color[] STAR_TINTS = {Color.WHITE, Rgb.of(0xdde6ff), Rgb.of(0xfff0d8), Color.WHITE};

  private SkyPainter() {
  }

  static void paint(Graphics2D g, Layout l, Palette p, Scene s, SplittableRandom random) {
    SplittableRandom starRandom = random.split();
    SplittableRandom moonRandom = random.split();
    gradient(g, l, p);
    if (s.time().lowLight() && !s.skyHidden()) {
      horizonGlow(g, l, p);
    }
    if (s.has(Element.STARS) && p.starVisibility() > 0) {
      stars(g, l, p, s, starRandom);
    }
    if (s.has(Element.MOON) && !s.skyHidden()) {
      moon(g, l, moonRandom);
    } else if (s.has(Element.SUN) && s.time().sunUp() && !s.skyHidden()) {
      sun(g, l, p, s.time());
    }
  }

  private static void gradient(Graphics2D g, Layout l, Palette p) {
    float h = (float) l.horizon();
    g.setPaint(new LinearGradientPaint(0, 0, 0, h, new float[] {0f, 0.58f, 1f},
        new Color[] {p.skyTop(), p.skyMid(), p.skyHorizon()}));
    g.fill(new Rectangle2D.Double(0, 0, l.width(), l.horizon() + 2));
  }

  /** The bright band on the horizon around a low or just-set sun. */
  private static void horizonGlow(Graphics2D g, Layout l, Palette p) {
    double rx = l.width() * 0.75;
    double ry = l.horizon() * 0.55;
    Rectangle2D bounds = new Rectangle2D.Double(l.lightX() - rx, l.horizon() - ry, 2 * rx, 2 * ry);
    g.setPaint(new RadialGradientPaint(bounds, new float[] {0f, 0.35f, 1f},
        new Color[] {Rgb.alpha(p.sunColor(), 0.55), Rgb.alpha(p.sunColor(), 0.18), Rgb.alpha(p.sunColor(), 0)},
        CycleMethod.NO_CYCLE));
    g.fill(new Rectangle2D.Double(0, 0, l.width(), l.horizon() + 2));
  }

  private static void stars(Graphics2D g, Layout l, Palette p, Scene s, SplittableRandom r) {
    boolean wild = s.time() == TimeOfDay.NIGHT && !s.has(Element.CITY) && !s.has(Element.FOG);
    if (wild) {
      milkyWay(g, l, r.split());
    }
    int count = (int) (p.starVisibility() * l.width() * l.horizon() / 650);
    for (int i = 0; i < count; i++) {
      double x = r.nextDouble() * l.width();
      double y = r.nextDouble() * l.horizon();
      double b = StrictMath.pow(r.nextDouble(), 3);
      // Stars fade into the thicker air near the horizon.
      double fade = Rgb.smoothstep(l.horizon() * 0.98, l.horizon() * 0.45, y);
      double alpha = (0.35 + 0.65 * b) * fade * p.starVisibility();
      if (alpha < 0.04) {
        continue;
      }
      double size = (0.8 + 1.8 * b) * l.unit();
      Color tint = STAR_TINTS[r.nextInt(STAR_TINTS.length)];
      if (b > 0.75) {
        double glow = size * 4;
        g.setPaint(new RadialGradientPaint(new Point2D.Double(x, y), (float) glow, new float[] {0f, 1f},
            new Color[] {Rgb.alpha(tint, alpha * 0.35), Rgb.alpha(tint, 0)}));
        g.fill(new Ellipse2D.Double(x - glow, y - glow, 2 * glow, 2 * glow));
      }
      g.setColor(Rgb.alpha(tint, alpha));
      g.fill(new Ellipse2D.Double(x - size / 2, y - size / 2, size, size));
    }
  }

  /** A faint diagonal band of dense dim stars, only under dark skies. */
  private static void milkyWay(Graphics2D g, Layout l, SplittableRandom r) {
    double angle = (r.nextDouble() - 0.5) * 1.2;
    double cx = l.width() * (0.3 + 0.4 * r.nextDouble());
    double cy = l.horizon() * (0.3 + 0.3 * r.nextDouble());
    double length = StrictMath.hypot(l.width(), l.horizon());
    double thickness = l.horizon() * (0.12 + 0.1 * r.nextDouble());
    AffineTransform saved = g.getTransform();
    g.rotate(angle, cx, cy);
    Rectangle2D band = new Rectangle2D.Double(cx - length / 2, cy - thickness, length, 2 * thickness);
    g.setPaint(new RadialGradientPaint(band, new float[] {0f, 0.5f, 1f},
        new Color[] {Rgb.alpha(Rgb.of(0xd8d0f0), 0.22), Rgb.alpha(Rgb.of(0xa8b4e0), 0.09), Rgb.alpha(Color.WHITE, 0)},
        CycleMethod.NO_CYCLE));
    g.fill(band);
    // A brighter, warmer core somewhere along the band, as in photographs of the galactic centre.
    double core = (r.nextDouble() - 0.5) * length * 0.5;
    Rectangle2D coreBounds = new Rectangle2D.Double(cx + core - length * 0.18, cy - thickness * 0.7,
        length * 0.36, thickness * 1.4);
    g.setPaint(new RadialGradientPaint(coreBounds, new float[] {0f, 1f},
        new Color[] {Rgb.alpha(Rgb.of(0xf0dcc8), 0.16), Rgb.alpha(Rgb.of(0xf0dcc8), 0)}, CycleMethod.NO_CYCLE));
    g.fill(coreBounds);
    int dust = (int) (length * thickness / 140);
    for (int i = 0; i < dust; i++) {
      double u = r.nextDouble() - 0.5;
      double v = (r.nextDouble() + r.nextDouble() + r.nextDouble() - 1.5) / 1.5;
      double size = (0.4 + r.nextDouble() * 0.7) * l.unit();
      g.setColor(Rgb.alpha(Color.WHITE, 0.15 + 0.35 * r.nextDouble() * (1 - Math.abs(2 * u))));
      g.fill(new Ellipse2D.Double(cx + u * length * 0.9, cy + v * thickness, size, size));
    }
    g.setTransform(saved);
  }

  private static void sun(Graphics2D g, Layout l, Palette p, TimeOfDay time) {
    double radius = Math.min(l.width(), l.height()) * (time.lowLight() ? 0.048 : 0.034);
    double x = l.lightX();
    double y = l.lightY();
    glow(g, x, y, radius * (time.lowLight() ? 5 : 7), p.sunColor(), time.lowLight() ? 0.6 : 0.45);
    g.setPaint(new RadialGradientPaint(new Point2D.Double(x, y), (float) radius, new float[] {0f, 0.8f, 1f},
        new Color[] {Rgb.mix(p.sunColor(), Color.WHITE, 0.6), p.sunColor(), Rgb.alpha(p.sunColor(), 0.85)}));
    g.fill(new Ellipse2D.Double(x - radius, y - radius, 2 * radius, 2 * radius));
  }

  private static void moon(Graphics2D g, Layout l, SplittableRandom r) {
    double radius = Math.min(l.width(), l.height()) * (0.03 + 0.015 * r.nextDouble());
    double x = l.lightX();
    double y = l.lightY();
    glow(g, x, y, radius * 6, Rgb.of(0xc8d4f0), 0.3);
    Ellipse2D disc = new Ellipse2D.Double(x - radius, y - radius, 2 * radius, 2 * radius);
    Area shape = new Area(disc);
    boolean crescent = r.nextDouble() < 0.5;
    if (crescent) {
      double offset = radius * (0.55 + 0.3 * r.nextDouble()) * (r.nextBoolean() ? 1 : -1);
      shape.subtract(new Area(new Ellipse2D.Double(x - radius + offset, y - radius - radius * 0.15,
          2 * radius, 2 * radius)));
    }
    g.setColor(MOON);
    g.fill(shape);
    if (!crescent) {
      // A few darker "seas" so a full moon reads as the moon and not a lamp.
      Shape savedClip = g.getClip();
      g.clip(disc);
      g.setColor(Rgb.alpha(Rgb.of(0xb8b4a8), 0.45));
      for (int i = 0; i < 4; i++) {
        double mr = radius * (0.18 + 0.2 * r.nextDouble());
        double mx = x + (r.nextDouble() - 0.5) * radius;
        double my = y + (r.nextDouble() - 0.5) * radius;
        g.fill(new Ellipse2D.Double(mx - mr, my - mr * 0.8, 2 * mr, 1.6 * mr));
      }
      g.setClip(savedClip);
    }
  }

  static void glow(Graphics2D g, double x, double y, double radius, Color color, double alpha) {
    g.setPaint(new RadialGradientPaint(new Point2D.Double(x, y), (float) radius, new float[] {0f, 0.25f, 1f},
        new Color[] {Rgb.alpha(color, alpha), Rgb.alpha(color, alpha * 0.35), Rgb.alpha(color, 0)}));
    g.fill(new Ellipse2D.Double(x - radius, y - radius, 2 * radius, 2 * radius));
  }

  /** A wide light that keeps half its strength out to half its radius: a lamp or the sun behind a subject. */
  static void broadGlow(Graphics2D g, double x, double y, double radius, Color color, double alpha) {
    g.setPaint(new RadialGradientPaint(new Point2D.Double(x, y), (float) radius, new float[] {0f, 0.5f, 1f},
        new Color[] {Rgb.alpha(color, alpha), Rgb.alpha(color, alpha * 0.55), Rgb.alpha(color, 0)}));
    g.fill(new Ellipse2D.Double(x - radius, y - radius, 2 * radius, 2 * radius));
  }
}
