package dev.visionary.generate.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Pixels of rendered pictures: the subject is there, where it was placed, as many times as asked. */
class SubjectPainterTest {

  private static final int SIZE = 512;
  private final SceneRenderer renderer = new SceneRenderer();

  private record Render(BufferedImage image, BufferedImage backdrop, List<SubjectPainter.Drawn> drawn) {

    /** Pixels the subjects changed, clearly: a mask of what was drawn over the backdrop. */
    boolean[][] mask() {
      boolean[][] m = new boolean[image.getWidth()][image.getHeight()];
      for (int x = 0; x < image.getWidth(); x++) {
        for (int y = 0; y < image.getHeight(); y++) {
          int a = image.getRGB(x, y);
          int b = backdrop.getRGB(x, y);
          int d = Math.max(Math.abs(((a >> 16) & 0xff) - ((b >> 16) & 0xff)),
              Math.max(Math.abs(((a >> 8) & 0xff) - ((b >> 8) & 0xff)), Math.abs((a & 0xff) - (b & 0xff))));
          m[x][y] = d > 60;
        }
      }
      return m;
    }
  }

  private Render render(String prompt) {
    List<SubjectPainter.Drawn> drawn = new ArrayList<>();
    BufferedImage image = renderer.render(prompt, null, 7, SIZE, SIZE, drawn);
    return new Render(image, renderer.render(prompt, null, 7, SIZE, SIZE, null), drawn);
  }

