package dev.visionary.generate;

import dev.visionary.identity.CurrentUser;
import dev.visionary.identity.User;
import dev.visionary.web.Htmx;
import dev.visionary.web.PageReads;
import dev.visionary.web.Pages;
import dev.visionary.web.Ratings;
import dev.visionary.web.ShortIds;
import dev.visionary.web.Urls;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Image bytes: readable by their owner, by whoever may read the saved prompt they belong to, and by whoever may
 * see the shared grid they were drawn for.
 * Content never changes under an id, so a strong ETag and a year of caching are safe.
 */
public final class ImageRoutes {
  private static final String NOT_FOUND = "There is no such image, or it is private.";

  /** Images per page of /images. */
  static final int PAGE_SIZE = 48;
  static final int MAX_PAGE = 1_000;

  private final Pages pages;
  private final ImageStore store;
  private final PromptLinks prompts;
  private final Grids grids;

  ImageRoutes(Pages pages, ImageStore store, PromptLinks prompts, Grids grids) {
    this.pages = pages;
    this.store = store;
    this.prompts = prompts;
    this.grids = grids;
  }

  /**
   * "My images": the person's images, newest first or best rated first, filtered by rating, {@value #PAGE_SIZE} a
   * page. Not kept: an image's rating moves its owner's revision, but a new image does not, so a kept page would miss it.
   */
  public void list(Context ctx) {
    User me = CurrentUser.require(ctx);
    ImageListQuery query = ImageListQuery.from(ctx);
    List<ImageStore.StoredImage> found = store.owned(me.id(), query.bestFirst(), query.filter().minimum(), PAGE_SIZE + 1,
        (query.page() - 1) * PAGE_SIZE);
    Map<String, Object> model = new HashMap<>();
    model.put("query", query);
    model.put("images", found.subList(0, Math.min(PAGE_SIZE, found.size())));
    model.put("here", query.url(query.page()));
    model.put("prevUrl", query.page() > 1 ? query.url(query.page() - 1) : null);
    model.put("nextUrl", found.size() > PAGE_SIZE && query.page() < MAX_PAGE ? query.url(query.page() + 1) : null);
    model.put("ratingFilters", Ratings.FILTERS);
    ctx.status(query.problems().isEmpty() ? 200 : 400);
    if (!query.problems().isEmpty() && Htmx.isHtmx(ctx)) {
      // HTMX leaves 4xx bodies unswapped unless retargeted: the results show what was wrong.
      ctx.header("HX-Retarget", "#results").header("HX-Reswap", "outerHTML");
    }
    ctx.header("Cache-Control", "no-store");
    pages.page(ctx, "generate/images", "results", model);
  }

  /** The owner's rating of their image; the widget comes back for HTMX, otherwise 303 to the page it was sent from. */
  public void rate(Context ctx) {
    User me = CurrentUser.require(ctx);
    String id = ctx.pathParam("id");
    ImageStore.Access access = (ShortIds.looksValid(id) ? store.access(id) : Optional.<ImageStore.Access>empty())
        .filter(a -> a.ownerId() == me.id())
        .orElseThrow(() -> new NotFoundResponse(NOT_FOUND));
    Short rating = Ratings.read(ctx);
    store.rate(id, rating);
    Ratings.respond(ctx, pages, ratingWidget(id, rating, Urls.IMAGES), Urls.IMAGES);
  }

  static Ratings.Widget ratingWidget(String imageId, Short rating, String back) {
    return new Ratings.Widget(Urls.imageRating(imageId), rating, "this image", back);
  }

  public void image(Context ctx) {
    serve(ctx, false);
  }

  public void thumbnail(Context ctx) {
    serve(ctx, true);
  }

  /** An image's or thumbnail's address wants its access read with the session ({@link PageReads}). */
  static Optional<PageReads.Wanted<?>> pageRead(String path) {
    String[] at = PageReads.segments(path);
    boolean image = (at.length == 2 || at.length == 3 && at[2].equals("thumb")) && at[0].equals("images") && ShortIds.looksValid(at[1]);
    return image ? Optional.of(new PageReads.Wanted<>(ImageStore.ACCESS, at[1])) : Optional.empty();
  }

  static String url(String imageId) {
    return "/images/" + imageId;
  }

  static String thumbnailUrl(String imageId) {
    return url(imageId) + "/thumb";
  }

  /** Who may see an image, wherever it is shown: its owner, whoever may read its saved prompt, anyone for a shared grid's. */
  static boolean mayView(Optional<User> viewer, String id, ImageStore.Access a, PromptLinks prompts, Grids grids) {
    return viewer.map(u -> u.id() == a.ownerId()).orElse(false)
        || (a.promptId() != null && prompts.canRead(viewer, a.promptId()))
        || grids.shared(id);
  }

  private void serve(Context ctx, boolean thumbnail) {
    String id = ctx.pathParam("id");
    Optional<User> viewer = CurrentUser.get(ctx);
    // Access and the tag come from reads that touch no bytes (for the owner, the session's own statement); a revisit
    // (304) ends there.
    ImageStore.Access access = (ShortIds.looksValid(id) ? PageReads.get(ctx, ImageStore.ACCESS, id, () -> store.access(id))
        : Optional.<ImageStore.Access>empty())
        .filter(a -> mayView(viewer, id, a, prompts, grids))
        .orElseThrow(() -> new NotFoundResponse(NOT_FOUND));
    if (store.usesObjectStorage()) {
      ImageStore.StoredImage image = store.find(id).orElseThrow(() -> new NotFoundResponse(NOT_FOUND));
      String downloadName = "1".equals(ctx.queryParam("download")) ? "visionary-" + image.id() + ImageFiles.extension(image.mimeType()) : null;
      Optional<URI> inStorage = store.objectUrl(image, thumbnail, downloadName);
      if (inStorage.isPresent()) {
        // Bytes from object storage straight to the browser, for this viewer only; cached less long than the URL
        // lives, and with no validator, so a browser never revalidates a redirect whose URL has expired.
        ctx.header("Cache-Control", "private, max-age=60");
        ctx.redirect(inStorage.get().toString(), HttpStatus.FOUND);
        return;
      }
    }
    String etag = ImageStore.etag(access.sha256Hex(), thumbnail);
    // Private: the image may belong to a private prompt, so shared caches must not keep it.
    ctx.header("Cache-Control", "private, max-age=31536000, immutable");
    ctx.header("ETag", etag);
    String ifNoneMatch = ctx.header("If-None-Match");
    if (ifNoneMatch != null && ifNoneMatch.contains(etag)) {
      ctx.status(304);
      return;
    }
    ImageStore.StoredImage image = store.find(id).orElseThrow(() -> new NotFoundResponse(NOT_FOUND));
    ImageStore.ImageBytes bytes = store.bytes(image, thumbnail).orElseThrow(() -> new NotFoundResponse(NOT_FOUND));
    if ("1".equals(ctx.queryParam("download"))) {
      ctx.header("Content-Disposition", "attachment; filename=\"visionary-" + image.id() + ImageFiles.extension(bytes.mimeType()) + "\"");
    }
    // Images have no charset; the server's default (for HTML) must not be appended.
    ctx.res().setCharacterEncoding(null);
    ctx.contentType(bytes.mimeType());
    ctx.result(bytes.bytes());
  }
}
