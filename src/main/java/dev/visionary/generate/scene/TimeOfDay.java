package dev.visionary.generate.scene;

import java.awt.Color;

/**
 * The light of a scene. Sky colours run from the top of the sky to the horizon; {@code light} tints
 * everything the sun or moon falls on and {@code level} says how bright it is.
 *
 * @see Palette for how moods and weather adjust these
 */
enum TimeOfDay {
  DAWN(0x4a5c96, 0xc497b4, 0xffd0a0, 0x6a6aa8, 0xe8a8a0, 0xffe4b8,
      0xffdcc4, 0.85, 0.10, 0xfff0d6, 0xffbfa8, 0x7a6f98, 0.15),
  DAY(0x2f6fc8, 0x6aa8e4, 0xcfe4f5, 0x1f5cb4, 0x58a4ec, 0xe4f2fa,
      0xfffcf4, 1.00, 0.72, 0xfffdf0, 0xffffff, 0xb6c4d8, 0.0),
  GOLDEN(0x964878, 0xe0745a, 0xffc070, 0xb04a60, 0xf08a4c, 0xffd890,
      0xffbc82, 0.72, 0.05, 0xffe4a0, 0xffa070, 0x7a4a78, 0.0),
  DUSK(0x1b2454, 0x5a4a84, 0xd88a7c, 0x252a62, 0x7a4a8a, 0xf0a070,
      0xa896c0, 0.42, -0.06, 0xffae80, 0xc98296, 0x3e3660, 0.55),
  NIGHT(0x050a1c, 0x0e1a38, 0x233658, 0x0a0a22, 0x1c1a44, 0x3a3262,
      0x8ca0d8, 0.36, -1.0, 0xf4f0e0, 0x5a6a90, 0x1a2038, 1.0);

  final Color skyTop;
  final Color skyMid;
  final Color skyHorizon;
  /** A second sky of the same hour; each picture's sky lies somewhere between the two. */
  final Color altTop;
  final Color altMid;
  final Color altHorizon;
  final Color light;
  final double level;
  /** Height of the sun above the horizon as a fraction of the sky; negative means it has set. */
  final double sunElevation;
  final Color sunColor;
  final Color cloudLit;
  final Color cloudShade;
  final double starVisibility;

  TimeOfDay(int skyTop, int skyMid, int skyHorizon, int altTop, int altMid, int altHorizon, int light,
      double level, double sunElevation, int sunColor, int cloudLit, int cloudShade, double starVisibility) {
    this.skyTop = new Color(skyTop);
    this.skyMid = new Color(skyMid);
    this.skyHorizon = new Color(skyHorizon);
    this.altTop = new Color(altTop);
    this.altMid = new Color(altMid);
    this.altHorizon = new Color(altHorizon);
    this.light = new Color(light);
    this.level = level;
    this.sunElevation = sunElevation;
    this.sunColor = new Color(sunColor);
    this.cloudLit = new Color(cloudLit);
    this.cloudShade = new Color(cloudShade);
    this.starVisibility = starVisibility;
  }

  boolean sunUp() {
    return sunElevation > 0;
  }

  /** Low sun: long warm light, silhouettes, a glow on the horizon. */
  boolean lowLight() {
    return this == DAWN || this == GOLDEN || this == DUSK;
  }
}
