package dev.visionary.generate;

import dev.visionary.generate.engine.GeneratedImage;
import dev.visionary.generate.engine.ImageEngine;
import dev.visionary.generate.engine.ImageEngineException;
import dev.visionary.generate.engine.ImageRequest;
import dev.visionary.generate.engine.ProgressListener;
import dev.visionary.generate.scene.SceneRenderer;
import dev.visionary.png.PngMetadata;
import dev.visionary.provider.Failure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The offline engine: paints a landscape that follows the prompt's words (sea, mountains, city, sunset,
 * fog, neon…) with Java2D. Same prompt, seed and size always give the same bytes, so it doubles as a
 * dependable engine for tests and demos.
 */
public final class BuiltinImageEngine implements ImageEngine {

  public static final String ID = "builtin";
  public static final int MAX_COUNT = 4;

  private final SceneRenderer renderer = new SceneRenderer();

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String label() {
    return "Built-in scene painter (offline)";
  }

  @Override
  public List<GeneratedImage> generate(ImageRequest request, ProgressListener progress) throws ImageEngineException {
    validate(request);
    // A style such as "neon" or "pastel" is more words for the painter to read.
    String words = request.style() == null ? request.prompt() : request.prompt() + ", " + request.style();
    List<GeneratedImage> images = new ArrayList<>(request.count());
    for (int i = 0; i < request.count(); i++) {
      if (Thread.currentThread().isInterrupted()) {
        throw ImageEngineException.of(Failure.TIMEOUT, "Image generation was stopped before it finished.");
      }
      long seed = request.seed() + i;
      String infotext = request.infotext(ID, seed, request.width(), request.height(), null).format();
      byte[] png;
      try {
        // On a painter at the lowest CPU priority: pages go first (see Painters).
        png = Painters.paint(() -> PngMetadata.encode(renderer.render(words, request.negativePrompt(), seed, request.width(), request.height()),
            Map.of(PngMetadata.PARAMETERS, infotext)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw ImageEngineException.of(Failure.TIMEOUT, "Image generation was stopped before it finished.");
      }
      images.add(new GeneratedImage(png, request.width(), request.height(), seed, null, GeneratedImage.PNG));
      progress.progress((i + 1) / (double) request.count(), null);
    }
    return images;
  }

  private static void validate(ImageRequest request) throws ImageEngineException {
    if (request.prompt().isBlank()) {
      throw ImageEngineException.of(Failure.BAD_REQUEST, "Write a prompt first: the picture is painted from its words.");
    }
    if (request.count() > MAX_COUNT) {
      throw ImageEngineException.of(Failure.BAD_REQUEST, 
          "The built-in engine paints at most " + MAX_COUNT + " images at a time; " + request.count() + " were asked for.");
    }
    int w = request.width();
    int h = request.height();
    if (w < SceneRenderer.MIN_SIDE || h < SceneRenderer.MIN_SIDE || w > SceneRenderer.MAX_SIDE || h > SceneRenderer.MAX_SIDE) {
      throw ImageEngineException.of(Failure.BAD_REQUEST, "Each side must be between " + SceneRenderer.MIN_SIDE + " and "
          + SceneRenderer.MAX_SIDE + " pixels; " + w + "x" + h + " was asked for.");
    }
  }
}
