package dev.visionary.expand;

import dev.visionary.expand.dynamic.IdeaTemplates;
import dev.visionary.identity.CurrentUser;
import dev.visionary.identity.User;
import dev.visionary.web.Forms;
import dev.visionary.web.Pages;
import dev.visionary.web.Urls;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** /wildcards: a person's word lists for {@code __name__} in ideas, and the built-in lists, read-only. */
public final class WordListRoutes {
  private final Pages pages;
  private final WordLists wordLists;
  private final IdeaTemplates templates;

  WordListRoutes(Pages pages, WordLists wordLists, IdeaTemplates templates) {
    this.pages = pages;
    this.wordLists = wordLists;
    this.templates = templates;
  }

  /**
   * A list as the page shows it. The {@code __name__} token is made here: in a template, double underscores
   * would be read as Thymeleaf's preprocessing syntax.
   */
  record ListView(String name, String token, List<String> values, String joined) {
    static ListView of(String name, List<String> values) {
      return new ListView(name, WordListRoutes.token(name), values, String.join(", ", values));
    }
  }

  static String token(String name) {
    return "__" + name + "__";
  }

  public void page(Context ctx) {
    User user = CurrentUser.require(ctx);
    String edit = ctx.queryParam("edit");
    WordLists.WordList editing = edit == null ? null : wordLists.find(user.id(), edit).orElse(null);
    show(ctx, user, editing == null ? "" : editing.name(), editing == null ? "" : editing.body(), editing == null ? "" : editing.name(),
        Map.of(), 200);
  }

  public void save(Context ctx) {
    User user = CurrentUser.require(ctx);
    Map<String, String> errors = new LinkedHashMap<>();
    String original = Forms.param(ctx, "original") == null ? "" : Forms.param(ctx, "original").strip();
    String name = "";
    String body = "";
    try {
      name = Forms.text(ctx, "name", "The name", 64, false).toLowerCase(Locale.ROOT);
    } catch (Forms.Invalid e) {
      errors.put("name", e.getMessage());
    }
    try {
      body = Forms.text(ctx, "values", "The list", WordLists.MAX_BODY_CHARS, true);
    } catch (Forms.Invalid e) {
      errors.put("values", e.getMessage());
    }
    if (!errors.containsKey("name") && !WordLists.NAME.matcher(name).matches()) {
      errors.put("name", "Use lowercase letters, digits, - and _ (and / for folders), such as “colors” or “animals/birds”.");
    }
    if (!errors.containsKey("values") && new WordLists.WordList(name, body).values().isEmpty()) {
      errors.put("values", "Write at least one value, one per line.");
    }
    if (errors.isEmpty() && !original.isEmpty() && !original.equals(name) && !wordLists.rename(user.id(), original, name)) {
      errors.put("name", "You already have a list called “" + name + "”.");
    }
    if (!errors.isEmpty()) {
      show(ctx, user, name, body, original, errors, 422);
      return;
    }
    wordLists.save(user.id(), name, body);
    ctx.redirect(Urls.withQuery(Urls.WILDCARDS, "saved", name), HttpStatus.SEE_OTHER);
  }

  public void delete(Context ctx) {
    User user = CurrentUser.require(ctx);
    String name = Forms.param(ctx, "name");
    if (name != null) {
      wordLists.delete(user.id(), name.strip());
    }
    ctx.redirect(Urls.WILDCARDS, HttpStatus.SEE_OTHER);
  }

  private void show(Context ctx, User user, String name, String body, String original, Map<String, String> errors, int status) {
    ctx.status(status);
    Map<String, Object> model = new HashMap<>();
    model.put("lists", wordLists.all(user.id()).stream().map(l -> ListView.of(l.name(), l.values())).toList());
    model.put("builtin", templates.builtinLists().entrySet().stream().map(e -> ListView.of(e.getKey(), e.getValue())).toList());
    model.put("name", name);
    model.put("values", body);
    model.put("original", original);
    model.put("errors", errors);
    model.put("saved", ctx.queryParam("saved") == null ? null : token(ctx.queryParam("saved")));
    pages.page(ctx, "expand/wildcards", model);
  }
}
