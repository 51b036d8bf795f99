package dev.visionary.library;

import java.time.Instant;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** One saved state of a prompt. */
record PromptVersion(
    String promptId, int version, String title, String text, String negative, String target, String params,
    String idea, String note, Instant createdAt) {

  /** Columns to the record by name; params is selected as text ({@code params::text as params}). */
  static final RowMapper<PromptVersion> ROW = ConstructorMapper.of(PromptVersion.class);
}
