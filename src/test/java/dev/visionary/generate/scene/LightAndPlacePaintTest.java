package dev.visionary.generate.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/**
 * Light and place words a person would look for in the sketch: a market of old houses and striped
 * stalls, a portrait by a window or in chiaroscuro, backlight, a zebra crossing, snow thawing in spring,
 * an arcade's rows of cabinets and a view from above. Pictures are painted without subjects (the
 * backdrop alone), so the checks see the setting and its light.
 */
class LightAndPlacePaintTest {

  private static final int SIDE = 512;
  private final SceneRenderer renderer = new SceneRenderer();

  @Test
  void aMedievalMarketIsOldHousesAndStripedStallsNotTowers() {
    String market = "a busy medieval marketplace with merchants selling spices, silk and pottery while a juggler "
        + "entertains children in front of a stone fountain";
    Scene scene = renderer.plan(market, null, 1, SIDE, SIDE).scene();
    assertEquals(Variant.VILLAGE, scene.variant());
    assertEquals(Variant.VILLAGE, renderer.plan("a bazaar at dusk", null, 1, SIDE, SIDE).scene().variant());
    BufferedImage image = backdrop(market);
    // The upper half stays open sky: no tower reaches into it.
    double skyBlue = share(image, 0, SIDE * 45 / 100, rgb -> hue(rgb) > 190 && hue(rgb) < 250 && chroma(rgb) > 40);
    assertTrue(skyBlue > 0.95, "sky above a market town: " + skyBlue);
    BufferedImage city = backdrop("a busy downtown street with merchants selling spices");
    double citySky = share(city, 0, SIDE * 45 / 100, rgb -> hue(rgb) > 190 && hue(rgb) < 250 && chroma(rgb) > 40);
    assertTrue(citySky < skyBlue - 0.05, "a downtown's towers reach into the sky: " + citySky);
    // Stalls: rows of saturated stripes across the lower part, alternating with pale cloth.
    int y = awningRow(image);
    assertTrue(y > 0, "a row of striped awnings");
  }

  @Test
  void mountFujiIsOneSnowCappedConeNotARangeOrTheSea() {
    // "Mount Fuji at dawn" was painted as an empty sea: neither "mount" nor "fuji" named anything.
    for (String fuji : List.of("Mount Fuji at midday", "富士山 at midday", "mt fuji reflected in a lake at midday")) {
      Scene scene = renderer.plan(fuji, null, 1, SIDE, SIDE).scene();
      assertTrue(scene.has(Element.LONE_PEAK) && scene.has(Element.MOUNTAINS), fuji);
      BufferedImage image = backdrop(fuji);
      int horizon = (int) renderer.plan(fuji, null, 1, SIDE, SIDE).layout().horizon();
      IntPredicate snow = rgb -> luma(rgb) > 185 && chroma(rgb) < 40;
      IntPredicate sky = rgb -> hue(rgb) > 190 && hue(rgb) < 250 && chroma(rgb) > 40;
      // The cone's upper part, a fifth to a third of the picture above the horizon.
      int capTop = horizon - SIDE * 36 / 100;
      int capBottom = horizon - SIDE * 20 / 100;
      assertTrue(boxShare(image, SIDE * 42 / 100, SIDE * 58 / 100, capTop, capBottom, snow) > 0.25, fuji + ": a snow cap in the middle");
      // One cone: at the height of its snow cap the sky is open on both sides, where a range would stand.
      assertTrue(boxShare(image, 0, SIDE / 8, capTop, capBottom, sky) > 0.9, fuji + ": open sky to the left");
      assertTrue(boxShare(image, SIDE * 7 / 8, SIDE, capTop, capBottom, sky) > 0.9, fuji + ": open sky to the right");
    }
    assertFalse(renderer.plan("a mountain range at midday", null, 1, SIDE, SIDE).scene().has(Element.LONE_PEAK));
    // A film stock or an apple is not the mountain; no mountains wanted means no cone either.
    assertFalse(renderer.plan("street portrait, shot on Fuji Superia 400", null, 1, SIDE, SIDE).scene().has(Element.LONE_PEAK));
    assertFalse(renderer.plan("Mount Fuji at midday", "mountains", 1, SIDE, SIDE).scene().has(Element.LONE_PEAK));
  }

