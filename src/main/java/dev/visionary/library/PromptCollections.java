package dev.visionary.library;

import dev.visionary.web.PageReads;
import dev.visionary.web.ShortIds;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The collections and collection_items tables. Items keep the order their owner gave them. */
final class PromptCollections {
  private static final String FROM = " from collections c join users u on u.id = c.owner_id";

  private final Jdbi jdbi;

  PromptCollections(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  String create(long ownerId, String name, String description, Visibility visibility) {
    return jdbi.inTransaction(h -> create(h, ownerId, name, description, visibility));
  }

  /** A new private collection holding this prompt, in one transaction: never left behind empty. */
  String createHolding(long ownerId, String name, String promptId) {
    return jdbi.inTransaction(h -> {
      String id = create(h, ownerId, name, "", Visibility.PRIVATE);
      add(h, id, promptId);
      return id;
    });
  }

  private static String create(Handle h, long ownerId, String name, String description, Visibility visibility) {
    String id = ShortIds.next();
    h.createUpdate("insert into collections (id, owner_id, name, slug, description, visibility)"
            + " values (:id, :owner, :name, :slug, :description, :visibility)")
        .bind("id", id).bind("owner", ownerId).bind("name", name).bind("slug", Slugs.slug(name))
        .bind("description", description).bind("visibility", visibility.id()).execute();
    return id;
  }

  Optional<PromptCollection> find(String id) {
    if (!Slugs.looksLikeId(id)) {
      return Optional.empty();
    }
    return jdbi.withHandle(h -> h.createQuery("select " + PromptCollection.COLUMNS + FROM + " where c.id = :id")
        .bind("id", id).map(PromptCollection.ROW).findOne());
  }

  List<PromptCollection> ownedBy(long ownerId) {
    return jdbi.withHandle(h -> h.createQuery("select " + PromptCollection.COLUMNS + FROM + " where c.owner_id = :owner order by lower(c.name) limit 500")
        .bind("owner", ownerId).map(PromptCollection.ROW).list());
  }

  List<PromptCollection> publicOf(long ownerId) {
    return jdbi.withHandle(h -> h.createQuery("select " + PromptCollection.COLUMNS + FROM
            + " where c.owner_id = :owner and c.visibility = 'public' order by lower(c.name) limit 200")
        .bind("owner", ownerId).map(PromptCollection.ROW).list());
  }

  /** The owner's collections that hold this prompt. */
  List<PromptCollection> holding(String promptId, long ownerId) {
    return jdbi.withHandle(h -> h.createQuery("select " + PromptCollection.COLUMNS + FROM
            + " join collection_items i on i.collection_id = c.id where i.prompt_id = :p and c.owner_id = :owner order by lower(c.name)")
        .bind("p", promptId).bind("owner", ownerId).map(PromptCollection.ROW).list());
  }

  void update(String id, String name, String description, Visibility visibility) {
    jdbi.useHandle(h -> h.createUpdate("update collections set name = :name, slug = :slug, description = :description,"
            + " visibility = :visibility, updated_at = now() where id = :id")
        .bind("id", id).bind("name", name).bind("slug", Slugs.slug(name)).bind("description", description)
        .bind("visibility", visibility.id()).execute());
  }

  void delete(String id) {
    jdbi.useHandle(h -> h.createUpdate("delete from collections where id = :id").bind("id", id).execute());
  }

  /** Adds the prompt at the end; adding it again changes nothing. */
  void add(String collectionId, String promptId) {
    jdbi.useTransaction(h -> add(h, collectionId, promptId));
  }

  /**
   * The same inside the caller's transaction. The collection's row stays locked until it ends, so two adds
   * at one moment take the end one after the other (collection_items_position turns away any that did not).
   */
  static void add(Handle h, String collectionId, String promptId) {
    lock(h, collectionId);
    h.createUpdate("insert into collection_items (collection_id, prompt_id, position)"
            + " select :c, :p, coalesce(max(position), 0) + 1 from collection_items where collection_id = :c"
            + " on conflict do nothing")
        .bind("c", collectionId).bind("p", promptId).execute();
  }

  /** Serialises changes to one collection's order; "no key update" still lets others add items that reference it. */
  private static void lock(Handle h, String collectionId) {
    h.createQuery("select id from collections where id = :c for no key update").bind("c", collectionId).mapTo(String.class).findOne();
  }

  void remove(String collectionId, String promptId) {
    jdbi.useHandle(h -> h.createUpdate("delete from collection_items where collection_id = :c and prompt_id = :p")
        .bind("c", collectionId).bind("p", promptId).execute());
  }

  /** Swaps the prompt with its neighbour above (up) or below. */
  void move(String collectionId, String promptId, boolean up) {
    jdbi.useTransaction(h -> {
      lock(h, collectionId);
      Optional<Integer> position = h.createQuery("select position from collection_items where collection_id = :c and prompt_id = :p")
          .bind("c", collectionId).bind("p", promptId).mapTo(Integer.class).findOne();
      if (position.isEmpty()) {
        return;
      }
      String neighbour = up
          ? "select prompt_id, position from collection_items where collection_id = :c and position < :pos order by position desc limit 1"
          : "select prompt_id, position from collection_items where collection_id = :c and position > :pos order by position limit 1";
      h.createQuery(neighbour).bind("c", collectionId).bind("pos", position.get())
          .map((rs, ctx) -> java.util.Map.entry(rs.getString("prompt_id"), rs.getInt("position"))).findOne()
          .ifPresent(other -> {
            // Positions are unique at every statement, so the prompt steps aside (to -1, never a real place) for the swap.
            setPosition(h, collectionId, promptId, -1);
            setPosition(h, collectionId, other.getKey(), position.get());
            setPosition(h, collectionId, promptId, other.getValue());
          });
    });
  }

  private static void setPosition(Handle h, String collectionId, String promptId, int position) {
    h.createUpdate("update collection_items set position = :pos where collection_id = :c and prompt_id = :p")
        .bind("pos", position).bind("c", collectionId).bind("p", promptId).execute();
  }

  /**
   * What a view of a collection's page needs before its kept copy can be used, in one round trip: who owns it
   * and who may see it, its slug, and {@code key}, one value that changes whenever the page would: its owner's
   * revision (the collection, its items, their own prompts) and the revisions and number of its items' owners.
   */
  record PageFacts(long ownerId, Visibility visibility, String slug, String key) {}

  /**
   * The facts of {@link PageFacts}, from the database function collection_page_facts (V29, where the key is
   * spelled out): a function keeps its plan, and planning this statement afresh, as the app's connections do,
   * cost more than running it.
   */
  Optional<PageFacts> pageFacts(String collectionId) {
    if (!Slugs.looksLikeId(collectionId)) {
      return Optional.empty();
    }
    return PAGE_FACTS.alone(jdbi, collectionId);
  }

  /** {@link #pageFacts}, as a view sends it with the session's lookup ({@link PageReads}). */
  static final PageReads.Read<PageFacts> PAGE_FACTS = new PageReads.Read<>("collection_page_facts(?)", "owner_id",
      rs -> new PageFacts(rs.getLong("owner_id"), Visibility.byId(rs.getString("visibility")).orElse(Visibility.PRIVATE),
          rs.getString("slug"), rs.getString("key")));

  /** The prompts in a collection, in order, that this viewer may see (-1: anonymous). */
  List<Prompt> items(String collectionId, long viewerId) {
    return jdbi.withHandle(h -> h.createQuery("select " + Prompt.COLUMNS + " from collection_items i join prompts p on p.id = i.prompt_id"
            + " join users u on u.id = p.owner_id where i.collection_id = :c and p.deleted_at is null"
            + " and (p.owner_id = :viewer or p.visibility <> 'private') order by i.position limit 1000")
        .bind("c", collectionId).bind("viewer", viewerId).map(Prompt.ROW).list());
  }
}
