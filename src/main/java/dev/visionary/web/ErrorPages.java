package dev.visionary.web;

import dev.visionary.db.DatabaseUnavailable;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HandlerType;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.router.EndpointNotFound;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every error a person can meet, as a designed page (or a small fragment for HTMX), never a stack trace. */
public final class ErrorPages {
  private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);
  /** What a change answers during a database outage; a read says the library is unavailable. */
  static final String NOT_SAVED = "Visionary can't reach its database right now, so this was not saved. Try again in a moment.";
  static final String LIBRARY_UNAVAILABLE = "The library is unavailable right now. Try again in a moment.";

  private final Pages pages;

  public ErrorPages(Pages pages) {
    this.pages = pages;
  }

  public void register(RoutesConfig routes) {
    // Javalin's own message names the route table; a person only needs to know nothing is here.
    routes.exception(EndpointNotFound.class, (e, ctx) -> show(ctx, 404, null));
    routes.exception(HttpResponseException.class, (e, ctx) -> show(ctx, e.getStatus(), e.getMessage()));
    routes.exception(Exception.class, (e, ctx) -> {
      if (DatabaseUnavailable.causedBy(e)) {
        // An outage, not a bug: one line, no stack, and an answer that says what happened to this request.
        log.warn("Database unavailable on {} {}: {}", ctx.method(), ctx.path(), rootMessage(e));
        showUnavailable(ctx);
        return;
      }
      log.error("Unhandled error on {} {}", ctx.method(), ctx.path(), e);
      show(ctx, 500, null);
    });
  }

  /**
   * 503 while the database cannot answer. A change says it was not saved; a form's text comes back on the page
   * (full page) or stays where it was typed (HTMX: the notice goes just before the element that sent the request,
   * so it lands where the person is looking and their form is left alone).
   */
  void showUnavailable(Context ctx) {
    boolean change = !(ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD);
    ctx.status(503);
    ctx.header("Retry-After", "5");
    ctx.header("Cache-Control", "no-store");
    Map<String, Object> model = new HashMap<>();
    model.put("status", 503);
    model.put("title", change ? "Not saved" : "Temporarily unavailable");
    model.put("message", change ? NOT_SAVED : LIBRARY_UNAVAILABLE);
    model.put("unavailable", true);
    try {
      if (Htmx.isHtmx(ctx)) {
        pages.fragment(ctx, "errors/error-fragment", model);
        ctx.header("HX-Retarget", "this");
        ctx.header("HX-Reswap", "beforebegin");
      } else {
        List<TypedField> typed = change ? TypedField.of(ctx) : List.of();
        model.put("typed", typed);
        model.put("retryAction", ctx.path());
        model.put("retryCsrf", typed.isEmpty() ? "" : Forms.param(ctx, "_csrf"));
        pages.page(ctx, "errors/error", model);
      }
    } catch (RuntimeException renderFailure) {
      log.error("Error page could not be rendered", renderFailure);
      ctx.html("<!DOCTYPE html><title>Not available</title><h1 data-testid=\"error\">503 " + model.get("title") + "</h1>");
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
  }

  public void show(Context ctx, int status, String detail) {
    ctx.status(status);
    String title = titleFor(status);
    String message = detail != null && !detail.isBlank() && !detail.equals(defaultMessage(status)) ? detail : explanationFor(status);
    Map<String, Object> model = Map.of("status", status, "title", title, "message", message);
    try {
      if (Htmx.isHtmx(ctx)) {
        pages.fragment(ctx, "errors/error-fragment", model);
        // Let HTMX swap error fragments too (by default it ignores 4xx/5xx bodies).
        ctx.header("HX-Retarget", "#flash");
        ctx.header("HX-Reswap", "innerHTML");
      } else {
        pages.page(ctx, "errors/error", model);
      }
    } catch (RuntimeException renderFailure) {
      // The error page itself failed: still answer with something readable, never a trace.
      log.error("Error page could not be rendered", renderFailure);
      ctx.html("<!DOCTYPE html><title>Error</title><h1 data-testid=\"error\">" + status + " " + title + "</h1>");
    }
  }

  /**
   * The designed error page for an answer Jetty gives before any handler runs (a request it could not
   * read), rendered without a request: nobody is signed in as far as Jetty knows.
   */
  String standalone(int status) {
    Map<String, Object> model = new HashMap<>();
    model.put("status", status);
    model.put("title", titleFor(status));
    model.put("message", explanationFor(status));
    model.put("path", "");
    model.put("section", "");
    model.put("assets", Pages.AssetPaths.INSTANCE);
    return pages.views().render("errors/error", model);
  }

  private static String titleFor(int status) {
    return switch (status) {
      case 400 -> "That request didn't make sense";
      case 403 -> "Not allowed";
      case 404 -> "Page not found";
      case 405 -> "Method not allowed";
      case 413 -> "Too large";
      case 414 -> "Address too long";
      case 431 -> "Request headers too large";
      case 429 -> "Slow down";
      case 503 -> "Temporarily unavailable";
      default -> status >= 500 ? "Something went wrong" : "Request failed";
    };
  }

  private static String explanationFor(int status) {
    return switch (status) {
      case 404 -> "There is nothing at this address. It may have been moved, deleted, or never existed.";
      case 403 -> "This action was refused. If you were filling in a form, reload the page and try again.";
      case 413 -> "What you sent is larger than Visionary accepts.";
      case 414 -> "The address of this request is longer than Visionary accepts. Shorten the search or filters and try again.";
      case 431 -> "Your browser sent more in its headers (often cookies) than Visionary accepts. Clearing this site's cookies usually fixes it.";
      case 503 -> "Visionary is not available right now. Try again in a moment.";
      default -> status >= 500
          ? "An unexpected error happened on our side, and it has been logged. If you were saving something, it may not have been saved: check, and try again."
          : "Please check what you sent and try again.";
    };
  }

  /** Javalin's stock messages ("Not Found") say less than our own explanations. */
  private static String defaultMessage(int status) {
    return HttpStatus.forStatus(status).getMessage();
  }
}
