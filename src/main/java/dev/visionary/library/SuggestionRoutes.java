package dev.visionary.library;

import dev.visionary.identity.CurrentUser;
import dev.visionary.web.Pages;
import dev.visionary.web.Urls;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The list under the library's and Explore's search fields, filled as the person types: the suggestions the address
 * bar gets from {@code /search/suggest}, each a link to its search. Each field suggests from what it searches: the
 * library the person's own titles and tags, Explore the public titles.
 */
public final class SuggestionRoutes {
  /** One entry of the list: the part that matched what was typed, the rest, and the search it leads to. */
  public record Entry(String matched, String rest, boolean tag, String url) {}

  private final Pages pages;
  private final SearchSuggestions suggestions;

  SuggestionRoutes(Pages pages, SearchSuggestions suggestions) {
    this.pages = pages;
    this.suggestions = suggestions;
  }

  /** The person's titles lead to a search of their library for them, their tags to the library filtered by the tag. */
  public void library(Context ctx) {
    String typed = typed(ctx);
    List<Entry> entries = suggestions.ofOwner(CurrentUser.require(ctx).id(), typed).stream()
        .map(s -> entry(s.text(), typed, s.tag()
            ? Urls.withQuery(Urls.LIBRARY, "tag", s.text()) : Urls.withQuery(Urls.LIBRARY, "q", s.text()), s.tag()))
        .toList();
    answer(ctx, entries);
  }

  /** Public titles, each leading to Explore searched for it; the same for everyone, signed in or not. */
  public void explore(Context ctx) {
    String typed = typed(ctx);
    answer(ctx, suggestions.fromPublic(typed).stream()
        .map(t -> entry(t, typed, Urls.withQuery(Urls.EXPLORE, "q", t), false)).toList());
  }

  private void answer(Context ctx, List<Entry> entries) {
    // What is suggested changes with every prompt saved, and a signed-in list is one person's own.
    ctx.header("Cache-Control", "no-store");
    pages.fragment(ctx, "library/suggestions", Map.of("entries", entries));
  }

  private static String typed(Context ctx) {
    return Optional.ofNullable(ctx.queryParam("q")).orElse("");
  }

  /**
   * The text split where what was typed ends, so the list can show the rest in bold. Matching is by lower case; when
   * lower-casing changes the text's length (a dotted capital I, say) the split would fall in the wrong place, so
   * nothing is marked.
   */
  static Entry entry(String text, String typed, String url, boolean tag) {
    String prefix = SearchSuggestions.prefix(typed);
    String lower = text.toLowerCase(Locale.ROOT);
    boolean splits = lower.length() == text.length() && lower.startsWith(prefix);
    return splits ? new Entry(text.substring(0, prefix.length()), text.substring(prefix.length()), tag, url)
        : new Entry("", text, tag, url);
  }
}