  /** A contact sheet of the dev ideas and one of every figure, to look at; asserts only that they paint. */
  @Test
  void writesSampleRenders() throws IOException {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    List<String> ideas;
    try (InputStream in = SubjectPainterTest.class.getResourceAsStream("/eval/ideas-dev.txt")) {
      ideas = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    }
    int cols = 8;
    int cell = 256;
    int rows = (ideas.size() + cols - 1) / cols;
    BufferedImage sheet = new BufferedImage(cols * cell, rows * cell, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = sheet.createGraphics();
    for (int i = 0; i < ideas.size(); i++) {
      BufferedImage img = renderer.render(ideas.get(i), null, 11, cell, cell);
      g.drawImage(img, (i % cols) * cell, (i / cols) * cell, null);
    }
    g.dispose();
    ImageIO.write(sheet, "png", dir.resolve("subjects-sheet.png").toFile());

    // Every figure on its own, to look at its outline.
    List<SubjectWords.Figure> figures = SubjectWords.standard().figures();
    BufferedImage library = new BufferedImage(cols * cell, ((figures.size() + cols - 1) / cols) * cell,
        BufferedImage.TYPE_INT_RGB);
    Graphics2D lg = library.createGraphics();
    for (int i = 0; i < figures.size(); i++) {
      BufferedImage img = renderer.render(promptFor(figures.get(i)) + ", centred, noon meadow", null, 3, cell, cell);
      lg.drawImage(img, (i % cols) * cell, (i / cols) * cell, null);
    }
    lg.dispose();
    ImageIO.write(library, "png", dir.resolve("subjects-library.png").toFile());
  }

  /** A prompt that asks for exactly this figure, poses included. */
  private static String promptFor(SubjectWords.Figure f) {
    SubjectWords words = SubjectWords.standard();
    for (SubjectWords.Figure base : words.figures()) {
      for (var pose : base.poses().entrySet()) {
        if (pose.getValue().equals(f.name()) && !base.name().equals(f.name())) {
          return "a " + pose.getKey() + " " + base.name();
        }
      }
    }
    return "a " + f.name();
  }

  private static int count(boolean[][] mask, Rectangle2D box) {
    int n = 0;
    for (int x = Math.max(0, (int) box.getMinX()); x < Math.min(mask.length, (int) Math.ceil(box.getMaxX())); x++) {
      for (int y = Math.max(0, (int) box.getMinY()); y < Math.min(mask[0].length, (int) Math.ceil(box.getMaxY()));
          y++) {
        n += mask[x][y] ? 1 : 0;
      }
    }
    return n;
  }

  private static int count(boolean[][] mask) {
    return count(mask, new Rectangle2D.Double(0, 0, mask.length, mask[0].length));
  }

  /** Sizes of the separate blobs in a mask (4-connected), largest first. */
  private static List<Integer> blobs(boolean[][] mask) {
    int w = mask.length;
    int h = mask[0].length;
    boolean[][] seen = new boolean[w][h];
    List<Integer> sizes = new ArrayList<>();
    int[] stack = new int[w * h];
    for (int x0 = 0; x0 < w; x0++) {
      for (int y0 = 0; y0 < h; y0++) {
        if (!mask[x0][y0] || seen[x0][y0]) {
          continue;
        }
        int top = 0;
        int size = 0;
        stack[top++] = x0 * h + y0;
        seen[x0][y0] = true;
        while (top > 0) {
          int v = stack[--top];
          int x = v / h;
          int y = v % h;
          size++;
          int[][] next = {{x + 1, y}, {x - 1, y}, {x, y + 1}, {x, y - 1}};
          for (int[] n : next) {
            if (n[0] >= 0 && n[1] >= 0 && n[0] < w && n[1] < h && mask[n[0]][n[1]] && !seen[n[0]][n[1]]) {
              seen[n[0]][n[1]] = true;
              stack[top++] = n[0] * h + n[1];
            }
          }
        }
        sizes.add(size);
      }
    }
    sizes.sort((a, b) -> b - a);
    return sizes;
  }

  private static double luma(int rgb) {
    return 0.2126 * ((rgb >> 16) & 0xff) + 0.7152 * ((rgb >> 8) & 0xff) + 0.0722 * (rgb & 0xff);
  }

  /** Mean brightness of the backdrop over a box. */
  private static double luma(BufferedImage image, Rectangle2D box) {
    double sum = 0;
    int n = 0;
    for (int x = (int) box.getMinX(); x < box.getMaxX() && x < image.getWidth(); x++) {
      for (int y = (int) box.getMinY(); y < box.getMaxY() && y < image.getHeight(); y++) {
        sum += luma(image.getRGB(x, y));
        n++;
      }
    }
    return sum / n;
  }

  @Test
  void aCatOnASofaSitsOnTheSofaInItsOwnColour() throws IOException {
    Render r = render("a cat on a sofa");
    save(r, "cat-on-sofa");
    assertEquals(List.of("sofa", "cat"), r.drawn().stream().map(SubjectPainter.Drawn::figure).toList());
    Rectangle2D sofa = r.drawn().get(0).box();
    SubjectPainter.Drawn cat = r.drawn().get(1);
    Rectangle2D box = cat.box();
    // On the seat: over the sofa, sitting about halfway up it (the seat, not the floor or the air above),
    // and about a third of its height.
    assertTrue(box.getCenterX() > sofa.getMinX() && box.getCenterX() < sofa.getMaxX(), box + " over " + sofa);
    double seat = (sofa.getMaxY() - box.getMaxY()) / sofa.getHeight();
    assertTrue(seat > 0.35 && seat < 0.6, "the cat sits at " + seat + " of the sofa's height");
    double share = box.getHeight() / sofa.getHeight();
    assertTrue(share > 0.25 && share < 0.6, "cat is " + share + " of the sofa's height");
    assertTrue(sofa.getHeight() > 0.2 * SIZE && sofa.getHeight() < 0.5 * SIZE, "sofa " + sofa);
    // The cat's box is mostly cat, in the colour the painter reports.
    boolean[][] mask = r.mask();
    assertTrue(count(mask, box) > 0.3 * box.getWidth() * box.getHeight(), "cat pixels " + count(mask, box));
    int inColour = 0;
    for (int x = (int) box.getMinX(); x < box.getMaxX(); x++) {
      for (int y = (int) box.getMinY(); y < box.getMaxY(); y++) {
        int rgb = r.image().getRGB(x, y);
        Color c = cat.fill();
        int d = Math.abs(((rgb >> 16) & 0xff) - c.getRed()) + Math.abs(((rgb >> 8) & 0xff) - c.getGreen())
            + Math.abs((rgb & 0xff) - c.getBlue());
        inColour += d < 40 ? 1 : 0;
      }
    }
    assertTrue(inColour > 0.25 * box.getWidth() * box.getHeight(), "pixels in the cat's colour: " + inColour);
    // It stands out from what is behind it, which is the sofa.
    assertTrue(Math.abs(luma(cat.fill().getRGB()) - luma(r.drawn().get(0).fill().getRGB())) > 50);
  }

  @Test
  void aStackIsDrawnBottomUp() {
    Render r = render("a cat on a dog on a sofa");
    assertEquals(List.of("sofa", "dog", "cat"), r.drawn().stream().map(SubjectPainter.Drawn::figure).toList());
    Rectangle2D sofa = r.drawn().get(0).box();
    Rectangle2D dog = r.drawn().get(1).box();
    Rectangle2D cat = r.drawn().get(2).box();
    assertTrue(dog.getMaxY() < sofa.getMaxY() && cat.getMaxY() < dog.getMaxY(), sofa + " " + dog + " " + cat);
    assertTrue(cat.getCenterX() > dog.getMinX() && cat.getCenterX() < dog.getMaxX());
  }

  @Test
  void threeKittensAreThreeSeparateShapes() throws IOException {
    save(render("three kittens sleeping in a basket"), "kittens-in-basket");
    save(render("a cat sitting on top of a sleeping dog"), "cat-on-dog");
    save(render("a fox and a rabbit sharing an umbrella in the rain"), "fox-rabbit-umbrella");
    Render r = render("three kittens");
    save(r, "three-kittens");
    assertEquals(3, r.drawn().size());
    List<Integer> blobs = blobs(r.mask());
    int big = (int) blobs.stream().filter(b -> b > SIZE * SIZE / 400).count();
    assertEquals(3, big, "blobs " + blobs.subList(0, Math.min(6, blobs.size())));
  }

  @Test
  void noPeopleDrawsNothingOverTheBackdrop() {
    for (String prompt : List.of("a scandinavian living room with a fireplace, no people",
        "an empty beach without umbrellas or people", "a forest in black and white, no animals")) {
      Render r = render(prompt);
      assertTrue(r.drawn().isEmpty(), prompt);
      assertEquals(0, count(r.mask()), prompt);
    }
  }

  @Test
  void closeUpFillsTheFrameAndWideShowsItSmall() {
    int close = count(render("a lighthouse, close-up").mask());
    int normal = count(render("a lighthouse").mask());
    int wide = count(render("a lighthouse, wide shot").mask());
    assertTrue(close > 2 * normal && normal > 2 * wide, close + " > " + normal + " > " + wide);
    Rectangle2D centred = render("a cat, centred").drawn().get(0).box();
    assertEquals(SIZE / 2.0, centred.getCenterX(), SIZE * 0.03);
  }

  @Test
  void darkAgainstABrightSkyLitAgainstADarkOneAndTheLampGlowsAtNight() throws IOException {
    Render day = render("a lighthouse on a hill at noon");
    Render night = render("a lighthouse on a hill at night");
    save(night, "lighthouse-night");
    SubjectPainter.Drawn d = day.drawn().get(0);
    SubjectPainter.Drawn n = night.drawn().get(0);
    assertTrue(luma(d.fill().getRGB()) < luma(day.backdrop(), d.box()) - 50, "dark by day");
    assertTrue(luma(n.fill().getRGB()) > luma(night.backdrop(), n.box()) + 50, "lit by night");
    // The lamp room, near the top of the tower, holds warm light.
    Rectangle2D b = n.box();
    int warm = 0;
    for (int x = (int) b.getMinX(); x < b.getMaxX(); x++) {
      for (int y = (int) b.getMinY(); y < b.getMinY() + 0.3 * b.getHeight(); y++) {
        int rgb = night.image().getRGB(x, y);
        warm += luma(rgb) > 200 && ((rgb >> 16) & 0xff) > (rgb & 0xff) + 40 ? 1 : 0;
      }
    }
    assertTrue(warm > 20, "warm lamp pixels: " + warm);
  }

  @Test
  void subjectsLeaveTheRestOfThePictureAsItWas() {
    Render r = render("a cat on a sofa");
    int changedFarAway = 0;
    for (int x = 0; x < SIZE; x++) {
      for (int y = 0; y < SIZE; y++) {
        boolean near = false;
        for (SubjectPainter.Drawn d : r.drawn()) {
          Rectangle2D b = d.box();
          double m = 0.15 * Math.max(b.getWidth(), b.getHeight()) + 6;
          near |= x > b.getMinX() - m && x < b.getMaxX() + m && y > b.getMinY() - m && y < b.getMaxY() + m;
        }
        if (!near && r.image().getRGB(x, y) != r.backdrop().getRGB(x, y)) {
          changedFarAway++;
        }
      }
    }
    assertEquals(0, changedFarAway);
    Render again = render("a cat on a sofa");
    for (int x = 0; x < SIZE; x += 3) {
      for (int y = 0; y < SIZE; y += 3) {
        assertEquals(r.image().getRGB(x, y), again.image().getRGB(x, y));
      }
    }
  }

  /**
   * Every development idea that names something drawable shows it: each figure the painter placed clearly changed
   * pixels in its box (a shape hidden by the backdrop, or drawn in the backdrop's own colours, changes almost none;
   * a thin one — a sword, a bicycle — or one half in a basket fills only a small share of its box, hence 3%).
   */
  @Test
  void everyDevIdeaShowsEachSubjectItNames() throws IOException {
    List<String> ideas;
    try (InputStream in = SubjectPainterTest.class.getResourceAsStream("/eval/ideas-dev.txt")) {
      ideas = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    }
    assertEquals(59, ideas.size());
    int withSubjects = 0;
    List<String> faint = new ArrayList<>();
    for (String idea : ideas) {
      Render r = render(idea);
      if (r.drawn().isEmpty()) {
        continue;
      }
      withSubjects++;
      boolean[][] mask = r.mask();
      for (SubjectPainter.Drawn d : r.drawn()) {
        double area = d.box().getWidth() * d.box().getHeight();
        if (count(mask, d.box()) < Math.max(200, 0.03 * area)) {
          faint.add(idea + ": " + d.figure() + " changed " + count(mask, d.box()) + " of " + (int) area + " pixels in its box");
        }
      }
    }
    assertTrue(withSubjects >= 35, "ideas with a subject drawn: " + withSubjects);
    assertEquals(List.of(), faint);
  }

  /** Share of the subject's pixels (changed by it, inside its box) whose colour passes the test. */
  private static double share(Render r, SubjectPainter.Drawn d, java.util.function.IntPredicate colour) {
    boolean[][] mask = r.mask();
    Rectangle2D b = d.box();
    int all = 0;
    int yes = 0;
    for (int x = Math.max(0, (int) b.getMinX()); x < Math.min(SIZE, b.getMaxX()); x++) {
      for (int y = Math.max(0, (int) b.getMinY()); y < Math.min(SIZE, b.getMaxY()); y++) {
        if (mask[x][y]) {
          all++;
          yes += colour.test(r.image().getRGB(x, y)) ? 1 : 0;
        }
      }
    }
    return all == 0 ? 0 : (double) yes / all;
  }

  private static int red(int rgb) {
    return (rgb >> 16) & 0xff;
  }

  private static int green(int rgb) {
    return (rgb >> 8) & 0xff;
  }

  private static int blue(int rgb) {
    return rgb & 0xff;
  }

  @Test
  void aGoldenRetrieverIsGolden() throws IOException {
    Render r = render("a golden retriever puppy in autumn leaves");
    save(r, "golden-retriever");
    SubjectPainter.Drawn dog = r.drawn().get(0);
    double golden = share(r, dog, rgb -> red(rgb) > blue(rgb) + 50 && green(rgb) > blue(rgb) + 20 && luma(rgb) > 70);
    assertTrue(golden > 0.5, "golden pixels: " + golden);
  }

  @Test
  void aPostersWordsAreNeverWrittenAcrossItsSubjects() {
    for (String idea : List.of("logo for a bicycle repair shop called Spoke & Chain",
        "a wedding invitation with roses and the words \"Anna & Leo\"", "a travel poster of a lighthouse that says 'Visit Maine'")) {
      for (long seed = 0; seed < 12; seed++) {
        List<SubjectPainter.Drawn> drawn = new ArrayList<>();
        renderer.render(idea, null, seed, SIZE, SIZE, drawn);
        Rectangle2D words = renderer.plan(idea, null, seed, SIZE, SIZE).layout().textBox();
        for (SubjectPainter.Drawn d : drawn) {
          assertTrue(d.box().getMaxY() <= words.getMinY() + 1, idea + " / seed " + seed + ": " + d.figure() + " at " + d.box()
              + " reaches into the words at " + words);
        }
      }
    }
  }

  @Test
  void aTitleAtTheTopLeavesTheSubjectsStandingBelowIt() {
    // A map's or an infographic's title sits at the top; its subjects keep their place, whole and upright.
    for (String idea : List.of("a treasure map with a dragon titled 'Eldoria'", "an infographic of a honeybee titled 'Pollination'")) {
      for (long seed = 0; seed < 6; seed++) {
        List<SubjectPainter.Drawn> drawn = new ArrayList<>();
        renderer.render(idea, null, seed, SIZE, SIZE, drawn);
        Rectangle2D words = renderer.plan(idea, null, seed, SIZE, SIZE).layout().textBox();
        assertTrue(words != null && words.getMinY() < SIZE / 2.0, idea + ": the title is at the top: " + words);
        assertFalse(drawn.isEmpty(), idea + ": its subject is drawn");
        for (SubjectPainter.Drawn d : drawn) {
          assertTrue(d.box().getHeight() > SIZE * 0.05 && d.box().getMinY() >= words.getMaxY() - 1 && d.box().getMaxY() <= SIZE,
              idea + " / seed " + seed + ": " + d.figure() + " at " + d.box() + ", title at " + words);
        }
      }
    }
  }

  @Test
  void namedColoursReadAsThoseColours() throws IOException {
    Render r = render("a red vintage car parked next to a blue bicycle");
    save(r, "red-car-blue-bicycle");
    SubjectPainter.Drawn car = r.drawn().get(0);
    SubjectPainter.Drawn bicycle = r.drawn().get(1);
    assertEquals("car", car.figure());
    // Red, not pink: the red channel well above both others, and the body not washed toward white.
    double red = share(r, car, rgb -> red(rgb) > green(rgb) + 50 && red(rgb) > blue(rgb) + 50 && green(rgb) < 120);
    double blue = share(r, bicycle, rgb -> blue(rgb) > red(rgb) + 40);
    assertTrue(red > 0.5, "red pixels of the car: " + red);
    assertTrue(blue > 0.3, "blue pixels of the bicycle: " + blue);
  }

  @Test
  void aPortraitIsABustFillingTheFrameAndTheViolinistHoldsAViolin() throws IOException {
    Render r = render("portrait of a young violinist, chiaroscuro");
    save(r, "violinist");
    SubjectPainter.Drawn bust = r.drawn().get(0);
    assertEquals("bust", bust.figure());
    assertTrue(bust.box().getHeight() > 0.6 * SIZE, "bust height " + bust.box().getHeight());
    assertTrue(bust.box().getMaxY() >= SIZE - 1, "the bust is cut off by the bottom edge");
    assertEquals("violin", r.drawn().get(1).figure());
    assertTrue(count(r.mask(), r.drawn().get(1).box()) > 500, "the violin is drawn");
    Rectangle2D violin = r.drawn().get(1).box();
    assertTrue(bust.box().contains(violin.getCenterX(), violin.getCenterY()), "held in front of the bust");
  }

  @Test
  void aBusyMarketHasSeveralSmallPeople() {
    Render r = render("a busy medieval marketplace with merchants selling spices, silk and pottery while a juggler "
        + "entertains children in front of a stone fountain");
    assertEquals(SubjectReading.CROWD, r.drawn().size());
    for (SubjectPainter.Drawn d : r.drawn()) {
      assertTrue(d.box().getHeight() < 0.2 * SIZE, "a small figure in the crowd: " + d.box());
    }
    // A loose group, not a line: their feet are not all on one line.
    double spread = r.drawn().stream().mapToDouble(d -> d.box().getMaxY()).max().orElseThrow()
        - r.drawn().stream().mapToDouble(d -> d.box().getMaxY()).min().orElseThrow();
    assertTrue(spread > 3, "feet spread over " + spread + " px");
  }

  @Test
  void anAmusementParkHasAFerrisWheelAndATeaCeremonyASmallCup() {
    Render park = render("an abandoned amusement park at twilight");
    assertEquals("ferris wheel", park.drawn().get(0).figure());
    assertTrue(count(park.mask(), park.drawn().get(0).box()) > 2000, "the wheel is drawn");
    Render tea = render("a tea ceremony in a japanese garden, ukiyo-e");
    assertEquals("tea ceremony", tea.drawn().get(0).figure());
    // Two kneeling people side by side: the group is wider than tall, and no giant mug fills the frame.
    Rectangle2D b = tea.drawn().get(0).box();
    assertTrue(b.getWidth() > 1.5 * b.getHeight(), "two people facing each other: " + b);
    assertEquals(1, tea.drawn().size());
  }

  private static void save(Render r, String name) throws IOException {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    ImageIO.write(r.image(), "png", dir.resolve("subjects-" + name + ".png").toFile());
  }
}
