package dev.visionary.library;

import dev.visionary.png.ImageMetadata;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.visionary.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;

/** The prompt_image_metadata table: the raw metadata of the image a prompt was imported from. */
final class PromptImageMetadata {

  /** A prompt's raw metadata and the tool that wrote it. */
  record Saved(String tool, List<ImageMetadata.Chunk> chunks) {}

  private final Jdbi jdbi;

  PromptImageMetadata(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  static void insert(Handle h, String promptId, String tool, List<ImageMetadata.Chunk> chunks) {
    bind(h.createUpdate(INSERT), promptId, tool, chunks).execute();
  }

  /** For many prompts in one round trip, as a JSON import writes them: bind each with {@link #bind}, then add it. */
  static PreparedBatch insertBatch(Handle h) {
    return h.prepareBatch(INSERT);
  }

  private static final String INSERT = "insert into prompt_image_metadata (prompt_id, tool, chunks) values (:id, :tool, cast(:chunks as jsonb))";

  static <S extends SqlStatement<S>> S bind(S statement, String promptId, String tool, List<ImageMetadata.Chunk> chunks) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    chunks.forEach(c -> array.addObject().put("keyword", c.keyword()).put("text", c.text()));
    return statement.bind("id", promptId).bind("tool", tool).bind("chunks", array.toString());
  }

  Optional<Saved> find(String promptId) {
    return jdbi.withHandle(h -> h.createQuery("select tool, chunks::text as chunks from prompt_image_metadata where prompt_id = :id")
        .bind("id", promptId)
        .map((rs, ctx) -> new Saved(rs.getString("tool"), chunks(rs.getString("chunks"))))
        .findOne());
  }

  private static List<ImageMetadata.Chunk> chunks(String json) {
    List<ImageMetadata.Chunk> out = new ArrayList<>();
    try {
      for (JsonNode c : Json.MAPPER.readTree(json)) {
        out.add(new ImageMetadata.Chunk(c.path("keyword").asText(), c.path("text").asText()));
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("prompt_image_metadata.chunks holds JSON written by insert()", e);
    }
    return out;
  }
}
