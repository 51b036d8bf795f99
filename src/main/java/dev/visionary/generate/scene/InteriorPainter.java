package dev.visionary.generate.scene;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.SplittableRandom;

/**
 * A room seen from its open side: a back wall, two side walls, a floor in perspective, a window onto
 * the hour outside and a lamp, furnished after the kind of room (shelves for a reading nook, a counter
 * for a kitchen or diner, screens for a cockpit).
 */
final class InteriorPainter {

  private static final Color WARM_LAMP = Rgb.of(0xffd08a);
  private static final Color[] BOOKS = {Rgb.of(0x8a3a32), Rgb.of(0x2f4a6a), Rgb.of(0x6a7a3a), Rgb.of(0xc89a4a),
      Rgb.of(0x4a3050), Rgb.of(0xd8cbb0)};

  private InteriorPainter() {
  }

  /** Where the floor meets the back wall, as a share of the height. */
  static double floorLine(Variant v) {
    return switch (v) {
      case COCKPIT -> 0.78;
      case BAKERY -> 0.74;
      default -> 0.68;
    };
  }

  /** Where the back wall's text sign goes (a bakery or diner sign in the window), or null. */
  static Rectangle2D signBox(Scene s, int width, int height) {
    if (s.text() == null) {
      return null;
    }
    return new Rectangle2D.Double(width * 0.2, height * 0.16, width * 0.6, height * 0.14);
  }

  static void paint(Graphics2D g, Layout l, Palette p, Scene s, SplittableRandom r) {
    Variant v = s.variant();
    double w = l.width();
    double floorY = l.horizon();
    double bx0 = w * 0.12;
    double bx1 = w * 0.88;
    boolean dark = s.dark();
    Color wall = s.accent() != null ? s.accent() : wallColor(v);
    // Indoors the light is the room's own: daylight from the window, or lamps that leave corners dim.
    double level = v == Variant.COCKPIT || v == Variant.ARCADE ? 0.55 : dark ? 0.38 : 0.95;
    Color lit = Rgb.lit(wall, Rgb.mix(Color.WHITE, WARM_LAMP, dark ? 0.6 : 0.15), level);
    g.setPaint(new LinearGradientPaint(0, 0, 0, (float) floorY, new float[] {0f, 1f},
        new Color[] {Rgb.scale(lit, 0.82), lit}));
    g.fill(new Rectangle2D.Double(0, 0, w, floorY + 1));
    Color side = Rgb.scale(lit, 0.72);
    g.setColor(side);
    g.fill(quad(0, 0, bx0, 0, bx0, floorY, 0, l.height()));
    g.fill(quad(w, 0, bx1, 0, bx1, floorY, w, l.height()));
    floor(g, l, s, bx0, bx1, level, r.split());
    SplittableRandom detail = r.split();
    switch (v) {
      case COCKPIT -> cockpit(g, l, detail);
      case STATION -> station(g, l, detail);
      case BAKERY -> bakery(g, l, p, s, detail);
      case ARCADE -> arcade(g, l, detail);
      default -> {
        window(g, l, p, s, new Rectangle2D.Double(w * (detail.nextBoolean() ? 0.2 : 0.56), l.height() * 0.14,
            w * 0.24, floorY * 0.5), detail);
        switch (v) {
          case NOOK -> shelves(g, l, bx0, bx1, detail);
          case KITCHEN, DINER -> counter(g, l, s, detail);
          case LIVING_ROOM -> fireplace(g, l, detail);
          default -> { }
        }
      }
    }
    if (v == Variant.DINER || v == Variant.ARCADE) {
      neonStrip(g, l, v == Variant.ARCADE ? Rgb.of(0xff3cb4) : Rgb.of(0x3cdcff));
    }
    lamp(g, l, dark, v);
    Rectangle2D sign = l.textBox();
    if (sign != null) {
      sign(g, l, s, sign);
    }
  }

