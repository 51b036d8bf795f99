package dev.visionary.library;

import dev.visionary.identity.User;
import dev.visionary.web.PageReads;
import dev.visionary.web.ShortIds;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;

/** The prompts and prompt_versions tables. Access checks are the callers' job; this only stores. */
final class Prompts {
  static final int TRASH_DAYS = 30;

  /** Key space of the per-owner advisory lock that serialises creating prompts (any constant unused elsewhere). */
  private static final int CREATE_LOCK_SPACE = 0x50524d54;

  private final Jdbi jdbi;
  private final PromptCaps caps;

  Prompts(Jdbi jdbi, PromptCaps caps) {
    this.jdbi = jdbi;
    this.caps = caps;
  }

  PromptCaps caps() {
    return caps;
  }

  Jdbi jdbi() {
    return jdbi;
  }

  /**
   * What a view of a prompt's page needs before its kept copy can be used, in one round trip: who owns it and
   * who may see it (for {@link Access}), its slug (for the address), and {@code key}, one value that changes
   * whenever the page would: its owner's revision (the prompt, its tags, images and collections), its bookmark
   * count, its forks' owners' revisions and number, and its parent's owner's revision.
   */
  record PageFacts(long ownerId, Visibility visibility, boolean deleted, String slug, String key) {}

  /**
   * The facts of {@link PageFacts}, from the database function prompt_page_facts (V21, where the key is spelled
   * out): a function keeps its plan, and planning this statement afresh, as the app's connections do, cost more
   * than running it. Every part is an indexed lookup.
   */
  Optional<PageFacts> pageFacts(String id) {
    return Slugs.looksLikeId(id) ? PAGE_FACTS.alone(jdbi, id) : Optional.empty();
  }

  /** {@link #pageFacts}, as a view sends it with the session's lookup ({@link PageReads}). */
  static final PageReads.Read<PageFacts> PAGE_FACTS = new PageReads.Read<>("prompt_page_facts(?)", "owner_id",
      rs -> new PageFacts(rs.getLong("owner_id"), Visibility.byId(rs.getString("visibility")).orElse(Visibility.PRIVATE),
          rs.getBoolean("deleted"), rs.getString("slug"), rs.getString("key")));

  /**
   * The person whose profile this is, with their revision (everything on a profile is theirs), in one round trip.
   * Read here with the revision rather than asked of the account feature and then read again: a view of a kept
   * profile costs this read, sent with the session's lookup.
   */
  record Profile(User owner, long revision) {}

  static final PageReads.Read<Profile> PROFILE = new PageReads.Read<>("profile_owner(?)", "id",
      rs -> new Profile(new User(rs.getLong("id"), rs.getString("username")), rs.getLong("revision")));

  Optional<Profile> profile(String username) {
    return PROFILE.alone(jdbi, username);
  }

  /** The shared revision (V21): it moves with every committed change to what people may see of each other's prompts. */
  static final PageReads.Read<Long> SHARED_REVISION = new PageReads.Read<>("shared_revision_now()", "revision",
      rs -> rs.getLong("revision"));

  long sharedRevision() {
    return SHARED_REVISION.alone(jdbi, null).orElseThrow();
  }

  Optional<Prompt> find(String id) {
    if (!Slugs.looksLikeId(id)) {
      return Optional.empty();
    }
    return jdbi.withHandle(h -> h.createQuery("select " + Prompt.COLUMNS + " from prompts p join users u on u.id = p.owner_id where p.id = :id")
        .bind("id", id).map(Prompt.ROW).findOne());
  }

  /** Saves a new prompt as version 1 and returns its id; throws {@link PromptCaps.Full} when its owner has no room left. */
  String create(long ownerId, PromptDraft d, List<String> tags) {
    return create(ownerId, d, tags, null, null).id();
  }

  /** A prompt saved by {@link #create}; {@code existing} when its key had already saved it before. */
  record Created(String id, boolean existing) {}

  /**
   * Saves a new prompt as version 1 with its tags, and into the collection when one is given, all in one
   * transaction. A {@code createKey} seen before from this owner answers with the prompt it made then, so
   * a form sent again after its answer was lost makes no second prompt. Throws {@link PromptCaps.Full}
   * when its owner has no room left.
   */
  Created create(long ownerId, PromptDraft d, List<String> tags, String collectionId, String createKey) {
    return create(ownerId, d, tags, collectionId, createKey, (h, id) -> { });
  }

