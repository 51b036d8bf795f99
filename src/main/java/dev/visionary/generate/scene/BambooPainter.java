package dev.visionary.generate.scene;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.SplittableRandom;

/**
 * A bamboo grove: rows of tall straight culms with pale joints and sprays of narrow leaves, the far rows
 * fading into the haze. Bamboo rises past the top of the frame, which is what makes it read as bamboo.
 */
final class BambooPainter {

  private static final Color CULM = Rgb.of(0x6a9a3a);
  private static final Color CULM_LIT = Rgb.of(0xa8c860);
  private static final Color LEAF = Rgb.of(0x3f7a32);

  private BambooPainter() {
  }

  static void paint(Graphics2D g, Layout l, Palette p, SplittableRandom r) {
    int rows = 4;
    for (int j = 0; j < rows; j++) {
      double t = (double) j / (rows - 1);
      double depth = 0.8 * (1 - t);
      double baseY = l.horizon() + l.below() * (0.05 + 0.9 * t * t);
      double width = l.width() * (0.008 + 0.022 * t);
      double x = -width * r.nextDouble();
      while (x < l.width() + width) {
        double cw = width * (0.7 + 0.6 * r.nextDouble());
        // Leave a path through the front row for the eye and for whoever walks there.
        boolean path = j == rows - 1 && x > l.width() * 0.36 && x < l.width() * 0.64;
        if (!path) {
          culm(g, l, p, r, x, baseY, cw, depth);
        }
        x += cw * (2.2 + 3.5 * r.nextDouble()) * (j == rows - 1 ? 1.6 : 1);
      }
      if (j < rows - 1) {
        g.setPaint(new LinearGradientPaint(0, 0, 0, (float) baseY, new float[] {0f, 1f},
            new Color[] {Rgb.alpha(p.haze(), 0.1), Rgb.alpha(p.haze(), 0.35 * (1 - t))}));
        g.fill(new Rectangle2D.Double(0, 0, l.width(), baseY));
      }
    }
  }

  private static void culm(Graphics2D g, Layout l, Palette p, SplittableRandom r, double x, double baseY, double w,
      double depth) {
    Color body = p.land(CULM, depth);
    Color lit = p.land(CULM_LIT, depth);
    double lean = (r.nextDouble() - 0.5) * w * 3;
    java.awt.geom.Path2D shape = new java.awt.geom.Path2D.Double();
    shape.moveTo(x, baseY);
    shape.lineTo(x + w, baseY);
    shape.lineTo(x + w + lean, -l.unit());
    shape.lineTo(x + lean, -l.unit());
    shape.closePath();
    g.setPaint(new LinearGradientPaint((float) x, 0, (float) (x + w), 0, new float[] {0f, 1f},
        l.lightFromLeft() ? new Color[] {lit, body} : new Color[] {body, lit}));
    g.fill(shape);
    double segment = w * (5 + 3 * r.nextDouble());
    g.setStroke(new BasicStroke((float) Math.max(1, w * 0.18)));
    g.setColor(Rgb.mix(lit, Color.WHITE, 0.3));
    for (double y = baseY - segment; y > 0; y -= segment) {
      double shift = lean * (1 - y / baseY);
      g.draw(new Line2D.Double(x + shift - w * 0.1, y, x + shift + w * 1.1, y));
      if (r.nextDouble() < 0.25 && y < baseY * 0.7) {
        leaves(g, x + shift + w / 2, y, w, p.land(LEAF, depth), r);
      }
    }
  }

  private static void leaves(Graphics2D g, double x, double y, double w, Color color, SplittableRandom r) {
    g.setColor(color);
    int count = 3 + r.nextInt(3);
    double side = r.nextBoolean() ? 1 : -1;
    for (int i = 0; i < count; i++) {
      double length = w * (4 + 3 * r.nextDouble());
      double angle = side * (0.2 + 0.5 * r.nextDouble());
      java.awt.geom.AffineTransform saved = g.getTransform();
      g.rotate(angle, x, y);
      g.fill(new Ellipse2D.Double(x + (side > 0 ? 0 : -length), y - w * 0.35 + i * w * 0.4, length, w * 0.7));
      g.setTransform(saved);
    }
  }
}
