package dev.visionary.generate.scene;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.SplittableRandom;

/**
 * A product or portrait studio: a seamless backdrop lit from one side, and a table top in front (marble
 * with veins, wood, or plain paper for a sketch) with a soft pool of light where the subject stands.
 */
final class StudioPainter {

  private static final Color BACKDROP = Rgb.of(0xcfc8bf);
  private static final Color MARBLE = Rgb.of(0xf0eeea);
  private static final Color WOOD = Rgb.of(0x8a5a38);
  private static final Color PAPER = Rgb.of(0xf4efe4);

  private StudioPainter() {
  }

  /** Where a subject stands: on the table's front edge, or low in the frame for a portrait. */
  static double horizon(Variant v) {
    return switch (v) {
      case PORTRAIT, PAPER -> 0.9;
      default -> 0.66;
    };
  }

  static void paint(Graphics2D g, Layout l, Scene s, SplittableRandom r) {
    double w = l.width();
    double h = l.height();
    Variant v = s.variant();
    boolean paper = v == Variant.PAPER;
    // Moody words and chiaroscuro ask for a dark backdrop; a sketch stays on white paper.
    boolean lowKey = !paper && (s.has(Mood.MUTED) || s.dark() || s.has(Mood.MONOCHROME));
    Color back = paper ? PAPER : s.accent() != null ? s.accent() : BACKDROP;
    boolean sideLight = !paper && s.has(Element.SIDELIGHT);
    if (sideLight) {
      back = Rgb.scale(back, 0.1);
    } else if (lowKey) {
      back = Rgb.scale(back, 0.35);
    }
    // Light from one side: the backdrop is brightest behind the subject and falls off to the corners.
    double lx = w * (l.lightFromLeft() ? 0.38 : 0.62);
    g.setPaint(new RadialGradientPaint(new Point2D.Double(lx, l.horizon() * 0.55), (float) (w * 0.85),
        new float[] {0f, 1f}, new Color[] {Rgb.mix(back, Color.WHITE, sideLight ? 0.04 : 0.25),
            Rgb.scale(back, 0.55)}));
    g.fill(new Rectangle2D.Double(0, 0, w, h));
    if (paper) {
      grain(g, l, r);
      return;
    }
    if (sideLight) {
      // Chiaroscuro: one strong light from the side, the rest of the room falls away into the dark.
      double sx = l.lightFromLeft() ? -w * 0.05 : w * 1.05;
      SkyPainter.broadGlow(g, sx, h * 0.4, w * 0.7, Rgb.of(0xffdca0), 0.85);
    } else if (s.has(Element.WINDOWLIGHT)) {
      window(g, l);
    }
    if (v == Variant.PORTRAIT) {
      return;
    }
    boolean marble = v == Variant.MARBLE;
    Color top = marble ? MARBLE : WOOD;
    if (lowKey) {
      top = Rgb.scale(top, 0.6);
    }
    g.setPaint(new LinearGradientPaint(0, (float) l.horizon(), 0, (float) h, new float[] {0f, 1f},
        new Color[] {Rgb.scale(top, 0.8), top}));
    g.fill(new Rectangle2D.Double(0, l.horizon(), w, h - l.horizon()));
    if (marble) {
      veins(g, l, r);
    } else {
      g.setColor(Rgb.alpha(Rgb.scale(WOOD, 0.6), 0.5));
      g.setStroke(new BasicStroke((float) (1.5 * l.unit())));
      for (int i = 0; i < 12; i++) {
        double y = l.horizon() + (h - l.horizon()) * (i + r.nextDouble()) / 12;
        g.draw(new CubicCurve2D.Double(0, y, w * 0.3, y + 4 * l.unit(), w * 0.6, y - 4 * l.unit(), w, y));
      }
    }
    // The front edge of the table catches the light.
    g.setColor(Rgb.alpha(Color.WHITE, 0.35));
    g.fill(new Rectangle2D.Double(0, l.horizon(), w, 3 * l.unit()));
    double pool = w * 0.5;
    g.setPaint(new RadialGradientPaint(new Point2D.Double(w / 2, l.horizon() + l.below() * 0.35), (float) pool,
        new float[] {0f, 1f}, new Color[] {Rgb.alpha(Color.WHITE, 0.22), Rgb.alpha(Color.WHITE, 0)}));
    g.fill(new Ellipse2D.Double(w / 2 - pool, l.horizon() + l.below() * 0.35 - pool * 0.3, 2 * pool, pool * 0.6));
  }

