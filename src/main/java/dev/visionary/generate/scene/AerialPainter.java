package dev.visionary.generate.scene;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.SplittableRandom;

/**
 * The land seen from straight above: no sky and no horizon, a canopy of tree crowns (or fields) filling
 * the frame, and a river winding through it when the prompt has water.
 */
final class AerialPainter {

  private static final Color[] CANOPY = {
      Rgb.of(0x2f6a32), Rgb.of(0x3f7e3a), Rgb.of(0x285a2c), Rgb.of(0x4f8f40), Rgb.of(0x5fa048)};
  private static final Color RIVER = Rgb.of(0x5a8aa0);

  private AerialPainter() {
  }

  static void paint(Graphics2D g, Layout l, Palette p, Scene s, SplittableRandom r) {
    double w = l.width();
    double h = l.height();
    boolean trees = s.has(Element.FOREST) || s.has(Element.TREES) || s.has(Element.PINES)
        || s.has(Element.PALMS);
    g.setColor(p.land(trees ? Rgb.of(0x1f4a24) : Rgb.of(0x6a9a48), 0));
    g.fill(new Rectangle2D.Double(0, 0, w, h));
    if (trees) {
      // Crowns in a loose grid with jitter: each a darker disc with a lit cap toward the light.
      double crown = w * 0.05;
      int cols = (int) Math.ceil(w / crown) + 1;
      int rows = (int) Math.ceil(h / crown) + 1;
      for (int j = 0; j < rows; j++) {
        for (int i = 0; i < cols; i++) {
          double size = crown * (0.9 + 0.7 * r.nextDouble());
          double x = i * crown + crown * (r.nextDouble() - 0.5) - size / 2;
          double y = j * crown + crown * (r.nextDouble() - 0.5) - size / 2;
          Color c = p.land(CANOPY[r.nextInt(CANOPY.length)], 0);
          g.setColor(c);
          g.fill(new Ellipse2D.Double(x, y, size, size));
          g.setColor(Rgb.mix(c, Color.WHITE, 0.18));
          g.fill(new Ellipse2D.Double(x + size * 0.15, y + size * 0.12, size * 0.45, size * 0.45));
        }
      }
    } else {
      // Fields seen from above: a patchwork of rectangles in greens and straw.
      Color[] fields = {Rgb.of(0x6a9a48), Rgb.of(0x8aae58), Rgb.of(0xc8b070), Rgb.of(0x5a8a3e)};
      for (double y = 0; y < h; y += h / 6) {
        for (double x = 0; x < w; x += w / 5) {
          g.setColor(p.land(fields[r.nextInt(fields.length)], 0));
          g.fill(new Rectangle2D.Double(x + 2 * l.unit(), y + 2 * l.unit(), w / 5 - 4 * l.unit(), h / 6 - 4 * l.unit()));
        }
      }
    }
    if (s.hasWater()) {
      river(g, l, p, r);
    }
  }

  /** A river band winding from the top edge to the bottom, with pale sand banks. */
  private static void river(Graphics2D g, Layout l, Palette p, SplittableRandom r) {
    double w = l.width();
    double h = l.height();
    Path2D course = new Path2D.Double();
    double x = w * (0.3 + 0.4 * r.nextDouble());
    course.moveTo(x, -h * 0.05);
    int bends = 4;
    for (int i = 0; i < bends; i++) {
      double y0 = h * (i + 0.0) / bends;
      double y1 = h * (i + 1.0) / bends + (i == bends - 1 ? h * 0.05 : 0);
      double swing = w * (0.22 + 0.12 * r.nextDouble()) * (i % 2 == 0 ? 1 : -1);
      double nx = w * (0.3 + 0.4 * r.nextDouble());
      course.curveTo(x + swing, y0 + (y1 - y0) * 0.3, nx + swing, y0 + (y1 - y0) * 0.7, nx, y1);
      x = nx;
    }
    double width = w * 0.07;
    g.setStroke(new BasicStroke((float) (width * 1.5), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.setColor(p.land(Rgb.of(0xb8a878), 0));
    g.draw(course);
    g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.setColor(p.land(RIVER, 0));
    g.draw(course);
    g.setStroke(new BasicStroke((float) (width * 0.3), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.setColor(Rgb.alpha(Color.WHITE, 0.18));
    g.draw(course);
  }
}
