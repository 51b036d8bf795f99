package dev.visionary.library;

import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The prompts each Atom feed lists, newest first. Feed readers have no session, so a feed shows what a
 * signed-out visitor may see and nothing more: a private prompt never appears, whoever asks.
 */
final class PromptFeeds {
  private static final String FROM = " from prompts p join users u on u.id = p.owner_id";
  private final Jdbi jdbi;

  PromptFeeds(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Everyone's newest public prompts (index prompts_public_created). */
  List<Prompt> newestPublic() {
    return jdbi.withHandle(h -> h.createQuery("select " + Prompt.COLUMNS + FROM
            + " where p.visibility = 'public' and p.deleted_at is null order by p.created_at desc limit :n")
        .bind("n", AtomFeed.MAX_ENTRIES).map(Prompt.ROW).list());
  }

  /** One person's newest public prompts, as their profile lists them (index prompts_owner_created). */
  List<Prompt> newestPublicOf(long ownerId) {
    return jdbi.withHandle(h -> h.createQuery("select " + Prompt.COLUMNS + FROM
            + " where p.owner_id = :owner and p.visibility = 'public' and p.deleted_at is null order by p.created_at desc limit :n")
        .bind("owner", ownerId).bind("n", AtomFeed.MAX_ENTRIES).map(Prompt.ROW).list());
  }

  /**
   * The prompts most recently added to a collection that a visitor may see there (public and unlisted ones, as on
   * its page): a reader follows a collection for what joins it.
   */
  List<Prompt> newestInCollection(String collectionId) {
    return jdbi.withHandle(h -> h.createQuery("select " + Prompt.COLUMNS + " from collection_items i join prompts p on p.id = i.prompt_id"
            + " join users u on u.id = p.owner_id where i.collection_id = :c and p.deleted_at is null and p.visibility <> 'private'"
            + " order by i.added_at desc, i.position desc limit :n")
        .bind("c", collectionId).bind("n", AtomFeed.MAX_ENTRIES).map(Prompt.ROW).list());
  }
}
