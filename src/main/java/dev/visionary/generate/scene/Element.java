package dev.visionary.generate.scene;

/** Things the painter knows how to draw; each is drawn only when the prompt asks for it. */
enum Element {
  SEA, LAKE, BEACH, MOUNTAINS, HILLS, FOREST, PINES, PALMS, TREES, CITY, STREET, DESERT,
  SNOW, SNOWFALL, RAIN, FOG,
  /** Fog a place is lost in ("in the fog"), not a haze it stands in: it hides the sun and whitens the sky. */
  THICK_FOG,
  CLOUDS, SUN, MOON, STARS, AURORA, VOLCANO,
  /** A mountain that stands alone (Mount Fuji): one snow-capped cone instead of a range. */
  LONE_PEAK,
  BAMBOO, CLOUDSEA,
  CROSSING, MARKET, AERIAL,
  /** How the place is lit or changing (backlight, window light, a thaw): not places to stand on. */
  BACKLIGHT, WINDOWLIGHT, SIDELIGHT, THAW
}
