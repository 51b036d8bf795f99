package dev.visionary.library;

import dev.visionary.identity.CurrentUser;
import dev.visionary.identity.User;
import dev.visionary.prompt.Target;
import dev.visionary.prompt.WordDiff;
import dev.visionary.web.PageReads;
import dev.visionary.web.Pages;
import dev.visionary.web.Ratings;
import dev.visionary.web.Requests;
import dev.visionary.web.Urls;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The prompt page, its history, and the fragments HTMX swaps into it. */
final class PromptPage {
  static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private final Pages pages;
  private final Prompts prompts;
  private final Tags tags;
  private final PromptCollections collections;
  private final Bookmarks bookmarks;

  private final PromptGallery gallery;
  private final PromptImageMetadata imageMetadata;

  PromptPage(Pages pages, Prompts prompts, Tags tags, PromptCollections collections, Bookmarks bookmarks, PromptGallery gallery) {
    this.gallery = gallery;
    this.imageMetadata = new PromptImageMetadata(prompts.jdbi());
    this.pages = pages;
    this.prompts = prompts;
    this.tags = tags;
    this.collections = collections;
    this.bookmarks = bookmarks;
  }

  void show(Context ctx) {
    String id = ctx.pathParam("id");
    Optional<User> viewer = CurrentUser.get(ctx);
    // One query says whether the viewer may see the prompt, where it lives and what its page is made of; the
    // prompt itself is read only when the page has to be rendered.
    Prompts.PageFacts facts = PageReads.get(ctx, Prompts.PAGE_FACTS, id, () -> prompts.pageFacts(id)).filter(f -> Access.canRead(viewer, f))
        .orElseThrow(() -> new NotFoundResponse(Access.NOT_FOUND));
    if (!ctx.pathParam("slug").equals(Urls.promptSlug(facts.slug()))) {
      // Titles change; links made with an older title keep working.
      ctx.redirect(Prompt.url(id, facts.slug()), HttpStatus.MOVED_PERMANENTLY);
      return;
    }
    // The origin goes in the key because the link previews name it; the day because the Trash notice counts days.
    List<Object> content = List.of(facts.key(), Requests.isHttps(ctx), ctx.host() == null ? "" : ctx.host(),
        facts.deleted() ? java.time.LocalDate.now(ZoneOffset.UTC) : "");
    long viewerRevision = viewer.isPresent() ? CurrentUser.revision(ctx) : 0;
    // Read again with the access check, so a change committed since the facts were read never shows to someone it hides from.
    pages.shared(ctx, content, viewer.orElse(null), viewerRevision, () -> render(ctx, Access.readable(ctx, prompts, id), viewer));
  }

  private Pages.Rendered render(Context ctx, Prompt p, Optional<User> viewer) {
    boolean mine = viewer.isPresent() && p.ownedBy(viewer.get().id());
    Map<String, Object> model = base(ctx, p);
    model.put("title", p.title());
    model.put("mine", mine);
    model.put("targetLabel", Target.byId(p.target()).map(Target::label).orElse(p.target()));
    model.put("params", JsonParams.entries(p.params()));
    // Raw metadata can hold a person's folder names (ComfyUI paths, Fooocus LoRA files), so only its owner sees it.
    model.put("imageMetadata", mine ? imageMetadata.find(p.id()).orElse(null) : null);
    model.put("created", WHEN.format(p.createdAt()));
    model.put("updated", WHEN.format(p.updatedAt()));
    model.put("parent", p.parentId() == null ? null : prompts.find(p.parentId()).filter(x -> Access.canRead(viewer, x)).orElse(null));
    model.put("forks", prompts.forks(p.id(), Access.viewerId(ctx)));
    List<PromptGallery.GalleryImage> images = gallery.images(p.id(), p.ownerId());
    model.put("images", images);
    // Ratings are personal: the page others see (kept apart from the owner's) has none.
    model.put("rating", mine ? ratingWidget(p.id(), p.title(), p.rating(), p.url()) : null);
    model.put("inCollections", mine ? collections.holding(p.id(), p.ownerId()) : List.of());
    model.put("myCollections", mine ? collections.ownedBy(p.ownerId()) : List.of());
    model.put("visibilities", List.of(Visibility.values()));
    if (p.deleted()) {
      long daysLeft = Math.max(0, Prompts.TRASH_DAYS - Duration.between(p.deletedAt(), Instant.now()).toDays());
      model.put("trashNotice", "This prompt is in Trash. It will be deleted for good in " + daysLeft + (daysLeft == 1 ? " day" : " days") + " unless you restore it.");
    }
    if (p.visibility().shareable() && !p.deleted()) {
      model.put("meta", meta(ctx, p, images));
    }
    return pages.render(ctx, "library/prompt", null, model, 200);
  }

