package dev.visionary.account;

import dev.visionary.identity.CurrentUser;
import dev.visionary.identity.User;
import dev.visionary.web.Forms;
import dev.visionary.web.Htmx;
import dev.visionary.web.PageReads;
import dev.visionary.web.Pages;
import dev.visionary.web.Requests;
import dev.visionary.web.RouteAccess;
import dev.visionary.web.Urls;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import java.util.Optional;

/**
 * Runs before every handler: finds the signed-in person from the session cookie, binds a CSRF token
 * to the visitor, and refuses changes without that token; {@link #requireSignIn} then sends visitors to sign
 * in where the matched route asks for it.
 */
public final class SessionFilter {
  static final String COOKIE = "visionary_session";
  static final String TOKEN_ATTR = "visionary.sessionToken";

  private final Sessions sessions;
  private final Csrf csrf;
  private final PageReads reads;

  SessionFilter(Sessions sessions, Csrf csrf, PageReads reads) {
    this.sessions = sessions;
    this.csrf = csrf;
    this.reads = reads;
  }

  public void before(Context ctx) {
    String path = ctx.path();
    if (path.startsWith("/static/") || path.startsWith("/webjars/") || path.equals(Urls.HEALTH) || path.equals(Urls.METRICS)) {
      return;
    }
    String token = ctx.cookie(COOKIE);
    Optional<User> user = Optional.empty();
    if (token != null && token.length() == 43) {
      // A kept page's own read (its access and key) goes in the session's statement: one round trip per view.
      Optional<PageReads.Wanted<?>> wanted = ctx.method().name().equals("GET") ? reads.wanted(path) : Optional.empty();
      Sessions.Resolved resolved = sessions.resolve(token, wanted);
      if (resolved.read()) {
        PageReads.done(ctx, wanted.orElseThrow(), resolved.row());
      }
      Optional<Sessions.Active> active = resolved.active();
      user = active.map(Sessions.Active::user);
      active.ifPresent(a -> ctx.attribute(CurrentUser.REVISION_ATTR, a.revision()));
    } else {
      // A first-time visitor gets an anonymous token so the sign-in and sign-up forms can carry CSRF tokens.
      token = Sessions.newToken();
      setCookie(ctx, token, false);
    }
    ctx.attribute(TOKEN_ATTR, token);
    user.ifPresent(u -> ctx.attribute(CurrentUser.ATTR, u));
    String csrfToken = csrf.tokenFor(token);
    Pages.share(ctx, "user", user.orElse(null));
    Pages.share(ctx, "csrf", csrfToken);
    Pages.share(ctx, "csrfHeaders", "{\"X-CSRF-Token\": \"" + csrfToken + "\"}");

    String method = ctx.method().name();
    if (!method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS")) {
      String presented = ctx.header("X-CSRF-Token");
      if (presented == null) {
        presented = Forms.param(ctx, "_csrf");
      }
      if (!csrf.isValid(token, presented)) {
        throw new ForbiddenResponse("This form has expired or did not come from Visionary. Reload the page and try again.");
      }
    }
  }

  /**
   * Runs once a route has matched, after {@link #before}: sends a visitor who is not signed in to the
   * sign-in page when the route's access (declared in the route table) asks for a signed-in person.
   * A route declared without an access counts as signed-in only, so forgetting one never opens a page.
   */
  public void requireSignIn(Context ctx) {
    if (ctx.attribute(CurrentUser.ATTR) != null || ctx.routeRoles().contains(RouteAccess.PUBLIC)) {
      return;
    }
    String method = ctx.method().name();
    String path = ctx.path();
    String here = ctx.queryString() == null ? path : path + "?" + ctx.queryString();
    if (!method.equals("GET")) {
      here = pageOf(ctx.header("HX-Current-URL")).orElse(here);
    }
    String login = Urls.withQuery(Urls.LOGIN, "next", Urls.localOr(here, "/"));
    if (Htmx.isHtmx(ctx)) {
      ctx.header("HX-Redirect", login);
      throw new io.javalin.http.HttpResponseException(HttpStatus.UNAUTHORIZED.getCode(), "Sign in to continue.", java.util.Map.of());
    }
    // In a before-handler, redirect skips the route's own handler and leaves the after-handlers (metrics, caching
    // headers) to run; skipping every remaining handler would leave the request uncounted.
    ctx.redirect(login, HttpStatus.SEE_OTHER);
  }

  /**
   * Runs after every handler: an answer to a signed-in person is theirs alone, so unless its route chose
   * its own caching (kept pages revalidate with an ETag, images are immutable) no cache may store it —
   * not a shared proxy, and not the browser's history after they sign out on a shared computer.
   */
  public void after(Context ctx) {
    if (ctx.attribute(CurrentUser.ATTR) != null && !ctx.res().isCommitted() && ctx.res().getHeader("Cache-Control") == null) {
      ctx.header("Cache-Control", "no-store");
    }
  }

  /** The path of the page an HTMX request came from; a header that is not a URL is ignored, never a 500. */
  private static Optional<String> pageOf(String currentUrl) {
    if (currentUrl == null) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(new java.net.URI(currentUrl).getRawPath());
    } catch (java.net.URISyntaxException e) {
      return Optional.empty();
    }
  }

  /** Sets the session cookie: HttpOnly, SameSite=Lax, Secure over HTTPS; persistent only when signed in. */
  static void setCookie(Context ctx, String token, boolean persistent) {
    StringBuilder cookie = new StringBuilder(COOKIE).append('=').append(token).append("; Path=/; HttpOnly; SameSite=Lax");
    if (persistent) {
      cookie.append("; Max-Age=").append(Sessions.ABSOLUTE.toSeconds());
    }
    if (Requests.isHttps(ctx)) {
      cookie.append("; Secure");
    }
    ctx.res().addHeader("Set-Cookie", cookie.toString());
  }

  static String token(Context ctx) {
    return ctx.attribute(TOKEN_ATTR);
  }
}
