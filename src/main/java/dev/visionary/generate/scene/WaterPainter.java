package dev.visionary.generate.scene;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.SplittableRandom;

/**
 * Reflective surfaces below the horizon. The reflection mirrors the pixels already painted above the
 * horizon, so whatever stands on the far shore appears in the water without being drawn twice.
 */
final class WaterPainter {

  private static final Color DEEP_WATER = Rgb.of(0x1a5696);
  private static final Color SAND = Rgb.of(0xe6c898);
  private static final Color WET_SAND = Rgb.of(0x9c8266);

  /**
   * How a surface reflects.
   *
   * @param stretch how far below the horizon a reflection reaches per pixel of height above it
   * @param ripple sideways displacement of the reflection in design pixels, at the bottom edge
   * @param reflectFar share of reflection at the horizon; {@code reflectNear} at the bottom edge
   */
  record Surface(double stretch, double ripple, double reflectFar, double reflectNear, Color bodyFar,
      Color bodyNear, boolean streaky) { }

  private WaterPainter() {
  }

  static Surface sea(Palette p, boolean calm) {
    Color body = Rgb.mix(Rgb.scale(DEEP_WATER, 0.4 + 0.6 * p.level()), p.skyTop(), 0.12);
    return new Surface(1.0, calm ? 3 : 9, 0.92, calm ? 0.35 : 0.1, Rgb.mix(body, p.skyHorizon(), 0.3), body, false);
  }

  /** Wet asphalt: long vertical smears of every light above it. */
  static Surface wetStreet(Palette p) {
    Color body = Rgb.scale(LandPainter.ASPHALT, 0.5 + 0.5 * p.level());
    return new Surface(2.6, 2, 0.55, 0.4, Rgb.mix(body, p.skyHorizon(), 0.25), Rgb.scale(body, 0.85), true);
  }

  static Surface dryStreet(Palette p) {
    Color body = Rgb.scale(LandPainter.ASPHALT, 0.5 + 0.5 * p.level());
    return new Surface(2.6, 1, 0.22, 0.08, Rgb.mix(body, p.skyHorizon(), 0.25), Rgb.scale(body, 0.85), true);
  }

