package dev.visionary.library;

import dev.visionary.identity.CurrentUser;
import dev.visionary.identity.User;
import dev.visionary.prompt.Target;
import dev.visionary.web.Forms;
import dev.visionary.web.Htmx;
import dev.visionary.web.Pages;
import dev.visionary.web.Ratings;
import dev.visionary.web.Urls;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A prompt's life: saving, its page, editing with versions, Trash, forks, tags, bookmarks and collections. */
public final class PromptRoutes {
  private final Pages pages;
  private final Prompts prompts;
  private final Tags tags;
  private final PromptCollections collections;
  private final Bookmarks bookmarks;
  private final PromptPage promptPage;

  PromptRoutes(Pages pages, Prompts prompts, Tags tags, PromptCollections collections, Bookmarks bookmarks, PromptGallery gallery) {
    this.pages = pages;
    this.prompts = prompts;
    this.tags = tags;
    this.collections = collections;
    this.bookmarks = bookmarks;
    this.promptPage = new PromptPage(pages, prompts, tags, collections, bookmarks, gallery);
  }

  /** The prompt's page; the page itself lives in {@link PromptPage}. */
  public void page(Context ctx) {
    promptPage.show(ctx);
  }

  public void history(Context ctx) {
    promptPage.history(ctx);
  }

  /** The short address without a slug answers with the prompt's full one. */
  public void shortLink(Context ctx) {
    ctx.redirect(Access.readable(ctx, prompts, ctx.pathParam("id")).url(), HttpStatus.MOVED_PERMANENTLY);
  }

  /** Empty, or filled from the address when the bookmarklet opened it. */
  public void newForm(Context ctx) {
    showForm(ctx, PromptForm.prefilled(ctx), null, 200);
  }

  public void editForm(Context ctx) {
    Prompt p = Access.owned(ctx, prompts, ctx.pathParam("id"));
    showForm(ctx, PromptForm.of(p, tags.of(p.id())), p, 200);
  }

  private void showForm(Context ctx, PromptForm form, Prompt editing, int status) {
    long me = Access.viewerId(ctx);
    Map<String, Object> model = new HashMap<>();
    model.put("form", form);
    model.put("editing", editing);
    model.put("pageTitle", editing == null ? "New prompt" : "Edit " + editing.title());
    model.put("targets", List.of(Target.values()));
    model.put("visibilities", List.of(Visibility.values()));
    model.put("collections", editing == null ? collections.ownedBy(me) : List.of());
    ctx.status(status);
    pages.page(ctx, "library/prompt-form", model);
  }

  public void create(Context ctx) {
    User me = CurrentUser.require(ctx);
    PromptForm form = PromptForm.read(ctx);
    if (!form.parentId().isEmpty() && prompts.find(form.parentId()).filter(p -> Access.canRead(CurrentUser.get(ctx), p)).isEmpty()) {
      form = form.withError("parent_id", "The prompt this was forked from no longer exists or is private.");
    }
    PromptCollection collection = null;
    if (!form.collectionId().isEmpty()) {
      collection = collections.find(form.collectionId()).filter(c -> c.ownedBy(me.id())).orElse(null);
      if (collection == null) {
        form = form.withError("collection_id", "Choose one of your collections.");
      }
    }
    if (!form.valid()) {
      refuse(ctx, form);
      return;
    }
    Prompts.Created created;
    try {
      created = prompts.create(me.id(), form.draft(), form.tagList(), collection == null ? null : collection.id(),
          form.createKey().isEmpty() ? null : form.createKey());
    } catch (PromptCaps.Full e) {
      refuse(ctx, form.withError("form", e.getMessage()));
      return;
    }
    Prompt saved = prompts.find(created.id()).orElseThrow();
    if (Htmx.isHtmx(ctx)) {
      ctx.status(created.existing() ? 200 : 201);
      pages.fragment(ctx, "library/saved", Map.of("saved", saved));
      return;
    }
    ctx.redirect(saved.url(), HttpStatus.SEE_OTHER);
  }

