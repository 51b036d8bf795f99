package dev.visionary.generate.scene;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.SplittableRandom;

/** A skyline in layers of buildings, with lit windows after dark and neon signs when asked for. */
final class CityPainter {

  private static final Color[] FACADES = {
      Rgb.of(0x7c8aa0), Rgb.of(0x9a9aa4), Rgb.of(0x6a7e9c), Rgb.of(0xa89c90), Rgb.of(0x5a6a84)};
  private static final Color NIGHT_FACADE = Rgb.of(0x4a5068);
  /** Plaster, stone and timber of old houses; roofs of tile and slate. */
  private static final Color[] OLD_FACADES = {
      Rgb.of(0xd8c4a0), Rgb.of(0xc9a57e), Rgb.of(0xe2d6bc), Rgb.of(0xb8a48c), Rgb.of(0xcfb48a)};
  private static final Color[] ROOFS = {Rgb.of(0xa0482e), Rgb.of(0x8a3a28), Rgb.of(0x5a5258), Rgb.of(0xb45a34)};
  private static final Color[] AWNINGS = {
      Rgb.of(0xc8323a), Rgb.of(0x2f62c0), Rgb.of(0x3f8f4a), Rgb.of(0xd8a43a), Rgb.of(0x8a3a8a)};

  /** One row of buildings standing on {@code baseY}. */
  private record Row(double baseY, double minHeight, double maxHeight, double depth, double widthScale,
      double window) { }

  private CityPainter() {
  }

  /**
   * @param groundInFront true when water or a street lies between the viewer and the city, so every row
   *     stands on the horizon; otherwise the nearest row fills the bottom of the picture
   */
  static void skyline(Graphics2D g, Layout l, Palette p, Scene s, SplittableRandom r, boolean groundInFront) {
    skyGlow(g, l, p, s);
    double sky = l.horizon();
    Row[] rows = groundInFront
        ? new Row[] {
            new Row(l.horizon(), sky * 0.12, sky * 0.4, 0.7, 0.8, 4),
            new Row(l.horizon(), sky * 0.18, sky * 0.62, 0.35, 1.0, 5.5)}
        : new Row[] {
            new Row(l.horizon(), sky * 0.1, sky * 0.38, 0.75, 0.8, 4),
            new Row(l.horizon() + l.below() * 0.5, sky * 0.3, sky * 0.7, 0.45, 1.1, 6),
            new Row(l.height() + l.unit() * 4, l.height() * 0.32, l.height() * 0.62, 0.12, 1.7, 9)};
    for (int i = 0; i < rows.length; i++) {
      // A market square keeps its front open for the stalls.
      if (s.has(Element.MARKET) && !groundInFront && i == rows.length - 1) {
        break;
      }
      row(g, l, p, s, r.split(), rows[i]);
    }
  }

  /** City light scattered back from the air above it; only visible once the sky is dark. */
  private static void skyGlow(Graphics2D g, Layout l, Palette p, Scene s) {
    if (s.time() != TimeOfDay.NIGHT && s.time() != TimeOfDay.DUSK) {
      return;
    }
    Color glow = s.has(Mood.NEON) ? p.signColors().get(0) : p.windowColors().get(0);
    float top = (float) (l.horizon() * 0.45);
    g.setPaint(new LinearGradientPaint(0, top, 0, (float) l.horizon(), new float[] {0f, 1f},
        new Color[] {Rgb.alpha(glow, 0), Rgb.alpha(glow, 0.22)}));
    g.fill(new Rectangle2D.Double(0, top, l.width(), l.horizon() - top + 1));
  }

  private static void row(Graphics2D g, Layout l, Palette p, Scene s, SplittableRandom r, Row row) {
    double x = -l.width() * 0.03 * r.nextDouble();
    boolean sparse = row.depth() < 0.3;
    while (x < l.width()) {
      double w = l.width() * (0.035 + 0.055 * r.nextDouble()) * row.widthScale();
      double h = row.minHeight() + (row.maxHeight() - row.minHeight()) * StrictMath.pow(r.nextDouble(), 1.3);
      if (s.variant() == Variant.VILLAGE) {
        // A village or market town is houses, not towers.
        h *= 0.45;
      }
      if (!(sparse && r.nextDouble() < 0.25)) {
        building(g, l, p, s, r, x, row.baseY() - h, w, h, row);
      }
      x += w + (sparse ? l.width() * 0.03 * r.nextDouble() : l.width() * 0.004 * r.nextDouble());
    }
  }

