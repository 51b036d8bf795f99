package dev.visionary.generate.scene;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.MultipleGradientPaint.CycleMethod;
import java.awt.RadialGradientPaint;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.SplittableRandom;

/**
 * Clouds in the style the light calls for: heaped cumulus by day, long streaks lit from below when the
 * sun is low or gone, and a heavy grey ceiling in rain.
 */
final class CloudPainter {

  private CloudPainter() {
  }

  static void paint(Graphics2D g, Layout l, Palette p, Scene s, SplittableRandom r) {
    if (s.overcast()) {
      ceiling(g, l, p, r);
    } else if (s.time() == TimeOfDay.DAY) {
      int count = 3 + r.nextInt(4);
      for (int i = 0; i < count; i++) {
        cumulus(g, l, p, r);
      }
    } else {
      int count = 5 + r.nextInt(6);
      double alpha = s.time() == TimeOfDay.NIGHT ? 0.55 : 0.85;
      for (int i = 0; i < count; i++) {
        streak(g, l, p, r, alpha);
      }
    }
  }

  /** A heaped cloud: overlapping round blobs, shaded underneath and lit on the side facing the light. */
  private static void cumulus(Graphics2D g, Layout l, Palette p, SplittableRandom r) {
    double baseY = l.horizon() * (0.18 + 0.55 * r.nextDouble());
    // Clouds nearer the horizon are farther away, so smaller and hazier.
    double distance = baseY / l.horizon();
    double width = l.width() * (0.30 - 0.16 * distance) * (0.7 + 0.6 * r.nextDouble());
    double cx = l.width() * (-0.05 + 1.1 * r.nextDouble());
    int blobs = 7 + r.nextInt(6);
    double[] bx = new double[blobs];
    double[] by = new double[blobs];
    double[] br = new double[blobs];
    for (int i = 0; i < blobs; i++) {
      double u = r.nextDouble() - 0.5;
      br[i] = width * 0.2 * (1 - 2.2 * u * u) * (0.7 + 0.5 * r.nextDouble());
      bx[i] = cx + u * width;
      by[i] = baseY - br[i] * (0.35 + 0.4 * r.nextDouble());
    }
    Color lit = Rgb.mix(p.cloudLit(), p.haze(), distance * 0.4);
    Color shade = Rgb.mix(p.cloudShade(), p.haze(), distance * 0.5);
    double towardLight = l.lightFromLeft() ? -1 : 1;
    Shape savedClip = g.getClip();
    // Cumulus have flat bases.
    g.clip(new Rectangle2D.Double(0, 0, l.width(), baseY + width * 0.02));
    for (int i = 0; i < blobs; i++) {
      double rr = br[i] * 1.15;
      g.setColor(Rgb.alpha(lit, 0.12));
      g.fill(new Ellipse2D.Double(bx[i] - rr, by[i] - rr, 2 * rr, 2 * rr));
    }
    for (int i = 0; i < blobs; i++) {
      g.setColor(shade);
      g.fill(new Ellipse2D.Double(bx[i] - br[i], by[i] - br[i] * 0.9, 2 * br[i], 2 * br[i]));
    }
    for (int i = 0; i < blobs; i++) {
      double rr = br[i] * 0.92;
      Point2D focus = new Point2D.Double(bx[i] + towardLight * rr * 0.35, by[i] - rr * 0.45);
      g.setPaint(new RadialGradientPaint(focus, (float) (rr * 1.35), new float[] {0f, 0.55f, 1f},
          new Color[] {lit, Rgb.mix(lit, shade, 0.3), Rgb.alpha(shade, 0)}));
      g.fill(new Ellipse2D.Double(bx[i] - rr, by[i] - rr * 1.05, 2 * rr, 2 * rr));
    }
    g.setClip(savedClip);
  }

  /** A long thin cloud lit from below by a sun under or near the horizon. */
  private static void streak(Graphics2D g, Layout l, Palette p, SplittableRandom r, double alpha) {
    double y = l.horizon() * (0.12 + 0.72 * r.nextDouble());
    double distance = y / l.horizon();
    double width = l.width() * (0.18 + 0.4 * r.nextDouble()) * (1.1 - 0.4 * distance);
    double height = l.horizon() * (0.018 + 0.03 * r.nextDouble()) * (1.2 - 0.6 * distance);
    double x = l.width() * (-0.15 + 1.1 * r.nextDouble());
    // Streaks closer to the sun catch more of its colour.
    double nearSun = 1 - Rgb.clamp01(Math.abs(x + width / 2 - l.lightX()) / l.width());
    Color lit = Rgb.mix(p.cloudLit(), p.sunColor(), 0.35 * nearSun * (1 - distance));
    int parts = 2 + r.nextInt(3);
    for (int i = 0; i < parts; i++) {
      double px = x + width * (r.nextDouble() * 0.5);
      double pw = width * (0.5 + 0.5 * r.nextDouble());
      double py = y + height * (r.nextDouble() - 0.5) * 1.5;
      double ph = height * (0.6 + 0.6 * r.nextDouble());
      softEllipse(g, new Rectangle2D.Double(px, py - ph * 0.25, pw, ph), p.cloudShade(), alpha * 0.8);
      softEllipse(g, new Rectangle2D.Double(px + pw * 0.04, py + ph * 0.1, pw * 0.92, ph * 0.7), lit, alpha);
    }
  }

  /** Low grey cloud cover from edge to edge. */
  private static void ceiling(Graphics2D g, Layout l, Palette p, SplittableRandom r) {
    int count = 26 + r.nextInt(10);
    for (int i = 0; i < count; i++) {
      double y = l.horizon() * (-0.1 + 0.75 * r.nextDouble());
      double w = l.width() * (0.25 + 0.35 * r.nextDouble());
      double h = w * (0.25 + 0.2 * r.nextDouble());
      double x = l.width() * (-0.2 + 1.2 * r.nextDouble());
      Color c = Rgb.mix(p.cloudShade(), p.cloudLit(), r.nextDouble() * 0.8 + y / l.horizon() * 0.2);
      softEllipse(g, new Rectangle2D.Double(x, y, w, h), c, 0.45 + 0.3 * r.nextDouble());
    }
  }

  /** An ellipse whose edge fades out, which is what makes a cloud look soft. */
  static void softEllipse(Graphics2D g, Rectangle2D bounds, Color color, double alpha) {
    g.setPaint(new RadialGradientPaint(bounds, new float[] {0f, 0.45f, 1f},
        new Color[] {Rgb.alpha(color, alpha), Rgb.alpha(color, alpha * 0.75), Rgb.alpha(color, 0)},
        CycleMethod.NO_CYCLE));
    g.fill(new Ellipse2D.Double(bounds.getX(), bounds.getY(), bounds.getWidth(), bounds.getHeight()));
  }
}
