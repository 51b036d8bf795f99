package dev.visionary.generate;

import dev.visionary.identity.CurrentUser;
import dev.visionary.identity.User;
import dev.visionary.web.ShortIds;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.net.URI;
import java.util.Optional;

/**
 * Image bytes: readable by their owner, by whoever may read the saved prompt they belong to, and by whoever may
 * see the shared grid they were drawn for.
 * Content never changes under an id, so a strong ETag and a year of caching are safe.
 */
public final class ImageRoutes {
  private static final String NOT_FOUND = "There is no such image, or it is private.";

  private final ImageStore store;
  private final PromptLinks prompts;
  private final Grids grids;

  ImageRoutes(ImageStore store, PromptLinks prompts, Grids grids) {
    this.store = store;
    this.prompts = prompts;
    this.grids = grids;
  }

  public void image(Context ctx) {
    serve(ctx, false);
  }

  public void thumbnail(Context ctx) {
    serve(ctx, true);
  }

  static String url(String imageId) {
    return "/images/" + imageId;
  }

  static String thumbnailUrl(String imageId) {
    return url(imageId) + "/thumb";
  }

  private void serve(Context ctx, boolean thumbnail) {
    String id = ctx.pathParam("id");
    Optional<User> viewer = CurrentUser.get(ctx);
    // Access and the tag come from reads that touch no bytes (one for the owner); a revisit (304) ends there.
    ImageStore.Access access = (ShortIds.looksValid(id) ? store.access(id) : Optional.<ImageStore.Access>empty())
        .filter(a -> viewer.map(u -> u.id() == a.ownerId()).orElse(false)
            || (a.promptId() != null && prompts.canRead(viewer, a.promptId()))
            || grids.shared(id))
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
