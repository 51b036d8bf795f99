package dev.visionary.library;

import dev.visionary.web.ShortIds;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A person's whole library as JSON: prompts with every version, tags, collections in order, bookmarks.
 * Importing keeps ids, times and counters, so export → delete → import gives back the same library, and
 * importing the same file again changes nothing.
 */
final class LibraryTransfer {
  static final String FORMAT = "visionary-library";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Jdbi jdbi;

  LibraryTransfer(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  byte[] exportJson(long ownerId) {
    ObjectNode library = jdbi.withHandle(h -> {
      ObjectNode root = JSON.createObjectNode();
      root.put("format", FORMAT);
      root.put("format_version", 1);
      root.put("exported_at", Instant.now().toString());
      Map<String, ArrayNode> versions = new HashMap<>();
      h.createQuery("select v.prompt_id, v.version, v.title, v.text, v.negative, v.target, v.params::text as params, v.idea, v.note, v.created_at"
              + " from prompt_versions v join prompts p on p.id = v.prompt_id where p.owner_id = :o order by v.prompt_id, v.version")
          .bind("o", ownerId).map((rs, ctx) -> PromptVersion.map(rs))
          .forEach(v -> {
            ObjectNode n = versions.computeIfAbsent(v.promptId(), k -> JSON.createArrayNode()).addObject();
            n.put("version", v.version());
            n.put("title", v.title());
            n.put("text", v.text());
            n.put("negative", v.negative());
            n.put("target", v.target());
            n.set("params", tree(v.params()));
            n.put("idea", v.idea());
            n.put("note", v.note());
            n.put("created_at", v.createdAt().toString());
          });
      Map<String, ArrayNode> tags = new HashMap<>();
      h.createQuery("select pt.prompt_id, t.name::text as name from prompt_tags pt join tags t on t.id = pt.tag_id"
              + " where t.owner_id = :o order by pt.prompt_id, lower(t.name)")
          .bind("o", ownerId).map((rs, ctx) -> Map.entry(rs.getString("prompt_id"), rs.getString("name")))
          .forEach(e -> tags.computeIfAbsent(e.getKey(), k -> JSON.createArrayNode()).add(e.getValue()));
      ArrayNode prompts = root.putArray("prompts");
      h.createQuery("select " + Prompt.COLUMNS + " from prompts p join users u on u.id = p.owner_id where p.owner_id = :o order by p.created_at, p.id")
          .bind("o", ownerId).map((rs, ctx) -> Prompt.map(rs))
          .forEach(p -> {
            ObjectNode n = prompts.addObject();
            n.put("id", p.id());
            n.put("title", p.title());
            n.put("text", p.text());
            n.put("negative", p.negative());
            n.put("target", p.target());
            n.set("params", tree(p.params()));
            n.put("idea", p.idea());
            n.put("expansion_id", p.expansionId());
            n.put("parent_id", p.parentId());
            n.put("visibility", p.visibility().id());
            n.put("version", p.version());
            n.put("use_count", p.useCount());
            n.put("created_at", p.createdAt().toString());
            n.put("updated_at", p.updatedAt().toString());
            n.put("deleted_at", p.deletedAt() == null ? null : p.deletedAt().toString());
            n.set("tags", tags.getOrDefault(p.id(), JSON.createArrayNode()));
            n.set("versions", versions.getOrDefault(p.id(), JSON.createArrayNode()));
          });
      ArrayNode collections = root.putArray("collections");
      h.createQuery("select c.id, c.name, c.description, c.visibility, c.created_at, c.updated_at,"
              + " array(select i.prompt_id from collection_items i where i.collection_id = c.id order by i.position) as items"
              + " from collections c where c.owner_id = :o order by c.created_at, c.id")
          .bind("o", ownerId)
          .map((rs, ctx) -> {
            ObjectNode n = JSON.createObjectNode();
            n.put("id", rs.getString("id"));
            n.put("name", rs.getString("name"));
            n.put("description", rs.getString("description"));
            n.put("visibility", rs.getString("visibility"));
            n.put("created_at", Prompt.instant(rs, "created_at").toString());
            n.put("updated_at", Prompt.instant(rs, "updated_at").toString());
            ArrayNode items = n.putArray("prompt_ids");
            for (String id : (String[]) rs.getArray("items").getArray()) {
              items.add(id);
            }
            return n;
          })
          .forEach(collections::add);
      ArrayNode bookmarks = root.putArray("bookmarks");
      h.createQuery("select prompt_id, created_at from bookmarks where user_id = :o order by created_at, prompt_id")
          .bind("o", ownerId)
          .map((rs, ctx) -> JSON.createObjectNode().put("prompt_id", rs.getString("prompt_id")).put("created_at", Prompt.instant(rs, "created_at").toString()))
          .forEach(bookmarks::add);
      return root;
    });
    try {
      return JSON.writeValueAsBytes(library);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("A library tree could not be written as JSON", e);
    }
  }

  private static JsonNode tree(String json) {
    try {
      return JSON.readTree(json == null ? "{}" : json);
    } catch (java.io.IOException e) {
      return JSON.createObjectNode();
    }
  }

  ImportReport importJson(long ownerId, byte[] bytes) {
    ImportReport report = new ImportReport("Visionary JSON");
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (java.io.IOException e) {
      report.error("The file is not valid JSON.");
      return report;
    }
    if (root == null || !FORMAT.equals(root.path("format").asText())) {
      report.error("This JSON file is not a Visionary library export (its \"format\" is not \"" + FORMAT + "\").");
      return report;
    }
    jdbi.useTransaction(h -> {
      Map<String, String> ids = new LinkedHashMap<>();
      List<Map.Entry<String, String>> parents = new ArrayList<>();
      int row = 0;
      for (JsonNode n : root.path("prompts")) {
        row++;
        String label = "Prompt " + row + (n.path("title").isTextual() ? " (“" + n.path("title").asText() + "”)" : "");
        ImportedPrompt parsed;
        try {
          parsed = ImportedPrompt.from(n);
        } catch (IllegalArgumentException e) {
          report.error(label + ": " + e.getMessage());
          continue;
        }
        Target target = place(h, ownerId, "prompts", parsed.sourceId());
        ids.put(parsed.sourceId(), target.id());
        if (!target.fresh()) {
          report.unchanged();
          continue;
        }
        Prompts.insert(h, target.id(), ownerId, parsed.draft(), parsed.state());
        for (PromptVersion v : parsed.versions()) {
          Prompts.insertVersion(h, target.id(), v.version(), new PromptDraft(v.title(), v.text(), v.negative(), v.target(), v.params(),
              v.idea(), null, null, Visibility.PRIVATE), v.note(), v.createdAt());
        }
        for (String tag : parsed.tags()) {
          Tags.attach(h, ownerId, target.id(), tag);
        }
        if (parsed.parentId() != null) {
          parents.add(Map.entry(target.id(), parsed.parentId()));
        }
        report.created();
      }
      for (Map.Entry<String, String> link : parents) {
        String parent = ids.getOrDefault(link.getValue(), link.getValue());
        h.createUpdate("update prompts set parent_id = :parent where id = :id"
                + " and exists (select 1 from prompts q where q.id = :parent and (q.owner_id = :o or q.visibility <> 'private'))")
            .bind("parent", parent).bind("id", link.getKey()).bind("o", ownerId).execute();
      }
      importCollections(h, ownerId, root.path("collections"), ids, report);
      for (JsonNode b : root.path("bookmarks")) {
        String id = ids.getOrDefault(b.path("prompt_id").asText(), b.path("prompt_id").asText());
        h.createUpdate("insert into bookmarks (user_id, prompt_id, created_at) select :o, p.id, coalesce(cast(:at as timestamptz), now())"
                + " from prompts p where p.id = :id and (p.owner_id = :o or p.visibility <> 'private') on conflict do nothing")
            .bind("o", ownerId).bind("id", id).bind("at", b.path("created_at").isTextual() ? b.path("created_at").asText() : null).execute();
      }
    });
    return report;
  }

  private void importCollections(Handle h, long ownerId, JsonNode collections, Map<String, String> ids, ImportReport report) {
    int row = 0;
    for (JsonNode c : collections) {
      row++;
      String name = c.path("name").asText("").strip();
      Visibility visibility = Visibility.byId(c.path("visibility").asText("private")).orElse(null);
      if (name.isEmpty() || name.length() > 120 || visibility == null || !Slugs.looksLikeId(c.path("id").asText())) {
        report.error("Collection " + row + ": it needs an id, a name of at most 120 characters and a valid visibility.");
        continue;
      }
      Target target = place(h, ownerId, "collections", c.path("id").asText());
      if (!target.fresh()) {
        continue;
      }
      h.createUpdate("insert into collections (id, owner_id, name, slug, description, visibility, created_at, updated_at)"
              + " values (:id, :o, :name, :slug, :description, :visibility, coalesce(cast(:created as timestamptz), now()),"
              + " coalesce(cast(:updated as timestamptz), now()))")
          .bind("id", target.id()).bind("o", ownerId).bind("name", name).bind("slug", Slugs.slug(name))
          .bind("description", c.path("description").asText("")).bind("visibility", visibility.id())
          .bind("created", textOrNull(c, "created_at")).bind("updated", textOrNull(c, "updated_at")).execute();
      int position = 0;
      for (JsonNode item : c.path("prompt_ids")) {
        String promptId = ids.getOrDefault(item.asText(), item.asText());
        position++;
        h.createUpdate("insert into collection_items (collection_id, prompt_id, position) select :c, p.id, :pos from prompts p"
                + " where p.id = :p and p.owner_id = :o on conflict do nothing")
            .bind("c", target.id()).bind("p", promptId).bind("pos", position).bind("o", ownerId).execute();
      }
    }
  }

  private static String textOrNull(JsonNode n, String field) {
    return n.path(field).isTextual() ? n.path(field).asText() : null;
  }

  /** Where an imported row goes: its own id when free, a stable id derived from it when someone else has it. */
  private record Target(String id, boolean fresh) {}

  private static Target place(Handle h, long ownerId, String table, String sourceId) {
    String sql = "prompts".equals(table) ? "select owner_id from prompts where id = :id" : "select owner_id from collections where id = :id";
    for (String candidate : List.of(sourceId, ShortIds.derived(ownerId + ":" + sourceId))) {
      var owner = h.createQuery(sql).bind("id", candidate).mapTo(Long.class).findOne();
      if (owner.isEmpty()) {
        return new Target(candidate, true);
      }
      if (owner.get() == ownerId) {
        return new Target(candidate, false);
      }
    }
    return new Target(ShortIds.next(), true);
  }
}
