package dev.visionary.library;

import dev.visionary.identity.CurrentUser;
import dev.visionary.identity.User;
import dev.visionary.prompt.Target;
import dev.visionary.web.Bookmarklet;
import dev.visionary.web.PageReads;
import dev.visionary.web.Pages;
import dev.visionary.web.Ratings;
import dev.visionary.web.Urls;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The searchable listings: my library, bookmarks, everyone's public prompts, a person's profile; and Trash. */
public final class SearchRoutes {
  private final Pages pages;
  private final PromptSearch search;
  private final Prompts prompts;
  private final PromptCollections collections;
  private final LibraryFacets facets;
  private final CardHtml cardHtml;

  SearchRoutes(Pages pages, PromptSearch search, Prompts prompts, Tags tags, PromptCollections collections) {
    this.pages = pages;
    this.search = search;
    this.prompts = prompts;
    this.collections = collections;
    this.facets = new LibraryFacets(tags, collections);
    this.cardHtml = new CardHtml(pages.views());
  }

  /**
   * A person's bookmarks are their own prompts (their revision covers them) and other people's shared ones (the
   * shared revision covers those): kept until either moves on.
   */
  public void bookmarks(Context ctx) {
    User me = CurrentUser.require(ctx);
    shared(ctx, CurrentUser.revision(ctx), SearchScope.bookmarks(me.id()), Urls.BOOKMARKS, "Bookmarks",
        "Prompts you starred, yours and other people's.", Map.of());
  }

  /**
   * Everyone's public prompts: the shared revision covers all of them, so the page is kept until it moves on,
   * the same for every visitor but for the header (which names the viewer and nothing else of theirs).
   */
  public void explore(Context ctx) {
    Map<String, Object> extra = new HashMap<>(feedLink("Visionary · Explore", Urls.EXPLORE_FEED));
    extra.put("suggestUrl", Urls.EXPLORE_SUGGEST);
    shared(ctx, 0, SearchScope.explore(), Urls.EXPLORE, "Explore", "Prompts people have chosen to share with everyone.", extra);
  }

  /**
   * A listing of shared prompts, kept under the shared revision, read in one query. A collection filter also
   * shows what is in a collection, which that revision does not follow, so such a listing is rendered each time.
   */
  private void shared(Context ctx, long viewerRevision, SearchScope scope, String base, String heading, String intro,
      Map<String, Object> extra) {
    if (ctx.queryParam("collection") != null && !ctx.queryParam("collection").isBlank()) {
      listing(ctx, scope, base, heading, intro, extra);
      return;
    }
    long sharedRevision = PageReads.get(ctx, Prompts.SHARED_REVISION, null, () -> Optional.of(prompts.sharedRevision())).orElseThrow();
    pages.shared(ctx, List.of(base, sharedRevision), CurrentUser.get(ctx).orElse(null), viewerRevision,
        () -> render(ctx, scope, base, heading, intro, extra));
  }

  /** The page's Atom feed, linked from its head so feed readers find it. */
  static Map<String, Object> feedLink(String title, String url) {
    return Map.of("feedTitle", title, "feedUrl", url);
  }

  /**
   * Everything on a library page is the person's own (prompts, tags, collections, bookmarks), so the page is
   * kept until their revision moves on: a repeated view costs the session lookup and nothing else.
   */
  public void library(Context ctx) {
    User me = CurrentUser.require(ctx);
    long revision = CurrentUser.revision(ctx);
    pages.kept(ctx, List.of(me.id(), revision), () -> {
      Map<String, Object> extra = new HashMap<>();
      LibraryFacets.Facets mine = facets.of(me.id(), revision);
      extra.put("tagCounts", mine.tagCounts());
      extra.put("collections", mine.collections());
      extra.put("filters", true);
      extra.put("suggestUrl", Urls.LIBRARY_SUGGEST);
      return render(ctx, SearchScope.library(me.id()), Urls.LIBRARY, "Library", "Every prompt you have saved.", extra);
    });
  }

