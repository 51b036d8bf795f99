package dev.visionary.library;

import java.util.List;

/** The images made from a saved prompt, as the prompt page shows them (provided by image generation). */
public interface PromptGallery {

  record GalleryImage(String url, String thumbUrl, int width, int height) {}

  List<GalleryImage> images(String promptId);

  PromptGallery NONE = promptId -> List.of();
}
