package dev.visionary.web;

import io.javalin.http.Context;

/** Facts about a request that depend on the proxy in front of the app. */
public final class Requests {
  private Requests() {}

  /** True when the browser used HTTPS, directly or through a proxy that says so. */
  public static boolean isHttps(Context ctx) {
    String forwarded = ctx.header("X-Forwarded-Proto");
    if (forwarded != null) {
      return forwarded.trim().toLowerCase(java.util.Locale.ROOT).startsWith("https");
    }
    return "https".equals(ctx.scheme());
  }

  /**
   * The client's address: the last X-Forwarded-For entry (the one our own proxy appended, which a
   * client cannot forge), else the socket's peer.
   */
  public static String clientAddress(Context ctx) {
    String forwarded = ctx.header("X-Forwarded-For");
    if (forwarded != null && !forwarded.isBlank()) {
      String[] parts = forwarded.split(",");
      return parts[parts.length - 1].trim();
    }
    return ctx.ip();
  }
}
