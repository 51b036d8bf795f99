package dev.visionary.generate.scene;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.SplittableRandom;

/**
 * Flat graphic layouts: a poster, a logo badge, a card or invitation, a map, an infographic and a
 * stained-glass window. Each leaves a clear place for the subject and sets the prompt's words in a
 * text box sized to fit.
 */
final class PosterPainter {

  /** Background, panel, sun and ink of a few print palettes; the seed picks one unless a colour is named. */
  private static final int[][] PRINT = {
      {0xf2e6d0, 0x2a6a78, 0xf0a040, 0x1e2a36},
      {0xefe4d2, 0xd8623a, 0xf4c860, 0x2a1e1a},
      {0xe8eef0, 0x3a4a8a, 0xf08aa0, 0x141a30},
      {0xf4efe2, 0x5a8a5a, 0xe8c85a, 0x1e2a1e}};
  private static final Color PAPER = Rgb.of(0xf6efe0);
  private static final Color[] GLASS = {Rgb.of(0x1e5ab4), Rgb.of(0x1a8a6a), Rgb.of(0xc8302a), Rgb.of(0xe8b020),
      Rgb.of(0x7a3ab0), Rgb.of(0x2ab0c8)};

  private PosterPainter() {
  }

  /** The line the subject stands on, as a share of the height. */
  static double horizon(Variant v) {
    return switch (v) {
      case LOGO -> 0.6;
      case CARD -> 0.88;
      case MAP, INFOGRAPHIC -> 0.62;
      case STAINED_GLASS -> 0.74;
      default -> 0.66;
    };
  }

  /** Where the words go: under the picture on a poster or badge, in the middle of a card. */
  static Rectangle2D textBox(Variant v, int w, int h) {
    return switch (v) {
      case CARD -> new Rectangle2D.Double(w * 0.16, h * 0.36, w * 0.68, h * 0.2);
      case MAP, INFOGRAPHIC -> new Rectangle2D.Double(w * 0.16, h * 0.04, w * 0.68, h * 0.1);
      case STAINED_GLASS -> new Rectangle2D.Double(w * 0.2, h * 0.86, w * 0.6, h * 0.09);
      case LOGO -> new Rectangle2D.Double(w * 0.08, h * 0.77, w * 0.84, h * 0.15);
      default -> new Rectangle2D.Double(w * 0.08, h * 0.76, w * 0.84, h * 0.16);
    };
  }

  static void paint(Graphics2D g, Layout l, Scene s, SplittableRandom r) {
    int[] print = PRINT[r.nextInt(PRINT.length)];
    Color ground = Rgb.of(print[0]);
    Color main = s.accent() != null ? s.accent() : Rgb.of(print[1]);
    Color sun = Rgb.of(print[2]);
    Color ink = Rgb.of(print[3]);
    switch (s.variant()) {
      case LOGO -> logo(g, l, ground, main, ink);
      case CARD -> card(g, l, main, r);
      case MAP -> map(g, l, r);
      case INFOGRAPHIC -> infographic(g, l, main, sun, ink, r);
      case STAINED_GLASS -> stainedGlass(g, l, s, r);
      default -> poster(g, l, ground, main, sun, ink, r);
    }
    if (l.textBox() != null) {
      boolean serif = s.variant() == Variant.CARD || s.variant() == Variant.MAP;
      Color text = s.variant() == Variant.CARD ? Rgb.scale(main, 0.55)
          : s.variant() == Variant.STAINED_GLASS ? Rgb.of(0xf4e8c8) : ink;
      TextPainter.fit(g, s.text(), l.textBox(), serif ? Font.SERIF : Font.SANS_SERIF,
          serif ? Font.BOLD | Font.ITALIC : Font.BOLD, text);
    }
  }