  @Test
  void aPortraitByTheWindowShowsTheWindowAndChiaroscuroIsDarkWithOneSideLight() {
    String byWindow = "a portrait of an elderly woman, 85mm, soft window light";
    BufferedImage window = backdrop(byWindow);
    BufferedImage plain = backdrop("a portrait of an elderly woman, 85mm");
    // One pane of the window, on the side the light comes from, against the wall beside it.
    boolean fromLeft = renderer.plan(byWindow, null, 1, SIDE, SIDE).layout().lightFromLeft();
    int x0 = fromLeft ? SIDE * 8 / 100 : SIDE * 70 / 100;
    int x1 = x0 + SIDE * 9 / 100;
    double pane = boxLuma(window, x0, x1, SIDE * 12 / 100, SIDE * 30 / 100);
    double wall = boxLuma(window, SIDE * 42 / 100, SIDE * 58 / 100, SIDE * 12 / 100, SIDE * 30 / 100);
    double noWindow = boxLuma(plain, x0, x1, SIDE * 12 / 100, SIDE * 30 / 100);
    assertTrue(pane > wall + 15, "the window is brighter than the wall: " + pane + " vs " + wall);
    assertTrue(pane > noWindow + 15, "and brighter than that spot without the words: " + pane + " vs " + noWindow);
    BufferedImage dark = backdrop("portrait of a young violinist, chiaroscuro");
    double left = columnsLuma(dark, 0, SIDE / 8);
    double right = columnsLuma(dark, SIDE * 7 / 8, SIDE);
    double lit = Math.max(left, right);
    double shadow = Math.min(left, right);
    assertTrue(shadow < 45, "the far side falls into the dark: " + shadow);
    assertTrue(lit > shadow + 60, "one strong light from the side: " + lit + " vs " + shadow);
  }

  @Test
  void backlightPutsTheGlowBehindTheHorizonAndDarkensTheForeground() {
    String idea = "a knight kneeling before a glowing sword, dramatic backlight";
    double horizon = renderer.plan(idea, null, 1, SIDE, SIDE).layout().horizon();
    BufferedImage image = backdrop(idea);
    int h = (int) horizon;
    double behind = boxLuma(image, SIDE * 2 / 5, SIDE * 3 / 5, h - SIDE / 12, h);
    double corners = (boxLuma(image, 0, SIDE / 8, h - SIDE / 12, h)
        + boxLuma(image, SIDE * 7 / 8, SIDE, h - SIDE / 12, h)) / 2;
    double foreground = boxLuma(image, 0, SIDE, SIDE * 9 / 10, SIDE);
    assertTrue(behind > 200, "a bright glow low in the middle: " + behind);
    assertTrue(behind > corners + 25, "brighter behind the subject than at the sides: " + behind + " vs " + corners);
    assertTrue(foreground < behind - 100, "the near ground is in shadow: " + foreground);
  }

  @Test
  void aLighthouseInTheFogHasAPaleSkyWithoutSunWhileMorningMistKeepsItsColour() {
    for (String fog : List.of("a lighthouse in the fog", "ein alter leuchtturm im nebel")) {
      Scene scene = renderer.plan(fog, null, 1, SIDE, SIDE).scene();
      assertTrue(scene.has(Element.THICK_FOG) && scene.skyHidden(), fog);
      double blue = share(backdrop(fog), 0, SIDE * 35 / 100, rgb -> chroma(rgb) > 40);
      assertTrue(blue < 0.05, fog + ": the sky is the fog's grey, not blue: " + blue);
    }
    String mist = "a lighthouse in the morning mist";
    assertFalse(renderer.plan(mist, null, 1, SIDE, SIDE).scene().has(Element.THICK_FOG), mist);
    Scene volumetric = renderer.plan("a lighthouse at dusk, volumetric fog", null, 1, SIDE, SIDE).scene();
    assertTrue(volumetric.has(Element.FOG) && !volumetric.has(Element.THICK_FOG), "volumetric fog is a haze in the light");
    Scene unwanted = renderer.plan("a misty forest at dawn", "fog", 1, SIDE, SIDE).scene();
    assertFalse(unwanted.has(Element.FOG) || unwanted.has(Element.THICK_FOG), "fog in the negative prompt takes out the mist too");
    double blue = share(backdrop(mist), 0, SIDE * 35 / 100, rgb -> chroma(rgb) > 40);
    assertTrue(blue > 0.2, mist + ": a haze low down, the sky above still coloured: " + blue);
  }

  @Test
  void aCrossingHasZebraStripesOnTheStreet() {
    String crossing = "street photography of a rainy tokyo crossing, 50mm";
    String street = "street photography of a rainy tokyo street, 50mm";
    int stripes = alternations(backdrop(crossing), renderer.plan(crossing, null, 1, SIDE, SIDE).layout());
    int plain = alternations(backdrop(street), renderer.plan(street, null, 1, SIDE, SIDE).layout());
    assertTrue(stripes >= 20, "light and dark stripes across the road: " + stripes);
    assertTrue(plain < 8, "a plain street has no zebra: " + plain);
  }

  @Test
  void snowInSpringThawsIntoGreenPatchesUnderAWarmSun() {
    IntPredicate grass = rgb -> hue(rgb) > 70 && hue(rgb) < 150 && chroma(rgb) > 30;
    String spring = "a snowman melting in the spring sun";
    String winter = "a snowman in the snow on a winter day";
    int springGround = (int) renderer.plan(spring, null, 1, SIDE, SIDE).layout().horizon();
    int winterGround = (int) renderer.plan(winter, null, 1, SIDE, SIDE).layout().horizon();
    double thawed = share(backdrop(spring), springGround, SIDE, grass);
    double frozen = share(backdrop(winter), winterGround, SIDE, grass);
    assertTrue(thawed > 0.04, "green showing through the snow: " + thawed);
    assertTrue(frozen < 0.005, "winter snow stays white: " + frozen);
    assertTrue(renderer.plan(spring, null, 1, SIDE, SIDE).scene().has(Mood.WARM), "the spring sun is warm");
  }