  private static Color wallColor(Variant v) {
    return switch (v) {
      case LIVING_ROOM -> Rgb.of(0xd9c6a8);
      case KITCHEN -> Rgb.of(0xe6e0d0);
      case NOOK -> Rgb.of(0x7a9470);
      case DINER -> Rgb.of(0xcfe3d6);
      case COCKPIT -> Rgb.of(0x30363f);
      case STATION -> Rgb.of(0xb9c2cc);
      case ARCADE -> Rgb.of(0x241832);
      case BAKERY -> Rgb.of(0xe4c9a0);
      default -> Rgb.of(0xd4c9b8);
    };
  }

  private static Path2D quad(double x0, double y0, double x1, double y1, double x2, double y2, double x3, double y3) {
    Path2D path = new Path2D.Double();
    path.moveTo(x0, y0);
    path.lineTo(x1, y1);
    path.lineTo(x2, y2);
    path.lineTo(x3, y3);
    path.closePath();
    return path;
  }

  /** Boards, tiles or a diner's checkerboard, all running toward the back wall's middle. */
  private static void floor(Graphics2D g, Layout l, Scene s, double bx0, double bx1, double level,
      SplittableRandom r) {
    Variant v = s.variant();
    double w = l.width();
    double h = l.height();
    double top = l.horizon();
    Color base = switch (v) {
      case KITCHEN, BAKERY -> Rgb.of(0xc8b89c);
      case DINER -> Rgb.of(0xeeeeea);
      case COCKPIT, STATION -> Rgb.of(0x5a6068);
      case ARCADE -> Rgb.of(0x1a1424);
      default -> Rgb.of(0x9a6a42);
    };
    base = Rgb.scale(base, 0.35 + 0.65 * level);
    g.setPaint(new LinearGradientPaint(0, (float) top, 0, (float) h, new float[] {0f, 1f},
        new Color[] {Rgb.scale(base, 0.8), base}));
    g.fill(quad(bx0, top, bx1, top, w, h, 0, h));
    g.setStroke(new BasicStroke((float) (1.4 * l.unit())));
    g.setColor(Rgb.alpha(Color.BLACK, 0.22));
    int lanes = v == Variant.DINER ? 10 : 14;
    for (int i = 0; i <= lanes; i++) {
      double u = (double) i / lanes;
      g.draw(new Line2D.Double(bx0 + (bx1 - bx0) * u, top, w * u, h));
    }
    if (v == Variant.DINER || v == Variant.KITCHEN || v == Variant.STATION || v == Variant.COCKPIT) {
      int rows = 7;
      for (int j = 0; j < rows; j++) {
        // Rows grow toward the viewer the way tiles of one size do in perspective.
        double y0 = top + (h - top) * StrictMath.pow((double) j / rows, 1.6);
        double y1 = top + (h - top) * StrictMath.pow((double) (j + 1) / rows, 1.6);
        g.setColor(Rgb.alpha(Color.BLACK, 0.22));
        g.draw(new Line2D.Double(0, y0, w, y0));
        if (v == Variant.DINER) {
          for (int i = 0; i < lanes; i++) {
            if ((i + j) % 2 == 0) {
              continue;
            }
            double t0 = (y0 - top) / (h - top);
            double t1 = (y1 - top) / (h - top);
            double a = (double) i / lanes;
            double b = (double) (i + 1) / lanes;
            g.setColor(Rgb.scale(Rgb.of(0x2a2a30), 0.4 + 0.6 * level));
            g.fill(quad(x(bx0, bx1, w, a, t0), y0, x(bx0, bx1, w, b, t0), y0, x(bx0, bx1, w, b, t1), y1,
                x(bx0, bx1, w, a, t1), y1));
          }
        }
      }
    }
    if (v == Variant.LIVING_ROOM || v == Variant.NOOK || v == Variant.ROOM) {
      // A rug catches the eye in the middle of the floor, where subjects stand.
      double rw = w * (0.5 + 0.1 * r.nextDouble());
      double ry = top + (h - top) * 0.35;
      g.setColor(Rgb.scale(Rgb.of(v == Variant.NOOK ? 0xa8503a : 0x8a4a5a), 0.4 + 0.6 * level));
      g.fill(new Ellipse2D.Double(w / 2 - rw / 2, ry, rw, (h - top) * 0.45));
    }
  }

