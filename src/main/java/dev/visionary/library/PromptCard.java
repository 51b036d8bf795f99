package dev.visionary.library;

import dev.visionary.web.Ratings;
import java.util.List;

/**
 * A prompt in a list of results, with its title and text already escaped and highlighted; {@code rating} is its
 * rating widget, only on the viewer's own prompts.
 */
record PromptCard(
    String id, String url, String titleHtml, String snippetHtml, String ownerName, String targetLabel,
    Visibility visibility, List<String> tags, String updated, int useCount, int imageCount, Ratings.Widget rating) {

  public boolean rejected() {
    return rating != null && rating.rejected();
  }
}
