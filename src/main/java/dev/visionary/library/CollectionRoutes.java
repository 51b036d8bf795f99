package dev.visionary.library;

import dev.visionary.identity.CurrentUser;
import dev.visionary.identity.User;
import dev.visionary.web.Forms;
import dev.visionary.web.PageReads;
import dev.visionary.web.Pages;
import dev.visionary.web.Urls;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Collections: create, rename, change who sees them, delete, and order their prompts. */
public final class CollectionRoutes {
  private static final String NOT_FOUND = "There is no collection at this address, or it is private.";

  private final Pages pages;
  private final PromptCollections collections;
  private final Prompts prompts;

  CollectionRoutes(Pages pages, PromptCollections collections, Prompts prompts) {
    this.pages = pages;
    this.collections = collections;
    this.prompts = prompts;
  }

  public void list(Context ctx) {
    showList(ctx, Map.of(), "", "", 200);
  }

  /** The short address without a slug answers with the collection's full one. */
  public void shortLink(Context ctx) {
    ctx.redirect(readable(ctx).url(), HttpStatus.MOVED_PERMANENTLY);
  }

  private void showList(Context ctx, Map<String, String> errors, String name, String description, int status) {
    User me = CurrentUser.require(ctx);
    Map<String, Object> model = new HashMap<>();
    model.put("collections", collections.ownedBy(me.id()));
    model.put("errors", errors);
    model.put("name", name);
    model.put("description", description);
    model.put("visibilities", List.of(Visibility.values()));
    ctx.status(status);
    pages.page(ctx, "library/collections", model);
  }

  private record Fields(String name, String description, Visibility visibility) {}

  private static Fields read(Context ctx, Map<String, String> errors) {
    String name = "";
    String description = "";
    try {
      name = Forms.text(ctx, "name", "The name", 120, false);
      if (name.isEmpty()) {
        errors.put("name", "Give the collection a name.");
      }
    } catch (Forms.Invalid e) {
      errors.put("name", e.getMessage());
    }
    try {
      description = Forms.text(ctx, "description", "The description", 1000, true);
    } catch (Forms.Invalid e) {
      errors.put("description", e.getMessage());
    }
    String rawVisibility = Forms.param(ctx, "visibility");
    Visibility visibility = Visibility.byId(rawVisibility == null || rawVisibility.isBlank() ? "private" : rawVisibility).orElse(null);
    if (visibility == null) {
      errors.put("visibility", "Choose private, unlisted or public.");
    }
    return new Fields(name, description, visibility);
  }

  public void create(Context ctx) {
    User me = CurrentUser.require(ctx);
    Map<String, String> errors = new HashMap<>();
    Fields f = read(ctx, errors);
    if (!errors.isEmpty()) {
      showList(ctx, errors, f.name(), f.description(), 422);
      return;
    }
    String id = collections.create(me.id(), f.name(), f.description(), f.visibility());
    ctx.redirect(collections.find(id).orElseThrow().url(), HttpStatus.SEE_OTHER);
  }

  private PromptCollection readable(Context ctx) {
    return collections.find(ctx.pathParam("id")).filter(c -> Access.canRead(CurrentUser.get(ctx), c))
        .orElseThrow(() -> new NotFoundResponse(NOT_FOUND));
  }

  public void show(Context ctx) {
    String id = ctx.pathParam("id");
    Optional<User> viewer = CurrentUser.get(ctx);
    // One query says whether the viewer may see it, where it lives and what its page is made of (its owner's
    // revision and its items' owners'); the collection itself is read only when the page has to be rendered.
    PromptCollections.PageFacts facts = PageReads.get(ctx, PromptCollections.PAGE_FACTS, id, () -> collections.pageFacts(id))
        .filter(f -> Access.canRead(viewer, f))
        .orElseThrow(() -> new NotFoundResponse(NOT_FOUND));
    if (!ctx.pathParam("slug").equals(facts.slug())) {
      ctx.redirect(Urls.collection(id, facts.slug()), HttpStatus.MOVED_PERMANENTLY);
      return;
    }
    long viewerRevision = viewer.isPresent() ? CurrentUser.revision(ctx) : 0;
    // Read again with the access check, so a change committed since the facts were read never shows to someone it hides from.
    pages.shared(ctx, facts.key(), viewer.orElse(null), viewerRevision, () -> render(ctx, readable(ctx), Map.of(), 200));
  }