  /** A framed flat picture: a sky, a big sun and two bands of hills, the words below. */
  private static void poster(Graphics2D g, Layout l, Color ground, Color main, Color sun, Color ink,
      SplittableRandom r) {
    double w = l.width();
    double h = l.height();
    g.setColor(ground);
    g.fill(new Rectangle2D.Double(0, 0, w, h));
    Rectangle2D panel = new Rectangle2D.Double(w * 0.08, h * 0.06, w * 0.84, h * 0.66);
    Shape saved = g.getClip();
    g.clip(panel);
    g.setColor(Rgb.mix(main, Color.WHITE, 0.55));
    g.fill(panel);
    double sr = w * (0.16 + 0.06 * r.nextDouble());
    g.setColor(sun);
    g.fill(new Ellipse2D.Double(w * (0.3 + 0.4 * r.nextDouble()) - sr, h * 0.36 - sr, 2 * sr, 2 * sr));
    band(g, panel, l.horizon() - h * 0.08, h * 0.05, Rgb.mix(main, Color.WHITE, 0.2), r);
    band(g, panel, l.horizon(), h * 0.03, main, r);
    g.setClip(saved);
    g.setColor(ink);
    g.setStroke(new BasicStroke((float) (4 * l.unit())));
    g.draw(panel);
  }

  private static void band(Graphics2D g, Rectangle2D panel, double y, double amp, Color color, SplittableRandom r) {
    Path2D hill = new Path2D.Double();
    hill.moveTo(panel.getX(), panel.getMaxY());
    double phase = r.nextDouble() * Math.PI * 2;
    for (int k = 0; k <= 40; k++) {
      double u = k / 40.0;
      hill.lineTo(panel.getX() + panel.getWidth() * u, y - amp * (0.5 + 0.5 * StrictMath.sin(phase + u * 5)));
    }
    hill.lineTo(panel.getMaxX(), panel.getMaxY());
    hill.closePath();
    g.setColor(color);
    g.fill(hill);
  }

  /** A round badge with a ring, the name set beneath it. */
  private static void logo(Graphics2D g, Layout l, Color ground, Color main, Color ink) {
    double w = l.width();
    double h = l.height();
    g.setColor(ground);
    g.fill(new Rectangle2D.Double(0, 0, w, h));
    double cx = w / 2;
    double cy = h * 0.4;
    double radius = Math.min(w, h) * 0.3;
    g.setColor(main);
    g.fill(new Ellipse2D.Double(cx - radius, cy - radius, 2 * radius, 2 * radius));
    g.setColor(Rgb.mix(main, Color.WHITE, 0.7));
    g.setStroke(new BasicStroke((float) (6 * l.unit())));
    double inner = radius * 0.86;
    g.draw(new Ellipse2D.Double(cx - inner, cy - inner, 2 * inner, 2 * inner));
    g.setColor(ink);
    g.setStroke(new BasicStroke((float) (3 * l.unit())));
    g.draw(new Line2D.Double(w * 0.2, h * 0.75, w * 0.8, h * 0.75));
  }

  /** Cream paper with a double border and roses in two corners; the words in the middle. */
  private static void card(Graphics2D g, Layout l, Color main, SplittableRandom r) {
    double w = l.width();
    double h = l.height();
    g.setColor(PAPER);
    g.fill(new Rectangle2D.Double(0, 0, w, h));
    Color trim = Rgb.mix(main, Rgb.of(0xc8a050), 0.5);
    g.setColor(trim);
    g.setStroke(new BasicStroke((float) (4 * l.unit())));
    g.draw(new Rectangle2D.Double(w * 0.05, h * 0.05, w * 0.9, h * 0.9));
    g.setStroke(new BasicStroke((float) (1.5 * l.unit())));
    g.draw(new Rectangle2D.Double(w * 0.075, h * 0.075, w * 0.85, h * 0.85));
    Color rose = roseColor(main);
    for (double[] corner : new double[][] {{0.12, 0.12}, {0.88, 0.88}}) {
      for (int i = 0; i < 5; i++) {
        double x = w * corner[0] + (r.nextDouble() - 0.5) * w * 0.12;
        double y = h * corner[1] + (r.nextDouble() - 0.5) * h * 0.12;
        double size = w * (0.035 + 0.02 * r.nextDouble());
        g.setColor(Rgb.of(0x4a7a4a));
        g.fill(new Ellipse2D.Double(x - size * 1.4, y - size * 0.3, size * 1.2, size * 0.6));
        g.setColor(rose);
        g.fill(new Ellipse2D.Double(x - size / 2, y - size / 2, size, size));
        g.setColor(Rgb.scale(rose, 0.75));
        g.setStroke(new BasicStroke((float) (1.5 * l.unit())));
        g.draw(new Ellipse2D.Double(x - size / 4, y - size / 4, size / 2, size / 2));
      }
    }
    g.setColor(trim);
    g.draw(new Line2D.Double(w * 0.35, h * 0.6, w * 0.65, h * 0.6));
  }