  private void refuse(Context ctx, PromptForm form) {
    if (Htmx.isHtmx(ctx)) {
      // HTMX leaves 4xx bodies unswapped unless retargeted; the page's message area shows them.
      ctx.status(422).header("HX-Retarget", "#flash").header("HX-Reswap", "innerHTML");
      pages.fragment(ctx, "library/saved", Map.of("errors", form.errors().values()));
      return;
    }
    showForm(ctx, form, null, 422);
  }

  public void update(Context ctx) {
    Prompt p = Access.owned(ctx, prompts, ctx.pathParam("id"));
    PromptForm form = PromptForm.read(ctx);
    if (!form.valid()) {
      showForm(ctx, form, p, 422);
      return;
    }
    if (form.baseVersion() != 0 && form.baseVersion() != p.version()) {
      showForm(ctx, form.withError("form", "This prompt was changed elsewhere since you opened it (now version " + p.version()
          + "). Your text is kept below; save again to make it the newest version."), p, 409);
      return;
    }
    PromptDraft draft = form.draft();
    PromptDraft keepLineage = new PromptDraft(draft.title(), draft.text(), draft.negative(), draft.target(), draft.params(), draft.idea(),
        p.expansionId(), p.parentId(), draft.visibility(), p.source());
    if (!prompts.update(p, keepLineage, form.note(), form.tagList())) {
      showForm(ctx, form.withError("form", "This prompt was changed elsewhere at the same moment. Save again."), p, 409);
      return;
    }
    ctx.redirect(prompts.find(p.id()).orElseThrow().url(), HttpStatus.SEE_OTHER);
  }

  public void trash(Context ctx) {
    Prompt p = Access.owned(ctx, prompts, ctx.pathParam("id"));
    prompts.trash(p.id());
    ctx.redirect(Urls.TRASH, HttpStatus.SEE_OTHER);
  }

  public void restore(Context ctx) {
    Prompt p = Access.owned(ctx, prompts, ctx.pathParam("id"));
    prompts.restore(p.id());
    ctx.redirect(p.url(), HttpStatus.SEE_OTHER);
  }

  public void purge(Context ctx) {
    Prompt p = Access.owned(ctx, prompts, ctx.pathParam("id"));
    if (!p.deleted()) {
      throw new BadRequestResponse("Only prompts in Trash can be deleted for good. Move it to Trash first.");
    }
    prompts.purge(p.id());
    ctx.redirect(Urls.TRASH, HttpStatus.SEE_OTHER);
  }

  /** A copy owned by the viewer that remembers where it came from. */
  public void fork(Context ctx) {
    User me = CurrentUser.require(ctx);
    Prompt original = Access.readable(ctx, prompts, ctx.pathParam("id"));
    String title = original.ownedBy(me.id()) ? original.title() + " (copy)" : original.title();
    PromptDraft copy = new PromptDraft(title.length() > 200 ? title.substring(0, 200) : title, original.text(), original.negative(),
        original.target(), original.params(), original.idea(), original.expansionId(), original.id(), Visibility.PRIVATE,
        original.source());
    String id;
    try {
      id = prompts.create(me.id(), copy, original.ownedBy(me.id()) ? tags.of(original.id()) : List.of());
    } catch (PromptCaps.Full e) {
      throw new HttpResponseException(422, e.getMessage());
    }
    ctx.redirect(prompts.find(id).orElseThrow().url(), HttpStatus.SEE_OTHER);
  }

  public void bookmark(Context ctx) {
    User me = CurrentUser.require(ctx);
    Prompt p = Access.readable(ctx, prompts, ctx.pathParam("id"));
    bookmarks.toggle(me.id(), p.id());
    if (Htmx.isHtmx(ctx)) {
      promptPage.bookmarkFragment(ctx, p);
      return;
    }
    ctx.redirect(p.url(), HttpStatus.SEE_OTHER);
  }

