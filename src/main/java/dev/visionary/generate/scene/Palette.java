package dev.visionary.generate.scene;

import java.awt.Color;
import java.util.List;

/**
 * The colours of one picture: the time of day's light adjusted for weather and mood. Whole-image
 * grading (saturation, tints, monochrome) happens later in {@link ColorGrade}; this only changes what
 * has to be chosen before painting, such as the sky of a neon night.
 */
record Palette(
    Color skyTop,
    Color skyMid,
    Color skyHorizon,
    Color light,
    double level,
    Color sunColor,
    Color cloudLit,
    Color cloudShade,
    Color haze,
    double hazeStrength,
    double starVisibility,
    List<Color> windowColors,
    List<Color> signColors) {

  private static final List<Color> WARM_WINDOWS = List.of(
      Rgb.of(0xffd68c), Rgb.of(0xffc070), Rgb.of(0xfbe6b4), Rgb.of(0xffe0a0), Rgb.of(0xcfe0ff));
  private static final List<Color> NEON_SIGNS = List.of(
      Rgb.of(0xff3cb4), Rgb.of(0x3cdcff), Rgb.of(0xa85cff), Rgb.of(0xffd68c), Rgb.of(0x5cffd0));

  /** @param variant 0 to 1: where this picture's sky lies between the hour's two skies */
  static Palette of(Scene scene, double variant) {
    TimeOfDay t = scene.time();
    Color top = Rgb.mix(t.skyTop, t.altTop, variant);
    Color mid = Rgb.mix(t.skyMid, t.altMid, variant);
    Color horizon = Rgb.mix(t.skyHorizon, t.altHorizon, variant);
    Color light = t.light;
    double level = t.level;
    Color cloudLit = t.cloudLit;
    Color cloudShade = t.cloudShade;
    double stars = t.starVisibility;
    double hazeStrength = 0.55;

    if (scene.has(Mood.NEON)) {
      // Neon belongs to the night: a violet sky with a magenta glow where the city lights reach it.
      double w = t == TimeOfDay.NIGHT || t == TimeOfDay.DUSK ? 0.75 : 0.35;
      top = Rgb.mix(top, Rgb.of(0x1a0a3c), w);
      mid = Rgb.mix(mid, Rgb.of(0x4a1670), w);
      horizon = Rgb.mix(horizon, Rgb.of(0xd23c9a), w);
      cloudShade = Rgb.mix(cloudShade, Rgb.of(0x2a1040), w);
      cloudLit = Rgb.mix(cloudLit, Rgb.of(0x8a3a9a), w);
    }
    if (scene.has(Element.CITY) && t == TimeOfDay.NIGHT) {
      // Light pollution: city skies are never black and the stars fade.
      horizon = Rgb.mix(horizon, Rgb.of(0x6a4a5a), 0.45);
      stars *= 0.35;
    }
    if (scene.overcast()) {
      top = Rgb.scale(Rgb.desaturate(top, 0.6), 0.82);
      mid = Rgb.scale(Rgb.desaturate(mid, 0.55), 0.85);
      horizon = Rgb.desaturate(horizon, 0.45);
      light = Rgb.desaturate(light, 0.5);
      level *= 0.78;
      cloudLit = Rgb.scale(Rgb.desaturate(cloudLit, 0.6), 0.8);
      cloudShade = Rgb.scale(Rgb.desaturate(cloudShade, 0.5), 0.8);
      stars = 0;
      hazeStrength = 0.7;
    }
    // Distant land takes on the colour of the air between: the low sky, tinged by the sky above it.
    Color haze = Rgb.mix(horizon, mid, 0.4);
    if (scene.has(Element.FOG)) {
      Color fog = Rgb.lit(Rgb.of(0xe6ecf2), Rgb.mix(light, Color.WHITE, 0.5), Math.max(level, 0.25));
      haze = Rgb.mix(horizon, fog, 0.6);
      horizon = Rgb.mix(horizon, fog, 0.5);
      mid = Rgb.mix(mid, fog, 0.25);
      hazeStrength = 0.85;
      stars *= 0.4;
      if (scene.has(Element.THICK_FOG)) {
        // Lost in fog: the whole sky is the fog's own pale grey, and nothing shines through it.
        top = Rgb.mix(top, fog, 0.7);
        mid = Rgb.mix(mid, fog, 0.8);
        horizon = Rgb.mix(horizon, fog, 0.85);
        haze = Rgb.mix(haze, fog, 0.6);
        hazeStrength = 0.95;
        stars = 0;
      }
    }
    return new Palette(top, mid, horizon, light, level, t.sunColor, cloudLit, cloudShade, haze, hazeStrength,
        stars, WARM_WINDOWS, NEON_SIGNS);
  }

  /**
   * The colour of a surface at a distance: lit by the scene's light and faded toward the haze.
   *
   * @param depth 0 for the foreground, 1 for the farthest layer
   */
  Color land(Color base, double depth) {
    return Rgb.mix(Rgb.lit(dim(base), light, level), haze, depth * hazeStrength);
  }

  /** In dim light eyes lose colour first: dusk and night wash surfaces toward grey. */
  private Color dim(Color base) {
    return Rgb.desaturate(base, Rgb.clamp01((0.6 - level) * 1.6));
  }

  /**
   * Like {@link #land} for snow and other bright surfaces, which stay light in dim light and pick up
   * the colour of the sky.
   */
  Color bright(Color base, double depth) {
    Color lit = Rgb.lit(dim(base), Rgb.mix(light, Color.WHITE, 0.45 * level), StrictMath.pow(level, 0.5));
    return Rgb.mix(Rgb.mix(lit, skyMid, 0.08 + 0.16 * (1 - level)), haze, depth * hazeStrength);
  }
}
