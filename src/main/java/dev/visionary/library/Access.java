package dev.visionary.library;

import dev.visionary.identity.CurrentUser;
import dev.visionary.identity.User;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.Optional;

/** Who may see and change what. Anything a person may not see answers 404, never 403: its existence stays private. */
final class Access {
  static final String NOT_FOUND = "There is no prompt at this address, or it is private.";

  private Access() {}

  static boolean canRead(Optional<User> viewer, Prompt p) {
    return canRead(viewer, p.ownerId(), p.visibility(), p.deleted());
  }

  static boolean canRead(Optional<User> viewer, Prompts.PageFacts p) {
    return canRead(viewer, p.ownerId(), p.visibility(), p.deleted());
  }

  private static boolean canRead(Optional<User> viewer, long ownerId, Visibility visibility, boolean deleted) {
    if (viewer.isPresent() && viewer.get().id() == ownerId) {
      return true;
    }
    return !deleted && visibility != Visibility.PRIVATE;
  }

  static boolean canRead(Optional<User> viewer, PromptCollection c) {
    return canRead(viewer, c.ownerId(), c.visibility(), false);
  }

  static boolean canRead(Optional<User> viewer, PromptCollections.PageFacts c) {
    return canRead(viewer, c.ownerId(), c.visibility(), false);
  }

  static long viewerId(Context ctx) {
    return CurrentUser.get(ctx).map(User::id).orElse(-1L);
  }

  static Prompt readable(Context ctx, Prompts prompts, String id) {
    return prompts.find(id).filter(p -> canRead(CurrentUser.get(ctx), p)).orElseThrow(() -> new NotFoundResponse(NOT_FOUND));
  }

  static Prompt owned(Context ctx, Prompts prompts, String id) {
    long me = viewerId(ctx);
    return prompts.find(id).filter(p -> p.ownedBy(me)).orElseThrow(() -> new NotFoundResponse(NOT_FOUND));
  }

  static PromptCollection ownedCollection(Context ctx, PromptCollections collections, String id) {
    long me = viewerId(ctx);
    return collections.find(id).filter(c -> c.ownedBy(me))
        .orElseThrow(() -> new NotFoundResponse("There is no collection at this address, or it is private."));
  }
}