  static void reflect(BufferedImage image, Layout l, Surface surface, SplittableRandom r) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] px = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    int first = (int) Math.ceil(l.horizon());
    double[] wave = new double[w];
    double waveFreq = (0.015 + 0.01 * r.nextDouble()) / l.unit();
    for (int x = 0; x < w; x++) {
      wave[x] = StrictMath.sin(x * waveFreq) * 0.6;
    }
    double phase = r.nextDouble() * 100;
    int[] srcRows = new int[4];
    int[] far = {surface.bodyFar().getRed(), surface.bodyFar().getGreen(), surface.bodyFar().getBlue()};
    int[] near = {surface.bodyNear().getRed(), surface.bodyNear().getGreen(), surface.bodyNear().getBlue()};
    for (int y = first; y < h; y++) {
      double t = (y - l.horizon()) / l.below();
      // Nearer water shows bigger, slower ripples; farther water is a thin, fast shimmer.
      double amp = surface.ripple() * l.unit() * (0.15 + 0.85 * t);
      double rowShift = surface.streaky() ? (r.nextDouble() - 0.5) * 2 * amp
          : amp * StrictMath.sin((y - l.horizon()) / (l.unit() * (1.2 + 6 * t)) + phase);
      // Wet asphalt blurs reflections vertically: average a few rows spread over a span that grows nearer.
      double spread = surface.streaky() ? l.unit() * (3 + 40 * t) : 0;
      int taps = surface.streaky() ? 4 : 1;
      double centre = l.horizon() - 1 - (y - l.horizon()) / surface.stretch();
      for (int k = 0; k < taps; k++) {
        int sy = (int) (centre + (k - (taps - 1) / 2.0) * spread / taps);
        srcRows[k] = Math.max(0, Math.min(first - 1, sy)) * w;
      }
      double reflect = surface.reflectFar() + (surface.reflectNear() - surface.reflectFar()) * StrictMath.pow(t, 0.4);
      int a = (int) (reflect * 256);
      int br = (int) (far[0] + (near[0] - far[0]) * t);
      int bg = (int) (far[1] + (near[1] - far[1]) * t);
      int bb = (int) (far[2] + (near[2] - far[2]) * t);
      int row = y * w;
      for (int x = 0; x < w; x++) {
        int sx = x + (int) (rowShift + wave[x] * amp);
        sx = sx < 0 ? 0 : sx >= w ? w - 1 : sx;
        int sr = 0;
        int sg = 0;
        int sb = 0;
        for (int k = 0; k < taps; k++) {
          int s = px[srcRows[k] + sx];
          sr += (s >> 16) & 0xff;
          sg += (s >> 8) & 0xff;
          sb += s & 0xff;
        }
        // Reflections are a little darker than what they reflect.
        sr = sr * 7 / (8 * taps);
        sg = sg * 7 / (8 * taps);
        sb = sb * 7 / (8 * taps);
        px[row + x] = ((br + ((sr - br) * a >> 8)) << 16) | ((bg + ((sg - bg) * a >> 8)) << 8)
            | (bb + ((sb - bb) * a >> 8));
      }
    }
  }

  /** Wave crests and, under a visible sun or moon, the glittering path of light toward the viewer. */
  static void surface(Graphics2D g, Layout l, Palette p, Scene s, SplittableRandom r) {
    boolean calm = s.has(Element.LAKE) && !s.has(Element.SEA);
    int crests = (int) ((calm ? 120 : 420) * l.width() / 1024.0);
    Color light = Rgb.mix(p.skyHorizon(), Color.WHITE, 0.35);
    Color trough = Rgb.scale(DEEP_WATER, 0.3);
    for (int i = 0; i < crests; i++) {
      double t = StrictMath.pow(r.nextDouble(), 1.4);
      double y = l.horizon() + l.below() * t;
      double len = l.width() * (0.01 + 0.07 * t) * (0.5 + r.nextDouble());
      double x = r.nextDouble() * l.width();
      float thick = (float) (l.unit() * (0.6 + 2.2 * t));
      g.setStroke(new BasicStroke(thick, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.setColor(Rgb.alpha(trough, 0.18));
      g.draw(new Line2D.Double(x, y + thick, x + len, y + thick));
      g.setColor(Rgb.alpha(light, (calm ? 0.08 : 0.14) * (0.5 + t)));
      g.draw(new Line2D.Double(x, y, x + len, y));
    }
    boolean sunVisible = s.has(Element.SUN) && s.time().sunUp() && !s.skyHidden() && !s.has(Element.MOON);
    boolean moonVisible = s.has(Element.MOON) && !s.skyHidden();
    if (sunVisible || moonVisible) {
      glitter(g, l, sunVisible ? p.sunColor() : Rgb.of(0xdfe6f4), s.time().lowLight() || moonVisible, r);
    }
  }

  private static void glitter(Graphics2D g, Layout l, Color color, boolean lowLight, SplittableRandom r) {
    int count = (int) (320 * l.width() / 1024.0);
    Color bright = Rgb.mix(color, Color.WHITE, 0.45);
    for (int i = 0; i < count; i++) {
      double t = StrictMath.pow(r.nextDouble(), 1.3);
      double spread = l.width() * (0.015 + (lowLight ? 0.12 : 0.22) * t);
      double x = l.lightX() + gaussian(r) * spread;
      double y = l.horizon() + 1 + l.below() * t;
      double len = l.width() * (0.004 + 0.03 * t) * (0.4 + r.nextDouble());
      double alpha = (lowLight ? 0.75 : 0.45) * (1 - 0.55 * t) * (0.4 + 0.6 * r.nextDouble());
      g.setStroke(new BasicStroke((float) (l.unit() * (0.7 + 1.6 * t)), BasicStroke.CAP_ROUND,
          BasicStroke.JOIN_ROUND));
      g.setColor(Rgb.alpha(bright, alpha));
      g.draw(new Line2D.Double(x - len / 2, y, x + len / 2, y));
    }
  }

  /** Sand in the foreground with a darker wet band and a line of foam where the waves reach. */
  static void beach(Graphics2D g, Layout l, Palette p, SplittableRandom r) {
    double level = 0.4 + 0.2 * r.nextDouble();
    double tilt = (r.nextDouble() - 0.5) * 0.35;
    double waves = 1 + 2 * r.nextDouble();
    double phase = r.nextDouble() * Math.PI * 2;
    int samples = 96;
    double[] xs = new double[samples + 1];
    double[] ys = new double[samples + 1];
    for (int i = 0; i <= samples; i++) {
      double u = (double) i / samples;
      xs[i] = l.width() * u;
      ys[i] = l.horizon() + l.below() * (level + tilt * (u - 0.5) + 0.05 * StrictMath.sin(u * Math.PI * waves + phase));
    }
    double top = l.horizon() + l.below() * (level - Math.abs(tilt) / 2 - 0.05);
    Color sand = p.bright(SAND, 0.25);
    g.setPaint(new LinearGradientPaint(0, (float) top, 0, l.height(), new float[] {0f, 1f},
        new Color[] {Rgb.mix(sand, p.land(WET_SAND, 0.2), 0.6), p.bright(SAND, 0)}));
    Path2D beach = MountainPainter.outline(xs, ys, l.height() + 1);
    g.fill(beach);
    Shape savedClip = g.getClip();
    g.clip(beach);
    LandPainter.drifts(g, l, p.land(WET_SAND, 0.1), level + 0.1, r);
    g.setClip(savedClip);

    // The wet band mirrors a little of the sky and fades into dry sand.
    Path2D wet = new Path2D.Double();
    double band = l.below() * 0.07;
    wet.moveTo(xs[0], ys[0]);
    for (int i = 1; i <= samples; i++) {
      wet.lineTo(xs[i], ys[i]);
    }
    for (int i = samples; i >= 0; i--) {
      wet.lineTo(xs[i], ys[i] + band * (0.7 + 0.3 * StrictMath.sin(i * 0.2 + phase)));
    }
    wet.closePath();
    g.setPaint(new LinearGradientPaint(0, (float) top, 0, (float) (top + band * 3), new float[] {0f, 1f},
        new Color[] {Rgb.alpha(Rgb.mix(p.land(WET_SAND, 0.2), p.skyHorizon(), 0.3), 0.85),
            Rgb.alpha(p.land(WET_SAND, 0.2), 0.0)}));
    g.fill(wet);

    Color foam = Rgb.mix(Color.WHITE, p.skyHorizon(), 0.3);
    g.setStroke(new BasicStroke((float) (2.2 * l.unit()), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.setColor(Rgb.alpha(foam, 0.75));
    g.draw(polyline(xs, ys, 0));
    g.setStroke(new BasicStroke((float) (1.4 * l.unit()), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.setColor(Rgb.alpha(foam, 0.35));
    g.draw(polyline(xs, ys, -l.below() * 0.025));
  }

  private static Path2D polyline(double[] xs, double[] ys, double dy) {
    Path2D path = new Path2D.Double();
    path.moveTo(xs[0], ys[0] + dy);
    for (int i = 1; i < xs.length; i++) {
      path.lineTo(xs[i], ys[i] + dy);
    }
    return path;
  }

  private static double gaussian(SplittableRandom r) {
    return (r.nextDouble() + r.nextDouble() + r.nextDouble() + r.nextDouble() - 2) / 1.15;
  }
}
