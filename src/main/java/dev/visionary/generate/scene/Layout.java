package dev.visionary.generate.scene;

/**
 * Where things are in one picture, in pixels.
 *
 * @param horizon y of the line where the sky meets land or water
 * @param unit pixels per "design pixel": 1 at 1024x1024, so line widths and small details scale with size
 * @param lightX x of the sun or moon, which decides which side of every shape is lit
 * @param lightY y of the sun or moon (may be below the horizon when it has set)
 */
record Layout(int width, int height, double horizon, double unit, double lightX, double lightY) {

  boolean lightFromLeft() {
    return lightX < width / 2.0;
  }

  /** Height of the land or water below the horizon. */
  double below() {
    return height - horizon;
  }
}
