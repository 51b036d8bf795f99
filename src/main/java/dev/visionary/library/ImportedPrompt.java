package dev.visionary.library;

import dev.visionary.web.ShortIds;
import com.fasterxml.jackson.databind.JsonNode;
import dev.visionary.expand.Target;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** One prompt of a JSON export, checked field by field as strictly as the form checks what people type. */
record ImportedPrompt(String sourceId, PromptDraft draft, Prompts.ImportedState state, List<String> tags, List<PromptVersion> versions,
    String parentId) {

  static ImportedPrompt from(JsonNode n) {
    String text = string(n, "text", PromptForm.MAX_TEXT, true);
    String title = string(n, "title", 200, false);
    String idea = string(n, "idea", 2000, false);
    if (title.isBlank()) {
      title = Slugs.suggestTitle(idea, text);
    }
    String target = string(n, "target", 32, false);
    if (target.isEmpty()) {
      target = Target.GENERIC.id();
    } else if (Target.byId(target).isEmpty()) {
      throw new IllegalArgumentException("unknown target \"" + target + "\".");
    }
    Visibility visibility = Visibility.byId(n.path("visibility").asText("private"))
        .orElseThrow(() -> new IllegalArgumentException("visibility must be private, unlisted or public."));
    String params = params(n.path("params"));
    String id = n.path("id").asText("");
    if (!Slugs.looksLikeId(id)) {
      id = ShortIds.derived("content:" + title + "\n" + text);
    }
    String expansion = n.path("expansion_id").isTextual() ? n.path("expansion_id").asText() : null;
    if (expansion != null && !expansion.matches("[A-Za-z0-9_-]{1,64}")) {
      expansion = null;
    }
    List<String> tags = new ArrayList<>();
    for (JsonNode t : n.path("tags")) {
      tags.add(t.asText());
    }
    tags = Tags.parse(String.join(",", tags));
    List<PromptVersion> versions = new ArrayList<>();
    for (JsonNode v : n.path("versions")) {
      int number = v.path("version").asInt(0);
      if (number < 1) {
        throw new IllegalArgumentException("a version has no valid number.");
      }
      String vTarget = Target.byId(v.path("target").asText("")).map(Target::id).orElse(target);
      versions.add(new PromptVersion(id, number, string(v, "title", 200, false), string(v, "text", PromptForm.MAX_TEXT, false),
          string(v, "negative", 4000, false), vTarget, params(v.path("params")), string(v, "idea", 2000, false),
          string(v, "note", 300, false), instant(v, "created_at")));
    }
    int version = Math.max(1, n.path("version").asInt(1));
    PromptDraft draft = new PromptDraft(title, text, string(n, "negative", 4000, false), target, params, idea, expansion, null, visibility);
    if (versions.isEmpty()) {
      versions.add(new PromptVersion(id, version, title, text, draft.negative(), target, params, idea, "", instant(n, "created_at")));
    }
    int highest = versions.stream().mapToInt(PromptVersion::version).max().orElse(version);
    Prompts.ImportedState state = new Prompts.ImportedState(Math.max(version, highest), Math.max(0, n.path("use_count").asInt(0)),
        instant(n, "created_at"), instant(n, "updated_at"), instant(n, "deleted_at"));
    String parent = n.path("parent_id").isTextual() && Slugs.looksLikeId(n.path("parent_id").asText()) ? n.path("parent_id").asText() : null;
    return new ImportedPrompt(id, draft, state, tags, versions, parent);
  }

  private static String string(JsonNode n, String field, int max, boolean required) {
    JsonNode value = n.path(field);
    if (value.isMissingNode() || value.isNull()) {
      if (required) {
        throw new IllegalArgumentException("\"" + field + "\" is missing.");
      }
      return "";
    }
    String s = value.asText();
    if (s.codePointCount(0, s.length()) > max) {
      throw new IllegalArgumentException("\"" + field + "\" is longer than " + max + " characters.");
    }
    if (required && s.isBlank()) {
      throw new IllegalArgumentException("\"" + field + "\" is empty.");
    }
    return s;
  }

  private static String params(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return "{}";
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException("\"params\" must be a JSON object.");
    }
    return node.toString();
  }

  private static Instant instant(JsonNode n, String field) {
    if (!n.path(field).isTextual()) {
      return null;
    }
    try {
      return Instant.parse(n.path(field).asText());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("\"" + field + "\" is not a date and time like 2026-01-31T12:00:00Z.");
    }
  }
}
