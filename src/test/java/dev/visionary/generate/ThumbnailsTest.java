package dev.visionary.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.generate.engine.ImageEngineException;
import dev.visionary.generate.engine.ImageRequest;
import dev.visionary.generate.engine.ProgressListener;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThumbnailsTest {

  private static byte[] scene(int width, int height) throws ImageEngineException {
    return new BuiltinImageEngine().generate(ImageRequest.of("a beach sunset", width, height, 4), ProgressListener.NONE)
        .get(0).bytes();
  }

  private static boolean isPng(byte[] b) {
    return b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
  }

  private static boolean isJpeg(byte[] b) {
    return b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8;
  }

  @ParameterizedTest
  @CsvSource({"1024,1024,384,384", "1792,1024,384,219", "512,768,256,384", "2048,64,384,12", "200,100,200,100"})
  void fitsWithin384PixelsKeepingTheShape(int width, int height, int thumbW, int thumbH) throws Exception {
    Thumbnail thumb = Thumbnails.of(scene(width, height));
    BufferedImage decoded = Pixels.decode(thumb.bytes());
    assertEquals(thumbW, decoded.getWidth());
    assertEquals(thumbH, decoded.getHeight());
    assertEquals(thumbW, thumb.width());
    assertEquals(thumbH, thumb.height());
    assertTrue(Math.max(decoded.getWidth(), decoded.getHeight()) <= Thumbnails.MAX_SIDE);
    double ratio = (double) width / height;
    double thumbRatio = (double) decoded.getWidth() / decoded.getHeight();
    assertTrue(Math.abs(ratio - thumbRatio) / ratio < 0.1, "aspect " + ratio + " became " + thumbRatio);
  }

  @Test
  void looksLikeTheOriginal() throws Exception {
    byte[] original = scene(768, 768);
    BufferedImage thumb = Pixels.decode(Thumbnails.of(original).bytes());
    BufferedImage reference = half(Pixels.decode(original));
    assertEquals(384, thumb.getWidth());
    double difference = Pixels.difference(thumb, reference);
    assertTrue(difference < 4, "thumbnail differs from a plain 2x2 average by " + difference + " per channel");
    BufferedImage full = Pixels.decode(original);
    // The sky at the top stays the colour of the sky.
    assertEquals(Pixels.meanHue(full, 0, 100), Pixels.meanHue(thumb, 0, 50), 10);
  }

  @Test
  void theSameImageAlwaysGivesTheSameThumbnail() throws Exception {
    byte[] original = scene(1024, 640);
    assertArrayEquals(Thumbnails.of(original).bytes(), Thumbnails.of(original).bytes());
  }

  @Test
  void labelsTheBytesWithTheirRealFormat() throws Exception {
    Thumbnail photo = Thumbnails.of(scene(1024, 1024));
    assertTrue(photo.mimeType().equals("image/jpeg") ? isJpeg(photo.bytes()) : isPng(photo.bytes()), photo.toString());

    BufferedImage flat = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = flat.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 800, 600);
    g.setColor(Color.BLUE);
    g.fillRect(100, 100, 400, 200);
    g.dispose();
    Thumbnail flatThumb = Thumbnails.of(png(flat));
    assertTrue(flatThumb.mimeType().equals("image/jpeg") ? isJpeg(flatThumb.bytes()) : isPng(flatThumb.bytes()));
  }

  @Test
  void keepsTransparencyAsPng() throws Exception {
    BufferedImage icon = new BufferedImage(600, 600, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = icon.createGraphics();
    g.setColor(Color.RED);
    g.fillOval(100, 100, 400, 400);
    g.dispose();
    Thumbnail thumb = Thumbnails.of(png(icon));
    assertEquals("image/png", thumb.mimeType());
    BufferedImage decoded = Pixels.decode(thumb.bytes());
    assertEquals(0, decoded.getRGB(0, 0) >>> 24, "corner stays transparent");
    assertEquals(255, decoded.getRGB(192, 192) >>> 24, "centre stays opaque");
  }

  @Test
  void refusesBytesThatAreNotAnImage() {
    assertThrows(IllegalArgumentException.class, () -> Thumbnails.of(new byte[] {1, 2, 3}));
  }

  private static byte[] png(BufferedImage image) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  /** Exactly half the size, each pixel the average of the 2x2 block it covers. */
  private static BufferedImage half(BufferedImage image) {
    BufferedImage out = new BufferedImage(image.getWidth() / 2, image.getHeight() / 2, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < out.getHeight(); y++) {
      for (int x = 0; x < out.getWidth(); x++) {
        int r = 0;
        int g = 0;
        int b = 0;
        for (int k = 0; k < 4; k++) {
          int p = image.getRGB(2 * x + k % 2, 2 * y + k / 2);
          r += (p >> 16) & 0xff;
          g += (p >> 8) & 0xff;
          b += p & 0xff;
        }
        out.setRGB(x, y, (r / 4) << 16 | (g / 4) << 8 | b / 4);
      }
    }
    return out;
  }
}
