package dev.visionary.library;

import java.time.Instant;

/** One saved state of a prompt. */
record PromptVersion(
    String promptId, int version, String title, String text, String negative, String target, String params,
    String idea, String note, Instant createdAt) {

  static PromptVersion map(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new PromptVersion(rs.getString("prompt_id"), rs.getInt("version"), rs.getString("title"), rs.getString("text"),
        rs.getString("negative"), rs.getString("target"), rs.getString("params"), rs.getString("idea"), rs.getString("note"),
        Prompt.instant(rs, "created_at"));
  }
}
