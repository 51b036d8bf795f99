package dev.visionary.generate.scene;

/**
 * The one place a picture shows. Decided once per prompt (see {@link SceneWords}); everything drawn on
 * top of it, subjects included, stands on the line {@link Layout#horizon()} gives for it.
 */
public enum Setting {
  /** Sea or beach to the horizon. */
  SEASIDE,
  LAKE,
  MOUNTAINS,
  FOREST,
  /** Open land: meadows, hills, fields; also the picture for prompts that name no place. */
  FIELD,
  DESERT,
  SNOW,
  /** A skyline, or a street leading into one. */
  CITY,
  /** Above the clouds: a sea of cloud below, a floating island whose top is the horizon. */
  SKY,
  /** Walls, a floor, a window and a lamp; the horizon is where the floor meets the back wall. */
  INTERIOR,
  /** No sky: a water column lit from above; the horizon is the sea bed. */
  UNDERWATER,
  /** Stars and a planet, no ground; the horizon is the bottom edge. */
  SPACE,
  /** Another world's desert under a strange sky with a second moon. */
  PLANET,
  /** A seamless backdrop behind a table; the horizon is the table's front edge. */
  STUDIO,
  /** A flat graphic layout (poster, logo, card, map, diagram, stained glass) with its text in a box. */
  POSTER;

  /** Settings painted from the landscape elements, where weather and the sky's light belong. */
  boolean outdoors() {
    return switch (this) {
      case INTERIOR, UNDERWATER, SPACE, STUDIO, POSTER -> false;
      default -> true;
    };
  }
}
