package dev.visionary.web;

import io.javalin.http.Context;
import java.util.Collections;
import java.util.List;

/** Facts about a request that depend on the proxy in front of the app ({@link TrustedProxies}). */
public final class Requests {
  static final String PROXIES_ATTR = "visionary.trustedProxies";

  private Requests() {}

  /** True when the browser used HTTPS, directly or through a trusted proxy that says so. */
  public static boolean isHttps(Context ctx) {
    return proxies(ctx).isHttps(ctx.ip(), ctx.scheme(), lines(ctx, "X-Forwarded-Proto"));
  }

  /** The client's address: the socket's peer, or the address a trusted proxy forwarded for it. */
  public static String clientAddress(Context ctx) {
    return proxies(ctx).clientAddress(ctx.ip(), lines(ctx, "X-Forwarded-For"), lines(ctx, "Forwarded"));
  }

  /**
   * This app's address as the browser reached it, for links that leave the page (the bookmarklet): https when
   * {@link #isHttps}, and the request's Host, which proxies pass on. A Host that is not a plain host name or address
   * with an optional port is not used; the address the request came in on is, so nothing a client sends ends up in a script.
   */
  public static String origin(Context ctx) {
    String host = ctx.header("Host");
    if (host == null || !host.matches("[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]{2,45}\\](:[0-9]{1,5})?")) {
      String local = ctx.req().getLocalAddr();
      host = (local.contains(":") ? "[" + local + "]" : local) + ":" + ctx.req().getLocalPort();
    }
    return (isHttps(ctx) ? "https://" : "http://") + host;
  }

  /** The request's If-None-Match holds {@code etag} (weak or strong, RFC 9110 compares them weakly) or is {@code *}. */
  public static boolean notModified(Context ctx, String etag) {
    String ifNoneMatch = ctx.header("If-None-Match");
    if (ifNoneMatch == null) {
      return false;
    }
    for (String tag : ifNoneMatch.split(",")) {
      String t = tag.strip();
      if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) {
        return true;
      }
    }
    return false;
  }

  private static TrustedProxies proxies(Context ctx) {
    TrustedProxies proxies = ctx.attribute(PROXIES_ATTR);
    return proxies == null ? TrustedProxies.none() : proxies;
  }

  private static List<String> lines(Context ctx, String header) {
    return Collections.list(ctx.req().getHeaders(header));
  }
}
