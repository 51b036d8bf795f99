package dev.visionary.library;

import java.util.List;

/**
 * The images made from a saved prompt, as the prompt page shows them (provided by image generation). Only the
 * prompt owner's own images: the page is theirs, whatever anyone else's jobs once claimed.
 */
public interface PromptGallery {

  record GalleryImage(String url, String thumbUrl, int width, int height) {}

  List<GalleryImage> images(String promptId, long ownerId);

  PromptGallery NONE = (promptId, ownerId) -> List.of();
}
