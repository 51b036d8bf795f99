package dev.visionary.generate.scene;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.SplittableRandom;

/** The ground below the horizon and the land that rolls over it: meadows, snowfields, hills and dunes. */
final class LandPainter {

  static final Color GRASS_FAR = Rgb.of(0x6f9a5a);
  static final Color GRASS_NEAR = Rgb.of(0x3f7436);
  static final Color SNOW = Rgb.of(0xf2f5fb);
  static final Color SNOW_SHADOW = Rgb.of(0xb4c4e0);
  static final Color SAND = Rgb.of(0xe2bd88);
  static final Color SAND_SHADOW = Rgb.of(0xa8704a);
  static final Color ASPHALT = Rgb.of(0x2e3038);
  private static final Color AUTUMN_GRASS = Rgb.of(0xb8863a);
  private static final int SAMPLES = 128;

  private LandPainter() {
  }

  /** What hills and open land are covered with. */
  static Color[] landColors(Scene s) {
    if (s.has(Element.SNOW)) {
      return new Color[] {SNOW, Rgb.mix(SNOW, SNOW_SHADOW, 0.25)};
    }
    if (s.has(Element.DESERT)) {
      return new Color[] {SAND, Rgb.mix(SAND, SAND_SHADOW, 0.3)};
    }
    if (s.accent() != null) {
      // Lavender fields, poppy meadows: the named colour covers the land, darker toward the viewer.
      return new Color[] {Rgb.mix(s.accent(), GRASS_FAR, 0.2), Rgb.mix(Rgb.scale(s.accent(), 0.8), GRASS_NEAR, 0.25)};
    }
    if (s.season() == Season.AUTUMN) {
      return new Color[] {Rgb.mix(GRASS_FAR, AUTUMN_GRASS, 0.55), Rgb.mix(GRASS_NEAR, AUTUMN_GRASS, 0.45)};
    }
    return new Color[] {GRASS_FAR, GRASS_NEAR};
  }

  /** What the ground in front is made of: pavement in a city, open land elsewhere. */
  static Color[] groundColors(Scene s) {
    if (s.has(Element.CITY) && !s.has(Element.HILLS) && !s.has(Element.SNOW)) {
      return new Color[] {ASPHALT, Rgb.scale(ASPHALT, 0.8)};
    }
    return landColors(s);
  }

  /** Snow stays bright in dim light; everything else takes the light as it is. */
  private static Color shade(Palette p, Scene s, Color base, double depth) {
    return s.has(Element.SNOW) ? p.bright(base, depth) : p.land(base, depth);
  }

  static void ground(Graphics2D g, Layout l, Palette p, Scene s, SplittableRandom r) {
    Color[] colors = groundColors(s);
    Color far = shade(p, s, colors[0], 0.7);
    Color near = shade(p, s, colors[1], 0);
    g.setPaint(new LinearGradientPaint(0, (float) l.horizon(), 0, l.height(), new float[] {0f, 1f},
        new Color[] {far, near}));
    g.fill(new Rectangle2D.Double(0, l.horizon(), l.width(), l.below() + 1));
    if (s.has(Element.SNOW)) {
      drifts(g, l, p.bright(SNOW_SHADOW, 0.2), 0.1, r);
      drifts(g, l, Rgb.mix(p.bright(SNOW, 0), Color.WHITE, 0.4), 0.2, r);
    }
  }

  /** Long soft shadows that make a flat snowfield or beach read as drifts and ripples. */
  static void drifts(Graphics2D g, Layout l, Color shadow, double from, SplittableRandom r) {
    int count = 5 + r.nextInt(4);
    for (int i = 0; i < count; i++) {
      double t = r.nextDouble();
      double y = l.horizon() + l.below() * (from + (0.95 - from) * t);
      double w = l.width() * (0.4 + 0.5 * r.nextDouble()) * (0.5 + t);
      double h = l.below() * (0.03 + 0.05 * t);
      double x = l.width() * (r.nextDouble() * 1.2 - 0.2) - w / 2;
      CloudPainter.softEllipse(g, new Rectangle2D.Double(x, y, w, h), shadow, 0.35);
    }
  }