  /** Saves a new prompt as {@link #create} does, and whatever {@code alongside} writes about it in the same transaction. */
  Created create(long ownerId, PromptDraft d, List<String> tags, String collectionId, String createKey,
      BiConsumer<Handle, String> alongside) {
    return jdbi.inTransaction(h -> {
      long room = room(h, ownerId, caps);
      // Looked up under room()'s per-owner lock, so two sends of one key cannot both miss it.
      if (createKey != null) {
        Optional<String> earlier = h.createQuery("select id from prompts where owner_id = :o and create_key = :k")
            .bind("o", ownerId).bind("k", createKey).mapTo(String.class).findOne();
        if (earlier.isPresent()) {
          return new Created(earlier.get(), true);
        }
      }
      if (room < 1) {
        throw new PromptCaps.Full(caps.full());
      }
      String id = ShortIds.next();
      bindPrompt(h.createUpdate(INSERT), id, ownerId, d, null).bind("key", createKey).execute();
      insertVersion(h, id, 1, d, "", null);
      for (String tag : tags) {
        Tags.attach(h, ownerId, id, tag);
      }
      if (collectionId != null) {
        PromptCollections.add(h, collectionId, id);
      }
      alongside.accept(h, id);
      return new Created(id, false);
    });
  }

  /**
   * How many more prompts the owner may create. Holds a per-owner lock until the transaction ends, so two saves
   * at the same moment cannot both take the last place.
   */
  static long room(Handle h, long ownerId, PromptCaps caps) {
    h.execute("select pg_advisory_xact_lock(?, ?)", CREATE_LOCK_SPACE, Long.hashCode(ownerId));
    // Two counts, so each is answered from its partial index (live prompts, Trash) rather than a table scan.
    long count = h.createQuery("select (select count(*) from prompts where owner_id = :o and deleted_at is null)"
            + " + (select count(*) from prompts where owner_id = :o and deleted_at is not null)")
        .bind("o", ownerId).mapTo(Long.class).one();
    return caps.perPerson() - count;
  }

  /** For many prompts in one round trip, as an import writes them: bind each with {@link #bindPrompt}, then add it. */
  static PreparedBatch insertBatch(Handle h) {
    return h.prepareBatch(INSERT);
  }

  private static final String INSERT = "insert into prompts (id, owner_id, title, slug, text, negative, target, params, idea,"
      + " expansion_id, parent_id, visibility, version, use_count, created_at, updated_at, deleted_at, create_key, rating, source_url, source_title)"
      + " values (:id, :owner, :title, :slug, :text, :negative, :target, cast(:params as jsonb), :idea, :expansion, :parent, :visibility,"
      + " :version, :uses, coalesce(:created, now()), coalesce(:updated, now()), :deleted, :key, :rating, :source_url, :source_title)";

  static <S extends SqlStatement<S>> S bindPrompt(S statement, String id, long ownerId, PromptDraft d, ImportedState state) {
    return statement.bind("id", id).bind("owner", ownerId).bind("title", d.title()).bind("slug", Slugs.slug(d.title()))
        .bind("text", d.text()).bind("negative", d.negative()).bind("target", d.target()).bind("params", d.params())
        .bind("idea", d.idea()).bind("expansion", d.expansionId()).bind("parent", d.parentId())
        .bind("visibility", d.visibility().id()).bind("source_url", d.source().url()).bind("source_title", d.source().title())
        .bind("version", state == null ? 1 : state.version()).bind("uses", state == null ? 0 : state.useCount())
        .bind("created", state == null ? null : state.createdAt()).bind("updated", state == null ? null : state.updatedAt())
        .bind("deleted", state == null ? null : state.deletedAt()).bind("key", (String) null)
        .bind("rating", state == null ? null : state.rating());
  }

  /** Timestamps and counters carried over by an import, so an export and re-import round-trips exactly. */
  record ImportedState(int version, int useCount, java.time.Instant createdAt, java.time.Instant updatedAt, java.time.Instant deletedAt,
      Short rating) {}

  static void insertVersion(Handle h, String id, int version, PromptDraft d, String note, java.time.Instant createdAt) {
    bindVersion(h.createUpdate(INSERT_VERSION), id, version, d, note, createdAt).execute();
  }

  static PreparedBatch insertVersionBatch(Handle h) {
    return h.prepareBatch(INSERT_VERSION);
  }

  private static final String INSERT_VERSION = "insert into prompt_versions (prompt_id, version, title, text, negative, target, params,"
      + " idea, note, created_at) values (:id, :version, :title, :text, :negative, :target, cast(:params as jsonb), :idea, :note,"
      + " coalesce(:created, now()))";

  static <S extends SqlStatement<S>> S bindVersion(S statement, String id, int version, PromptDraft d, String note,
      java.time.Instant createdAt) {
    return statement.bind("id", id).bind("version", version).bind("title", d.title()).bind("text", d.text())
        .bind("negative", d.negative()).bind("target", d.target()).bind("params", d.params()).bind("idea", d.idea())
        .bind("note", note).bind("created", createdAt);
  }