  /** The x of a point on the floor: {@code u} across, {@code t} from the back wall (0) to the front (1). */
  private static double x(double bx0, double bx1, double w, double u, double t) {
    double back = bx0 + (bx1 - bx0) * u;
    return back + (w * u - back) * t;
  }

  /** A window onto the hour outside, with its frame and crossbars. */
  private static void window(Graphics2D g, Layout l, Palette p, Scene s, Rectangle2D box, SplittableRandom r) {
    Shape saved = g.getClip();
    g.clip(box);
    g.setPaint(new LinearGradientPaint(0, (float) box.getY(), 0, (float) box.getMaxY(), new float[] {0f, 1f},
        new Color[] {p.skyTop(), p.skyHorizon()}));
    g.fill(box);
    if (s.dark()) {
      stars(g, box, l.unit(), r, 40);
    } else {
      // A far hill line so the window shows a view and not a blue panel.
      g.setColor(Rgb.mix(LandPainter.GRASS_FAR, p.skyHorizon(), 0.35));
      g.fill(new Ellipse2D.Double(box.getX() - box.getWidth() * 0.3, box.getMaxY() - box.getHeight() * 0.25,
          box.getWidth() * 1.6, box.getHeight() * 0.6));
    }
    g.setClip(saved);
    frame(g, l, box, Rgb.of(0xf4efe6), true);
  }

  private static void frame(Graphics2D g, Layout l, Rectangle2D box, Color color, boolean bars) {
    g.setColor(color);
    g.setStroke(new BasicStroke((float) (10 * l.unit())));
    g.draw(box);
    if (bars) {
      g.setStroke(new BasicStroke((float) (6 * l.unit())));
      g.draw(new Line2D.Double(box.getCenterX(), box.getY(), box.getCenterX(), box.getMaxY()));
      g.draw(new Line2D.Double(box.getX(), box.getCenterY(), box.getMaxX(), box.getCenterY()));
    }
  }

  static void stars(Graphics2D g, Rectangle2D box, double unit, SplittableRandom r, int count) {
    for (int i = 0; i < count; i++) {
      double size = unit * (1 + 2.5 * StrictMath.pow(r.nextDouble(), 3));
      g.setColor(Rgb.alpha(Color.WHITE, 0.4 + 0.6 * r.nextDouble()));
      g.fill(new Ellipse2D.Double(box.getX() + r.nextDouble() * box.getWidth(),
          box.getY() + r.nextDouble() * box.getHeight(), size, size));
    }
  }

  private static void shelves(Graphics2D g, Layout l, double bx0, double bx1, SplittableRandom r) {
    double top = l.height() * 0.08;
    double bottom = l.horizon();
    double[] xs = {bx0 + l.width() * 0.02, bx1 - l.width() * 0.2};
    for (double x0 : xs) {
      double sw = l.width() * 0.18;
      g.setColor(Rgb.of(0x4a2e1e));
      g.fill(new Rectangle2D.Double(x0, top, sw, bottom - top));
      int rows = 5;
      for (int j = 0; j < rows; j++) {
        double y1 = top + (bottom - top) * (j + 1) / rows - 4 * l.unit();
        double x = x0 + 6 * l.unit();
        while (x < x0 + sw - 12 * l.unit()) {
          double bw = l.unit() * (8 + 10 * r.nextDouble());
          double bh = (bottom - top) / rows * (0.55 + 0.35 * r.nextDouble());
          g.setColor(BOOKS[r.nextInt(BOOKS.length)]);
          g.fill(new Rectangle2D.Double(x, y1 - bh, bw, bh));
          x += bw + l.unit();
        }
      }
    }
  }

