package dev.visionary.library;

import dev.visionary.web.ShortIds;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import dev.visionary.json.Json;

/**
 * A person's whole library as JSON: prompts with every version, tags, collections in order, bookmarks.
 * Importing keeps ids, times and counters, so export → delete → import gives back the same library, and
 * importing the same file again changes nothing.
 */
final class LibraryTransfer {
  static final String FORMAT = "visionary-library";

  private final Jdbi jdbi;
  private final PromptCaps caps;

  LibraryTransfer(Jdbi jdbi, PromptCaps caps) {
    this.jdbi = jdbi;
    this.caps = caps;
  }

  byte[] exportJson(long ownerId) {
    ObjectNode library = jdbi.withHandle(h -> {
      ObjectNode root = Json.MAPPER.createObjectNode();
      root.put("format", FORMAT);
      root.put("format_version", 1);
      root.put("exported_at", Instant.now().toString());
      Map<String, ArrayNode> versions = new HashMap<>();
      h.createQuery("select v.prompt_id, v.version, v.title, v.text, v.negative, v.target, v.params::text as params, v.idea, v.note, v.created_at"
              + " from prompt_versions v join prompts p on p.id = v.prompt_id where p.owner_id = :o order by v.prompt_id, v.version")
          .bind("o", ownerId).map(PromptVersion.ROW)
          .forEach(v -> {
            ObjectNode n = versions.computeIfAbsent(v.promptId(), k -> Json.MAPPER.createArrayNode()).addObject();
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
          .forEach(e -> tags.computeIfAbsent(e.getKey(), k -> Json.MAPPER.createArrayNode()).add(e.getValue()));
      Map<String, JsonNode> imageMetadata = new HashMap<>();
      h.createQuery("select m.prompt_id, m.tool, m.chunks::text as chunks from prompt_image_metadata m join prompts p on p.id = m.prompt_id"
              + " where p.owner_id = :o")
          .bind("o", ownerId)
          .map((rs, ctx) -> Map.entry(rs.getString("prompt_id"),
              (JsonNode) Json.MAPPER.createObjectNode().put("tool", rs.getString("tool")).set("chunks", tree(rs.getString("chunks")))))
          .forEach(e -> imageMetadata.put(e.getKey(), e.getValue()));
      ArrayNode prompts = root.putArray("prompts");
      h.createQuery("select " + Prompt.COLUMNS + " from prompts p join users u on u.id = p.owner_id where p.owner_id = :o order by p.created_at, p.id")
          .bind("o", ownerId).map(Prompt.ROW)
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
            if (p.source().present()) {
              n.put("source_url", p.sourceUrl());
              n.put("source_title", p.sourceTitle());
            }
            n.put("visibility", p.visibility().id());
            n.put("version", p.version());
            n.put("use_count", p.useCount());
            n.put("rating", p.rating());
            n.put("created_at", p.createdAt().toString());
            n.put("updated_at", p.updatedAt().toString());
            n.put("deleted_at", p.deletedAt() == null ? null : p.deletedAt().toString());
            n.set("tags", tags.getOrDefault(p.id(), Json.MAPPER.createArrayNode()));
            n.set("versions", versions.getOrDefault(p.id(), Json.MAPPER.createArrayNode()));
            if (imageMetadata.containsKey(p.id())) {
              n.set("image_metadata", imageMetadata.get(p.id()));
            }
          });
      ArrayNode collections = root.putArray("collections");
      h.createQuery("select c.id, c.name, c.description, c.visibility, c.created_at, c.updated_at,"
              + " array(select i.prompt_id from collection_items i where i.collection_id = c.id order by i.position) as items"
              + " from collections c where c.owner_id = :o order by c.created_at, c.id")
          .bind("o", ownerId)
          .map((rs, ctx) -> {
            ObjectNode n = Json.MAPPER.createObjectNode();
            n.put("id", rs.getString("id"));
            n.put("name", rs.getString("name"));
            n.put("description", rs.getString("description"));
            n.put("visibility", rs.getString("visibility"));
            n.put("created_at", instant(rs, "created_at").toString());
            n.put("updated_at", instant(rs, "updated_at").toString());
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
          .map((rs, ctx) -> Json.MAPPER.createObjectNode().put("prompt_id", rs.getString("prompt_id")).put("created_at", instant(rs, "created_at").toString()))
          .forEach(bookmarks::add);
      return root;
    });
    try {
      return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(library);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("A library tree could not be written as JSON", e);
    }
  }

  private static JsonNode tree(String json) {
    try {
      return Json.MAPPER.readTree(json == null ? "{}" : json);
    } catch (java.io.IOException e) {
      return Json.MAPPER.createObjectNode();
    }
  }

  /**
   * Imports what can be imported and lists every row that can't, with why. A file over the import cap is refused
   * whole, before anything is read into the library; once its owner is at the per-person cap, new prompts are
   * listed as not added while those already there still count as there.
   */
  ImportReport importJson(long ownerId, byte[] bytes) {
    ImportReport report = new ImportReport("Visionary JSON");
    JsonImportFile.Outline outline;
    try {
      outline = JsonImportFile.outline(bytes, caps.perImport());
    } catch (JsonImportFile.Unreadable e) {
      report.error("The file is not valid JSON: " + e.getMessage());
      return report;
    }
    if (outline.overCap() != null) {
      report.refuse("prompts".equals(outline.overCap()) ? caps.tooManyInFile()
          : "This file's \"" + outline.overCap() + "\" list is longer than " + caps.perImport()
              + " entries, more than one import may hold (IMPORT_MAX_PROMPTS on this server).");
      return report;
    }
    if (!FORMAT.equals(outline.format())) {
      report.error("This JSON file is not a Visionary library export (its \"format\" is not \"" + FORMAT + "\").");
      return report;
    }
    jdbi.useTransaction(h -> {
      PromptRows rows = new PromptRows(h, ownerId, caps, report);
      JsonImportFile.forEachRow(bytes, outline, "prompts", row -> {
        String title = row.node() == null ? "" : ImportedPrompt.titleForMessages(row.node());
        String label = "Prompt " + row.number() + (title.isEmpty() ? "" : " (“" + title + "”)");
        if (row.node() == null) {
          report.error(label + ": " + row.problem());
          return;
        }
        try {
          rows.add(label, ImportedPrompt.from(row.node()));
        } catch (IllegalArgumentException e) {
          report.error(label + ": " + e.getMessage());
        }
      });
      rows.flush();
      Map<String, String> ids = rows.ids;
      for (Map.Entry<String, String> link : rows.parents) {
        // A parent in the same file, or one the prompt form would accept: the importer's own, or anyone's shared
        // prompt. Never someone's private prompt, and never the prompt itself.
        String parent = ids.getOrDefault(link.getValue(), link.getValue());
        h.createUpdate("update prompts set parent_id = :parent where id = :id and id <> :parent"
                + " and exists (select 1 from prompts q where q.id = :parent"
                + " and (q.owner_id = :o or (q.visibility <> 'private' and q.deleted_at is null)))")
            .bind("parent", parent).bind("id", link.getKey()).bind("o", ownerId).execute();
      }
      JsonImportFile.forEachRow(bytes, outline, "collections", row -> importCollection(h, ownerId, row, ids, report));
      JsonImportFile.forEachRow(bytes, outline, "bookmarks", row -> importBookmark(h, ownerId, row, ids, report));
    });
    return report;
  }

  private static void importCollection(Handle h, long ownerId, JsonImportFile.Row row, Map<String, String> ids, ImportReport report) {
    JsonNode c = row.node();
    String label = "Collection " + row.number();
    if (c == null) {
      report.error(label + ": " + row.problem());
      return;
    }
    String name;
    String description;
    Instant created;
    Instant updated;
    try {
      name = ImportedPrompt.string(c, "name", 120, false);
      label += name.isEmpty() ? "" : " (“" + name + "”)";
      description = ImportedPrompt.string(c, "description", 1000, true);
      created = ImportedPrompt.instant(c, "created_at");
      updated = ImportedPrompt.instant(c, "updated_at");
    } catch (IllegalArgumentException e) {
      report.error(label + ": " + e.getMessage());
      return;
    }
    Visibility visibility = Visibility.byId(c.path("visibility").asText("private")).orElse(null);
    if (name.isEmpty() || visibility == null || !Slugs.looksLikeId(c.path("id").asText())) {
      report.error(label + ": it needs an id, a name of at most 120 characters and a valid visibility.");
      return;
    }
    Target target = place(h, ownerId, "collections", c.path("id").asText());
    if (!target.fresh()) {
      return;
    }
    h.createUpdate("insert into collections (id, owner_id, name, slug, description, visibility, created_at, updated_at)"
            + " values (:id, :o, :name, :slug, :description, :visibility, coalesce(:created, now()), coalesce(:updated, now()))")
        .bind("id", target.id()).bind("o", ownerId).bind("name", name).bind("slug", Slugs.slug(name))
        .bind("description", description).bind("visibility", visibility.id())
        .bind("created", created).bind("updated", updated).execute();
    int position = 0;
    for (JsonNode item : c.path("prompt_ids")) {
      if (!Slugs.looksLikeId(item.asText())) {
        continue;
      }
      String promptId = ids.getOrDefault(item.asText(), item.asText());
      position++;
      h.createUpdate("insert into collection_items (collection_id, prompt_id, position) select :c, p.id, :pos from prompts p"
              + " where p.id = :p and p.owner_id = :o on conflict do nothing")
          .bind("c", target.id()).bind("p", promptId).bind("pos", position).bind("o", ownerId).execute();
    }
  }

  private static void importBookmark(Handle h, long ownerId, JsonImportFile.Row row, Map<String, String> ids, ImportReport report) {
    JsonNode b = row.node();
    String label = "Bookmark " + row.number();
    if (b == null) {
      report.error(label + ": " + row.problem());
      return;
    }
    Instant at;
    try {
      at = ImportedPrompt.instant(b, "created_at");
    } catch (IllegalArgumentException e) {
      report.error(label + ": " + e.getMessage());
      return;
    }
    String source = b.path("prompt_id").asText();
    if (!Slugs.looksLikeId(source)) {
      report.error(label + ": \"prompt_id\" is not a prompt id.");
      return;
    }
    h.createUpdate("insert into bookmarks (user_id, prompt_id, created_at) select :o, p.id, coalesce(:at, now())"
            + " from prompts p where p.id = :id and (p.owner_id = :o or (p.visibility <> 'private' and p.deleted_at is null)) on conflict do nothing")
        .bind("o", ownerId).bind("id", ids.getOrDefault(source, source)).bind("at", at).execute();
  }

  /** Where an imported row goes: its own id when free, a stable id derived from it when someone else has it. */
  private record Target(String id, boolean fresh) {}

  private static Target place(Handle h, long ownerId, String table, String sourceId) {
    String sql = "prompts".equals(table) ? "select owner_id from prompts where id = :id" : "select owner_id from collections where id = :id";
    return place(ownerId, sourceId, candidate -> h.createQuery(sql).bind("id", candidate).mapTo(Long.class).findOne());
  }

  private static Target place(long ownerId, String sourceId, Function<String, Optional<Long>> ownerOf) {
    for (String candidate : candidates(ownerId, sourceId)) {
      Optional<Long> owner = ownerOf.apply(candidate);
      if (owner.isEmpty()) {
        return new Target(candidate, true);
      }
      if (owner.get() == ownerId) {
        return new Target(candidate, false);
      }
    }
    return new Target(ShortIds.next(), true);
  }

  private static List<String> candidates(long ownerId, String sourceId) {
    return List.of(sourceId, ShortIds.derived(ownerId + ":" + sourceId));
  }

  /**
   * Writes an import's prompts a chunk at a time: one look-up for where a chunk's rows go and one round trip per
   * table, instead of several statements per prompt.
   */
  private static final class PromptRows {
    private static final int CHUNK = 500;

    final Map<String, String> ids = new LinkedHashMap<>();
    final List<Map.Entry<String, String>> parents = new ArrayList<>();
    private final Handle h;
    private final long ownerId;
    private final PromptCaps caps;
    private final ImportReport report;
    private final List<Map.Entry<String, ImportedPrompt>> pending = new ArrayList<>();
    private final Map<String, Long> tagIds = new HashMap<>();
    private long room;
    private boolean toldFull;

    PromptRows(Handle h, long ownerId, PromptCaps caps, ImportReport report) {
      this.h = h;
      this.ownerId = ownerId;
      this.caps = caps;
      this.report = report;
      this.room = Prompts.room(h, ownerId, caps);
    }

    void add(String label, ImportedPrompt prompt) {
      pending.add(Map.entry(label, prompt));
      if (pending.size() >= CHUNK) {
        flush();
      }
    }

    void flush() {
      if (pending.isEmpty()) {
        return;
      }
      Set<String> wanted = new HashSet<>();
      pending.forEach(p -> wanted.addAll(candidates(ownerId, p.getValue().sourceId())));
      Map<String, Long> owners = new HashMap<>();
      h.createQuery("select id, owner_id from prompts where id = any(:ids)").bindArray("ids", String.class, wanted)
          .map((rs, ctx) -> Map.entry(rs.getString("id"), rs.getLong("owner_id")))
          .forEach(e -> owners.put(e.getKey(), e.getValue()));
      PreparedBatch prompts = Prompts.insertBatch(h);
      PreparedBatch versions = Prompts.insertVersionBatch(h);
      Map<String, List<String>> tags = new LinkedHashMap<>();
      Map<String, ImportedPrompt.ImageSource> sources = new LinkedHashMap<>();
      for (Map.Entry<String, ImportedPrompt> entry : pending) {
        ImportedPrompt parsed = entry.getValue();
        Target target = place(ownerId, parsed.sourceId(), id -> Optional.ofNullable(owners.get(id)));
        if (!target.fresh()) {
          ids.put(parsed.sourceId(), target.id());
          report.unchanged();
          continue;
        }
        if (room < 1) {
          if (!toldFull) {
            report.error(entry.getKey() + " and the new prompts after it were not added: " + caps.full());
            toldFull = true;
          }
          continue;
        }
        room--;
        // A second row with the same id later in the file finds this one, as it would once stored.
        owners.put(target.id(), ownerId);
        ids.put(parsed.sourceId(), target.id());
        Prompts.bindPrompt(prompts, target.id(), ownerId, parsed.draft(), parsed.state()).add();
        for (PromptVersion v : parsed.versions()) {
          Prompts.bindVersion(versions, target.id(), v.version(), new PromptDraft(v.title(), v.text(), v.negative(), v.target(),
              v.params(), v.idea(), null, null, Visibility.PRIVATE), v.note(), v.createdAt()).add();
        }
        tags.put(target.id(), parsed.tags());
        if (parsed.imageMetadata() != null) {
          sources.put(target.id(), parsed.imageMetadata());
        }
        if (parsed.parentId() != null) {
          parents.add(Map.entry(target.id(), parsed.parentId()));
        }
        report.created();
      }
      if (prompts.size() > 0) {
        prompts.execute();
        versions.execute();
      }
      PreparedBatch metadata = PromptImageMetadata.insertBatch(h);
      sources.forEach((id, source) -> PromptImageMetadata.bind(metadata, id, source.tool(), source.chunks()).add());
      if (metadata.size() > 0) {
        metadata.execute();
      }
      PreparedBatch links = Tags.linkBatch(h);
      tags.forEach((id, names) -> names.forEach(name ->
          links.bind("prompt", id).bind("tag", tagIds.computeIfAbsent(name, n -> Tags.idOf(h, ownerId, n))).add()));
      if (links.size() > 0) {
        links.execute();
      }
      pending.clear();
    }
  }

  private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
    return rs.getTimestamp(column).toInstant();
  }
}
