package dev.visionary.library;

import dev.visionary.web.Urls;
import java.time.Instant;

/** A saved prompt as stored, with its owner's name. */
record Prompt(
    String id, long ownerId, String ownerName, String title, String slug, String text, String negative,
    String target, String params, String idea, String expansionId, String parentId, Visibility visibility,
    int version, int useCount, int imageCount, String coverImageId,
    Instant createdAt, Instant updatedAt, Instant deletedAt) {

  static final String COLUMNS = "p.id, p.owner_id, u.username::text as owner_name, p.title, p.slug, p.text, p.negative, p.target, "
      + "p.params::text as params, p.idea, p.expansion_id, p.parent_id, p.visibility, p.version, p.use_count, p.image_count, "
      + "p.cover_image_id, p.created_at, p.updated_at, p.deleted_at";

  static Prompt map(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Prompt(rs.getString("id"), rs.getLong("owner_id"), rs.getString("owner_name"), rs.getString("title"),
        rs.getString("slug"), rs.getString("text"), rs.getString("negative"), rs.getString("target"), rs.getString("params"),
        rs.getString("idea"), rs.getString("expansion_id"), rs.getString("parent_id"),
        Visibility.byId(rs.getString("visibility")).orElse(Visibility.PRIVATE), rs.getInt("version"), rs.getInt("use_count"),
        rs.getInt("image_count"), rs.getString("cover_image_id"), instant(rs, "created_at"), instant(rs, "updated_at"),
        instant(rs, "deleted_at"));
  }

  static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
    java.sql.Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

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
    return new PromptDraft(title, text, negative, target, params, idea, expansionId, parentId, visibility);
  }
}