  /** A counter along the back wall with cupboards above it: a kitchen, or a diner's with red stools. */
  private static void counter(Graphics2D g, Layout l, Scene s, SplittableRandom r) {
    boolean diner = s.variant() == Variant.DINER;
    double w = l.width();
    double top = l.horizon() - l.height() * 0.17;
    Color body = diner ? Rgb.of(0xb83a3a) : Rgb.of(0x8a6a4a);
    if (s.dark()) {
      body = Rgb.scale(body, 0.6);
    }
    g.setColor(body);
    g.fill(new Rectangle2D.Double(w * 0.12, top, w * 0.76, l.horizon() - top));
    g.setColor(diner ? Rgb.of(0xd8dcdc) : Rgb.of(0xe8e2d4));
    g.fill(new Rectangle2D.Double(w * 0.1, top - 8 * l.unit(), w * 0.8, 10 * l.unit()));
    if (diner) {
      for (int i = 0; i < 5; i++) {
        double x = w * (0.2 + 0.15 * i);
        g.setColor(Rgb.of(0x9a9ea4));
        g.fill(new Rectangle2D.Double(x - 2 * l.unit(), l.horizon() - l.height() * 0.08, 4 * l.unit(),
            l.height() * 0.1));
        g.setColor(Rgb.of(0xd8343c));
        g.fill(new Ellipse2D.Double(x - 22 * l.unit(), l.horizon() - l.height() * 0.1, 44 * l.unit(), 16 * l.unit()));
      }
    } else {
      g.setColor(Rgb.scale(body, 0.85));
      for (int i = 0; i < 4; i++) {
        g.fill(new Rectangle2D.Double(w * (0.14 + 0.19 * i), l.height() * 0.06, w * 0.17, l.height() * 0.09));
      }
      // A table in front, where whatever the kitchen is about can stand.
      double ty = l.horizon() + l.below() * 0.45;
      g.setColor(Rgb.of(0x6a4a30));
      g.fill(new Rectangle2D.Double(w * 0.26, ty, w * 0.04, l.height() - ty));
      g.fill(new Rectangle2D.Double(w * 0.7, ty, w * 0.04, l.height() - ty));
      g.setColor(Rgb.of(0xa87a50));
      g.fill(new RoundRectangle2D.Double(w * 0.2, ty - l.below() * 0.12, w * 0.6, l.below() * 0.14,
          12 * l.unit(), 12 * l.unit()));
    }
  }

  private static void fireplace(Graphics2D g, Layout l, SplittableRandom r) {
    double w = l.width();
    double fw = w * 0.3;
    double fh = l.height() * 0.26;
    double x = w * 0.5 - fw / 2 + (r.nextDouble() - 0.5) * w * 0.05;
    double y = l.horizon() - fh;
    g.setColor(Rgb.of(0x8a4a3a));
    g.fill(new Rectangle2D.Double(x, y, fw, fh));
    g.setColor(Rgb.of(0xe8e0d4));
    g.fill(new Rectangle2D.Double(x - fw * 0.08, y - 10 * l.unit(), fw * 1.16, 14 * l.unit()));
    Rectangle2D hearth = new Rectangle2D.Double(x + fw * 0.2, y + fh * 0.3, fw * 0.6, fh * 0.7);
    g.setColor(Rgb.of(0x1a1210));
    g.fill(hearth);
    SkyPainter.glow(g, hearth.getCenterX(), hearth.getMaxY() - fh * 0.15, fw * 0.9, Rgb.of(0xff9a3a), 0.6);
    g.setColor(Rgb.of(0xffb040));
    g.fill(new Ellipse2D.Double(hearth.getCenterX() - fw * 0.12, hearth.getMaxY() - fh * 0.35, fw * 0.24, fh * 0.3));
    g.setColor(Rgb.of(0xffe8a0));
    g.fill(new Ellipse2D.Double(hearth.getCenterX() - fw * 0.05, hearth.getMaxY() - fh * 0.2, fw * 0.1, fh * 0.16));
  }