  /** Roses take the card's colour, pink when none is named. */
  private static Color roseColor(Color main) {
    return Rgb.mix(main, Rgb.of(0xe0607a), 0.6);
  }

  /** Parchment, an island with a hatched coast, a dotted route and a compass rose. */
  private static void map(Graphics2D g, Layout l, SplittableRandom r) {
    double w = l.width();
    double h = l.height();
    g.setColor(Rgb.of(0xe8d4a8));
    g.fill(new Rectangle2D.Double(0, 0, w, h));
    g.setColor(Rgb.alpha(Rgb.of(0x5a8aa8), 0.35));
    g.fill(new Rectangle2D.Double(w * 0.04, h * 0.16, w * 0.92, h * 0.8));
    int n = 48;
    double[] wobble = Ridge.smooth(r, n, 2);
    Path2D land = new Path2D.Double();
    for (int k = 0; k <= n; k++) {
      double a = 2 * Math.PI * k / n;
      double rad = Math.min(w, h) * (0.26 + 0.12 * wobble[k % n]);
      double x = w * 0.5 + Math.cos(a) * rad * 1.2;
      double y = h * 0.56 + Math.sin(a) * rad;
      if (k == 0) {
        land.moveTo(x, y);
      } else {
        land.lineTo(x, y);
      }
    }
    land.closePath();
    g.setColor(Rgb.of(0xd8c090));
    g.fill(land);
    g.setColor(Rgb.of(0x5a4028));
    g.setStroke(new BasicStroke((float) (3 * l.unit())));
    g.draw(land);
    g.setStroke(new BasicStroke((float) (3 * l.unit()), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1,
        new float[] {(float) (8 * l.unit()), (float) (10 * l.unit())}, 0));
    g.setColor(Rgb.of(0xa83a2a));
    g.draw(new java.awt.geom.CubicCurve2D.Double(w * 0.3, h * 0.7, w * 0.4, h * 0.4, w * 0.6, h * 0.75, w * 0.66,
        h * 0.48));
    g.setStroke(new BasicStroke((float) (5 * l.unit())));
    g.draw(new Line2D.Double(w * 0.64, h * 0.46, w * 0.68, h * 0.5));
    g.draw(new Line2D.Double(w * 0.68, h * 0.46, w * 0.64, h * 0.5));
    double cx = w * 0.84;
    double cy = h * 0.84;
    double cr = w * 0.07;
    Path2D star = new Path2D.Double();
    for (int k = 0; k < 8; k++) {
      double a = Math.PI / 4 * k - Math.PI / 2;
      double rad = k % 2 == 0 ? cr : cr * 0.3;
      if (k == 0) {
        star.moveTo(cx + Math.cos(a) * rad, cy + Math.sin(a) * rad);
      } else {
        star.lineTo(cx + Math.cos(a) * rad, cy + Math.sin(a) * rad);
      }
    }
    star.closePath();
    g.setColor(Rgb.of(0x3a2a1a));
    g.fill(star);
    g.setColor(Rgb.of(0x5a4028));
    g.setStroke(new BasicStroke((float) (4 * l.unit())));
    g.draw(new Rectangle2D.Double(w * 0.04, h * 0.16, w * 0.92, h * 0.8));
  }

