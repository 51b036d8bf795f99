package dev.visionary.account;

import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import java.util.Optional;

/** The signed-in person for a request, as resolved by {@link SessionFilter}. */
public final class CurrentUser {
  static final String ATTR = "visionary.user";

  private CurrentUser() {}

  public static Optional<User> get(Context ctx) {
    return Optional.ofNullable(ctx.attribute(ATTR));
  }

  /** The signed-in person; paths that need one are guarded by {@link AccessRules} before this runs. */
  public static User require(Context ctx) {
    return get(ctx).orElseThrow(() -> new UnauthorizedResponse("Sign in to continue."));
  }
}