  /** The windshield onto the stars and a lit console of screens below it. */
  private static void cockpit(Graphics2D g, Layout l, SplittableRandom r) {
    double w = l.width();
    Path2D shield = quad(w * 0.04, l.height() * 0.1, w * 0.96, l.height() * 0.1, w * 0.86, l.height() * 0.52,
        w * 0.14, l.height() * 0.52);
    g.setColor(Rgb.of(0x050814));
    g.fill(shield);
    Shape saved = g.getClip();
    g.clip(shield);
    stars(g, shield.getBounds2D(), l.unit(), r, 160);
    planet(g, w * (0.3 + 0.4 * r.nextDouble()), l.height() * 0.42, w * 0.16, Rgb.of(0x4a7ac8), Rgb.of(0x9ad0ff));
    g.setClip(saved);
    g.setColor(Rgb.of(0x1e2228));
    g.setStroke(new BasicStroke((float) (14 * l.unit())));
    g.draw(shield);
    double top = l.height() * 0.56;
    g.setColor(Rgb.of(0x262a32));
    g.fill(new Rectangle2D.Double(0, top, w, l.horizon() - top));
    Color[] screens = {Rgb.of(0x3cdcff), Rgb.of(0x5cffb0), Rgb.of(0xffb040)};
    for (int i = 0; i < 5; i++) {
      Rectangle2D screen = new Rectangle2D.Double(w * (0.08 + 0.175 * i), top + l.height() * 0.04, w * 0.13,
          l.height() * 0.09);
      Color c = screens[r.nextInt(screens.length)];
      SkyPainter.glow(g, screen.getCenterX(), screen.getCenterY(), w * 0.1, c, 0.25);
      g.setColor(Rgb.scale(c, 0.55));
      g.fill(screen);
      g.setColor(c);
      g.setStroke(new BasicStroke((float) (2 * l.unit())));
      for (int k = 1; k < 4; k++) {
        double y = screen.getY() + screen.getHeight() * k / 4;
        g.draw(new Line2D.Double(screen.getX() + 6 * l.unit(), y,
            screen.getX() + screen.getWidth() * (0.3 + 0.6 * r.nextDouble()), y));
      }
    }
  }

  /** Metal panels and a round porthole onto a blue planet. */
  private static void station(Graphics2D g, Layout l, SplittableRandom r) {
    double w = l.width();
    g.setColor(Rgb.alpha(Color.BLACK, 0.18));
    g.setStroke(new BasicStroke((float) (2 * l.unit())));
    for (int i = 1; i < 6; i++) {
      double x = w * (0.12 + 0.76 * i / 6);
      g.draw(new Line2D.Double(x, 0, x, l.horizon()));
    }
    double radius = w * 0.17;
    double cx = w * (r.nextBoolean() ? 0.32 : 0.68);
    double cy = l.horizon() * 0.45;
    Ellipse2D port = new Ellipse2D.Double(cx - radius, cy - radius, 2 * radius, 2 * radius);
    g.setColor(Rgb.of(0x03060f));
    g.fill(port);
    Shape saved = g.getClip();
    g.clip(port);
    stars(g, port.getBounds2D(), l.unit(), r, 70);
    planet(g, cx + radius * 0.5, cy + radius * 0.9, radius * 1.1, Rgb.of(0x2f62c0), Rgb.of(0xa8e0ff));
    g.setClip(saved);
    g.setColor(Rgb.of(0x7a828c));
    g.setStroke(new BasicStroke((float) (16 * l.unit())));
    g.draw(port);
    g.setColor(Rgb.of(0xffd040));
    g.setStroke(new BasicStroke((float) (5 * l.unit())));
    g.draw(new Line2D.Double(w * 0.14, l.horizon() * 0.85, w * 0.86, l.horizon() * 0.85));
  }