  /**
   * Rolling hills: the far row sits on the horizon, nearer rows lower in the frame when there is land
   * in front.
   */
  static void hills(Graphics2D g, Layout l, Palette p, Scene s, SplittableRandom r, boolean nearRows) {
    Color[] colors = landColors(s);
    int rows = nearRows ? 3 : 1;
    for (int i = 0; i < rows; i++) {
      double depth = nearRows ? 0.75 - 0.3 * i : 0.7;
      double baseY = l.horizon() + l.below() * (nearRows ? 0.28 * i : 0) + 2 * l.unit();
      double rise = l.horizon() * (0.07 + 0.08 * r.nextDouble()) * (1 + 0.5 * i);
      double[] profile = Ridge.smooth(r, SAMPLES, 1.2 + r.nextDouble());
      double[] xs = new double[SAMPLES + 1];
      double[] ys = new double[SAMPLES + 1];
      for (int k = 0; k <= SAMPLES; k++) {
        xs[k] = l.width() * k / (double) SAMPLES;
        ys[k] = baseY - rise * (0.3 + 0.7 * profile[k]);
      }
      double bottom = nearRows && i < rows - 1 ? baseY + l.below() * 0.3 : l.height();
      Color top = Rgb.mix(shade(p, s, colors[0], depth), Color.WHITE, 0.04);
      Color foot = shade(p, s, colors[1], Math.max(0, depth - 0.15));
      g.setPaint(new LinearGradientPaint(0, (float) (baseY - rise), 0, (float) bottom, new float[] {0f, 1f},
          new Color[] {top, foot}));
      g.fill(MountainPainter.outline(xs, ys, bottom + 1));
    }
  }

  /**
   * Sand dunes from the horizon to the bottom edge. Each dune has a sharp crest; the slope facing away
   * from the light lies in a crescent of shadow.
   */
  static void dunes(Graphics2D g, Layout l, Palette p, SplittableRandom r) {
    int rows = 3 + r.nextInt(3);
    for (int i = 0; i < rows; i++) {
      double t = (double) i / (rows - 1);
      double depth = 0.5 * (1 - t);
      double baseY = l.horizon() + l.below() * (0.05 + 0.75 * t * t + 0.12 * (r.nextDouble() - 0.5) * t);
      double rise = l.horizon() * (0.03 + 0.1 * r.nextDouble()) * (0.6 + 1.6 * t);
      double[] profile = Ridge.smooth(r, SAMPLES, 0.8 + 1.8 * r.nextDouble());
      double[] xs = new double[SAMPLES + 1];
      double[] ys = new double[SAMPLES + 1];
      for (int k = 0; k <= SAMPLES; k++) {
        xs[k] = l.width() * k / (double) SAMPLES;
        // Squaring sharpens the crests the way wind shapes real dunes.
        ys[k] = baseY - rise * StrictMath.pow(profile[k], 1.8);
      }
      Color lit = p.bright(SAND, depth);
      Color dark = p.land(SAND_SHADOW, depth);
      g.setPaint(new LinearGradientPaint(0, (float) (baseY - rise), 0, l.height(), new float[] {0f, 1f},
          new Color[] {lit, Rgb.mix(lit, dark, 0.35)}));
      g.fill(MountainPainter.outline(xs, ys, l.height() + 1));
      duneShadows(g, l, xs, ys, rise, dark);
    }
  }

  /**
   * The slip face of each dune: under every stretch of crest that runs down away from the light, a
   * shadow hanging from the sharp crest edge and fading out below it.
   */
  private static void duneShadows(Graphics2D g, Layout l, double[] xs, double[] ys, double rise, Color shade) {
    int away = l.lightFromLeft() ? 1 : -1;
    int start = -1;
    for (int k = 1; k <= SAMPLES; k++) {
      boolean shadowed = (ys[k] - ys[k - 1]) * away > 0;
      if (shadowed && start < 0) {
        start = k - 1;
      }
      if ((!shadowed || k == SAMPLES) && start >= 0) {
        slipFace(g, xs, ys, start, k, rise, shade, away);
        start = -1;
      }
    }
  }

  private static void slipFace(Graphics2D g, double[] xs, double[] ys, int from, int to, double rise, Color shade,
      int away) {
    if (to - from < 3) {
      return;
    }
    double top = Double.MAX_VALUE;
    double bottom = 0;
    Path2D shape = new Path2D.Double();
    shape.moveTo(xs[from], ys[from]);
    for (int k = from + 1; k <= to; k++) {
      shape.lineTo(xs[k], ys[k]);
    }
    for (int k = to; k >= from; k--) {
      // Deepest under the crest, where the face is steepest, and thinning toward the trough.
      double u = away > 0 ? (double) (k - from) / (to - from) : (double) (to - k) / (to - from);
      double y = ys[k] + rise * 0.8 * StrictMath.sin(Math.PI * StrictMath.pow(u, 0.6)) * (1 - 0.5 * u);
      shape.lineTo(xs[k], y);
      top = Math.min(top, ys[k]);
      bottom = Math.max(bottom, y);
    }
    shape.closePath();
    g.setPaint(new LinearGradientPaint(0, (float) top, 0, (float) bottom, new float[] {0f, 0.6f, 1f},
        new Color[] {Rgb.alpha(shade, 0.45), Rgb.alpha(shade, 0.2), Rgb.alpha(shade, 0)}));
    g.fill(shape);
  }

