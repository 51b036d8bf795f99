package dev.visionary.generate.scene;

/** The season changes what grows: autumn leaves turn orange, spring trees blossom. */
enum Season {
  ANY, SPRING, SUMMER, AUTUMN, WINTER
}
