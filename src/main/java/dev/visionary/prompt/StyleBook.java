package dev.visionary.prompt;

import java.util.List;

/** A person's saved styles, as the library keeps them; the features that apply styles ask it. */
public interface StyleBook {
  /** The person's styles, by name. */
  List<SavedStyle> of(long ownerId);
}