  private void showCollection(Context ctx, PromptCollection c, Map<String, String> errors, int status) {
    Pages.Rendered page = render(ctx, c, errors, status);
    ctx.header("Vary", "HX-Request");
    ctx.status(page.status()).html(page.html());
  }

  private Pages.Rendered render(Context ctx, PromptCollection c, Map<String, String> errors, int status) {
    long viewer = Access.viewerId(ctx);
    Map<String, Object> model = new HashMap<>();
    model.put("c", c);
    model.put("items", collections.items(c.id(), viewer));
    model.put("mine", c.ownedBy(viewer));
    model.put("errors", errors);
    model.put("visibilities", List.of(Visibility.values()));
    model.put("searchUrl", c.ownedBy(viewer) ? Urls.withQuery(Urls.LIBRARY, "collection", c.id()) : null);
    if (c.visibility().shareable()) {
      model.put("meta", List.of(new Meta("og:type", "website"), new Meta("og:site_name", "Visionary"), new Meta("og:title", c.name()),
          new Meta("og:description", c.description().isEmpty() ? "A collection of image prompts by " + c.ownerName() : c.description()),
          new Meta("twitter:card", "summary")));
      model.putAll(SearchRoutes.feedLink(c.name() + " · a collection by " + c.ownerName(), Urls.collectionFeed(c.id())));
    }
    return pages.render(ctx, "library/collection", null, model, status);
  }

  public void edit(Context ctx) {
    PromptCollection c = Access.ownedCollection(ctx, collections, ctx.pathParam("id"));
    Map<String, String> errors = new HashMap<>();
    Fields f = read(ctx, errors);
    if (!errors.isEmpty()) {
      showCollection(ctx, c, errors, 422);
      return;
    }
    collections.update(c.id(), f.name(), f.description(), f.visibility());
    ctx.redirect(collections.find(c.id()).orElseThrow().url(), HttpStatus.SEE_OTHER);
  }

  public void delete(Context ctx) {
    PromptCollection c = Access.ownedCollection(ctx, collections, ctx.pathParam("id"));
    collections.delete(c.id());
    ctx.redirect(Urls.COLLECTIONS, HttpStatus.SEE_OTHER);
  }

  public void remove(Context ctx) {
    PromptCollection c = Access.ownedCollection(ctx, collections, ctx.pathParam("id"));
    collections.remove(c.id(), Forms.text(ctx, "prompt_id", "The prompt", 32, false));
    ctx.redirect(c.url(), HttpStatus.SEE_OTHER);
  }

  public void move(Context ctx) {
    PromptCollection c = Access.ownedCollection(ctx, collections, ctx.pathParam("id"));
    String direction = Forms.text(ctx, "direction", "The direction", 8, false);
    if (!direction.equals("up") && !direction.equals("down")) {
      throw new BadRequestResponse("Move a prompt up or down.");
    }
    String promptId = Forms.text(ctx, "prompt_id", "The prompt", 32, false);
    prompts.find(promptId).filter(p -> p.ownedBy(c.ownerId()) || p.visibility() != Visibility.PRIVATE)
        .orElseThrow(() -> new NotFoundResponse(Access.NOT_FOUND));
    collections.move(c.id(), promptId, direction.equals("up"));
    ctx.redirect(c.url() + "#item-" + promptId, HttpStatus.SEE_OTHER);
  }
}