  /** A shop window onto the street outside, a counter of loaves in front of it. */
  private static void bakery(Graphics2D g, Layout l, Palette p, Scene s, SplittableRandom r) {
    double w = l.width();
    Rectangle2D glass = new Rectangle2D.Double(w * 0.14, l.height() * 0.08, w * 0.72, l.horizon() * 0.72);
    g.setPaint(new LinearGradientPaint(0, (float) glass.getY(), 0, (float) glass.getMaxY(), new float[] {0f, 1f},
        new Color[] {p.skyTop(), p.skyHorizon()}));
    g.fill(glass);
    Shape saved = g.getClip();
    g.clip(glass);
    double x = glass.getX();
    while (x < glass.getMaxX()) {
      double bw = w * (0.06 + 0.08 * r.nextDouble());
      double bh = glass.getHeight() * (0.3 + 0.4 * r.nextDouble());
      g.setColor(Rgb.scale(Rgb.of(0x3a3a4a), s.dark() ? 0.7 : 1.6));
      g.fill(new Rectangle2D.Double(x, glass.getMaxY() - bh, bw, bh));
      if (s.dark()) {
        g.setColor(Rgb.of(0xffd68c));
        for (int k = 0; k < 3; k++) {
          g.fill(new Rectangle2D.Double(x + bw * (0.2 + 0.5 * r.nextDouble()), glass.getMaxY() - bh * (0.2 + 0.7
              * r.nextDouble()), 5 * l.unit(), 7 * l.unit()));
        }
      }
      x += bw + w * 0.01;
    }
    g.setClip(saved);
    frame(g, l, glass, Rgb.of(0x5a3a24), false);
    double top = l.horizon() - l.height() * 0.1;
    g.setColor(Rgb.of(0x6a4428));
    g.fill(new Rectangle2D.Double(0, top, w, l.height() * 0.1));
    g.setColor(Rgb.of(0xd8a060));
    for (int i = 0; i < 7; i++) {
      double lx = w * (0.08 + 0.13 * i) + r.nextDouble() * w * 0.02;
      g.fill(new Ellipse2D.Double(lx, top - l.height() * 0.04, w * 0.1, l.height() * 0.055));
    }
  }

  /** Arcade cabinets along the back wall, each screen glowing into the dark. */
  /**
   * Rows of arcade cabinets standing on the floor: one along the back wall and one down each side,
   * shrinking toward the back. Each has a lit marquee, a glowing screen, a control deck and its glow on
   * the floor, so they read as machines in a room rather than lights in the dark.
   */
  private static void arcade(Graphics2D g, Layout l, SplittableRandom r) {
    double w = l.width();
    double h = l.height();
    Color[] glows = {Rgb.of(0xff3cb4), Rgb.of(0x3cdcff), Rgb.of(0xa85cff), Rgb.of(0x5cffd0), Rgb.of(0xffd040)};
    int count = 5;
    double backH = h * 0.34;
    for (int i = 0; i < count; i++) {
      double cw = w * 0.11;
      double x = w * 0.2 + i * (w * 0.6 - cw) / (count - 1);
      cabinet(g, l, x, l.horizon(), cw, backH, glows[(i + r.nextInt(2)) % glows.length]);
    }
    // The side rows run from the back corners toward the viewer, far ones first so near ones overlap.
    int side = 3;
    for (int k = side - 1; k >= 0; k--) {
      double t = (k + 1.0) / (side + 1);
      double scale = 1 + 1.1 * t;
      double base = l.horizon() + (h - l.horizon()) * t * 0.75;
      double cw = w * 0.11 * scale;
      double ch = backH * scale;
      double inset = w * 0.12 * (1 - t) - cw * 0.35;
      cabinet(g, l, inset, base, cw, ch, glows[(k + r.nextInt(3)) % glows.length]);
      cabinet(g, l, w - inset - cw, base, cw, ch, glows[(k + 2 + r.nextInt(3)) % glows.length]);
    }
  }

