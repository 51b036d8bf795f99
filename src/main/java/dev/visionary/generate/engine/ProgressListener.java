package dev.visionary.generate.engine;

/** Receives progress from an engine while it works, so a person sees something move. */
@FunctionalInterface
public interface ProgressListener {

  /** Ignores every report. */
  ProgressListener NONE = (fraction, previewPng) -> { };

  /**
   * @param fraction how much of the whole request is done, from 0 to 1
   * @param previewPng a low-quality PNG of the image so far when the engine offers one, otherwise null
   */
  void progress(double fraction, byte[] previewPng);
}
