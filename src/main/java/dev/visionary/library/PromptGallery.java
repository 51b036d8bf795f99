package dev.visionary.library;

import dev.visionary.web.Ratings;
import java.util.List;

/**
 * The images made from a saved prompt, as the prompt page shows them (provided by image generation). Only the
 * prompt owner's own images: the page is theirs, whatever anyone else's jobs once claimed.
 */
public interface PromptGallery {

  /** {@code rating} is the owner's and {@code ratingUrl} where it is changed; the page shows them to the owner only. */
  record GalleryImage(String url, String thumbUrl, int width, int height, Short rating, String ratingUrl) {
    public Ratings.Widget ratingWidget(String back) {
      return new Ratings.Widget(ratingUrl, rating, "this image", back);
    }

    public boolean rejected() {
      return Ratings.rejected(rating);
    }
  }

  List<GalleryImage> images(String promptId, long ownerId);

  PromptGallery NONE = (promptId, ownerId) -> List.of();
}
