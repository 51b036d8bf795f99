package dev.visionary.library;

import dev.visionary.web.Urls;
import java.time.Instant;

/** A named, ordered set of prompts. */
record PromptCollection(
    String id, long ownerId, String ownerName, String name, String slug, String description, Visibility visibility,
    int size, Instant createdAt, Instant updatedAt) {

  static final String COLUMNS = "c.id, c.owner_id, u.username::text as owner_name, c.name, c.slug, c.description, c.visibility,"
      + " (select count(*) from collection_items i where i.collection_id = c.id) as size, c.created_at, c.updated_at";

  static PromptCollection map(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new PromptCollection(rs.getString("id"), rs.getLong("owner_id"), rs.getString("owner_name"), rs.getString("name"),
        rs.getString("slug"), rs.getString("description"), Visibility.byId(rs.getString("visibility")).orElse(Visibility.PRIVATE),
        rs.getInt("size"), Prompt.instant(rs, "created_at"), Prompt.instant(rs, "updated_at"));
  }

  public String url() {
    return Urls.collection(id, slug);
  }

  public boolean ownedBy(long userId) {
    return ownerId == userId;
  }
}