  private static void building(Graphics2D g, Layout l, Palette p, Scene s, SplittableRandom r, double x,
      double top, double w, double h, Row row) {
    boolean dark = s.time() == TimeOfDay.NIGHT || s.time() == TimeOfDay.DUSK;
    if (s.variant() == Variant.VILLAGE) {
      house(g, l, p, s, r, x, top, w, h, row, dark);
      return;
    }
    Color facade = p.land(dark ? NIGHT_FACADE : FACADES[r.nextInt(FACADES.length)], row.depth());
    int roof = r.nextInt(4);
    Path2D shape = new Path2D.Double();
    shape.append(new Rectangle2D.Double(x, top, w, h), false);
    double crownTop = top;
    if (roof == 1) {
      double sw = w * (0.5 + 0.25 * r.nextDouble());
      double sh = h * (0.06 + 0.1 * r.nextDouble());
      shape.append(new Rectangle2D.Double(x + (w - sw) / 2, top - sh, sw, sh), false);
      crownTop = top - sh;
    } else if (roof == 2) {
      double sh = w * (0.4 + 0.5 * r.nextDouble());
      Path2D spire = new Path2D.Double();
      spire.moveTo(x + w * 0.15, top);
      spire.lineTo(x + w / 2, top - sh);
      spire.lineTo(x + w * 0.85, top);
      spire.closePath();
      shape.append(spire, false);
      crownTop = top - sh;
    }
    g.setPaint(new LinearGradientPaint(0, (float) crownTop, 0, (float) (top + h), new float[] {0f, 1f},
        new Color[] {Rgb.mix(facade, p.skyHorizon(), 0.12), Rgb.scale(facade, 0.85)}));
    g.fill(shape);
    // The side away from the light.
    double shadeW = w * 0.3;
    double shadeX = l.lightFromLeft() ? x + w - shadeW : x;
    g.setColor(Rgb.alpha(Color.BLACK, dark ? 0.12 : 0.2));
    g.fill(new Rectangle2D.Double(shadeX, top, shadeW, h));
    if (roof == 3 || roof == 2) {
      antenna(g, l, x + w / 2, crownTop, h * (0.05 + 0.08 * r.nextDouble()), facade, dark);
    }
    windows(g, l, p, s, r, x, top, w, h, row);
    if (s.has(Mood.NEON) && row.depth() < 0.5 && r.nextDouble() < 0.45) {
      sign(g, l, p, r, x, top, w, h, row);
    }
  }

  /**
   * An old house: plaster walls under a steep tiled gable, a few lit windows after dark and none of a
   * tower's glass grid, so a village or market town never reads as a modern skyline.
   */
  private static void house(Graphics2D g, Layout l, Palette p, Scene s, SplittableRandom r, double x,
      double top, double w, double h, Row row, boolean dark) {
    Color facade = p.land(dark ? NIGHT_FACADE : OLD_FACADES[r.nextInt(OLD_FACADES.length)], row.depth());
    Color tiles = p.land(ROOFS[r.nextInt(ROOFS.length)], row.depth());
    if (dark) {
      tiles = Rgb.scale(tiles, 0.45);
    }
    g.setColor(facade);
    g.fill(new Rectangle2D.Double(x, top, w, h));
    double shadeW = w * 0.3;
    g.setColor(Rgb.alpha(Color.BLACK, dark ? 0.12 : 0.16));
    g.fill(new Rectangle2D.Double(l.lightFromLeft() ? x + w - shadeW : x, top, shadeW, h));
    double ridge = w * (0.45 + 0.3 * r.nextDouble());
    Path2D gable = new Path2D.Double();
    gable.moveTo(x - w * 0.06, top);
    gable.lineTo(x + w / 2, top - ridge);
    gable.lineTo(x + w * 1.06, top);
    gable.closePath();
    g.setColor(tiles);
    g.fill(gable);
    // A few tall windows with dark frames; lit warm after dark.
    double ww = w * 0.16;
    double wh = Math.min(h * 0.28, ww * 1.7);
    for (double fx : new double[] {0.22, 0.62}) {
      for (double fy : new double[] {0.18, 0.55}) {
        if (h * fy + wh > h * 0.92) {
          continue;
        }
        boolean lit = dark && r.nextDouble() < 0.6;
        g.setColor(lit ? Rgb.alpha(p.windowColors().get(0), 0.9) : Rgb.scale(facade, 0.45));
        g.fill(new Rectangle2D.Double(x + w * fx, top + h * fy, ww, wh));
      }
    }
  }

