package dev.visionary.generate.scene;

/** Which kind of a setting: the room of an interior, the layout of a graphic, the world of a planet. */
enum Variant {
  NONE,
  ROOM, LIVING_ROOM, KITCHEN, NOOK, DINER, COCKPIT, STATION, ARCADE, BAKERY,
  POSTER, LOGO, CARD, MAP, INFOGRAPHIC, STAINED_GLASS,
  MARS, ALIEN,
  REEF,
  TABLE, MARBLE, PAPER, PORTRAIT,
  VILLAGE
}
