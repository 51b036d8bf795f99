package dev.visionary.generate.scene;

/** Things the painter knows how to draw; each is drawn only when the prompt asks for it. */
enum Element {
  SEA, LAKE, BEACH, MOUNTAINS, HILLS, FOREST, PINES, PALMS, TREES, CITY, STREET, DESERT,
  SNOW, SNOWFALL, RAIN, FOG, CLOUDS, SUN, MOON, STARS, AURORA, VOLCANO, BAMBOO, CLOUDSEA
}