  public void addTags(Context ctx) {
    Prompt p = Access.owned(ctx, prompts, ctx.pathParam("id"));
    String error = null;
    try {
      tags.add(p.ownerId(), p.id(), Tags.parse(Forms.text(ctx, "tags", "The tag", 2000, false)));
    } catch (Forms.Invalid | IllegalArgumentException e) {
      error = e.getMessage();
    }
    afterTagChange(ctx, p, error);
  }

  public void removeTag(Context ctx) {
    Prompt p = Access.owned(ctx, prompts, ctx.pathParam("id"));
    tags.remove(p.ownerId(), p.id(), Forms.text(ctx, "tag", "The tag", Tags.MAX_LENGTH, false));
    afterTagChange(ctx, p, null);
  }

  private void afterTagChange(Context ctx, Prompt p, String error) {
    if (Htmx.isHtmx(ctx)) {
      if (error != null) {
        ctx.status(422).header("HX-Retarget", "#tags").header("HX-Reswap", "outerHTML");
      }
      promptPage.tagsFragment(ctx, p, error);
      return;
    }
    if (error != null) {
      throw new BadRequestResponse(error);
    }
    ctx.redirect(p.url(), HttpStatus.SEE_OTHER);
  }

  public void addToCollection(Context ctx) {
    Prompt p = Access.owned(ctx, prompts, ctx.pathParam("id"));
    String collectionId = Forms.text(ctx, "collection_id", "The collection", 32, false);
    String newName = Forms.text(ctx, "new_collection", "The collection name", 120, false);
    if (!newName.isEmpty()) {
      collections.createHolding(p.ownerId(), newName, p.id());
    } else if (collectionId.isEmpty()) {
      throw new BadRequestResponse("Choose a collection, or name a new one.");
    } else {
      PromptCollection c = Access.ownedCollection(ctx, collections, collectionId);
      collections.add(c.id(), p.id());
    }
    ctx.redirect(p.url(), HttpStatus.SEE_OTHER);
  }

  public void removeFromCollection(Context ctx) {
    Prompt p = Access.owned(ctx, prompts, ctx.pathParam("id"));
    PromptCollection c = Access.ownedCollection(ctx, collections, Forms.text(ctx, "collection_id", "The collection", 32, false));
    collections.remove(c.id(), p.id());
    ctx.redirect(p.url(), HttpStatus.SEE_OTHER);
  }

  public void restoreVersion(Context ctx) {
    Prompt p = Access.owned(ctx, prompts, ctx.pathParam("id"));
    int number;
    try {
      number = Integer.parseInt(ctx.pathParam("version"));
    } catch (NumberFormatException e) {
      throw new NotFoundResponse("There is no such version of this prompt.");
    }
    PromptVersion v = prompts.versions(p.id()).stream().filter(x -> x.version() == number).findFirst()
        .orElseThrow(() -> new NotFoundResponse("There is no such version of this prompt."));
    PromptDraft restored = new PromptDraft(v.title(), v.text(), v.negative(), v.target(), v.params(), v.idea(), p.expansionId(),
        p.parentId(), p.visibility(), p.source());
    prompts.update(p, restored, "Restored version " + number, null);
    ctx.redirect(Urls.promptHistory(p.id()), HttpStatus.SEE_OTHER);
  }

  /** The owner's rating of their prompt; the widget comes back for HTMX, otherwise 303 to the page it was sent from. */
  public void rate(Context ctx) {
    Prompt p = Access.owned(ctx, prompts, ctx.pathParam("id"));
    Short rating = Ratings.read(ctx);
    prompts.rate(p.id(), rating);
    Ratings.respond(ctx, pages, PromptPage.ratingWidget(p.id(), p.title(), rating, p.url()), p.url());
  }

  public void tagSuggestions(Context ctx) {
    User me = CurrentUser.require(ctx);
    String typed = ctx.queryParam("tags");
    typed = typed == null ? "" : typed.substring(typed.lastIndexOf(',') + 1).strip();
    if (typed.length() > Tags.MAX_LENGTH) {
      typed = typed.substring(0, Tags.MAX_LENGTH);
    }
    pages.fragment(ctx, "library/tag-options", Map.of("suggestions", tags.suggest(me.id(), typed)));
  }
}