  /** A header, the subject in a circle in the middle, labelled callouts and a small bar chart. */
  private static void infographic(Graphics2D g, Layout l, Color main, Color sun, Color ink, SplittableRandom r) {
    double w = l.width();
    double h = l.height();
    g.setColor(Rgb.of(0xf6f3ea));
    g.fill(new Rectangle2D.Double(0, 0, w, h));
    g.setColor(main);
    g.fill(new Rectangle2D.Double(0, h * 0.02, w, h * 0.14));
    double cx = w / 2;
    double cy = h * 0.46;
    double radius = Math.min(w, h) * 0.2;
    g.setColor(Rgb.mix(sun, Color.WHITE, 0.5));
    g.fill(new Ellipse2D.Double(cx - radius, cy - radius, 2 * radius, 2 * radius));
    g.setStroke(new BasicStroke((float) (2.5 * l.unit())));
    for (int i = 0; i < 4; i++) {
      boolean left = i % 2 == 0;
      double y = h * (0.3 + 0.22 * (i / 2));
      double x0 = cx + (left ? -radius * 0.8 : radius * 0.8);
      double x1 = left ? w * 0.2 : w * 0.8;
      g.setColor(ink);
      g.draw(new Line2D.Double(x0, y + h * 0.04, x1, y));
      g.fill(new Ellipse2D.Double(x0 - 5 * l.unit(), y + h * 0.04 - 5 * l.unit(), 10 * l.unit(), 10 * l.unit()));
      g.setColor(Rgb.mix(ink, Color.WHITE, 0.55));
      double lx = left ? w * 0.04 : w * 0.82;
      g.fill(new RoundRectangle2D.Double(lx, y - h * 0.015, w * 0.14, h * 0.02, 6 * l.unit(), 6 * l.unit()));
      g.fill(new RoundRectangle2D.Double(lx, y + h * 0.015, w * 0.1, h * 0.015, 6 * l.unit(), 6 * l.unit()));
    }
    for (int i = 0; i < 6; i++) {
      double bh = h * (0.05 + 0.15 * r.nextDouble());
      g.setColor(i % 2 == 0 ? main : sun);
      g.fill(new Rectangle2D.Double(w * (0.2 + 0.1 * i), h * 0.94 - bh, w * 0.07, bh));
    }
    g.setColor(ink);
    g.fill(new Rectangle2D.Double(w * 0.16, h * 0.94, w * 0.68, 3 * l.unit()));
  }

  /** An arched window of jewel-coloured panes held in dark lead, a paler medallion in the middle. */
  private static void stainedGlass(Graphics2D g, Layout l, Scene s, SplittableRandom r) {
    double w = l.width();
    double h = l.height();
    g.setColor(Rgb.of(0x2a241e));
    g.fill(new Rectangle2D.Double(0, 0, w, h));
    Area arch = new Area(new Rectangle2D.Double(w * 0.14, h * 0.3, w * 0.72, h * 0.52));
    arch.add(new Area(new Ellipse2D.Double(w * 0.14, h * 0.04, w * 0.72, h * 0.52)));
    Shape saved = g.getClip();
    g.clip(arch);
    int cols = 8;
    int rows = 10;
    double[][] px = new double[rows + 1][cols + 1];
    double[][] py = new double[rows + 1][cols + 1];
    for (int j = 0; j <= rows; j++) {
      for (int i = 0; i <= cols; i++) {
        boolean edge = i == 0 || j == 0 || i == cols || j == rows;
        px[j][i] = w * (0.14 + 0.72 * i / cols) + (edge ? 0 : (r.nextDouble() - 0.5) * w * 0.05);
        py[j][i] = h * (0.04 + 0.78 * j / rows) + (edge ? 0 : (r.nextDouble() - 0.5) * h * 0.04);
      }
    }
    Color lead = Rgb.of(0x1a1612);
    g.setStroke(new BasicStroke((float) (4 * l.unit()), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    for (int j = 0; j < rows; j++) {
      for (int i = 0; i < cols; i++) {
        for (int t = 0; t < 2; t++) {
          Path2D pane = new Path2D.Double();
          pane.moveTo(px[j][i], py[j][i]);
          if (t == 0) {
            pane.lineTo(px[j][i + 1], py[j][i + 1]);
          } else {
            pane.lineTo(px[j + 1][i], py[j + 1][i]);
          }
          pane.lineTo(px[j + 1][i + 1], py[j + 1][i + 1]);
          pane.closePath();
          Color c = s.accent() != null && r.nextDouble() < 0.5 ? s.accent() : GLASS[r.nextInt(GLASS.length)];
          g.setColor(Rgb.mix(c, Color.WHITE, 0.1 * r.nextDouble()));
          g.fill(pane);
          g.setColor(lead);
          g.draw(pane);
        }
      }
    }
    double radius = Math.min(w, h) * 0.22;
    Ellipse2D medallion = new Ellipse2D.Double(w / 2 - radius, h * 0.46 - radius, 2 * radius, 2 * radius);
    g.setColor(Rgb.of(0xf0e2b0));
    g.fill(medallion);
    g.setColor(lead);
    g.setStroke(new BasicStroke((float) (7 * l.unit())));
    g.draw(medallion);
    g.setClip(saved);
    g.setColor(Rgb.of(0x5a4a3a));
    g.setStroke(new BasicStroke((float) (10 * l.unit())));
    g.draw(arch);
  }
}
