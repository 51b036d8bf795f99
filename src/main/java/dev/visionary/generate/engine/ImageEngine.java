package dev.visionary.generate.engine;

import java.util.List;

/**
 * A way to turn a prompt into images: the built-in renderer or a remote model server.
 * Implementations are safe to call from several threads at once.
 */
public interface ImageEngine {

  /** Stable identifier stored with every image and used in URLs and settings, e.g. {@code builtin}. */
  String id();

  /** Name shown to people, e.g. "Built-in scene painter". */
  String label();

  /**
   * Generates {@code request.count()} images. Blocks until they are all done; reports progress on the
   * calling thread as it goes.
   *
   * @throws ImageEngineException with a {@link ImageEngineException.Kind} that tells the caller whether to
   *     retry, and a message that can be shown to the person who asked
   */
  List<GeneratedImage> generate(ImageRequest request, ProgressListener progress) throws ImageEngineException;
}
