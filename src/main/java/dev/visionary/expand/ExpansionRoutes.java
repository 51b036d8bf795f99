package dev.visionary.expand;

import dev.visionary.identity.CurrentUser;
import dev.visionary.identity.UsageLimits;
import dev.visionary.identity.User;
import dev.visionary.web.Forms;
import dev.visionary.web.Htmx;
import dev.visionary.web.Pages;
import dev.visionary.web.Ratings;
import dev.visionary.web.ShortIds;
import dev.visionary.web.Urls;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.sse.SseClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What happens to one expansion after it is asked for: its live stream, Retry, and the card actions. */
public final class ExpansionRoutes {
  private static final long WAIT_MILLIS = 15_000;
  private static final long POLL_MILLIS = 500;

  private final Pages pages;
  private final ExpansionService service;
  private final UsageLimits limits;
  private final CardRatings ratings;

  ExpansionRoutes(Pages pages, ExpansionService service, UsageLimits limits, CardRatings ratings) {
    this.ratings = ratings;
    this.pages = pages;
    this.service = service;
    this.limits = limits;
  }

  public void refine(Context ctx) {
    derive(ctx, true);
  }

  public void more(Context ctx) {
    derive(ctx, false);
  }

  /**
   * Asks the same engine for the variations a model left out; the new cards follow the others. Answered only for the
   * last expansion of an idea and its fills, so a second click (or a stale page) does not ask twice.
   */
  public void fill(Context ctx) {
    User user = CurrentUser.require(ctx);
    Expansion shortOne = owned(ctx.pathParam("id"), user);
    String rootId = shortOne.lineage().parentId() != null ? shortOne.lineage().parentId() : shortOne.id();
    List<Expansion> fills = service.expansions().children(rootId).stream().filter(ExpansionService::isFill).toList();
    boolean latest = fills.stream().noneMatch(f -> !f.failed() && f.lineage().sourceId().equals(shortOne.id()));
    if (ExpansionViews.shortfall(shortOne) == null || !latest) {
      throw new BadRequestResponse("Nothing is missing from these prompts any more. Reload the page to see them all.");
    }
    List<String> written = new ArrayList<>();
    service.expansions().find(rootId).ifPresent(root -> root.outcome().results().forEach(v -> written.add(v.prompt())));
    fills.stream().filter(f -> !f.failed()).forEach(f -> f.outcome().results().forEach(v -> written.add(v.prompt())));
    limits.expansion(user);
    boolean htmx = Htmx.isHtmx(ctx);
    Expansion fill = service.fill(shortOne, written).orElseThrow(() ->
        new BadRequestResponse("Nothing is missing from these prompts any more. Reload the page to see them all."));
    respond(ctx, service.launch(fill, htmx), htmx);
  }