  /** The rating widget of a prompt, returning to {@code back} when sent without JavaScript. */
  static Ratings.Widget ratingWidget(String id, String title, Short rating, String back) {
    return new Ratings.Widget(Urls.promptRating(id), rating, "“" + title + "”", back);
  }

  private Map<String, Object> base(Context ctx, Prompt p) {
    Map<String, Object> model = new HashMap<>();
    long viewer = Access.viewerId(ctx);
    model.put("p", p);
    model.put("tags", tags.of(p.id()));
    model.put("canEdit", p.ownedBy(viewer));
    model.put("signedIn", viewer >= 0);
    model.put("bookmarked", viewer >= 0 && bookmarks.isBookmarked(viewer, p.id()));
    model.put("bookmarkCount", bookmarks.count(p.id()));
    return model;
  }

  /** Link previews for pages meant to be shared; private prompts never get them. */
  private static List<Meta> meta(Context ctx, Prompt p, List<PromptGallery.GalleryImage> images) {
    String origin = Requests.origin(ctx);
    String description = p.text().length() > 200 ? p.text().substring(0, 197) + "…" : p.text();
    List<Meta> meta = new ArrayList<>(List.of(
        new Meta("og:type", "article"),
        new Meta("og:site_name", "Visionary"),
        new Meta("og:title", p.title()),
        new Meta("og:description", description),
        new Meta("og:url", origin + p.url()),
        new Meta("twitter:title", p.title()),
        new Meta("twitter:description", description)));
    Optional<String> cover = coverUrl(p, images);
    if (cover.isPresent()) {
      meta.add(new Meta("og:image", origin + cover.get()));
      meta.add(new Meta("twitter:card", "summary_large_image"));
      meta.add(new Meta("twitter:image", origin + cover.get()));
    } else {
      meta.add(new Meta("twitter:card", "summary"));
    }
    return meta;
  }

  /**
   * The preview image: the recorded cover while it is one of the owner's own images in the gallery (a cover
   * recorded from someone else's job before jobs were checked never shows), else the newest of those.
   */
  private static Optional<String> coverUrl(Prompt p, List<PromptGallery.GalleryImage> images) {
    String recorded = p.coverImageId() == null ? null : Urls.image(p.coverImageId());
    return images.stream().map(PromptGallery.GalleryImage::url).filter(url -> url.equals(recorded)).findFirst()
        .or(() -> images.stream().findFirst().map(PromptGallery.GalleryImage::url));
  }

  void bookmarkFragment(Context ctx, Prompt p) {
    pages.fragment(ctx, "library/bookmark-button", base(ctx, p));
  }

  void tagsFragment(Context ctx, Prompt p, String error) {
    Map<String, Object> model = base(ctx, p);
    model.put("tagError", error);
    pages.fragment(ctx, "library/tags", model);
  }

  /** Every version, newest first, each with what changed since the one before. */
  void history(Context ctx) {
    Prompt p = Access.owned(ctx, prompts, ctx.pathParam("id"));
    List<PromptVersion> versions = prompts.versions(p.id());
    List<VersionView> views = new ArrayList<>();
    for (int i = 0; i < versions.size(); i++) {
      PromptVersion v = versions.get(i);
      PromptVersion before = i + 1 < versions.size() ? versions.get(i + 1) : null;
      views.add(new VersionView(v.version(), v.title(), v.note(), WHEN.format(v.createdAt()), v.version() == p.version(),
          before == null ? List.of(new WordDiff.Segment(WordDiff.Kind.SAME, v.text())) : WordDiff.diff(before.text(), v.text()),
          before == null ? List.of() : WordDiff.diff(before.negative(), v.negative()),
          before != null && !before.title().equals(v.title()) ? before.title() : null,
          before != null && !JsonParams.same(before.params(), v.params()),
          before != null && !before.target().equals(v.target())));
    }
    Map<String, Object> model = base(ctx, p);
    model.put("versions", views);
    pages.page(ctx, "library/history", model);
  }

  /** A version as the history page shows it. */
  record VersionView(int number, String title, String note, String when, boolean current, List<WordDiff.Segment> textDiff,
      List<WordDiff.Segment> negativeDiff, String oldTitle, boolean paramsChanged, boolean targetChanged) {
    public boolean negativeChanged() {
      return WordDiff.differs(negativeDiff);
    }
  }
}
