package dev.visionary.generate;

import dev.visionary.generate.engine.ImageRequest;

/** Variations of a request that only tests build: the app makes each request whole from a form or a job. */
public final class ImageRequests {
  private ImageRequests() {}

  public static ImageRequest withCount(ImageRequest r, int count) {
    return new ImageRequest(r.prompt(), r.negativePrompt(), r.width(), r.height(), count, r.seed(), r.model(), r.quality(),
        r.style(), r.steps(), r.cfg(), r.sampler(), r.scheduler());
  }

  public static ImageRequest withNegativePrompt(ImageRequest r, String negativePrompt) {
    return new ImageRequest(r.prompt(), negativePrompt, r.width(), r.height(), r.count(), r.seed(), r.model(), r.quality(),
        r.style(), r.steps(), r.cfg(), r.sampler(), r.scheduler());
  }
}
