package dev.visionary.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.generate.engine.GeneratedImage;
import dev.visionary.generate.engine.ImageEngineException;
import dev.visionary.generate.engine.ImageRequest;
import dev.visionary.generate.engine.ProgressListener;
import dev.visionary.png.Infotext;
import dev.visionary.png.PngMetadata;
import dev.visionary.provider.Failure;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BuiltinImageEngineTest {

  private final BuiltinImageEngine engine = new BuiltinImageEngine();

  private GeneratedImage one(String prompt, int width, int height, long seed) throws ImageEngineException {
    List<GeneratedImage> images = engine.generate(ImageRequest.of(prompt, width, height, seed), ProgressListener.NONE);
    assertEquals(1, images.size());
    return images.get(0);
  }

  private BufferedImage picture(String prompt, long seed) throws ImageEngineException {
    return Pixels.decode(one(prompt, 512, 512, seed).bytes());
  }

  private static boolean warm(double hue) {
    return hue >= 300 || hue <= 60;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 1234567})
  void sunsetOverTheSeaHasAWarmSkyAboveBlueWater(long seed) throws Exception {
    BufferedImage image = picture("sunset over the sea", seed);
    int third = image.getHeight() / 3;
    double sky = Pixels.meanHue(image, 0, third);
    double sea = Pixels.meanHue(image, 2 * third, image.getHeight());
    assertTrue(warm(sky), "sky should be red, orange or pink; mean hue was " + sky);
    assertTrue(sea >= 180 && sea <= 270, "sea should be blue; mean hue was " + sea);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 1234567})
  void cityAtNightHasADarkSkyAndBrightLights(long seed) throws Exception {
    BufferedImage image = picture("a city at night", seed);
    double top = Pixels.meanLuma(image, 0, image.getHeight() / 2);
    assertTrue(top < 60, "upper half should be dark; mean brightness was " + top);
    int lights = Pixels.brightPoints(image, 0, image.getHeight(), 4, 60);
    assertTrue(lights > 300, "expected lit windows or stars; found " + lights + " bright points");
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 1234567})
  void snowyMountainsHaveBrightGroundBelow(long seed) throws Exception {
    BufferedImage image = picture("snowy mountains", seed);
    double bottom = Pixels.meanLuma(image, image.getHeight() * 3 / 4, image.getHeight());
    assertTrue(bottom > 170, "snow in the foreground should be bright; mean brightness was " + bottom);
  }

  @Test
  void sunsetIsWarmerThanNoonOverTheSameSea() throws Exception {
    BufferedImage sunset = picture("the sea at sunset", 7);
    BufferedImage noon = picture("the sea at noon", 7);
    assertTrue(warm(Pixels.meanHue(sunset, 0, 170)));
    double noonSky = Pixels.meanHue(noon, 0, 170);
    assertTrue(noonSky > 180 && noonSky < 260, "a noon sky is blue; mean hue was " + noonSky);
  }

  @Test
  void nightIsDarkerThanDay() throws Exception {
    double night = Pixels.meanLuma(picture("mountains at night", 5), 0, 512);
    double day = Pixels.meanLuma(picture("mountains at midday", 5), 0, 512);
    assertTrue(night < day / 2, "night " + night + " should be far darker than day " + day);
  }

  @Test
  void monochromeHasNoColour() throws Exception {
    BufferedImage image = picture("a monochrome beach sunset", 9);
    int coloured = 0;
    for (int y = 0; y < image.getHeight(); y += 4) {
      for (int x = 0; x < image.getWidth(); x += 4) {
        int rgb = image.getRGB(x, y);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 6) {
          coloured++;
        }
      }
    }
    assertEquals(0, coloured, "pixels with visible colour");
  }

  @Test
  void sameSeedPromptAndSizeGiveIdenticalBytes() throws Exception {
    for (String prompt : List.of("a beach sunset", "rainy neon city street", "a foggy pine forest")) {
      byte[] first = one(prompt, 640, 480, 99).bytes();
      byte[] second = one(prompt, 640, 480, 99).bytes();
      assertArrayEquals(first, second, prompt);
    }
  }

  @Test
  void sameSeedGivesIdenticalBytesFromSeparateEngines() throws Exception {
    ImageRequest request = ImageRequest.of("snowy mountains at dawn", 320, 200, 5);
    byte[] first = new BuiltinImageEngine().generate(request, ProgressListener.NONE).get(0).bytes();
    byte[] second = new BuiltinImageEngine().generate(request, ProgressListener.NONE).get(0).bytes();
    assertArrayEquals(first, second);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a beach sunset", "a city at night", "snowy mountains at dawn", "desert dunes under stars",
      "a foggy pine forest", "rainy neon city street", "a cat"})
  void differentSeedsGiveVisiblyDifferentPictures(String prompt) throws Exception {
    BufferedImage a = picture(prompt, 1);
    BufferedImage b = picture(prompt, 2);
    double difference = Pixels.difference(a, b);
    assertTrue(difference > 5, "seeds 1 and 2 of '" + prompt + "' differ by only " + difference + " per channel");
  }

  @ParameterizedTest
  @CsvSource({"1024,1024", "1792,1024", "512,768", "64,64", "2048,64"})
  void paintsAtTheRequestedSize(int width, int height) throws Exception {
    GeneratedImage image = one("a beach sunset", width, height, 3);
    BufferedImage decoded = Pixels.decode(image.bytes());
    assertEquals(width, decoded.getWidth());
    assertEquals(height, decoded.getHeight());
    assertEquals(width, image.width());
    assertEquals(height, image.height());
    assertEquals("image/png", image.mimeType());
  }

  @Test
  void aBatchOfTwoGivesTwoDifferentPicturesWithConsecutiveSeeds() throws Exception {
    ImageRequest request = ImageRequests.withCount(ImageRequest.of("a beach sunset", 384, 256, 40), 2);
    List<GeneratedImage> images = engine.generate(request, ProgressListener.NONE);
    assertEquals(2, images.size());
    assertEquals(40, images.get(0).seed());
    assertEquals(41, images.get(1).seed());
    assertTrue(Pixels.difference(Pixels.decode(images.get(0).bytes()), Pixels.decode(images.get(1).bytes())) > 6);
    // The second picture of a batch can be painted again on its own from its seed.
    assertArrayEquals(images.get(1).bytes(), one("a beach sunset", 384, 256, 41).bytes());
  }

  @Test
  void reportsProgressAfterEachImage() throws Exception {
    List<Double> fractions = new ArrayList<>();
    engine.generate(ImageRequests.withCount(ImageRequest.of("a city at night", 128, 128, 1), 4), (f, preview) -> fractions.add(f));
    assertEquals(List.of(0.25, 0.5, 0.75, 1.0), fractions);
  }

  @Test
  void writesItsParametersIntoThePng() throws Exception {
    ImageRequest request = ImageRequests.withNegativePrompt(ImageRequest.of("a city at night", 256, 128, 77), "clouds");
    GeneratedImage image = engine.generate(request, ProgressListener.NONE).get(0);
    Infotext text = Infotext.parse(PngMetadata.readParameters(image.bytes()).orElseThrow());
    assertEquals("a city at night", text.prompt());
    assertEquals("clouds", text.negativePrompt());
    assertEquals("77", text.parameters().get("Seed"));
    assertEquals("256x128", text.parameters().get("Size"));
    assertEquals("builtin", text.parameters().get("Engine"));
  }

  @Test
  void aNegativePromptLeavesThingsOut() throws Exception {
    BufferedImage with = picture("a city at night", 11);
    int lights = Pixels.brightPoints(with, 0, 512, 4, 60);
    ImageRequest request = ImageRequests.withNegativePrompt(ImageRequest.of("a city at night", 512, 512, 11), "city, buildings, stars");
    BufferedImage without = Pixels.decode(engine.generate(request, ProgressListener.NONE).get(0).bytes());
    int remaining = Pixels.brightPoints(without, 0, 512, 4, 60);
    assertTrue(remaining < lights / 10, "lights with city: " + lights + ", without: " + remaining);
  }

  @Test
  void rejectsWhatItCannotPaintWithAClearMessage() {
    ImageEngineException tooMany = assertThrows(ImageEngineException.class,
        () -> engine.generate(ImageRequests.withCount(ImageRequest.of("a cat", 256, 256, 1), 5), ProgressListener.NONE));
    assertEquals(Failure.BAD_REQUEST, tooMany.kind());
    assertTrue(tooMany.getMessage().contains("4"), tooMany.getMessage());
    assertFalse(tooMany.retryable());

    ImageEngineException tooSmall = assertThrows(ImageEngineException.class,
        () -> engine.generate(ImageRequest.of("a cat", 32, 256, 1), ProgressListener.NONE));
    assertEquals(Failure.BAD_REQUEST, tooSmall.kind());
    assertTrue(tooSmall.getMessage().contains("32x256"), tooSmall.getMessage());

    ImageEngineException tooBig = assertThrows(ImageEngineException.class,
        () -> engine.generate(ImageRequest.of("a cat", 4096, 256, 1), ProgressListener.NONE));
    assertEquals(Failure.BAD_REQUEST, tooBig.kind());

    ImageEngineException blank = assertThrows(ImageEngineException.class,
        () -> engine.generate(ImageRequest.of("   ", 256, 256, 1), ProgressListener.NONE));
    assertEquals(Failure.BAD_REQUEST, blank.kind());
  }

  @Test
  void identifiesItself() {
    assertEquals("builtin", engine.id());
    assertFalse(engine.label().isBlank());
  }
}