  /**
   * Market stalls along the front of the picture: trestles under awnings striped in two colours, with
   * goods heaped on the counters.
   */
  static void stalls(Graphics2D g, Layout l, Palette p, SplittableRandom r) {
    // The square: worn paving stones in courses that widen toward the viewer.
    double square = l.horizon() + l.below() * 0.5;
    Color stone = p.land(Rgb.of(0xa89882), 0);
    g.setColor(stone);
    g.fill(new Rectangle2D.Double(0, square, l.width(), l.height() - square));
    g.setColor(Rgb.scale(stone, 0.8));
    g.setStroke(new BasicStroke((float) l.unit()));
    for (double t = 0.08; t < 1; t += 0.04 + t * 0.12) {
      double y = square + (l.height() - square) * t;
      g.draw(new Line2D.Double(0, y, l.width(), y));
    }
    int count = 4;
    double sw = l.width() / count;
    double base = l.height() * 0.97;
    for (int i = 0; i < count; i++) {
      double x = sw * i + sw * 0.06;
      double w = sw * 0.88;
      double counterY = base - l.height() * 0.1;
      double awningY = counterY - l.height() * 0.16;
      Color wood = p.land(Rgb.of(0x7a5034), 0);
      g.setColor(wood);
      g.fill(new Rectangle2D.Double(x + w * 0.04, awningY, w * 0.04, base - awningY));
      g.fill(new Rectangle2D.Double(x + w * 0.92, awningY, w * 0.04, base - awningY));
      g.fill(new Rectangle2D.Double(x, counterY, w, l.height() * 0.035));
      // Goods: round heaps of spice, fruit and pots on the counter.
      for (int k = 0; k < 5; k++) {
        double gw = w * 0.16;
        Color good = p.land(AWNINGS[r.nextInt(AWNINGS.length)], 0);
        g.setColor(Rgb.mix(good, Rgb.of(0xd8a43a), 0.4));
        g.fill(new java.awt.geom.Ellipse2D.Double(x + w * (0.06 + 0.18 * k), counterY - gw * 0.5, gw, gw * 0.8));
      }
      // The awning: a sloped band of stripes with a scalloped front edge.
      Color stripe = p.land(AWNINGS[r.nextInt(AWNINGS.length)], 0);
      int stripes = 6;
      double sh = l.height() * 0.07;
      for (int k = 0; k < stripes; k++) {
        double x0 = x - w * 0.04 + (w * 1.08) * k / stripes;
        double x1 = x - w * 0.04 + (w * 1.08) * (k + 1) / stripes;
        Path2D band = new Path2D.Double();
        band.moveTo(x0 + w * 0.03, awningY - sh);
        band.lineTo(x1 + w * 0.03, awningY - sh);
        band.lineTo(x1, awningY);
        band.lineTo(x0, awningY);
        band.closePath();
        g.setColor(k % 2 == 0 ? stripe : p.land(Rgb.of(0xf2ead8), 0));
        g.fill(band);
        g.fill(new java.awt.geom.Ellipse2D.Double(x0, awningY - sh * 0.15, x1 - x0, sh * 0.3));
      }
    }
  }

  /** Zebra stripes across the near street, narrowing toward the horizon as the road does. */
  static void zebra(Graphics2D g, Layout l, Palette p) {
    g.setColor(Rgb.alpha(Rgb.mix(p.skyHorizon(), Color.WHITE, 0.75), 0.75));
    double y0 = l.horizon() + l.below() * 0.55;
    double y1 = l.horizon() + l.below() * 0.8;
    int stripes = 14;
    for (int i = 0; i < stripes; i++) {
      // Each stripe runs toward the vanishing point, so it is a trapezoid wider at the bottom.
      double a = (i + 0.1) / stripes;
      double b = (i + 0.6) / stripes;
      double cx = l.width() / 2;
      double topW = 1.1 * l.width() * (y0 - l.horizon()) / l.below();
      double botW = 1.1 * l.width() * (y1 - l.horizon()) / l.below();
      Path2D stripe = new Path2D.Double();
      stripe.moveTo(cx - topW / 2 + topW * a, y0);
      stripe.lineTo(cx - topW / 2 + topW * b, y0);
      stripe.lineTo(cx - botW / 2 + botW * b, y1);
      stripe.lineTo(cx - botW / 2 + botW * a, y1);
      stripe.closePath();
      g.fill(stripe);
    }
  }

  private static void antenna(Graphics2D g, Layout l, double x, double top, double length, Color color,
      boolean dark) {
    g.setStroke(new BasicStroke((float) (1.2 * l.unit())));
    g.setColor(color);
    g.draw(new Line2D.Double(x, top, x, top - length));
    if (dark) {
      SkyPainter.glow(g, x, top - length, 4 * l.unit(), Rgb.of(0xff4030), 0.9);
    }
  }

