package dev.visionary.generate.scene;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Paints a sketch of a prompt: reads the setting, elements, light and mood the words ask for, lays them
 * out from a seed and paints them back to front.
 *
 * <p>The picture depends only on the prompt, the negative prompt, the seed and the size: no clock, no
 * hash-map order, no shared state. Every layer draws from its own random stream split off in a fixed
 * order, so the number of stars on a big canvas cannot shift where the mountains go.
 */
public final class SceneRenderer {

  public static final int MIN_SIDE = 64;
  public static final int MAX_SIDE = 2048;

  /** The word tables are read with the first picture, not when the app is built: the server's start waits for neither. */
  public SceneRenderer() {}

  /**
   * @param prompt what to paint; style words may be appended to it
   * @param negativePrompt elements to leave out, or null
   */
  public BufferedImage render(String prompt, String negativePrompt, long seed, int width, int height) {
    return render(prompt, negativePrompt, seed, width, height, new ArrayList<>());
  }

  /**
   * @param drawn receives where each subject was drawn; null paints the backdrop alone, the same pixels
   *     the picture has behind its subjects
   */
  BufferedImage render(String prompt, String negativePrompt, long seed, int width, int height,
      List<SubjectPainter.Drawn> drawn) {
    if (width < MIN_SIDE || height < MIN_SIDE || width > MAX_SIDE || height > MAX_SIDE) {
      throw new IllegalArgumentException("each side must be between " + MIN_SIDE + " and " + MAX_SIDE
          + " pixels, got " + width + "x" + height);
    }
    SplittableRandom root = new SplittableRandom(seed ^ fingerprint(prompt, negativePrompt));
    SubjectReading.Reading reading = SubjectReading.read(SubjectWords.standard(), prompt, negativePrompt);
    Scene scene = SceneWords.standard().read(prompt, negativePrompt, root.nextLong(), footing(reading));
    SplittableRandom layoutRandom = root.split();
    Streams streams = new Streams(root.split(), root.split(), root.split(), root.split(), root.split(),
        root.split(), root.split(), root.split(), root.split());
    // Split after every older layer's stream, so drawing subjects moved nothing that was already painted.
    SplittableRandom subjectRandom = root.split();
    SubjectPainter subjects = drawn == null ? null : new SubjectPainter(reading, subjectRandom, drawn);

    Palette palette = Palette.of(scene, layoutRandom.nextDouble());
    Layout layout = layout(scene, width, height, layoutRandom);
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      paint(g, image, scene, palette, layout, streams, subjects);
    } finally {
      g.dispose();
    }
    ColorGrade.apply(image, scene);
    return image;
  }

  /**
   * Land when a subject the prompt names stands on the ground; water when every one floats on it (a boat) or swims
   * (a koi, unless the prompt has it drifting through the air); either for the rest (birds fly, a frame hangs).
   */
  private static SceneWords.Footing footing(SubjectReading.Reading reading) {
    List<SubjectReading.Subject> subjects = reading.subjects();
    if (subjects.stream().anyMatch(s -> s.figure().stands() == SubjectWords.Stand.GROUND && !s.airborne())) {
      return SceneWords.Footing.LAND;
    }
    return !subjects.isEmpty() && subjects.stream().allMatch(s -> s.figure().stands() == SubjectWords.Stand.WATER
        || s.figure().stands() == SubjectWords.Stand.FLOAT && !s.airborne()) ? SceneWords.Footing.WATER : SceneWords.Footing.ANY;
  }

  /** What the painter read from a prompt and where it will put things; tests check pictures against it. */
  record Plan(Scene scene, Layout layout) { }

  /** The reading and layout {@link #render} uses for these arguments, without painting. */
  Plan plan(String prompt, String negativePrompt, long seed, int width, int height) {
    SplittableRandom root = new SplittableRandom(seed ^ fingerprint(prompt, negativePrompt));
    SubjectReading.Reading reading = SubjectReading.read(SubjectWords.standard(), prompt, negativePrompt);
    Scene scene = SceneWords.standard().read(prompt, negativePrompt, root.nextLong(), footing(reading));
    SplittableRandom layoutRandom = root.split();
    layoutRandom.nextDouble();
    return new Plan(scene, layout(scene, width, height, layoutRandom));
  }

  /**
   * One random stream per layer. New layers take new streams at the end, so adding one does not move
   * anything in pictures painted before.
   */
  private record Streams(SplittableRandom sky, SplittableRandom clouds, SplittableRandom mountains,
      SplittableRandom land, SplittableRandom city, SplittableRandom trees, SplittableRandom water,
      SplittableRandom weather, SplittableRandom setting) { }

  private static void paint(Graphics2D g, BufferedImage image, Scene s, Palette p, Layout l, Streams r,
      SubjectPainter subjects) {
    SplittableRandom setting = r.setting();
    switch (s.setting()) {
      case INTERIOR -> InteriorPainter.paint(g, l, p, s, setting.split());
      case UNDERWATER -> UnderwaterPainter.paint(g, l, s, setting.split());
      case SPACE -> SpacePainter.space(g, l, s, setting.split());
      case PLANET -> SpacePainter.planet(g, l, s, setting.split());
      case STUDIO -> StudioPainter.paint(g, l, s, setting.split());
      case POSTER -> PosterPainter.paint(g, l, s, setting.split());
      case SKY -> {
        SkyPainter.paint(g, l, p, s, r.sky());
        CloudPainter.paint(g, l, p, s, r.clouds());
        SkyIslandPainter.paint(g, l, p, s, setting.split());
      }
      default -> landscape(g, image, s, p, l, r);
    }
    // Subjects after the setting's backdrop, before the weather and the colour grade. They stand on
    // l.horizon(), which every setting keeps meaningful (see Layout), and s.setting() says where they are.
    // Thick fog swallows the land behind them but only veils them: a lighthouse in the fog is still its subject.
    if (s.setting().outdoors() && s.has(Element.THICK_FOG)) {
      WeatherPainter.thickFog(g, l, p);
    }
    if (subjects != null) {
      subjects.paint(g, image, s, p, l);
    }

    if (s.setting().outdoors()) {
      WeatherPainter.paint(g, l, p, s, r.weather());
    }
  }

  private static void landscape(Graphics2D g, BufferedImage image, Scene s, Palette p, Layout l, Streams r) {
    boolean water = s.hasWater();
    boolean street = s.has(Element.STREET) && !water;
    if (s.has(Element.AERIAL) && !s.has(Element.CITY)) {
      AerialPainter.paint(g, l, p, s, r.setting().split());
      return;
    }
    SkyPainter.paint(g, l, p, s, r.sky());
    if (s.has(Element.BACKLIGHT)) {
      // The light stands behind the subject: a wide glow low on the horizon in the middle of the frame.
      SkyPainter.broadGlow(g, l.width() / 2, l.horizon(), l.width() * 0.75, Rgb.of(0xffd890), 0.95);
      SkyPainter.broadGlow(g, l.width() / 2, l.horizon(), l.width() * 0.22, Color.WHITE, 1.0);
    }
    if (s.has(Element.AURORA) && s.dark()) {
      SpacePainter.aurora(g, l, r.setting().split());
    }
    if (s.has(Element.CLOUDS)) {
      CloudPainter.paint(g, l, p, s, r.clouds());
    }
    if (s.has(Element.LONE_PEAK) && !s.has(Element.VOLCANO)) {
      LonePeakPainter.paint(g, l, p, s, r.mountains());
    } else if (s.has(Element.MOUNTAINS)) {
      MountainPainter.paint(g, l, p, s, r.mountains());
    }
    if (s.has(Element.VOLCANO)) {
      VolcanoPainter.paint(g, l, p, r.setting().split());
    }
    if (s.has(Element.HILLS)) {
      LandPainter.hills(g, l, p, s, r.land().split(), false);
    }
    if (s.has(Element.CITY) && (water || street)) {
      CityPainter.skyline(g, l, p, s, r.city(), true);
    }
    if (water && (s.has(Element.FOREST) || s.has(Element.TREES) || s.has(Element.PINES))) {
      TreePainter.treeline(g, l, p, s, r.trees().split());
    }

    if (water) {
      WaterPainter.reflect(image, l, WaterPainter.sea(p, !s.has(Element.SEA)), r.water().split());
      WaterPainter.surface(g, l, p, s, r.water().split());
      if (s.has(Element.SNOW)) {
        LandPainter.floes(g, l, p, r.setting().split());
      }
    } else if (street) {
      WaterPainter.reflect(image, l,
          s.has(Element.RAIN) ? WaterPainter.wetStreet(p) : WaterPainter.dryStreet(p), r.water().split());
      CityPainter.street(g, l, p, r.water().split());
      if (s.has(Element.CROSSING)) {
        CityPainter.zebra(g, l, p);
      }
      if (s.has(Element.SNOW)) {
        // A snowy street: a thin cover over the road, the lit windows still showing through, and drifts.
        g.setColor(Rgb.alpha(p.bright(LandPainter.SNOW, 0), 0.8));
        g.fill(new java.awt.geom.Rectangle2D.Double(0, l.horizon(), l.width(), l.below() + 1));
        LandPainter.drifts(g, l, Rgb.mix(p.bright(LandPainter.SNOW, 0), java.awt.Color.WHITE, 0.4), 0.1,
            r.setting().split());
      }
    } else if (s.has(Element.DESERT)) {
      LandPainter.ground(g, l, p, s, r.land().split());
      LandPainter.dunes(g, l, p, r.land().split());
    } else {
      LandPainter.ground(g, l, p, s, r.land().split());
      // Snow lies in banks; open snowfields without them look like a blank page.
      if (s.has(Element.HILLS) || (s.has(Element.SNOW) && !s.has(Element.CITY))) {
        LandPainter.hills(g, l, p, s, r.land().split(), true);
      }
      if (s.has(Element.SNOW) && s.has(Element.THAW)) {
        LandPainter.thaw(g, l, p, r.setting().split());
        // A warm spring sun, not winter's white one.
        SkyPainter.glow(g, l.lightX(), l.lightY(), l.width() * 0.35, Rgb.of(0xffd27a), 0.5);
      }
    }

    if (s.has(Element.CITY) && !water && !street) {
      CityPainter.skyline(g, l, p, s, r.city(), false);
    }
    if (s.has(Element.BAMBOO) && !water) {
      BambooPainter.paint(g, l, p, r.setting().split());
    } else if (s.has(Element.FOREST) && !water) {
      TreePainter.forest(g, l, p, s, r.trees().split());
    }
    if (s.has(Element.BEACH) && water) {
      WaterPainter.beach(g, l, p, r.water().split());
    }
    if (s.accent() != null && !water && !street && !s.has(Element.DESERT) && !s.has(Element.SNOW)) {
      LandPainter.rows(g, l, p, s);
    }
    if (s.has(Element.MARKET) && !water) {
      CityPainter.stalls(g, l, p, r.setting().split());
    }
    TreePainter.foreground(g, l, p, s, r.trees().split());
    if (!water && (s.season() == Season.AUTUMN || s.season() == Season.SPRING)) {
      LandPainter.fallen(g, l, p, s, r.setting().split());
    }
    if (s.has(Element.BACKLIGHT)) {
      // The light spills over the horizon line; against it the near ground falls into shadow.
      SkyPainter.broadGlow(g, l.width() / 2, l.horizon(), l.width() * 0.3, Rgb.of(0xfff0c0), 0.6);
      g.setPaint(new java.awt.GradientPaint(0, (float) l.horizon(), Rgb.alpha(Color.BLACK, 0.0),
          0, (float) l.height(), Rgb.alpha(Color.BLACK, 0.6)));
      g.fill(new java.awt.geom.Rectangle2D.Double(0, l.horizon(), l.width(), l.below() + 1));
    }
  }

  /** Where the horizon lies and where the light comes from; varies with the seed within a pleasing range. */
  static Layout layout(Scene s, int width, int height, SplittableRandom r) {
    Layout outdoors = outdoors(s, width, height, r);
    return switch (s.setting()) {
      case INTERIOR -> outdoors.withHorizon(height * InteriorPainter.floorLine(s.variant()))
          .withTextBox(InteriorPainter.signBox(s, width, height));
      case UNDERWATER -> outdoors.withHorizon(height * 0.8);
      case SPACE -> outdoors.withHorizon(height);
      case PLANET -> outdoors.withHorizon(height * 0.62);
      case SKY -> outdoors.withHorizon(height * 0.52);
      case STUDIO -> outdoors.withHorizon(height * StudioPainter.horizon(s.variant()));
      case POSTER -> outdoors.withHorizon(height * PosterPainter.horizon(s.variant()))
          .withTextBox(s.text() == null ? null : PosterPainter.textBox(s.variant(), width, height));
      default -> outdoors;
    };
  }

  private static Layout outdoors(Scene s, int width, int height, SplittableRandom r) {
    double horizon;
    if (s.hasWater()) {
      horizon = 0.5 + 0.16 * r.nextDouble();
    } else if (s.has(Element.STREET)) {
      horizon = 0.52 + 0.06 * r.nextDouble();
    } else if (s.has(Element.CITY)) {
      horizon = 0.7 + 0.06 * r.nextDouble();
    } else if (s.has(Element.FOREST)) {
      horizon = 0.42 + 0.08 * r.nextDouble();
    } else if (s.has(Element.DESERT) && s.has(Element.STARS)) {
      horizon = 0.5 + 0.25 * r.nextDouble();
    } else {
      horizon = 0.55 + 0.15 * r.nextDouble();
    }
    double horizonY = height * horizon;
    double lightX = width * (0.2 + 0.6 * r.nextDouble());

    TimeOfDay t = s.time();
    double lightY;
    if (s.has(Element.MOON) || !t.sunUp()) {
      lightY = horizonY * (0.15 + 0.3 * r.nextDouble());
    } else {
      lightY = horizonY * (1 - t.sunElevation * (0.85 + 0.3 * r.nextDouble()));
    }
    if (s.has(Element.BACKLIGHT)) {
      // Backlight puts the sun low behind the subject, in the middle of the frame; the seed's draws above
      // still happen so every later stream stays where it was.
      lightX = width * 0.5;
      lightY = horizonY * 0.96;
    }
    return new Layout(width, height, horizonY, Math.sqrt((double) width * height) / 1024.0, lightX, lightY, null);
  }

  /** A stable 64-bit FNV-1a hash of the words, so the same prompt always seeds the same way. */
  static long fingerprint(String prompt, String negativePrompt) {
    long hash = 0xcbf29ce484222325L;
    String text = negativePrompt == null ? prompt : prompt + "\u0000" + negativePrompt;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    return hash;
  }
}