  /**
   * Follows a running expansion: "preview" events carry the text so far, then one "done" event carries
   * the finished cards (or the error card). The run itself does not depend on this connection.
   */
  public void stream(SseClient client) {
    Context ctx = client.ctx();
    Optional<User> user = CurrentUser.get(ctx);
    String id = ctx.pathParam("id");
    Optional<Expansion> found = user.flatMap(u -> ShortIds.looksValid(id) ? service.expansions().findOwned(id, u.id()) : Optional.empty());
    if (found.isEmpty()) {
      client.sendEvent("done", "<p class=\"notice error\" data-testid=\"error\">This expansion does not exist, or is not yours.</p>");
      return;
    }
    long seen = -1;
    try {
      while (!client.terminated()) {
        Optional<ExpansionRunner.Run> run = service.runner().follow(id);
        if (run.isPresent()) {
          ExpansionRunner.Snapshot s = run.get().await(seen, WAIT_MILLIS);
          if (s.done()) {
            break;
          }
          if (s.version() != seen) {
            seen = s.version();
            client.sendEvent("preview", pages.views().render("expand/stream-preview",
                Pages.model(ctx, Map.of("lines", StreamPreview.lines(s.text())))));
          } else {
            client.sendComment("still writing");
          }
        } else {
          // Running on another instance, or already finished: the database says when it is done.
          Expansion now = service.expansions().find(id).orElseThrow();
          if (!now.running()) {
            break;
          }
          Thread.sleep(POLL_MILLIS);
          client.sendComment("still writing");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (!client.terminated()) {
      Expansion finished = service.expansions().find(id).orElseThrow();
      // The Studio's Recent list still says "running" for this expansion; it follows the end in the same swap.
      client.sendEvent("done", renderOutcome(ctx, finished) + recentList(ctx, user.get()));
    }
  }

  /**
   * The owner's rating of one card; the widget comes back for HTMX, otherwise 303 to the page it was sent from. A card
   * that is not there (a running or failed expansion has none) is a 404, like someone else's.
   */
  public void rateCard(Context ctx) {
    User user = CurrentUser.require(ctx);
    Expansion x = owned(ctx.pathParam("id"), user);
    String raw = ctx.pathParam("card");
    int card = raw.matches("[0-9]{1,4}") ? Integer.parseInt(raw) : -1;
    if (x.running() || card < 0 || card >= x.outcome().results().size()) {
      throw new NotFoundResponse("There is no such card in this expansion.");
    }
    Short rating = Ratings.read(ctx);
    ratings.set(x.id(), card, user.id(), rating);
    String rootId = x.lineage().parentId() != null ? x.lineage().parentId() : x.id();
    Ratings.respond(ctx, pages, ExpansionViews.ratingWidget(x.id(), card, rootId, rating), Urls.expansion(rootId));
  }

  /** Cancel on a running expansion: it ends now, and its card shows Retry. */
  public void cancel(Context ctx) {
    User user = CurrentUser.require(ctx);
    Expansion x = owned(ctx.pathParam("id"), user);
    if (x.running()) {
      service.cancel(x);
      x = service.expansions().find(x.id()).orElseThrow();
    }
    if (!Htmx.isHtmx(ctx)) {
      respond(ctx, x, false);
      return;
    }
    // Nothing to swap here: the page's event stream delivers the cancelled card and Recent as its "done".
    // Answering with them too raced that event, and whichever came second was swapped into a detached card.
    ctx.status(HttpStatus.NO_CONTENT);
  }

  public void retry(Context ctx) {
    User user = CurrentUser.require(ctx);
    Expansion x = owned(ctx.pathParam("id"), user);
    boolean htmx = Htmx.isHtmx(ctx);
    if (x.failed()) {
      limits.expansion(user);
      x = service.retry(x, htmx).orElse(x);
    }
    respond(ctx, x, htmx);
  }

  /** Refine (a short instruction re-expands the card, which changes in place) or "more like this" (cards added after). */
  private void derive(Context ctx, boolean refine) {
    User user = CurrentUser.require(ctx);
    Expansion source = owned(ctx.pathParam("id"), user);
    int card;
    try {
      card = Integer.parseInt(Optional.ofNullable(Forms.param(ctx, "card")).orElse("").strip());
    } catch (NumberFormatException e) {
      throw new BadRequestResponse("Choose a card to work from.");
    }
    if (source.running() || source.failed() || card < 0 || card >= source.outcome().results().size()) {
      throw new BadRequestResponse("That card is not there any more. Reload the page and try again.");
    }
    String refinement = null;
    if (refine) {
      try {
        refinement = Forms.text(ctx, "refinement", "The refinement", 200, false);
      } catch (Forms.Invalid e) {
        throw new BadRequestResponse(e.getMessage());
      }
      if (refinement.isEmpty()) {
        throw new BadRequestResponse("Type how to change this prompt, such as “make it night”.");
      }
    }
    limits.expansion(user);
    boolean htmx = Htmx.isHtmx(ctx);
    Expansion child = service.launch(service.derive(source, card, refinement), htmx);
    respond(ctx, child, htmx);
  }

  private void respond(Context ctx, Expansion x, boolean htmx) {
    if (!htmx) {
      ctx.redirect(Urls.expansion(x.lineage().parentId() != null ? x.lineage().parentId() : x.id()), HttpStatus.SEE_OTHER);
      return;
    }
    ctx.html(renderOutcome(ctx, x));
  }

  private String renderOutcome(Context ctx, Expansion x) {
    String rootId = x.lineage().parentId() != null ? x.lineage().parentId() : x.id();
    // Only a failure's card says what is kept, so only a failure asks whether that is a picture.
    boolean described = x.failed() && service.fromPicture(rootId);
    return pages.views().render("expand/outcome",
        Pages.model(ctx, Map.of("o", ExpansionViews.outcome(x, rootId, ratings.of(List.of(x.id())), described))));
  }

  /** The Studio's Recent list as an out-of-band swap; a page without the list ignores it. */
  private String recentList(Context ctx, User user) {
    return pages.views().fragment("studio/index", "recent-oob", Pages.model(ctx, Map.of("recent", service.recentViews(user.id()))));
  }

  private Expansion owned(String id, User user) {
    if (!ShortIds.looksValid(id)) {
      throw new NotFoundResponse();
    }
    return service.expansions().findOwned(id, user.id()).orElseThrow(NotFoundResponse::new);
  }
}
