package dev.visionary.generate.scene;

import java.awt.geom.Rectangle2D;

/**
 * Where things are in one picture, in pixels.
 *
 * @param horizon y of the line things stand on: where the sky meets land or water outdoors, the foot
 *     of the back wall indoors, the sea bed underwater, the table's front edge in a studio, the foot of
 *     the picture panel on a poster, the bottom edge in space
 * @param unit pixels per "design pixel": 1 at 1024x1024, so line widths and small details scale with size
 * @param lightX x of the sun or moon, which decides which side of every shape is lit
 * @param lightY y of the sun or moon (may be below the horizon when it has set)
 * @param textBox where the prompt's text is set, or null when there is none to show
 */
record Layout(int width, int height, double horizon, double unit, double lightX, double lightY,
    Rectangle2D textBox) {

  boolean lightFromLeft() {
    return lightX < width / 2.0;
  }

  /** Height of the land or water below the horizon. */
  double below() {
    return height - horizon;
  }

  Layout withHorizon(double y) {
    return new Layout(width, height, y, unit, lightX, lightY, textBox);
  }

  Layout withTextBox(Rectangle2D box) {
    return new Layout(width, height, horizon, unit, lightX, lightY, box);
  }
}
