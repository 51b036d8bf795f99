package dev.visionary.web;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders a page for a request: the whole page with its layout on a direct load, or the page's
 * named fragment when HTMX asks, so one URL serves both and stays bookmarkable.
 */
public final class Pages {
  /** Request attributes other features set (the signed-in person, the CSRF token) and every page may show. */
  public static final String ATTR_MODEL = "visionary.model";

  private final Views views;
  private final PageCache kept = new PageCache();
  private final SharedPageCache shared;

  public Pages(Views views, io.micrometer.core.instrument.MeterRegistry registry) {
    this.views = views;
    this.shared = new SharedPageCache(registry);
  }

  /**
   * Answers with the page kept for this session and address under {@code content}, a key that must change
   * whenever anything on the page does; renders it with {@code render} when there is none.
   */
  public void kept(Context ctx, Object content, java.util.function.Supplier<Rendered> render) {
    kept.serve(ctx, content, render);
  }

  /**
   * Answers with the page kept for every visitor who is {@code viewer} (at {@code viewerRevision}) under
   * {@code content}, a key read from the database that must change whenever anything else on the page does.
   */
  public void shared(Context ctx, Object content, Object viewer, long viewerRevision, java.util.function.Supplier<Rendered> render) {
    shared.serve(ctx, content, viewer, viewerRevision, render);
  }

  public Views views() {
    return views;
  }

  /** Adds a value every template rendered for this request can read. */
  public static void share(Context ctx, String key, Object value) {
    Map<String, Object> shared = ctx.attribute(ATTR_MODEL);
    if (shared == null) {
      shared = new HashMap<>();
      ctx.attribute(ATTR_MODEL, shared);
    }
    shared.put(key, value);
  }

  public static Map<String, Object> model(Context ctx, Map<String, Object> pageModel) {
    Map<String, Object> model = new HashMap<>();
    Map<String, Object> shared = ctx.attribute(ATTR_MODEL);
    if (shared != null) {
      model.putAll(shared);
    }
    model.put("path", ctx.path());
    model.put("section", section(ctx.path()));
    model.put("assets", AssetPaths.INSTANCE);
    model.putAll(pageModel);
    return model;
  }

  /** The top-level part of the site a path belongs to, so the navigation can mark it. */
  static String section(String path) {
    if (path.equals("/") || path.startsWith("/x/")) {
      return "studio";
    }
    int end = path.indexOf('/', 1);
    return end < 0 ? path.substring(1) : path.substring(1, end);
  }

  /** Full page, or {@code fragment} of the same template under HX-Request. */
  public void page(Context ctx, String template, String fragment, Map<String, Object> pageModel) {
    ctx.header("Vary", "HX-Request");
    ctx.html(render(ctx, template, fragment, pageModel, 200).html());
  }

  /** A page as {@link #page} would send it, with the status to send it with, for {@link PageCache} to keep. */
  public record Rendered(int status, String html) {}

  /** Renders what {@link #page} sends, without touching the response. */
  public Rendered render(Context ctx, String template, String fragment, Map<String, Object> pageModel, int status) {
    Map<String, Object> model = model(ctx, pageModel);
    String html = fragment != null && Htmx.isHtmx(ctx) ? views.fragment(template, fragment, model) : views.render(template, model);
    return new Rendered(status, html);
  }

  public void page(Context ctx, String template, Map<String, Object> pageModel) {
    page(ctx, template, null, pageModel);
  }

  /** A template that is itself a fragment (no layout), such as a card returned to HTMX. */
  public void fragment(Context ctx, String template, Map<String, Object> pageModel) {
    ctx.html(views.render(template, model(ctx, pageModel)));
  }

  /** Paths of the assets every page loads, read by templates as {@code ${assets.htmx}}. */
  public record AssetPaths(String htmx, String htmxSse, String css, String js) {
    /** The webjar versions must match pom.xml; the browser test fails if HTMX does not load. */
    public static final AssetPaths INSTANCE = new AssetPaths(
        "/webjars/htmx.org/2.0.10/dist/htmx.min.js",
        "/webjars/htmx-ext-sse/2.2.2/sse.js",
        "/static/app.css",
        "/static/app.js");
  }
}
