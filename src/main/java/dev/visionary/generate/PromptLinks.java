package dev.visionary.generate;

import dev.visionary.identity.User;
import java.util.List;
import java.util.Optional;

/** What generation asks of the library about the saved prompt a job was made from. */
public interface PromptLinks {
  /** The saved prompt's text and negative prompt, when the viewer may read it. */
  record PromptText(String text, String negative) {}

  Optional<PromptText> read(Optional<User> viewer, String promptId);

  /** Whether the viewer may read the saved prompt (and so its images). */
  default boolean canRead(Optional<User> viewer, String promptId) {
    return read(viewer, promptId).isPresent();
  }

  /**
   * Whether the person owns the saved prompt. Only then may a job be linked to it: a linked job's images join
   * the prompt's gallery, its preview image and its counts, which are the owner's to fill.
   */
  boolean owns(User user, String promptId);

  /** A generation was started from the saved prompt (feeds "most used"). */
  void used(String promptId);

  /** The person's saved styles (AUTOMATIC1111 styles kept in their library), by name. */
  List<dev.visionary.prompt.SavedStyle> styles(long ownerId);

  /** A job made from the saved prompt produced these images. */
  void imagesAdded(String promptId, List<String> imageIds);
}