  private static void veins(Graphics2D g, Layout l, SplittableRandom r) {
    g.setColor(Rgb.alpha(Rgb.of(0x6a6c76), 0.6));
    for (int i = 0; i < 9; i++) {
      double x0 = l.width() * r.nextDouble();
      double y0 = l.horizon() + l.below() * r.nextDouble();
      double x1 = x0 + l.width() * (0.3 + 0.5 * r.nextDouble()) * (r.nextBoolean() ? 1 : -1);
      double y1 = y0 + l.below() * (r.nextDouble() - 0.5) * 0.5;
      g.setStroke(new BasicStroke((float) (l.unit() * (1.2 + 2.5 * r.nextDouble()))));
      g.draw(new CubicCurve2D.Double(x0, y0, x0 + (x1 - x0) * 0.3, y0 - l.below() * 0.1,
          x0 + (x1 - x0) * 0.7, y1 + l.below() * 0.1, x1, y1));
    }
  }

  /** Faint pencil hatching at the edges of the paper, as a sketchbook page has. */
  private static void grain(Graphics2D g, Layout l, SplittableRandom r) {
    g.setStroke(new BasicStroke((float) l.unit()));
    for (int i = 0; i < 120; i++) {
      double x = l.width() * r.nextDouble();
      double y = l.horizon() + l.below() * (0.2 + 0.6 * r.nextDouble());
      double len = l.width() * 0.04;
      g.setColor(Rgb.alpha(Rgb.of(0x5a5a5a), 0.12 + 0.15 * r.nextDouble()));
      g.draw(new java.awt.geom.Line2D.Double(x, y, x + len, y - len * 0.4));
    }
  }

  /**
   * A tall window on the light's side of the backdrop, and the soft shaft of daylight it lets fall
   * across the room toward the subject.
   */
  private static void window(Graphics2D g, Layout l) {
    double w = l.width();
    double h = l.height();
    boolean left = l.lightFromLeft();
    double ww = w * 0.26;
    double wx = left ? w * 0.06 : w * 0.94 - ww;
    double wy = h * 0.1;
    double wh = h * 0.46;
    java.awt.geom.Path2D shaft = new java.awt.geom.Path2D.Double();
    shaft.moveTo(wx, wy);
    shaft.lineTo(wx + ww, wy);
    double reach = left ? w * 0.55 : -w * 0.55;
    shaft.lineTo(wx + ww + reach, h);
    shaft.lineTo(wx + reach, h);
    shaft.closePath();
    g.setPaint(new LinearGradientPaint((float) wx, (float) wy, (float) (wx + reach), (float) h,
        new float[] {0f, 1f}, new Color[] {Rgb.alpha(Color.WHITE, 0.5), Rgb.alpha(Color.WHITE, 0)}));
    g.fill(shaft);
    SkyPainter.glow(g, wx + ww / 2, wy + wh / 2, ww * 1.3, Rgb.of(0xfff6e4), 0.45);
    g.setColor(Rgb.of(0xfbf8f0));
    g.fill(new Rectangle2D.Double(wx, wy, ww, wh));
    // Frame and glazing bars.
    g.setColor(Rgb.of(0x8a8076));
    float bar = (float) (4 * l.unit());
    g.setStroke(new BasicStroke(bar));
    g.draw(new Rectangle2D.Double(wx, wy, ww, wh));
    g.draw(new java.awt.geom.Line2D.Double(wx + ww / 2, wy, wx + ww / 2, wy + wh));
    g.draw(new java.awt.geom.Line2D.Double(wx, wy + wh * 0.45, wx + ww, wy + wh * 0.45));
  }
}
