package dev.visionary.generate.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Paints the development ideas and checks, from the pixels, what a person would see: the right place,
 * the colours the words name, day or night, no sky indoors or underwater, and the prompt's words
 * written where the layout says.
 */
class SettingsPaintTest {

  private static final int SIDE = 512;
  /** Stands for "any landscape": ideas that name no place get one of the pleasant outdoor scenes. */
  private static final String OUTDOORS = "OUTDOORS";

  private final SceneRenderer renderer = new SceneRenderer();

  /** Idea number (1-based, as in ideas-dev.txt) to the setting a person would expect. */
  private static final Map<Integer, String> EXPECTED = expected();

  private static Map<Integer, String> expected() {
    String[] table = {
        "LAKE", OUTDOORS, "POSTER", "STUDIO", "CITY", "CITY", "FIELD", "POSTER", "STUDIO", "FIELD",
        "LAKE", "FOREST", "CITY", "STUDIO", "FIELD", "FIELD", "CITY", "INTERIOR", OUTDOORS, OUTDOORS,
        "SEASIDE", "CITY", "FOREST", OUTDOORS, OUTDOORS, "POSTER", OUTDOORS, "CITY", "INTERIOR", "CITY",
        "POSTER", "INTERIOR", OUTDOORS, "SEASIDE", "FOREST", "STUDIO", "MOUNTAINS", "STUDIO", "PLANET", "FIELD",
        "INTERIOR", "SEASIDE", "INTERIOR", "FIELD", "FIELD", "POSTER", "CITY", "SNOW", "DESERT", OUTDOORS,
        "UNDERWATER", OUTDOORS, "LAKE", "INTERIOR", "STUDIO", "SKY", "INTERIOR", "SEASIDE", "INTERIOR"};
    Map<Integer, String> out = new LinkedHashMap<>();
    for (int i = 0; i < table.length; i++) {
      out.put(i + 1, table[i]);
    }
    return out;
  }

