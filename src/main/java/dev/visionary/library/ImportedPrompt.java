package dev.visionary.library;

import dev.visionary.png.ImageMetadata;
import com.fasterxml.jackson.databind.JsonNode;
import dev.visionary.prompt.Target;
import dev.visionary.web.Forms;
import dev.visionary.web.Ratings;
import dev.visionary.web.ShortIds;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One prompt of a JSON export, checked field by field with the prompt form's own rules (trimmed, line endings
 * unified, no control characters, the same lengths), so an import stores only what a person could have typed.
 */
record ImportedPrompt(String sourceId, PromptDraft draft, Prompts.ImportedState state, List<String> tags, List<PromptVersion> versions,
    String parentId, ImageSource imageMetadata) {

  /** The raw metadata of the image the prompt was read from, when it was. */
  record ImageSource(String tool, List<ImageMetadata.Chunk> chunks) {}

  /** Far beyond what editing by hand produces, and a bound on the rows one prompt can add. */
  static final int MAX_VERSIONS = 1_000;
  private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

  static ImportedPrompt from(JsonNode n) {
    String text = required(n, "text", PromptForm.MAX_TEXT);
    String title = string(n, "title", 200, false);
    String idea = string(n, "idea", 2000, true);
    if (title.isBlank()) {
      title = Slugs.suggestTitle(idea, text);
    }
    String target = target(n, Target.GENERIC.id());
    Visibility visibility = Visibility.byId(n.path("visibility").asText("private"))
        .orElseThrow(() -> new IllegalArgumentException("visibility must be private, unlisted or public."));
    String params = params(n.path("params"));
    String negative = string(n, "negative", 4000, true);
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
    try {
      tags = Tags.parse(Forms.clean("tags", "\"tags\"", String.join(",", tags), 2000, false));
    } catch (Forms.Invalid e) {
      throw new IllegalArgumentException(e.getMessage());
    }
    List<PromptVersion> versions = versions(n.path("versions"), id, target);
    // Checked as the bookmarklet's form checks it: a source that is not an http(s) address is left out.
    Source source = Source.of(n.path("source_url").asText(""), n.path("source_title").asText(""));
    PromptDraft draft = new PromptDraft(title, text, negative, target, params, idea, expansion, null, visibility, source);
    if (versions.isEmpty()) {
      int version = whole(n.path("version")) > 0 ? whole(n.path("version")) : 1;
      versions.add(new PromptVersion(id, version, title, text, negative, target, params, idea, "", instant(n, "created_at")));
    }
    // The prompt's number is its newest version's, so the history it points at exists.
    int newest = versions.stream().mapToInt(PromptVersion::version).max().orElseThrow();
    Prompts.ImportedState state = new Prompts.ImportedState(newest, Math.max(0, whole(n.path("use_count"))),
        instant(n, "created_at"), instant(n, "updated_at"), instant(n, "deleted_at"), rating(n.path("rating")));
    String parent = n.path("parent_id").isTextual() && Slugs.looksLikeId(n.path("parent_id").asText()) ? n.path("parent_id").asText() : null;
    return new ImportedPrompt(id, draft, state, tags, versions, parent, imageSource(n.path("image_metadata")));
  }

  /** Held to what a PNG import keeps: a tool's name, at most 64 chunks, {@link ImageMetadata#MAX_RAW_CHARS} in all. */
  private static ImageSource imageSource(JsonNode n) {
    if (n.isMissingNode() || n.isNull()) {
      return null;
    }
    String tool = n.path("tool").asText("");
    if (!n.isObject() || !tool.matches("[A-Za-z0-9 ./_-]{1,40}") || !n.path("chunks").isArray() || n.path("chunks").size() > 64) {
      throw new IllegalArgumentException("\"image_metadata\" must name its tool and hold at most 64 chunks.");
    }
    List<ImageMetadata.Chunk> chunks = new ArrayList<>();
    long total = 0;
    for (JsonNode c : n.path("chunks")) {
      String keyword = c.path("keyword").asText("");
      String text = c.path("text").asText("");
      total += keyword.length() + text.length();
      if (!c.path("keyword").isTextual() || !c.path("text").isTextual() || keyword.isEmpty() || keyword.length() > 79
          || total > ImageMetadata.MAX_RAW_CHARS || keyword.indexOf('\0') >= 0 || text.indexOf('\0') >= 0) {
        throw new IllegalArgumentException("\"image_metadata\" chunks are a keyword (1 to 79 characters) and a text, "
            + ImageMetadata.MAX_RAW_CHARS / 1024 + " KB in all, without NUL characters.");
      }
      chunks.add(new ImageMetadata.Chunk(keyword, text));
    }
    return new ImageSource(tool, chunks);
  }

  /** The owner's rating as exported: absent or null is unrated, else 1 to 5 stars or -1 for rejected. */
  private static Short rating(JsonNode n) {
    if (n.isMissingNode() || n.isNull()) {
      return null;
    }
    if (!n.canConvertToInt() || !n.isIntegralNumber() || !(n.asInt() == Ratings.REJECTED || n.asInt() >= 1 && n.asInt() <= Ratings.MAX_STARS)) {
      throw new IllegalArgumentException("\"rating\" must be 1 to " + Ratings.MAX_STARS + " (stars), -1 (rejected) or null.");
    }
    return (short) n.asInt();
  }

  /** The row's title for messages about it, when it is one the form would take; empty otherwise. */
  static String titleForMessages(JsonNode n) {
    try {
      String title = string(n, "title", 200, false);
      return title.isBlank() ? "" : title;
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private static List<PromptVersion> versions(JsonNode list, String id, String promptTarget) {
    List<PromptVersion> versions = new ArrayList<>();
    if (list.size() > MAX_VERSIONS) {
      throw new IllegalArgumentException("it has more than " + MAX_VERSIONS + " versions.");
    }
    Set<Integer> numbers = new HashSet<>();
    for (JsonNode v : list) {
      if (!v.isObject()) {
        throw new IllegalArgumentException("a version is not a JSON object.");
      }
      int number = whole(v.path("version"));
      if (number < 1) {
        throw new IllegalArgumentException("a version has no valid number.");
      }
      if (!numbers.add(number)) {
        throw new IllegalArgumentException("version " + number + " appears twice.");
      }
      String text = required(v, "text", PromptForm.MAX_TEXT);
      String idea = string(v, "idea", 2000, true);
      String title = string(v, "title", 200, false);
      versions.add(new PromptVersion(id, number, title.isBlank() ? Slugs.suggestTitle(idea, text) : title, text,
          string(v, "negative", 4000, true), target(v, promptTarget), params(v.path("params")), idea, string(v, "note", 300, false),
          instant(v, "created_at")));
    }
    return versions;
  }

  private static String target(JsonNode n, String fallback) {
    String target = string(n, "target", 32, false);
    if (target.isEmpty()) {
      return fallback;
    }
    if (Target.byId(target).isEmpty()) {
      throw new IllegalArgumentException("unknown target \"" + target + "\".");
    }
    return target;
  }

  private static String required(JsonNode n, String field, int max) {
    if (n.path(field).isMissingNode() || n.path(field).isNull()) {
      throw new IllegalArgumentException("\"" + field + "\" is missing.");
    }
    String s = string(n, field, max, true);
    if (s.isEmpty()) {
      throw new IllegalArgumentException("\"" + field + "\" is empty.");
    }
    return s;
  }

  /** A text field as the form reads it; "" when absent. */
  static String string(JsonNode n, String field, int max, boolean multiLine) {
    JsonNode value = n.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return "";
    }
    try {
      return Forms.clean(field, "\"" + field + "\"", value.asText(), max, multiLine);
    } catch (Forms.Invalid e) {
      throw new IllegalArgumentException(e.getMessage());
    }
  }

  /** A whole number that fits an int, or 0. */
  private static int whole(JsonNode n) {
    return n.isIntegralNumber() && n.canConvertToInt() ? n.intValue() : 0;
  }

  private static String params(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return "{}";
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException("\"params\" must be a JSON object.");
    }
    if (hasNul(node)) {
      // PostgreSQL's jsonb cannot hold U+0000; the form could never send one either.
      throw new IllegalArgumentException("\"params\" contains characters that can't be used (a NUL character).");
    }
    String json = node.toString();
    if (json.codePointCount(0, json.length()) > 4000) {
      throw new IllegalArgumentException("\"params\" is too long: at most 4000 characters.");
    }
    return json;
  }

  private static boolean hasNul(JsonNode node) {
    if (node.isTextual()) {
      return node.textValue().indexOf('\0') >= 0;
    }
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      if (field.getKey().indexOf('\0') >= 0) {
        return true;
      }
    }
    for (JsonNode child : node) {
      if (hasNul(child)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A moment written like 2026-01-31T12:00:00Z, between 1970 and a day from now (a day of slack for clocks that
   * disagree); absent is null. PostgreSQL refuses some years Java reads, and a time far off makes no sense here.
   */
  static Instant instant(JsonNode n, String field) {
    JsonNode value = n.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    Instant at;
    try {
      at = Instant.parse(value.asText());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("\"" + field + "\" is not a date and time like 2026-01-31T12:00:00Z.");
    }
    if (at.isBefore(EARLIEST) || at.isAfter(Instant.now().plus(Duration.ofDays(1)))) {
      throw new IllegalArgumentException("\"" + field + "\" must be between 1970 and today.");
    }
    return at;
  }
}
