package dev.visionary.identity;

import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import java.util.Optional;

/** The signed-in person for a request, as resolved by the account feature's {@code SessionFilter}. */
public final class CurrentUser {
  public static final String ATTR = "visionary.user";
  public static final String REVISION_ATTR = "visionary.revision";

  private CurrentUser() {}

  public static Optional<User> get(Context ctx) {
    return Optional.ofNullable(ctx.attribute(ATTR));
  }

  /**
   * A number that changes with every committed change to anything the signed-in person owns (prompts, tags,
   * collections, bookmarks, expansions, instructions, word lists), read with the session at no extra cost: a page made only of their things can be
   * kept while it stays the same. Kept by triggers in the database, so changes through any instance count.
   */
  public static long revision(Context ctx) {
    Long revision = ctx.attribute(REVISION_ATTR);
    if (revision == null) {
      throw new UnauthorizedResponse("Sign in to continue.");
    }
    return revision;
  }

  /** The signed-in person; the route table's access check (account's {@code SessionFilter.requireSignIn}) guards the paths that need one before this runs. */
  public static User require(Context ctx) {
    return get(ctx).orElseThrow(() -> new UnauthorizedResponse("Sign in to continue."));
  }
}
