package dev.visionary.library;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.visionary.web.Views;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The HTML of result cards, each rendered once and reused while nothing it shows has changed. Rendering a
 * card with Thymeleaf costs about as much as the rest of a results page; most cards look the same from one
 * page view to the next.
 *
 * <p>The key is everything the card shows (the whole {@link PromptCard}, including its highlighted title and
 * snippet, so search results are keyed by their query's highlighting) plus how the list shows it; a prompt
 * that changes makes a new key, and the old entry ages out of the bounded cache.
 */
final class CardHtml {
  /** Around 1.5 KB of HTML per card: a few megabytes at most. */
  static final int MAX_CARDS = 4_000;

  /** {@code csrf} is the session's token on a card with a rating form, and empty on one without (shared by everyone). */
  private record Key(PromptCard card, boolean showOwner, String base, String csrf) {}

  private final Views views;
  private final Cache<Key, String> cache = Caffeine.newBuilder().maximumSize(MAX_CARDS).build();

  CardHtml(Views views) {
    this.views = views;
  }

  /**
   * The cards' HTML, in order. It is our own output from library/card.html, where everything a person typed
   * was escaped, so the page inserts it unescaped.
   */
  List<String> render(List<PromptCard> cards, boolean showOwner, String base, String csrf) {
    List<String> out = new ArrayList<>(cards.size());
    for (PromptCard card : cards) {
      Key key = new Key(card, showOwner, base, card.rating() == null ? "" : csrf);
      String html = cache.get(key, k -> views.render("library/card", Map.of("c", card, "showOwner", showOwner, "base", base, "csrf", k.csrf())));
      out.add(html);
    }
    return out;
  }
}
