package dev.visionary.library;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * What is offered while someone types a Visionary search, in the browser's address bar or under a search field:
 * their own titles and tags that start with it, or the titles of the newest public prompts that do. Each read is
 * bounded however much is stored: an index in title order for one person's prompts, and only the newest public
 * ones looked at.
 */
final class SearchSuggestions {
  static final int MAX = 8;
  /** Longer input is cut, not refused: the address bar asks on every key press and shows no errors. */
  static final int MAX_TYPED = 100;
  /** How many of the newest public prompts a signed-out suggestion looks through. */
  private static final int PUBLIC_WINDOW = 2000;

  private final Jdbi jdbi;

  SearchSuggestions(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** One suggestion: a prompt's title, or (tag true) one of the person's tags. */
  record Suggestion(String text, boolean tag) {}

  /** The person's titles (index prompts_owner_title, read in order) then their tags, without repeats. */
  List<String> forOwner(long ownerId, String typed) {
    return ofOwner(ownerId, typed).stream().map(Suggestion::text).toList();
  }

  /** As {@link #forOwner}, each saying whether it is a title or a tag; a tag spelled like a title is left out. */
  List<Suggestion> ofOwner(long ownerId, String typed) {
    String prefix = prefix(typed);
    if (prefix.isEmpty()) {
      return List.of();
    }
    return jdbi.withHandle(h -> {
      List<String> titles = h.createQuery("select title from prompts where owner_id = :owner and deleted_at is null"
              + " and lower(title) like :like escape '!' order by lower(title) limit :n")
          .bind("owner", ownerId).bind("like", Tags.likePrefix(prefix)).bind("n", MAX).mapTo(String.class).list();
      Set<String> seen = new LinkedHashSet<>(titles);
      List<Suggestion> found = new ArrayList<>(titles.stream().distinct().map(t -> new Suggestion(t, false)).toList());
      if (seen.size() < MAX) {
        h.createQuery("select name::text from tags where owner_id = :owner and name::text ilike :like escape '!'"
                + " order by lower(name::text) limit :n")
            .bind("owner", ownerId).bind("like", Tags.likePrefix(prefix)).bind("n", MAX).mapTo(String.class).list()
            .stream().filter(seen::add).forEach(t -> found.add(new Suggestion(t, true)));
      }
      return found.stream().limit(MAX).toList();
    });
  }

  /** Titles of the newest public prompts (index prompts_public_created) that start with what was typed. */
  List<String> fromPublic(String typed) {
    String prefix = prefix(typed);
    if (prefix.isEmpty()) {
      return List.of();
    }
    return jdbi.withHandle(h -> h.createQuery("select distinct title from (select title from prompts"
            + " where visibility = 'public' and deleted_at is null order by created_at desc limit :window) newest"
            + " where lower(title) like :like escape '!' order by title limit :n")
        .bind("window", PUBLIC_WINDOW).bind("like", Tags.likePrefix(prefix)).bind("n", MAX).mapTo(String.class).list());
  }

  /** What a suggestion is matched against: the typed text stripped, lower-cased and cut to {@link #MAX_TYPED}. */
  static String prefix(String typed) {
    String t = typed == null ? "" : typed.strip().toLowerCase(java.util.Locale.ROOT);
    return t.length() > MAX_TYPED ? t.substring(0, MAX_TYPED) : t;
  }
}