  /**
   * Saves an edit and, when {@code tags} is not null, makes them the prompt's tags, in one transaction.
   * Changed content becomes a new version; visibility alone changes in place.
   * Returns false when someone else saved first (the version the editor started from is no longer current).
   */
  boolean update(Prompt current, PromptDraft d, String note, List<String> tags) {
    return jdbi.inTransaction(h -> {
      boolean newVersion = d.contentDiffers(current.draft());
      int next = newVersion ? current.version() + 1 : current.version();
      int changed = h.createUpdate("update prompts set title = :title, slug = :slug, text = :text, negative = :negative, target = :target,"
              + " params = cast(:params as jsonb), idea = :idea, visibility = :visibility, version = :next, updated_at = now()"
              + " where id = :id and version = :expected")
          .bind("title", d.title()).bind("slug", Slugs.slug(d.title())).bind("text", d.text()).bind("negative", d.negative())
          .bind("target", d.target()).bind("params", d.params()).bind("idea", d.idea()).bind("visibility", d.visibility().id())
          .bind("next", next).bind("id", current.id()).bind("expected", current.version())
          .execute();
      if (changed == 0) {
        return false;
      }
      if (newVersion) {
        insertVersion(h, current.id(), next, d, note, null);
      }
      if (tags != null) {
        Tags.replace(h, current.ownerId(), current.id(), tags);
      }
      return true;
    });
  }

  List<PromptVersion> versions(String id) {
    return jdbi.withHandle(h -> h.createQuery("select prompt_id, version, title, text, negative, target, params::text as params, idea, note, created_at"
            + " from prompt_versions where prompt_id = :id order by version desc")
        .bind("id", id).map(PromptVersion.ROW).list());
  }

  void trash(String id) {
    jdbi.useHandle(h -> h.createUpdate("update prompts set deleted_at = now() where id = :id and deleted_at is null").bind("id", id).execute());
  }

  void restore(String id) {
    jdbi.useHandle(h -> h.createUpdate("update prompts set deleted_at = null where id = :id").bind("id", id).execute());
  }

  /** Deletes a trashed prompt for good. */
  void purge(String id) {
    jdbi.useHandle(h -> h.createUpdate("delete from prompts where id = :id and deleted_at is not null").bind("id", id).execute());
  }

  int emptyTrash(long ownerId) {
    return jdbi.withHandle(h -> h.createUpdate("delete from prompts where owner_id = :owner and deleted_at is not null")
        .bind("owner", ownerId).execute());
  }

  /** Trash keeps prompts for {@value #TRASH_DAYS} days. */
  int purgeExpired() {
    return jdbi.withHandle(h -> h.createUpdate("delete from prompts where deleted_at < now() - make_interval(days => :days)")
        .bind("days", TRASH_DAYS).execute());
  }

  List<Prompt> trashed(long ownerId) {
    return jdbi.withHandle(h -> h.createQuery("select " + Prompt.COLUMNS + " from prompts p join users u on u.id = p.owner_id"
            + " where p.owner_id = :owner and p.deleted_at is not null order by p.deleted_at desc limit 500")
        .bind("owner", ownerId).map(Prompt.ROW).list());
  }

  /** Forks of a prompt that this viewer may see. */
  List<Prompt> forks(String id, long viewerId) {
    return jdbi.withHandle(h -> h.createQuery("select " + Prompt.COLUMNS + " from prompts p join users u on u.id = p.owner_id"
            + " where p.parent_id = :id and p.deleted_at is null and (p.owner_id = :viewer or p.visibility <> 'private')"
            + " order by p.created_at limit 50")
        .bind("id", id).bind("viewer", viewerId).map(Prompt.ROW).list());
  }

  /**
   * Sets the owner's rating (null clears it). Only the rating changes: no new version, the same updated_at, and no
   * move of the shared revision even on a shared prompt (V22); the owner's revision moves, so their pages show it.
   */
  void rate(String id, Short rating) {
    jdbi.useHandle(h -> h.createUpdate("update prompts set rating = :rating where id = :id").bind("id", id).bind("rating", rating).execute());
  }

  void recordUse(String id) {
    jdbi.useHandle(h -> h.createUpdate("update prompts set use_count = use_count + 1 where id = :id").bind("id", id).execute());
  }

  void recordImage(String id, String imageId) {
    jdbi.useHandle(h -> h.createUpdate("update prompts set image_count = image_count + 1, cover_image_id = coalesce(cover_image_id, :image) where id = :id")
        .bind("id", id).bind("image", imageId).execute());
  }
}
