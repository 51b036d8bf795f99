package dev.visionary.library;

import dev.visionary.web.Urls;
import java.time.Instant;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** A saved prompt as stored, with its owner's name. Its rating is its owner's alone: pages show it only to them. */
record Prompt(
    String id, long ownerId, String ownerName, String title, String slug, String text, String negative,
    String target, String params, String idea, String expansionId, String parentId, Visibility visibility,
    int version, int useCount, int imageCount, String coverImageId,
    Instant createdAt, Instant updatedAt, Instant deletedAt, Short rating, String sourceUrl, String sourceTitle) {

  static final String COLUMNS = "p.id, p.owner_id, u.username::text as owner_name, p.title, p.slug, p.text, p.negative, p.target, "
      + "p.params::text as params, p.idea, p.expansion_id, p.parent_id, upper(p.visibility) as visibility, p.version, p.use_count, "
      + "p.image_count, p.cover_image_id, p.created_at, p.updated_at, p.deleted_at, p.rating, p.source_url, p.source_title";
  /** {@link #COLUMNS} to the record by name; the visibility is stored in lower case and read by its constant's name. */
  static final RowMapper<Prompt> ROW = ConstructorMapper.of(Prompt.class);

  public String url() {
    return url(id, slug);
  }

  static String url(String id, String slug) {
    return Urls.prompt(id, slug);
  }

  public boolean ownedBy(long userId) {
    return ownerId == userId;
  }

  public boolean deleted() {
    return deletedAt != null;
  }

  public PromptDraft draft() {
    return new PromptDraft(title, text, negative, target, params, idea, expansionId, parentId, visibility, source());
  }

  /** The page it was saved from; {@link Source#present()} is false for a prompt written here. */
  public Source source() {
    return new Source(sourceUrl, sourceTitle);
  }

  /** For the page's "Saved from" link. */
  public String sourceLabel() {
    return source().present() ? source().label() : "";
  }
}
