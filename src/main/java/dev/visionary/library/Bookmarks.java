package dev.visionary.library;

import org.jdbi.v3.core.Jdbi;

/** Stars: any prompt a person can see may be bookmarked. */
final class Bookmarks {
  private final Jdbi jdbi;

  Bookmarks(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Adds or removes the bookmark; returns whether the prompt is now bookmarked. */
  boolean toggle(long userId, String promptId) {
    return jdbi.inTransaction(h -> {
      int removed = h.createUpdate("delete from bookmarks where user_id = :u and prompt_id = :p").bind("u", userId).bind("p", promptId).execute();
      if (removed > 0) {
        return false;
      }
      h.createUpdate("insert into bookmarks (user_id, prompt_id) values (:u, :p) on conflict do nothing")
          .bind("u", userId).bind("p", promptId).execute();
      return true;
    });
  }

  boolean isBookmarked(long userId, String promptId) {
    return jdbi.withHandle(h -> h.createQuery("select exists (select 1 from bookmarks where user_id = :u and prompt_id = :p)")
        .bind("u", userId).bind("p", promptId).mapTo(Boolean.class).one());
  }

  int count(String promptId) {
    return jdbi.withHandle(h -> h.createQuery("select count(*) from bookmarks where prompt_id = :p")
        .bind("p", promptId).mapTo(Integer.class).one());
  }
}
