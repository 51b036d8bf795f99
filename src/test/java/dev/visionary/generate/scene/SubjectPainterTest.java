package dev.visionary.generate.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
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

  @Test
  void writesSampleRenders() throws IOException {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    List<String> ideas = Files.readAllLines(Path.of("/work/shared/eval/ideas-dev.txt"));
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
}
