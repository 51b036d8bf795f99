package dev.visionary.library;

import dev.visionary.prompt.Target;
import dev.visionary.web.Forms;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The prompt form as typed, and its checks. On any problem the form is shown again with the
 * messages next to their fields and everything the person typed kept.
 */
record PromptForm(
    String title, String text, String negative, String target, String params, String idea, String expansionId,
    String parentId, String tags, String collectionId, String visibility, String note, int baseVersion, String createKey,
    String sourceUrl, String sourceTitle, Map<String, String> errors) {

  static final int MAX_TEXT = 12_000;

  /**
   * A new-prompt form, empty, or filled from the address as the bookmarklet opens it: the selected text, and the page it was on as
   * the source, whose title is the prompt's title unless one is given. Nothing here is refused: what does not fit is
   * cut, and a source address that is not http(s) is left out, so the person sees the form and decides.
   */
  static PromptForm prefilled(Context ctx) {
    Source source = Source.of(ctx.queryParam("source_url"), ctx.queryParam("source_title"));
    String text = nz(ctx.queryParam("text")).replace("\r\n", "\n").replaceAll("[\\p{Cntrl}&&[^\n\t]]", "").strip();
    if (text.codePointCount(0, text.length()) > MAX_TEXT) {
      text = text.substring(0, text.offsetByCodePoints(0, MAX_TEXT));
    }
    String title = Source.oneLine(ctx.queryParam("title"), 200);
    if (title.isEmpty()) {
      title = Source.oneLine(source.title(), 200);
    }
    return new PromptForm(title, text, "", Target.GENERIC.id(), "", "", "", "", "", "", Visibility.PRIVATE.id(), "", 0, newCreateKey(),
        source.url(), source.title(), Map.of());
  }

  static PromptForm of(Prompt p, List<String> tags) {
    String params = "{}".equals(p.params()) ? "" : p.params();
    return new PromptForm(p.title(), p.text(), p.negative(), p.target(), params, p.idea(), nz(p.expansionId()), nz(p.parentId()),
        String.join(", ", tags), "", p.visibility().id(), "", p.version(), "", p.sourceUrl(), p.sourceTitle(), Map.of());
  }

  /** Made when a new-prompt form is shown; sending that form again (its answer lost) finds the prompt it made. */
  static String newCreateKey() {
    return java.util.UUID.randomUUID().toString();
  }

  /** Reads every field; problems are collected, never thrown, so all of them are shown at once. */
  static PromptForm read(Context ctx) {
    Map<String, String> errors = new LinkedHashMap<>();
    String title = field(ctx, "title", "The title", 200, false, errors);
    String text = field(ctx, "text", "The prompt", MAX_TEXT, true, errors);
    String negative = field(ctx, "negative", "The negative prompt", 4000, true, errors);
    String target = field(ctx, "target", "The target", 32, false, errors);
    String params = field(ctx, "params", "The parameters", 4000, true, errors);
    String idea = field(ctx, "idea", "The idea", 2000, true, errors);
    String expansionId = field(ctx, "expansion_id", "The expansion", 64, false, errors);
    String parentId = field(ctx, "parent_id", "The original prompt", 32, false, errors);
    String tags = field(ctx, "tags", "The tags", 2000, false, errors);
    String collectionId = field(ctx, "collection_id", "The collection", 32, false, errors);
    String visibility = field(ctx, "visibility", "The visibility", 16, false, errors);
    String note = field(ctx, "note", "The note", 300, false, errors);
    int base = 0;
    try {
      base = Integer.parseInt(Forms.text(ctx, "version", "The version", 10, false));
    } catch (NumberFormatException | Forms.Invalid e) {
      base = 0;
    }
    String createKey = field(ctx, "create_key", "The form's key", 64, false, errors);
    // Hidden fields the bookmarklet's form carries; an address that is not http(s) is dropped, not shown as an error.
    Source source = Source.of(Forms.param(ctx, "source_url"), Forms.param(ctx, "source_title"));
    if (!createKey.isEmpty() && !createKey.matches("[A-Za-z0-9_-]{8,64}")) {
      errors.put("form", "This form is damaged: open a new one and paste your text into it.");
      createKey = newCreateKey();
    }
    if (text.isBlank() && !errors.containsKey("text")) {
      errors.put("text", "Write the prompt itself: it can't be empty.");
    }
    if (target.isEmpty()) {
      target = Target.GENERIC.id();
    } else if (Target.byId(target).isEmpty()) {
      errors.put("target", "Choose a target model from the list.");
    }
    if (visibility.isEmpty()) {
      visibility = Visibility.PRIVATE.id();
    } else if (Visibility.byId(visibility).isEmpty()) {
      errors.put("visibility", "Choose private, unlisted or public.");
    }
    if (!errors.containsKey("params")) {
      try {
        JsonParams.normalize(params);
      } catch (IllegalArgumentException e) {
        errors.put("params", e.getMessage());
      }
    }
    if (!errors.containsKey("tags")) {
      try {
        Tags.parse(tags);
      } catch (IllegalArgumentException e) {
        errors.put("tags", e.getMessage());
      }
    }
    if (!expansionId.isEmpty() && !expansionId.matches("[A-Za-z0-9_-]{1,64}")) {
      errors.put("expansion_id", "That expansion reference is not valid.");
    }
    return new PromptForm(title, text, negative, target, params, idea, expansionId, parentId, tags, collectionId, visibility,
        note, base, createKey, source.url(), source.title(), errors);
  }

  private static String field(Context ctx, String name, String label, int max, boolean multiLine, Map<String, String> errors) {
    try {
      return Forms.text(ctx, name, label, max, multiLine);
    } catch (Forms.Invalid e) {
      errors.put(name, e.getMessage());
      String raw = Forms.param(ctx, name);
      return raw == null ? "" : raw;
    }
  }

  PromptForm withError(String field, String message) {
    Map<String, String> more = new LinkedHashMap<>(errors);
    more.put(field, message);
    return new PromptForm(title, text, negative, target, params, idea, expansionId, parentId, tags, collectionId, visibility, note,
        baseVersion, createKey, sourceUrl, sourceTitle, more);
  }

  boolean valid() {
    return errors.isEmpty();
  }

  /** The draft to save; only call when {@link #valid()}. */
  PromptDraft draft() {
    String finalTitle = title.isBlank() ? Slugs.suggestTitle(idea, text) : title;
    return new PromptDraft(finalTitle, text, negative, target, JsonParams.normalize(params), idea,
        expansionId.isEmpty() ? null : expansionId, parentId.isEmpty() ? null : parentId,
        Visibility.byId(visibility).orElse(Visibility.PRIVATE), Source.of(sourceUrl, sourceTitle));
  }

  /** What the form says while saving from a page: "Saving from …". */
  public String sourceLabel() {
    Source source = Source.of(sourceUrl, sourceTitle);
    return source.present() ? source.label() : "";
  }

  List<String> tagList() {
    return Tags.parse(tags);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
