package dev.visionary.generate;

import java.util.Optional;

/**
 * What generation asks of the Studio about a card: its prompt and negative prompt, read from the person's own
 * expansion. The Generate control and "More settings…" name a card instead of carrying its text, so their
 * addresses stay short and stable however long the prompt is.
 */
public interface CardTexts {
  /** Card {@code index} of expansion {@code expansionId}, when that expansion is the person's. */
  Optional<PromptLinks.PromptText> read(long ownerId, String expansionId, int index);
}