  /** One upright cabinet standing on {@code base}. */
  private static void cabinet(Graphics2D g, Layout l, double x, double base, double cw, double ch, Color glow) {
    double top = base - ch;
    // Its light spills onto the floor in front of it.
    SkyPainter.glow(g, x + cw / 2, base, cw * 1.1, glow, 0.35);
    g.setColor(Rgb.of(0x2a2038));
    g.fill(new Rectangle2D.Double(x, top, cw, ch));
    g.setColor(Rgb.alpha(glow, 0.55));
    g.setStroke(new BasicStroke((float) (1.5 * l.unit())));
    g.draw(new Rectangle2D.Double(x, top, cw, ch));
    // Marquee, screen with its glow, and the control deck under it.
    g.setColor(Rgb.mix(glow, Color.WHITE, 0.45));
    g.fill(new Rectangle2D.Double(x + cw * 0.06, top + ch * 0.03, cw * 0.88, ch * 0.1));
    SkyPainter.glow(g, x + cw / 2, top + ch * 0.32, cw * 0.9, glow, 0.4);
    g.setColor(glow);
    g.fill(new Rectangle2D.Double(x + cw * 0.14, top + ch * 0.18, cw * 0.72, ch * 0.3));
    g.setColor(Rgb.of(0x4a3a5a));
    g.fill(new Rectangle2D.Double(x - cw * 0.04, top + ch * 0.52, cw * 1.08, ch * 0.07));
    g.setColor(Rgb.of(0xff4040));
    double knob = cw * 0.08;
    g.fill(new Ellipse2D.Double(x + cw * 0.25, top + ch * 0.53, knob, knob));
    g.setColor(Rgb.of(0x40c0ff));
    g.fill(new Ellipse2D.Double(x + cw * 0.6, top + ch * 0.53, knob, knob));
  }

  private static void neonStrip(Graphics2D g, Layout l, Color color) {
    double y = l.height() * 0.05;
    SkyPainter.glow(g, l.width() / 2, y, l.width() * 0.45, color, 0.35);
    g.setColor(Rgb.mix(color, Color.WHITE, 0.3));
    g.fill(new RoundRectangle2D.Double(l.width() * 0.16, y - 3 * l.unit(), l.width() * 0.68, 6 * l.unit(),
        6 * l.unit(), 6 * l.unit()));
  }

  /** A pendant lamp and its pool of warm light; at night it is what lights the room. */
  private static void lamp(Graphics2D g, Layout l, boolean dark, Variant v) {
    if (v == Variant.COCKPIT || v == Variant.STATION || v == Variant.ARCADE) {
      return;
    }
    double x = l.width() * 0.5;
    double y = l.height() * 0.2;
    g.setColor(Rgb.of(0x2a2420));
    g.setStroke(new BasicStroke((float) (2 * l.unit())));
    g.draw(new Line2D.Double(x, 0, x, y));
    double lw = l.width() * 0.09;
    Path2D shade = quad(x - lw * 0.3, y, x + lw * 0.3, y, x + lw / 2, y + lw * 0.45, x - lw / 2, y + lw * 0.45);
    SkyPainter.glow(g, x, y + lw * 0.5, l.width() * (dark ? 0.5 : 0.25), WARM_LAMP, dark ? 0.45 : 0.2);
    g.setColor(Rgb.of(0x3a5a4a));
    g.fill(shade);
    g.setColor(Rgb.of(0xfff0c8));
    g.fill(new Ellipse2D.Double(x - lw * 0.18, y + lw * 0.36, lw * 0.36, lw * 0.16));
  }

  /** The sign in the window: the words the prompt asks for, in neon at night. */
  private static void sign(Graphics2D g, Layout l, Scene s, Rectangle2D box) {
    Color neon = Rgb.of(0xff4a9a);
    g.setColor(Rgb.of(0x1a1016));
    g.fill(new RoundRectangle2D.Double(box.getX(), box.getY(), box.getWidth(), box.getHeight(),
        16 * l.unit(), 16 * l.unit()));
    SkyPainter.glow(g, box.getCenterX(), box.getCenterY(), box.getWidth() * 0.6, neon, 0.35);
    TextPainter.fit(g, s.text(), box, Font.SANS_SERIF, Font.BOLD, Rgb.mix(neon, Color.WHITE, 0.35));
  }

  /** A lit sphere with a soft terminator: a planet seen from orbit. */
  static void planet(Graphics2D g, double cx, double cy, double radius, Color body, Color rim) {
    g.setPaint(new java.awt.RadialGradientPaint(new java.awt.geom.Point2D.Double(cx - radius * 0.35,
        cy - radius * 0.35), (float) (radius * 1.5), new float[] {0f, 0.6f, 1f},
        new Color[] {rim, body, Rgb.scale(body, 0.15)}));
    g.fill(new Ellipse2D.Double(cx - radius, cy - radius, 2 * radius, 2 * radius));
  }
}
