package dev.visionary.generate.scene;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * Sets words in a box: the largest size of a logical Java font ("Serif", "SansSerif") at which they fit,
 * on one line or, when that would make them small, on two.
 */
final class TextPainter {

  /** Share of the box the text may use, so it never touches the edges. */
  private static final double FILL = 0.88;

  private TextPainter() {
  }

  static void fit(Graphics2D g, String text, Rectangle2D box, String family, int style, Color ink) {
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    FontRenderContext frc = g.getFontRenderContext();
    Font probe = new Font(family, style, 100);
    double oneLine = size(probe, frc, List.of(text), box);
    List<String> lines = List.of(text);
    int space = middleSpace(text);
    if (space > 0) {
      List<String> two = List.of(text.substring(0, space).strip(), text.substring(space).strip());
      if (size(probe, frc, two, box) > oneLine * 1.25) {
        lines = two;
      }
    }
    float size = (float) size(probe, frc, lines, box);
    Font font = probe.deriveFont(size);
    g.setFont(font);
    g.setColor(ink);
    FontMetrics m = g.getFontMetrics();
    double lineHeight = m.getAscent() + m.getDescent();
    double top = box.getCenterY() - lineHeight * lines.size() / 2;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      double w = font.getStringBounds(line, frc).getWidth();
      g.drawString(line, (float) (box.getCenterX() - w / 2), (float) (top + i * lineHeight + m.getAscent()));
    }
  }

  /** The font size at which every line fits the box's width and all of them its height. */
  private static double size(Font probe, FontRenderContext frc, List<String> lines, Rectangle2D box) {
    double widest = 1;
    for (String line : lines) {
      widest = Math.max(widest, probe.getStringBounds(line, frc).getWidth());
    }
    double lineHeight = probe.getLineMetrics("Hg", frc).getHeight();
    double byWidth = 100 * box.getWidth() * FILL / widest;
    double byHeight = 100 * box.getHeight() * FILL / (lineHeight * lines.size());
    return Math.max(4, Math.min(byWidth, byHeight));
  }

  private static int middleSpace(String text) {
    int best = -1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == ' ' && (best < 0 || Math.abs(i - text.length() / 2) < Math.abs(best - text.length() / 2))) {
        best = i;
      }
    }
    return best;
  }
}
