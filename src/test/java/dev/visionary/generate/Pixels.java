package dev.visionary.generate;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Measurements a person would make by eye, done on decoded pixels. */
public final class Pixels {

  private Pixels() {
  }

  public static BufferedImage decode(byte[] bytes) {
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
      if (image == null) {
        throw new AssertionError("bytes are not a readable image");
      }
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static double luma(int rgb) {
    return 0.2126 * ((rgb >> 16) & 0xff) + 0.7152 * ((rgb >> 8) & 0xff) + 0.0722 * (rgb & 0xff);
  }

  /** Mean brightness, 0 to 255, of rows {@code fromRow} (inclusive) to {@code toRow} (exclusive). */
  static double meanLuma(BufferedImage image, int fromRow, int toRow) {
    double sum = 0;
    for (int y = fromRow; y < toRow; y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        sum += luma(image.getRGB(x, y));
      }
    }
    return sum / ((double) (toRow - fromRow) * image.getWidth());
  }

  /**
   * The dominant hue of a band of rows in degrees (0 red, 120 green, 240 blue): the circular mean of
   * every pixel's hue, weighted by how colourful the pixel is, so greys do not count.
   */
  static double meanHue(BufferedImage image, int fromRow, int toRow) {
    double sx = 0;
    double sy = 0;
    for (int y = fromRow; y < toRow; y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        int max = Math.max(r, Math.max(g, b));
        int min = Math.min(r, Math.min(g, b));
        double chroma = max - min;
        if (chroma == 0) {
          continue;
        }
        double hue;
        if (max == r) {
          hue = 60 * (((g - b) / chroma) % 6);
        } else if (max == g) {
          hue = 60 * ((b - r) / chroma + 2);
        } else {
          hue = 60 * ((r - g) / chroma + 4);
        }
        sx += chroma * Math.cos(Math.toRadians(hue));
        sy += chroma * Math.sin(Math.toRadians(hue));
      }
    }
    double mean = Math.toDegrees(Math.atan2(sy, sx));
    return mean < 0 ? mean + 360 : mean;
  }

  /**
   * Pixels in the band that are much brighter than the {@code (2*radius+1)²} square around them, like
   * stars or lit windows against the dark.
   */
  static int brightPoints(BufferedImage image, int fromRow, int toRow, int radius, double margin) {
    int w = image.getWidth();
    int h = image.getHeight();
    double[][] sum = new double[h + 1][w + 1];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        sum[y + 1][x + 1] = luma(image.getRGB(x, y)) + sum[y][x + 1] + sum[y + 1][x] - sum[y][x];
      }
    }
    int count = 0;
    for (int y = Math.max(fromRow, radius); y < Math.min(toRow, h - radius); y++) {
      for (int x = radius; x < w - radius; x++) {
        int x0 = x - radius;
        int y0 = y - radius;
        int x1 = x + radius + 1;
        int y1 = y + radius + 1;
        double area = (double) (x1 - x0) * (y1 - y0);
        double mean = (sum[y1][x1] - sum[y0][x1] - sum[y1][x0] + sum[y0][x0]) / area;
        if (luma(image.getRGB(x, y)) > mean + margin) {
          count++;
        }
      }
    }
    return count;
  }

  /** Mean absolute difference per channel, 0 to 255, of two images of the same size. */
  public static double difference(BufferedImage a, BufferedImage b) {
    if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
      throw new AssertionError("images differ in size");
    }
    double sum = 0;
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        int p = a.getRGB(x, y);
        int q = b.getRGB(x, y);
        sum += Math.abs(((p >> 16) & 0xff) - ((q >> 16) & 0xff))
            + Math.abs(((p >> 8) & 0xff) - ((q >> 8) & 0xff))
            + Math.abs((p & 0xff) - (q & 0xff));
      }
    }
    return sum / (3.0 * a.getWidth() * a.getHeight());
  }
}
