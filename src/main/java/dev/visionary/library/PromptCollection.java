package dev.visionary.library;

import dev.visionary.web.Urls;
import java.time.Instant;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** A named, ordered set of prompts. */
record PromptCollection(
    String id, long ownerId, String ownerName, String name, String slug, String description, Visibility visibility,
    int size, Instant createdAt, Instant updatedAt) {

  static final String COLUMNS = "c.id, c.owner_id, u.username::text as owner_name, c.name, c.slug, c.description,"
      + " upper(c.visibility) as visibility, (select count(*) from collection_items i where i.collection_id = c.id) as size,"
      + " c.created_at, c.updated_at";
  /** {@link #COLUMNS} to the record by name; the visibility is stored in lower case and read by its constant's name. */
  static final RowMapper<PromptCollection> ROW = ConstructorMapper.of(PromptCollection.class);

  public String url() {
    return Urls.collection(id, slug);
  }

  public boolean ownedBy(long userId) {
    return ownerId == userId;
  }
}
