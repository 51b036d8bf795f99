package dev.visionary.generate.scene;

import java.awt.Color;

/** Colour arithmetic in plain sRGB, which is all a painted scene needs. */
final class Rgb {

  private Rgb() {
  }

  static Color of(int rgb) {
    return new Color(rgb);
  }

  static Color mix(Color a, Color b, double t) {
    double u = clamp01(t);
    return new Color(
        lerp(a.getRed(), b.getRed(), u),
        lerp(a.getGreen(), b.getGreen(), u),
        lerp(a.getBlue(), b.getBlue(), u),
        lerp(a.getAlpha(), b.getAlpha(), u));
  }

  /** Multiplies a colour by a light colour, then by a brightness. */
  static Color lit(Color base, Color light, double level) {
    return new Color(
        channel(base.getRed() * light.getRed() / 255.0 * level),
        channel(base.getGreen() * light.getGreen() / 255.0 * level),
        channel(base.getBlue() * light.getBlue() / 255.0 * level),
        base.getAlpha());
  }

  static Color scale(Color c, double f) {
    return new Color(channel(c.getRed() * f), channel(c.getGreen() * f), channel(c.getBlue() * f), c.getAlpha());
  }

  static Color alpha(Color c, double alpha) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), channel(alpha * 255));
  }

  /** Moves a colour toward its own grey by {@code amount} (0 keeps it, 1 makes it grey). */
  static Color desaturate(Color c, double amount) {
    int grey = channel(luma(c));
    return mix(c, new Color(grey, grey, grey, c.getAlpha()), amount);
  }

  static double luma(Color c) {
    return 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
  }

  static int channel(double v) {
    return v <= 0 ? 0 : v >= 255 ? 255 : (int) Math.round(v);
  }

  static double clamp01(double v) {
    return v < 0 ? 0 : v > 1 ? 1 : v;
  }

  static double smoothstep(double edge0, double edge1, double x) {
    double t = clamp01((x - edge0) / (edge1 - edge0));
    return t * t * (3 - 2 * t);
  }

  private static int lerp(int a, int b, double t) {
    return channel(a + (b - a) * t);
  }
}