  @Test
  void anArcadeHasRowsOfCabinetsWithGlowingScreensAcrossTheRoom() {
    String idea = "a neon-lit arcade in the 1980s";
    BufferedImage image = backdrop(idea);
    IntPredicate screen = rgb -> chroma(rgb) > 150 && luma(rgb) > 80;
    int floor = (int) renderer.plan(idea, null, 1, SIDE, SIDE).layout().horizon();
    for (int[] band : new int[][] {{0, SIDE / 6}, {SIDE / 3, SIDE * 2 / 3}, {SIDE * 5 / 6, SIDE}}) {
      double lit = boxShare(image, band[0], band[1], 0, floor, screen);
      assertTrue(lit > 0.03, "glowing screens in columns " + band[0] + "-" + band[1] + ": " + lit);
    }
    // The cabinets stand on the floor: their glow lies on it, so the floor is not one dark plane.
    double floorGlow = boxShare(image, 0, SIDE, floor, SIDE, rgb -> chroma(rgb) > 40);
    assertTrue(floorGlow > 0.1, "the screens light the floor in front of them: " + floorGlow);
  }

  @Test
  void anAerialViewLooksDownOnCanopyAndRiverWithNoSky() {
    BufferedImage image = backdrop("aerial view of a winding river through a rainforest");
    IntPredicate canopy = rgb -> hue(rgb) > 70 && hue(rgb) < 160 && chroma(rgb) > 30;
    IntPredicate water = rgb -> hue(rgb) > 180 && hue(rgb) < 230 && chroma(rgb) > 30;
    assertTrue(share(image, 0, SIDE / 8, canopy) > 0.5, "the top of the frame is forest, not sky");
    for (int q = 0; q < 4; q++) {
      double river = share(image, q * SIDE / 4, (q + 1) * SIDE / 4, water);
      assertTrue(river > 0.03, "the river runs through quarter " + q + ": " + river);
    }
  }

  private BufferedImage backdrop(String idea) {
    return renderer.render(idea, null, 1, SIDE, SIDE, null);
  }

  /** The first row in the lower half where saturated and pale runs alternate many times: an awning. */
  private static int awningRow(BufferedImage image) {
    for (int y = SIDE / 2; y < SIDE; y++) {
      int changes = 0;
      boolean was = false;
      for (int x = 0; x < SIDE; x++) {
        int rgb = image.getRGB(x, y);
        boolean colour = chroma(rgb) > 90;
        boolean pale = luma(rgb) > 200;
        if (colour && !was || pale && was) {
          changes++;
          was = colour;
        }
      }
      if (changes >= 12) {
        return y;
      }
    }
    return -1;
  }

  /** Light-dark changes along a row two thirds of the way from the horizon to the bottom. */
  private static int alternations(BufferedImage image, Layout l) {
    int y = (int) (l.horizon() + l.below() * 0.67);
    int changes = 0;
    boolean light = luma(image.getRGB(0, y)) > 170;
    for (int x = 1; x < SIDE; x++) {
      boolean now = luma(image.getRGB(x, y)) > 170;
      if (now != light) {
        changes++;
        light = now;
      }
    }
    return changes;
  }

  private static double share(BufferedImage image, int fromY, int toY, IntPredicate test) {
    return boxShare(image, 0, SIDE, fromY, toY, test);
  }

  private static double boxShare(BufferedImage image, int x0, int x1, int y0, int y1, IntPredicate test) {
    int hit = 0;
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        if (test.test(image.getRGB(x, y))) {
          hit++;
        }
      }
    }
    return hit / (double) ((x1 - x0) * (y1 - y0));
  }

  private static double columnsLuma(BufferedImage image, int x0, int x1) {
    return boxLuma(image, x0, x1, 0, SIDE);
  }

  private static double boxLuma(BufferedImage image, int x0, int x1, int y0, int y1) {
    double sum = 0;
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        sum += luma(image.getRGB(x, y));
      }
    }
    return sum / ((double) (x1 - x0) * (y1 - y0));
  }

  private static double luma(int rgb) {
    return SettingsPaintTest.luma(rgb);
  }

  private static int chroma(int rgb) {
    int r = (rgb >> 16) & 0xff;
    int g = (rgb >> 8) & 0xff;
    int b = rgb & 0xff;
    return Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b));
  }

  private static double hue(int rgb) {
    float[] hsb = java.awt.Color.RGBtoHSB((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff, null);
    return hsb[0] * 360.0;
  }
}