  @Test
  void everyDevelopmentIdeaGetsTheSettingAPersonWouldExpect() {
    List<String> ideas = Ideas.dev();
    assertEquals(ideas.size(), EXPECTED.size(), "one expected setting per idea");
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < ideas.size(); i++) {
      Scene scene = renderer.plan(ideas.get(i), null, 1, SIDE, SIDE).scene();
      String expected = EXPECTED.get(i + 1);
      boolean right = expected.equals(OUTDOORS) ? scene.setting().outdoors() : scene.setting().name().equals(expected);
      if (!right) {
        wrong.add((i + 1) + " '" + ideas.get(i) + "': expected " + expected + ", got " + scene.setting());
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void theIdeaDecidesTheSettingNotTheStyleWordsAppendedToIt() {
    String expanded = "A quiet mountain lake at dawn. Soft window light, cozy interior mood, 35mm film, "
        + "poster-like composition.";
    assertEquals(Setting.LAKE, renderer.plan(expanded, null, 1, SIDE, SIDE).scene().setting());
    // Prompts as the built-in expander writes them for DALL·E, Midjourney and Stable Diffusion.
    assertEquals(Setting.LAKE, setting("A mountain lake at dawn, with mirror reflections of the shoreline and "
        + "glassy still water. Dragonflies are skimming the surface. Soft natural light."));
    assertEquals(Setting.CITY, setting("isometric tiny ramen shop at night, hand-written menu boards on the wall, "
        + "noren curtains hanging in the doorway, a red lantern glowing by the door"));
    assertEquals(Setting.STUDIO, setting("(portrait of a young violinist:1.2), chiaroscuro, (fingers on the "
        + "strings:1.1), a shallow depth of field"));
    assertEquals(List.of("Anna & Leo"), renderer.plan("a wedding invitation with roses and the words \"Anna & Leo\", "
        + "the words \"Anna & Leo\" in clear legible lettering, flat colors", null, 1, SIDE, SIDE).scene().texts());
    assertEquals(Setting.UNDERWATER, renderer.plan("an underwater city with bioluminescent jellyfish", null, 1,
        SIDE, SIDE).scene().setting(), "underwater beats city");
    assertEquals(Setting.POSTER, renderer.plan("a poster of a cozy living room underwater", null, 1, SIDE, SIDE)
        .scene().setting(), "a poster beats every place it shows");
    assertEquals(Setting.PLANET, renderer.plan("an astronaut riding a horse on mars", null, 1, SIDE, SIDE)
        .scene().setting());
  }

  @Test
  void everySettingKeepsAGroundLineInsideThePicture() {
    for (String idea : Ideas.dev()) {
      Layout l = renderer.plan(idea, null, 1, SIDE, SIDE).layout();
      assertTrue(l.horizon() > SIDE * 0.3 && l.horizon() <= SIDE, idea + ": horizon at " + l.horizon());
    }
  }

  @Test
  void colourWordsColourTheMainSurface() {
    BufferedImage lavender = paint("lavender fields in summer");
    double ground = meanHue(lavender, SIDE * 3 / 4, SIDE);
    assertTrue(ground > 250 && ground < 320, "lavender fields are purple, hue " + ground);

    BufferedImage red = paint("a red poster of a fox");
    double poster = meanHue(red, 0, SIDE);
    assertTrue(poster < 25 || poster > 335, "a red poster is red, hue " + poster);

    BufferedImage blue = paint("a blue room with a lamp");
    double walls = meanHue(blue, 0, SIDE / 2);
    assertTrue(walls > 200 && walls < 240, "a blue room has blue walls, hue " + walls);

    // A colour that names a thing, not the ground, leaves the meadow green.
    double meadow = meanHue(paint("a red car in a meadow"), SIDE * 3 / 4, SIDE);
    assertTrue(meadow > 60 && meadow < 150, "the meadow stays green, hue " + meadow);
  }

  @Test
  void blackAndWhiteAndPencilPaintNoColourAtAll() {
    for (String idea : List.of("a forest in black and white, no animals", "sketch of a violin, pencil on paper",
        "charcoal drawing of a harbour")) {
      BufferedImage image = paint(idea);
      assertTrue(maxChroma(image) <= 12, idea + ": a saturated pixel, chroma " + maxChroma(image));
    }
    assertTrue(maxChroma(paint("a forest at noon")) > 60, "without the words the forest is green");
  }

  @Test
  void nightIsDarkAndDayIsBright() {
    List<String> ideas = Ideas.dev();
    for (String idea : ideas) {
      Scene scene = renderer.plan(idea, null, 1, SIDE, SIDE).scene();
      if (scene.setting() == Setting.POSTER) {
        continue;
      }
      double luma = meanLuma(paint(idea), 0, SIDE);
      if (scene.time() == TimeOfDay.NIGHT) {
        assertTrue(luma < 75, idea + ": night, mean brightness " + luma);
      } else if (scene.time() == TimeOfDay.DAY && !scene.overcast() && !scene.has(Mood.MUTED)) {
        assertTrue(luma > 95, idea + ": day, mean brightness " + luma);
      }
    }
    double night = meanLuma(paint("a kitchen at night"), 0, SIDE);
    double noon = meanLuma(paint("a kitchen at noon"), 0, SIDE);
    assertTrue(noon > night + 40, "a kitchen by day " + noon + " against by night " + night);
  }

  @Test
  void indoorsAndUnderwaterThereIsNoSky() {
    for (String idea : Ideas.dev()) {
      Scene scene = renderer.plan(idea, null, 1, SIDE, SIDE).scene();
      BufferedImage image = paint(idea);
      if (scene.setting() == Setting.INTERIOR) {
        assertFalse(skyGradient(image), idea + ": the top of a room looks like open sky");
      }
      if (scene.setting() == Setting.UNDERWATER) {
        // The water column, from the surface down to the sea bed where sand and coral lie.
        int bed = (int) renderer.plan(idea, null, 1, SIDE, SIDE).layout().horizon();
        for (int band = 0; band < 4; band++) {
          double hue = meanHue(image, band * bed / 4, (band + 1) * bed / 4);
          assertTrue(hue > 150 && hue < 240, idea + ": band " + band + " is not blue-green, hue " + hue);
        }
      }
    }
    assertTrue(skyGradient(paint("a mountain lake at noon")), "a landscape does show a sky");
  }

  @Test
  void theWordsOfThePromptAreWrittenInTheTextBox() {
    Map<String, String> withWords = new LinkedHashMap<>();
    withWords.put("a wedding invitation with roses and the words \"Anna & Leo\"", "a wedding invitation with roses");
    withWords.put("logo for a bicycle repair shop called Spoke & Chain", "logo for a bicycle repair shop");
    withWords.put("a bakery window at night with a neon sign that says OPEN LATE",
        "a bakery window at night with a neon sign");
    withWords.put("a travel poster of lisbon with the words 'Visit Lisbon'", "a travel poster of lisbon");
    for (Map.Entry<String, String> pair : withWords.entrySet()) {
      Layout l = renderer.plan(pair.getKey(), null, 1, SIDE, SIDE).layout();
      Rectangle2D box = l.textBox();
      assertNotNull(box, pair.getKey() + ": no text box");
      assertNull(renderer.plan(pair.getValue(), null, 1, SIDE, SIDE).layout().textBox());
      double inked = inked(paint(pair.getKey()), box);
      // Without words, and without the subjects that stand wherever the box is not.
      double blank = inked(renderer.render(pair.getValue(), null, 1, SIDE, SIDE, null), box);
      assertTrue(inked > 0.04, pair.getKey() + ": only " + inked + " of the text box is ink");
      assertTrue(inked > blank * 3, pair.getKey() + ": the box holds no more ink than without words (" + inked
          + " against " + blank + ")");
    }
  }

  @Test
  void readsTheWordsToShowFromQuotesOrWhatASignSays() {
    assertEquals(List.of("Anna & Leo"), SceneWords.texts("an invitation with the words \"Anna & Leo\""));
    assertEquals(List.of("OPEN LATE"), SceneWords.texts("a neon sign that says OPEN LATE"));
    assertEquals(List.of("Spoke & Chain"), SceneWords.texts("a shop called Spoke & Chain"));
    assertEquals(List.of("Fika"), SceneWords.texts("a card reading 'Fika' for children's day"));
    assertEquals(List.of(), SceneWords.texts("children's book illustration of a hedgehog"));
  }

  @Test
  void paintingIsRepeatable() {
    for (String idea : List.of("a bakery window at night with a neon sign that says OPEN LATE",
        "an underwater coral reef teeming with fish", "a stained glass window of a peacock",
        "a futuristic train station on a desert planet")) {
      assertTrue(Arrays.equals(pixels(paint(idea)), pixels(paint(idea))), idea);
    }
  }

  private Setting setting(String prompt) {
    return renderer.plan(prompt, null, 1, SIDE, SIDE).scene().setting();
  }

  private BufferedImage paint(String idea) {
    return renderer.render(idea, null, 1, SIDE, SIDE);
  }

  private static int[] pixels(BufferedImage image) {
    return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
  }

  /** Share of the box whose brightness stands well apart from the box's typical brightness: ink on a ground. */
  static double inked(BufferedImage image, Rectangle2D box) {
    int x0 = (int) box.getX();
    int y0 = (int) box.getY();
    int w = (int) box.getWidth();
    int h = (int) box.getHeight();
    double[] luma = new double[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        luma[y * w + x] = luma(image.getRGB(x0 + x, y0 + y));
      }
    }
    double[] sorted = luma.clone();
    Arrays.sort(sorted);
    double median = sorted[sorted.length / 2];
    int ink = 0;
    for (double v : luma) {
      if (Math.abs(v - median) > 50) {
        ink++;
      }
    }
    return ink / (double) luma.length;
  }

  /**
   * Open sky: a blue-ish top band that grows lighter downward, as daylight skies do, or a dark band
   * dotted with stars. Walls, backdrops and screens are neither.
   */
  private static boolean skyGradient(BufferedImage image) {
    double hue = meanHue(image, 0, SIDE / 8);
    double top = meanLuma(image, 0, SIDE / 16);
    double lower = meanLuma(image, SIDE / 4, SIDE * 5 / 16);
    return hue > 190 && hue < 240 && meanChroma(image, 0, SIDE / 8) > 40 && lower > top + 10;
  }

  static double luma(int rgb) {
    return 0.2126 * ((rgb >> 16) & 0xff) + 0.7152 * ((rgb >> 8) & 0xff) + 0.0722 * (rgb & 0xff);
  }

  static double meanLuma(BufferedImage image, int from, int to) {
    double sum = 0;
    for (int y = from; y < to; y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        sum += luma(image.getRGB(x, y));
      }
    }
    return sum / ((double) (to - from) * image.getWidth());
  }

