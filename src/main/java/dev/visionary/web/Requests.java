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

  private static TrustedProxies proxies(Context ctx) {
    TrustedProxies proxies = ctx.attribute(PROXIES_ATTR);
    return proxies == null ? TrustedProxies.none() : proxies;
  }

  private static List<String> lines(Context ctx, String header) {
    return Collections.list(ctx.req().getHeaders(header));
  }
}
