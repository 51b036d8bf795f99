package dev.visionary.generate.scene;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.geom.Rectangle2D;
import java.util.Arrays;
import java.util.SplittableRandom;

/** Where trees stand: a line on the far shore, forest rows receding into haze, framing trees in front. */
final class TreePainter {

  private static final Color PINE = Rgb.of(0x2c5a3e);
  private static final Color LEAF = Rgb.of(0x4f8a3c);
  private static final Color LEAF_LIT = Rgb.of(0x9cc85a);
  private static final Color PINE_LIT = Rgb.of(0x5e9a5a);
  private static final Color PALM_TRUNK = Rgb.of(0x6b5440);
  private static final Color PALM_FROND = Rgb.of(0x2f6a35);

  private static final Color[][] AUTUMN = {
      {Rgb.of(0xc8561e), Rgb.of(0xf0a040)}, {Rgb.of(0xb8342a), Rgb.of(0xe8743a)}, {Rgb.of(0xd89a28), Rgb.of(0xf4d060)}};
  private static final Color[] BLOSSOM = {Rgb.of(0xe89ab8), Rgb.of(0xfbd8e6)};

  private enum Kind { PINE, BROADLEAF }

  private TreePainter() {
  }

  private static Kind kind(Scene s, SplittableRandom r) {
    if (s.has(Element.PINES) && !s.has(Element.TREES)) {
      return Kind.PINE;
    }
    if (s.has(Element.PINES)) {
      return r.nextDouble() < 0.6 ? Kind.PINE : Kind.BROADLEAF;
    }
    // Conifers are what grows where it snows.
    return s.has(Element.SNOW) ? Kind.PINE : Kind.BROADLEAF;
  }

  /** A dense band of small trees on the horizon, e.g. on the far shore of a lake. */
  static void treeline(Graphics2D g, Layout l, Palette p, Scene s, SplittableRandom r) {
    double depth = 0.65;
    double x = -l.width() * 0.02;
    while (x < l.width() * 1.02) {
      double height = l.height() * (0.035 + 0.04 * r.nextDouble());
      one(g, l, p, s, r, kind(s, r), x, l.horizon() + l.unit() * 2, height, depth);
      x += height * (0.18 + 0.2 * r.nextDouble());
    }
  }

  /** Rows of trees from the horizon to the bottom edge, each row nearer, larger and clearer. */
  static void forest(Graphics2D g, Layout l, Palette p, Scene s, SplittableRandom r) {
    int rows = 6;
    double fog = s.has(Element.THICK_FOG) ? 0.7 : s.has(Element.FOG) ? 0.5 : 0.2;
    for (int j = 0; j < rows; j++) {
      double t = (double) j / (rows - 1);
      double baseY = l.horizon() + l.below() * (0.03 + 1.0 * StrictMath.pow(t, 1.5));
      double typical = l.height() * (0.07 + 0.55 * StrictMath.pow(t, 1.6));
      double depth = 0.85 * (1 - t);
      double x = -typical * r.nextDouble() * 0.3;
      while (x < l.width() + typical * 0.3) {
        double height = typical * (0.75 + 0.5 * r.nextDouble());
        // Leave a clearing in the front row so the eye can travel into the forest.
        boolean clearing = j == rows - 1 && x > l.width() * 0.3 && x < l.width() * 0.7;
        if (!clearing) {
          one(g, l, p, s, r, kind(s, r), x, baseY + height * 0.03 * r.nextDouble(), height, depth);
        }
        x += height * (j == rows - 1 ? 0.35 : 0.2) * (0.7 + 0.6 * r.nextDouble());
      }
      if (j < rows - 1) {
        float top = (float) (baseY - typical * 0.8);
        g.setPaint(new LinearGradientPaint(0, top, 0, (float) baseY, new float[] {0f, 1f},
            new Color[] {Rgb.alpha(p.haze(), 0), Rgb.alpha(p.haze(), fog * (1 - t * 0.5))}));
        g.fill(new Rectangle2D.Double(0, top, l.width(), baseY - top + l.unit()));
      }
    }
  }

  /** A few large trees near the viewer, at the sides so they frame the picture. */
  static void foreground(Graphics2D g, Layout l, Palette p, Scene s, SplittableRandom r) {
    if (s.has(Element.PALMS)) {
      int count = 1 + r.nextInt(3);
      boolean left = r.nextBoolean();
      for (int i = 0; i < count; i++) {
        boolean onLeft = i % 2 == 0 ? left : !left;
        double x = l.width() * (onLeft ? 0.04 + 0.2 * r.nextDouble() : 0.76 + 0.2 * r.nextDouble());
        double height = l.height() * (0.45 + 0.3 * r.nextDouble());
        double baseY = l.height() * (0.97 + 0.06 * r.nextDouble());
        TreeShapes.palm(g, r, x, baseY, height, p.land(PALM_TRUNK, 0), p.land(PALM_FROND, 0));
      }
    }
    if (!s.has(Element.FOREST) && (s.has(Element.PINES) || s.has(Element.TREES))) {
      int count = 2 + r.nextInt(4);
      double[] nearness = new double[count];
      for (int i = 0; i < count; i++) {
        nearness[i] = r.nextDouble();
      }
      // Farther trees first, so nearer ones overlap them.
      Arrays.sort(nearness);
      for (int i = 0; i < count; i++) {
        double t = nearness[i];
        double x = l.width() * (i % 2 == 0 ? 0.02 + 0.3 * r.nextDouble() : 0.68 + 0.3 * r.nextDouble());
        // Over water there is no ground in view: the trees stand on a bank just below the frame.
        double baseY = s.hasWater() ? l.height() * (1.0 + 0.06 * t) : l.horizon() + l.below() * (0.3 + 0.75 * t);
        double height = l.height() * (s.hasWater() ? 0.35 + 0.3 * t : 0.15 + 0.35 * t);
        one(g, l, p, s, r, kind(s, r), x, baseY, height, 0.3 * (1 - t));
      }
    }
  }

  /**
   * Leaf colours, shaded and lit, for the season. Autumn trees differ from each other; the choice follows
   * the tree's place so it draws nothing from the random streams and spring or summer pictures stay as
   * they were.
   */
  private static Color[] leaves(Season season, double place) {
    return switch (season) {
      case AUTUMN -> AUTUMN[Math.floorMod((int) place, AUTUMN.length)];
      case SPRING -> BLOSSOM;
      default -> new Color[] {LEAF, LEAF_LIT};
    };
  }

  private static void one(Graphics2D g, Layout l, Palette p, Scene s, SplittableRandom r, Kind kind, double x,
      double baseY, double height, double depth) {
    boolean litFromLeft = l.lightFromLeft();
    if (kind == Kind.PINE) {
      Color foliage = p.land(PINE, depth);
      Color lit = p.land(s.has(Element.SNOW) ? Rgb.mix(PINE_LIT, LandPainter.SNOW, 0.6) : PINE_LIT, depth);
      TreeShapes.pine(g, r, x, baseY, height, foliage, Rgb.mix(foliage, lit, 0.6), litFromLeft);
    } else {
      Color[] leaves = leaves(s.season(), x + baseY);
      Color foliage = p.land(leaves[0], depth);
      TreeShapes.broadleaf(g, r, x, baseY, height, foliage, Rgb.mix(foliage, p.land(leaves[1], depth), 0.55),
          litFromLeft);
    }
  }
}
