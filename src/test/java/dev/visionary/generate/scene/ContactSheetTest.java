package dev.visionary.generate.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Paints every development idea and lays the pictures out on one sheet with the idea under each, so a
 * person can judge all of them at a glance: target/screenshots/contact-sheet.png.
 */
class ContactSheetTest {

  static final int SIDE = 512;
  private static final int THUMB = 240;
  private static final int CAPTION = 44;
  private static final int COLUMNS = 8;

  @Test
  void writesAContactSheetOfEveryDevelopmentIdea() throws IOException {
    List<String> ideas = Ideas.dev();
    SceneRenderer renderer = new SceneRenderer();
    int rows = (ideas.size() + COLUMNS - 1) / COLUMNS;
    BufferedImage sheet = new BufferedImage(COLUMNS * THUMB, rows * (THUMB + CAPTION), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = sheet.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
      for (int i = 0; i < ideas.size(); i++) {
        int x = (i % COLUMNS) * THUMB;
        int y = (i / COLUMNS) * (THUMB + CAPTION);
        BufferedImage image = renderer.render(ideas.get(i), null, 1, SIDE, SIDE);
        g.drawImage(image, x + 2, y + 2, THUMB - 4, THUMB - 4, null);
        g.setColor(Color.BLACK);
        caption(g, (i + 1) + ". " + ideas.get(i), x + 4, y + THUMB + 12, THUMB - 8);
      }
    } finally {
      g.dispose();
    }
    Path out = Path.of("target", "screenshots", "contact-sheet.png");
    Files.createDirectories(out.getParent());
    ImageIO.write(sheet, "png", out.toFile());
    assertEquals(59, ideas.size(), "the development set has 59 ideas");
    assertTrue(Files.size(out) > 100_000, "the sheet holds real pictures");
  }

  /** Up to three lines of the idea, cut at word boundaries. */
  private static void caption(Graphics2D g, String text, int x, int y, int width) {
    String[] words = text.split(" ");
    StringBuilder line = new StringBuilder();
    int lines = 0;
    for (String word : words) {
      String next = line.isEmpty() ? word : line + " " + word;
      if (g.getFontMetrics().stringWidth(next) > width && !line.isEmpty()) {
        g.drawString(line.toString(), x, y + 13 * lines++);
        if (lines == 3) {
          return;
        }
        line = new StringBuilder(word);
      } else {
        line = new StringBuilder(next);
      }
    }
    g.drawString(line.toString(), x, y + 13 * lines);
  }
}
