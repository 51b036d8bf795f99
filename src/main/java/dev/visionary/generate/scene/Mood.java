package dev.visionary.generate.scene;

/** Palette and mood words that change colours rather than content. */
enum Mood {
  WARM, COLD, PASTEL, NEON, MONOCHROME, VIBRANT, MUTED
}
