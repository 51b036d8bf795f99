package dev.visionary.bench;

import dev.visionary.generate.BuiltinImageEngine;
import dev.visionary.generate.engine.GeneratedImage;
import dev.visionary.generate.engine.ImageRequest;
import dev.visionary.generate.engine.ProgressListener;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Writes sample pictures from the built-in engine for a person to look at, plus one contact sheet with
 * a row per prompt and a column per seed, which is quicker to judge than separate files.
 *
 * <p>Usage: {@code ImageSamples [directory] [seeds, e.g. 1 or 1-4] [width] [height] [prompt...]};
 * without prompts it paints a standard set.
 */
public final class ImageSamples {

  private static final String[] PROMPTS = {
      "a beach sunset", "sunset over the sea", "a city at night", "snowy mountains at dawn",
      "desert dunes under stars", "a foggy pine forest", "rainy neon city street", "a cat"};
  private static final int CELL = 384;

  private ImageSamples() {
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/image-samples");
    String[] seedRange = (args.length > 1 ? args[1] : "1").split("-");
    long firstSeed = Long.parseLong(seedRange[0]);
    long lastSeed = seedRange.length > 1 ? Long.parseLong(seedRange[1]) : firstSeed;
    int width = args.length > 2 ? Integer.parseInt(args[2]) : 768;
    int height = args.length > 3 ? Integer.parseInt(args[3]) : 768;
    String[] prompts = args.length > 4 ? Arrays.copyOfRange(args, 4, args.length) : PROMPTS;
    Files.createDirectories(dir);

    BuiltinImageEngine engine = new BuiltinImageEngine();
    int seeds = (int) (lastSeed - firstSeed + 1);
    // With a single seed the sheet wraps into rows of four so it stays readable.
    int columns = seeds == 1 ? Math.min(4, prompts.length) : seeds;
    int cells = prompts.length * seeds;
    int rows = (cells + columns - 1) / columns;
    int cellH = CELL * height / width;
    BufferedImage sheet = new BufferedImage(columns * CELL, rows * cellH, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = sheet.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    int cell = 0;
    for (String prompt : prompts) {
      for (long seed = firstSeed; seed <= lastSeed; seed++, cell++) {
        ImageRequest request = ImageRequest.of(prompt, width, height, seed);
        GeneratedImage image = engine.generate(request, ProgressListener.NONE).get(0);
        String name = prompt.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-" + seed + ".png";
        Files.write(dir.resolve(name), image.bytes());
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(image.bytes()));
        g.drawImage(picture, (cell % columns) * CELL, (cell / columns) * cellH, CELL, cellH, null);
      }
    }
    g.dispose();
    Path sheetFile = dir.resolve("sheet-" + firstSeed + (seeds > 1 ? "-" + lastSeed : "") + ".png");
    ImageIO.write(sheet, "png", sheetFile.toFile());
    System.out.println(sheetFile);
  }
}