  private static final Color[] FALLEN_LEAVES = {Rgb.of(0xd8641e), Rgb.of(0xc03a24), Rgb.of(0xe8a030), Rgb.of(0x9a4a1e)};
  private static final Color[] PETALS = {Rgb.of(0xf4b8cc), Rgb.of(0xfbe0ea), Rgb.of(0xe890b0)};

  /**
   * Rows of a planted crop running to the horizon, in the field's own colour: what makes a purple field
   * read as lavender rather than a purple haze.
   */
  static void rows(Graphics2D g, Layout l, Palette p, Scene s) {
    double vx = l.width() * 0.5;
    int count = 22;
    g.setColor(Rgb.alpha(p.land(Rgb.scale(s.accent(), 0.55), 0), 0.55));
    for (int i = 0; i <= count; i++) {
      double u = (i - count / 2.0) / (count / 2.0);
      double bottomX = vx + u * l.width() * 1.6;
      Path2D row = new Path2D.Double();
      row.moveTo(vx + u * l.width() * 0.02, l.horizon() + l.below() * 0.04);
      row.lineTo(bottomX - l.width() * 0.018, l.height());
      row.lineTo(bottomX + l.width() * 0.018, l.height());
      row.closePath();
      g.fill(row);
    }
  }

  /** Fallen autumn leaves or spring petals scattered over the ground, larger toward the viewer. */
  static void fallen(Graphics2D g, Layout l, Palette p, Scene s, SplittableRandom r) {
    Color[] colors = s.season() == Season.AUTUMN ? FALLEN_LEAVES : PETALS;
    int count = 140;
    for (int i = 0; i < count; i++) {
      double t = r.nextDouble();
      double y = l.horizon() + l.below() * (0.25 + 0.75 * t);
      double size = l.unit() * (3 + 12 * t) * (0.6 + 0.8 * r.nextDouble());
      double x = l.width() * r.nextDouble();
      g.setColor(p.land(colors[r.nextInt(colors.length)], 0.3 * (1 - t)));
      g.fill(new java.awt.geom.Ellipse2D.Double(x, y, size * 1.6, size));
    }
  }

  /** Flat slabs of ice on cold water, wider and lower in the frame as they come nearer. */
  static void floes(Graphics2D g, Layout l, Palette p, SplittableRandom r) {
    int count = 4 + r.nextInt(3);
    for (int i = 0; i < count; i++) {
      double t = (i + r.nextDouble()) / count;
      double y = l.horizon() + l.below() * (0.08 + 0.8 * t);
      double w = l.width() * (0.12 + 0.35 * t) * (0.7 + 0.6 * r.nextDouble());
      double h = l.below() * (0.03 + 0.08 * t);
      double x = l.width() * r.nextDouble() - w / 2;
      Path2D slab = new Path2D.Double();
      slab.moveTo(x, y);
      slab.lineTo(x + w * 0.15, y - h * 0.5);
      slab.lineTo(x + w * 0.8, y - h * 0.6);
      slab.lineTo(x + w, y);
      slab.lineTo(x + w * 0.85, y + h * 0.35);
      slab.lineTo(x + w * 0.1, y + h * 0.3);
      slab.closePath();
      g.setColor(p.bright(SNOW_SHADOW, 0));
      g.fill(slab);
      Path2D top = new Path2D.Double();
      top.moveTo(x, y);
      top.lineTo(x + w * 0.15, y - h * 0.5);
      top.lineTo(x + w * 0.8, y - h * 0.6);
      top.lineTo(x + w, y);
      top.closePath();
      g.setColor(p.bright(SNOW, 0));
      g.fill(top);
    }
  }

  /** Snow melting in spring: patches of green grass showing through, larger nearer the viewer. */
  static void thaw(Graphics2D g, Layout l, Palette p, SplittableRandom r) {
    Color[] greens = {Rgb.of(0x6a9a48), Rgb.of(0x7fae52), Rgb.of(0x5a8a3e)};
    int count = 22;
    for (int i = 0; i < count; i++) {
      double t = (i + r.nextDouble()) / count;
      double y = l.horizon() + l.below() * (0.05 + 0.9 * t);
      double w = l.width() * (0.05 + 0.16 * t) * (0.6 + 0.8 * r.nextDouble());
      double x = l.width() * r.nextDouble() - w / 2;
      Color c = Rgb.mix(p.land(greens[r.nextInt(greens.length)], 0.4 * (1 - t)), SNOW, 0.2);
      g.setColor(c);
      // A ragged patch: a few overlapping flat blobs rather than one clean oval.
      for (int k = 0; k < 3; k++) {
        double bw = w * (0.5 + 0.5 * r.nextDouble());
        g.fill(new java.awt.geom.Ellipse2D.Double(x + (w - bw) * r.nextDouble(), y + w * 0.08 * (r.nextDouble() - 0.5),
            bw, bw * 0.25));
      }
    }
  }
}