  private static void windows(Graphics2D g, Layout l, Palette p, Scene s, SplittableRandom r, double x,
      double top, double w, double h, Row row) {
    double litShare = switch (s.time()) {
      case NIGHT -> 0.42;
      case DUSK -> 0.32;
      case GOLDEN -> 0.1;
      case DAWN -> 0.06;
      case DAY -> 0.0;
    };
    double cellW = row.window() * l.unit();
    double cellH = cellW * 1.6;
    int cols = (int) ((w - cellW) / cellW);
    int floors = (int) ((h - cellH) / cellH);
    if (cols < 1 || floors < 1) {
      return;
    }
    double marginX = (w - cols * cellW) / 2;
    Object aa = g.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
    // Thousands of tiny rectangles: crisp edges look right and are far cheaper without antialiasing.
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
    Color glass = Rgb.alpha(Rgb.mix(p.skyMid(), Color.WHITE, 0.2), 0.22);
    for (int f = 0; f < floors; f++) {
      double floorLit = r.nextDouble() < 0.2 ? 0.15 : 1.0;
      double wy = top + cellH * 0.6 + f * cellH;
      for (int c = 0; c < cols; c++) {
        double wx = x + marginX + c * cellW + cellW * 0.2;
        Rectangle2D pane = new Rectangle2D.Double(wx, wy, cellW * 0.6, cellH * 0.55);
        if (r.nextDouble() < litShare * floorLit) {
          Color lit = windowColor(p, r, s.has(Mood.NEON));
          g.setColor(Rgb.alpha(lit, (0.75 + 0.25 * r.nextDouble()) * (1 - row.depth() * 0.4)));
          g.fill(pane);
        } else if (s.time() == TimeOfDay.DAY || s.time() == TimeOfDay.DAWN) {
          g.setColor(glass);
          g.fill(pane);
        }
      }
    }
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, aa);
  }

  /** Warm windows mostly, a cooler one now and then, and in a neon city some lit in sign colours. */
  private static Color windowColor(Palette p, SplittableRandom r, boolean neon) {
    if (neon && r.nextDouble() < 0.25) {
      return p.signColors().get(r.nextInt(p.signColors().size()));
    }
    int size = p.windowColors().size();
    return p.windowColors().get(r.nextDouble() < 0.9 ? r.nextInt(size - 1) : size - 1);
  }

  private static void sign(Graphics2D g, Layout l, Palette p, SplittableRandom r, double x, double top,
      double w, double h, Row row) {
    Color color = p.signColors().get(r.nextInt(p.signColors().size()));
    boolean vertical = r.nextBoolean();
    double sw = vertical ? row.window() * l.unit() * 1.6 : w * (0.5 + 0.3 * r.nextDouble());
    double sh = vertical ? h * (0.12 + 0.18 * r.nextDouble()) : row.window() * l.unit() * 1.4;
    double sx = vertical ? (r.nextBoolean() ? x + w * 0.08 : x + w * 0.92 - sw) : x + (w - sw) / 2;
    double sy = top + h * (0.08 + 0.3 * r.nextDouble());
    double pad = Math.max(sw, sh) * 0.6 + 6 * l.unit();
    CloudPainter.softEllipse(g, new Rectangle2D.Double(sx - pad, sy - pad, sw + 2 * pad, sh + 2 * pad), color, 0.35);
    g.setColor(color);
    g.fill(new Rectangle2D.Double(sx, sy, sw, sh));
    g.setColor(Rgb.alpha(Color.WHITE, 0.55));
    double inset = Math.min(sw, sh) * 0.3;
    g.fill(new Rectangle2D.Double(sx + inset, sy + inset, sw - 2 * inset, sh - 2 * inset));
  }

  /** Lane markings converging on the horizon, drawn over the street surface. */
  static void street(Graphics2D g, Layout l, Palette p, SplittableRandom r) {
    double vx = l.width() * (0.4 + 0.2 * r.nextDouble());
    double vy = l.horizon();
    Color paint = Rgb.alpha(Rgb.mix(p.skyHorizon(), Color.WHITE, 0.5), 0.4);
    g.setColor(paint);
    // Edges of the road: thin wedges from the vanishing point to the bottom corners.
    for (double end : new double[] {-0.25, 1.25}) {
      Path2D edge = new Path2D.Double();
      edge.moveTo(vx, vy);
      edge.lineTo(l.width() * end - l.width() * 0.006, l.height());
      edge.lineTo(l.width() * end + l.width() * 0.006, l.height());
      edge.closePath();
      g.fill(edge);
    }
    // Centre dashes grow as they come closer.
    double t = 0.02;
    while (t < 1) {
      double len = 0.06 + 0.12 * t;
      double t2 = Math.min(1, t + len * 0.6);
      double y1 = vy + l.below() * t;
      double y2 = vy + l.below() * t2;
      double w1 = l.width() * 0.008 * t;
      double w2 = l.width() * 0.008 * t2;
      Path2D dash = new Path2D.Double();
      dash.moveTo(vx - w1, y1);
      dash.lineTo(vx + w1, y1);
      dash.lineTo(vx + w2, y2);
      dash.lineTo(vx - w2, y2);
      dash.closePath();
      g.fill(dash);
      t = t2 + len * 0.5;
    }
  }
}
