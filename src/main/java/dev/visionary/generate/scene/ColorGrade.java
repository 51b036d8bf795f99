package dev.visionary.generate.scene;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * The last pass over the finished picture: mood words become saturation, tint and tone changes, and a
 * soft vignette draws the eye to the middle.
 *
 * <p>Saturation, tint, contrast and lift are each affine in RGB, so together they fold into one 3x3
 * matrix plus an offset, applied in fixed point: a single cheap pass over every pixel.
 */
final class ColorGrade {

  private static final double[] LUMA = {0.2126, 0.7152, 0.0722};
  private static final int SHIFT = 10;
  private static final double VIGNETTE = 0.32;

  private ColorGrade() {
  }

  static void apply(BufferedImage image, Scene s) {
    double saturation = 1.0;
    double contrast = 1.0;
    double lift = 0;
    double warm = 0;
    if (s.has(Mood.VIBRANT)) {
      saturation *= 1.35;
      contrast *= 1.06;
    }
    if (s.has(Mood.NEON)) {
      saturation *= 1.25;
      contrast *= 1.08;
    }
    if (s.has(Mood.MUTED)) {
      saturation *= 0.6;
      contrast *= 0.92;
      lift += 0.03;
    }
    if (s.has(Mood.PASTEL)) {
      saturation *= 0.65;
      contrast *= 0.8;
      lift += 0.16;
    }
    if (s.has(Mood.WARM)) {
      warm += 0.07;
    }
    if (s.has(Mood.COLD)) {
      warm -= 0.07;
    }
    boolean mono = s.has(Mood.MONOCHROME);
    // Monochrome keeps only brightness; a warm or cold word then tints it like sepia or cyanotype.
    double[] tint = mono ? new double[] {0.6 * warm, 0.15 * warm, -0.6 * warm} : new double[] {warm, 0.25 * warm, -warm};
    double scale = (1 - lift) * contrast;
    double offset = 255 * (lift + (1 - lift) * 0.5 * (1 - contrast));
    int[] m = new int[9];
    int[] o = new int[3];
    for (int c = 0; c < 3; c++) {
      for (int j = 0; j < 3; j++) {
        double own = mono ? 0 : (c == j ? saturation : 0);
        double shared = mono ? LUMA[j] : (1 - saturation) * LUMA[j];
        m[c * 3 + j] = (int) Math.round(scale * (own + shared) * (1 << SHIFT));
      }
      o[c] = (int) Math.round((scale * tint[c] * 255 + offset) * (1 << SHIFT));
    }
    grade(image, m, o);
  }

  private static void grade(BufferedImage image, int[] m, int[] o) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] px = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    double cx = w / 2.0;
    double cy = h / 2.0;
    double norm = 1.0 / (cx * cx + cy * cy);
    double[] dx2 = new double[w];
    for (int x = 0; x < w; x++) {
      dx2[x] = (x - cx) * (x - cx) * norm;
    }
    int[] vignette = new int[w];
    for (int y = 0; y < h; y++) {
      double dy2 = (y - cy) * (y - cy) * norm;
      for (int x = 0; x < w; x++) {
        double d = dx2[x] + dy2;
        vignette[x] = (int) ((1 - VIGNETTE * d * d) * 256);
      }
      int row = y * w;
      for (int x = 0; x < w; x++) {
        int c = px[row + x];
        int r = (c >> 16) & 0xff;
        int g = (c >> 8) & 0xff;
        int b = c & 0xff;
        int v = vignette[x];
        int nr = (((m[0] * r + m[1] * g + m[2] * b + o[0]) >> 8) * v) >> (SHIFT);
        int ng = (((m[3] * r + m[4] * g + m[5] * b + o[1]) >> 8) * v) >> (SHIFT);
        int nb = (((m[6] * r + m[7] * g + m[8] * b + o[2]) >> 8) * v) >> (SHIFT);
        px[row + x] = (clamp(nr) << 16) | (clamp(ng) << 8) | clamp(nb);
      }
    }
  }

  private static int clamp(int v) {
    return v < 0 ? 0 : Math.min(v, 255);
  }
}
