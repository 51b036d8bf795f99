package dev.visionary.generate;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A grid as one PNG: each finished cell's picture in its place, the column labels above and the row labels to the
 * left, in the logical SansSerif font every JDK has. Cells are drawn from the thumbnails, at most {@value #CELL}
 * pixels a side, so the picture stays bounded (36 cells make at most about 1,700 × 1,600 pixels) whatever the
 * engines drew.
 */
final class GridPicture {
  static final int CELL = 256;
  static final int GAP = 4;
  static final int LABEL_BAND = 32;
  static final int ROW_LABELS = 160;
  static final Color BACKGROUND = Color.WHITE;
  private static final Color INK = new Color(0x1f, 0x23, 0x28);
  private static final Color EMPTY = new Color(0xe6, 0xe8, 0xeb);

  private GridPicture() {}

  /** The width and height of the picture of a grid this size. */
  static int width(int cols) {
    return ROW_LABELS + cols * (CELL + GAP) + GAP;
  }

  static int height(int rows) {
    return LABEL_BAND + rows * (CELL + GAP) + GAP;
  }

  /** {@code pictures.get(r).get(c)} is the cell's image bytes, or null for a cell with none (yet). */
  static byte[] draw(List<String> rowLabels, List<String> colLabels, List<List<byte[]>> pictures) {
    int rows = rowLabels.size();
    int cols = Math.max(1, colLabels.size());
    BufferedImage out = new BufferedImage(width(cols), height(rows), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setColor(BACKGROUND);
      g.fillRect(0, 0, out.getWidth(), out.getHeight());
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
      g.setColor(INK);
      FontMetrics fm = g.getFontMetrics();
      for (int c = 0; c < colLabels.size(); c++) {
        int x = ROW_LABELS + GAP + c * (CELL + GAP);
        String label = fit(colLabels.get(c), fm, CELL - 8);
        g.drawString(label, x + (CELL - fm.stringWidth(label)) / 2, LABEL_BAND - 10);
      }
      for (int r = 0; r < rows; r++) {
        int y = LABEL_BAND + GAP + r * (CELL + GAP);
        g.setColor(INK);
        g.drawString(fit(rowLabels.get(r), fm, ROW_LABELS - 16), 8, y + CELL / 2 + fm.getAscent() / 2);
        for (int c = 0; c < cols; c++) {
          int x = ROW_LABELS + GAP + c * (CELL + GAP);
          BufferedImage picture = read(pictures.get(r).get(c));
          if (picture == null) {
            g.setColor(EMPTY);
            g.fillRect(x, y, CELL, CELL);
            continue;
          }
          double scale = Math.min((double) CELL / picture.getWidth(), (double) CELL / picture.getHeight());
          int w = (int) Math.round(picture.getWidth() * scale);
          int h = (int) Math.round(picture.getHeight() * scale);
          g.drawImage(picture, x + (CELL - w) / 2, y + (CELL - h) / 2, w, h, null);
        }
      }
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      ImageIO.write(out, "png", png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return png.toByteArray();
  }

  /** The label, cut with an ellipsis to fit {@code max} pixels. */
  private static String fit(String label, FontMetrics fm, int max) {
    if (fm.stringWidth(label) <= max) {
      return label;
    }
    // The longest start that fits, found by halving: a label can be an option nearly a prompt long, and measuring it
    // once per character dropped cost time growing with the square of its length on every download of the grid.
    int fits = 0;
    int tooLong = label.length();
    while (tooLong - fits > 1) {
      int mid = (fits + tooLong) >>> 1;
      if (fm.stringWidth(label.substring(0, mid) + "…") <= max) {
        fits = mid;
      } else {
        tooLong = mid;
      }
    }
    return label.substring(0, fits) + "…";
  }

  private static BufferedImage read(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    try {
      return ImageIO.read(new ByteArrayInputStream(bytes));
    } catch (IOException e) {
      // A picture that cannot be read leaves its cell empty rather than losing the whole grid.
      return null;
    }
  }
}