  /** Everything on a profile is its owner's (their public prompts and collections): kept until their revision moves on. */
  public void profile(Context ctx) {
    String username = ctx.pathParam("username");
    Prompts.Profile profile = PageReads.get(ctx, Prompts.PROFILE, username, () -> prompts.profile(username))
        .orElseThrow(() -> new NotFoundResponse("There is nobody with that name here."));
    User owner = profile.owner();
    Optional<User> viewer = CurrentUser.get(ctx);
    long viewerRevision = viewer.isPresent() ? CurrentUser.revision(ctx) : 0;
    pages.shared(ctx, List.of(owner.id(), profile.revision()), viewer.orElse(null), viewerRevision, () -> {
      Map<String, Object> extra = new HashMap<>(feedLink(owner.username() + " on Visionary", Urls.profileFeed(owner.username())));
      extra.put("profile", owner);
      extra.put("publicCollections", collections.publicOf(owner.id()));
      return render(ctx, SearchScope.profile(owner.id()), Urls.profile(owner.username()),
          owner.username(), "Prompts " + owner.username() + " has shared.", extra);
    });
  }

  /** One search page: the full page on a direct load, only the results when HTMX asks. */
  private void listing(Context ctx, SearchScope scope, String base, String heading, String intro, Map<String, Object> extra) {
    Pages.Rendered page = render(ctx, scope, base, heading, intro, extra);
    ctx.header("Vary", "HX-Request");
    ctx.status(page.status()).html(page.html());
  }

  private Pages.Rendered render(Context ctx, SearchScope scope, String base, String heading, String intro, Map<String, Object> extra) {
    SearchQuery.Parsed parsed = SearchQuery.from(ctx);
    SearchQuery query = parsed.query();
    List<String> problems = new ArrayList<>(parsed.problems());
    boolean library = scope.kind() == SearchScope.Kind.LIBRARY;
    if (!library && query.usesRatings()) {
      problems.add("Ratings are personal: only your own library sorts and filters by them.");
      query = query.withoutRatings();
    }
    SearchResult result = search.search(scope, query, base);
    Map<String, Object> model = new HashMap<>(extra);
    model.put("base", base);
    model.put("heading", heading);
    model.put("intro", intro);
    model.put("query", query);
    model.put("result", result);
    // The session's token for the cards' rating forms: read from the request's model, where a kept shared page has its stand-in.
    String csrf = Objects.toString(Pages.model(ctx, Map.of()).get("csrf"), "");
    model.put("cardsHtml", cardHtml.render(result.cards(), !base.equals(Urls.LIBRARY), base, csrf));
    model.put("problems", problems);
    model.put("sorts", Arrays.stream(SearchQuery.Sort.values()).filter(s -> library || s != SearchQuery.Sort.TOP_RATED).toList());
    model.put("ratingFilters", Ratings.FILTERS);
    model.put("targets", List.of(Target.values()));
    model.putIfAbsent("filters", false);
    model.put("bookmarklet", library ? Bookmarklet.href(ctx) : null);
    model.put("pageTitle", query.hasText() ? heading + ": " + query.q() : heading);
    model.put("clearTagUrl", query.withTag("").url(base));
    return pages.render(ctx, "library/search", "results", model, problems.isEmpty() ? 200 : 400);
  }

  public void trash(Context ctx) {
    User me = CurrentUser.require(ctx);
    List<Prompt> trashed = prompts.trashed(me.id());
    List<Map<String, Object>> rows = trashed.stream().map(p -> Map.<String, Object>of(
        "p", p, "deleted", PromptPage.WHEN.format(p.deletedAt()),
        "daysLeft", Math.max(0, Prompts.TRASH_DAYS - java.time.Duration.between(p.deletedAt(), java.time.Instant.now()).toDays()))).toList();
    pages.page(ctx, "library/trash", Map.of("rows", rows, "days", Prompts.TRASH_DAYS));
  }

  public void emptyTrash(Context ctx) {
    prompts.emptyTrash(CurrentUser.require(ctx).id());
    ctx.redirect(Urls.TRASH, HttpStatus.SEE_OTHER);
  }
}
