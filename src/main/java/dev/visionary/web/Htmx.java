package dev.visionary.web;

import io.javalin.http.Context;

/** The few HTMX request facts the server needs. */
public final class Htmx {
  private Htmx() {}

  /** True for a request HTMX made, which wants a fragment rather than a full page. */
  public static boolean isHtmx(Context ctx) {
    return "true".equals(ctx.header("HX-Request")) && !"true".equals(ctx.header("HX-History-Restore-Request"));
  }
}