  private static int chroma(int rgb) {
    int r = (rgb >> 16) & 0xff;
    int g = (rgb >> 8) & 0xff;
    int b = rgb & 0xff;
    return Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b));
  }

  private static int maxChroma(BufferedImage image) {
    int max = 0;
    for (int rgb : pixels(image)) {
      max = Math.max(max, chroma(rgb));
    }
    return max;
  }

  private static double meanChroma(BufferedImage image, int from, int to) {
    double sum = 0;
    for (int y = from; y < to; y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        sum += chroma(image.getRGB(x, y));
      }
    }
    return sum / ((double) (to - from) * image.getWidth());
  }

  /** The hue (degrees) of a band of rows, each pixel weighted by its colourfulness so greys do not count. */
  static double meanHue(BufferedImage image, int from, int to) {
    double sx = 0;
    double sy = 0;
    for (int y = from; y < to; y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        float[] hsb = java.awt.Color.RGBtoHSB((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff, null);
        double weight = chroma(rgb);
        sx += weight * Math.cos(hsb[0] * 2 * Math.PI);
        sy += weight * Math.sin(hsb[0] * 2 * Math.PI);
      }
    }
    double degrees = Math.toDegrees(Math.atan2(sy, sx));
    return degrees < 0 ? degrees + 360 : degrees;
  }
}
