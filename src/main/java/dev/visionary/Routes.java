package dev.visionary;

import static dev.visionary.web.RouteAccess.OWNER;
import static dev.visionary.web.RouteAccess.PUBLIC;
import static dev.visionary.web.RouteAccess.SIGNED_IN;

import dev.visionary.account.AccountRoutes;
import dev.visionary.account.Accounts;
import dev.visionary.account.SessionFilter;
import dev.visionary.expand.DescribeRoutes;
import dev.visionary.expand.Expand;
import dev.visionary.expand.ExpansionRoutes;
import dev.visionary.expand.InstructionRoutes;
import dev.visionary.expand.StudioRoutes;
import dev.visionary.expand.WordListRoutes;
import dev.visionary.generate.GenerateRoutes;
import dev.visionary.generate.Generation;
import dev.visionary.generate.GridRoutes;
import dev.visionary.generate.ImageRoutes;
import dev.visionary.library.CollectionRoutes;
import dev.visionary.library.FeedRoutes;
import dev.visionary.library.Library;
import dev.visionary.library.OpenSearchRoutes;
import dev.visionary.library.PromptRoutes;
import dev.visionary.library.SearchRoutes;
import dev.visionary.library.SuggestionRoutes;
import dev.visionary.library.TransferRoutes;
import dev.visionary.metrics.MetricsRoutes;
import dev.visionary.web.HealthRoutes;
import dev.visionary.web.Pages;
import dev.visionary.web.RouteAccess;
import dev.visionary.web.Urls;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.javalin.http.sse.SseClient;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Every route of Visionary, in one place: method, path, who may reach it, and the handler that answers.
 * Each line must name a {@link RouteAccess}; the session filter reads it from the matched route, so a
 * page's sign-in rule is written beside the page and nowhere else.
 */
final class Routes {
  private final RoutesConfig config;

  private Routes(RoutesConfig config) {
    this.config = config;
  }

  /** The features whose handlers the table names, and the two operational endpoints. */
  record Handlers(Accounts accounts, Library library, Expand expand, Generation generation, HealthRoutes health, MetricsRoutes metrics) {}

  static void register(RoutesConfig config, Handlers h) {
    SessionFilter session = h.accounts().sessionFilter();
    // Before any handler: who is asking, and is a change carrying its CSRF token.
    config.before(session::before);
    // Once a route matched: its access decides whether a visitor is sent to sign in.
    config.beforeMatched(session::requireSignIn);
    config.after(session::after);
    // Cards and saved prompts, drawn by other features, show generation's own Generate control.
    config.before(ctx -> Pages.share(ctx, "quickGenerate", h.generation().quickGenerate()));
    // The settings page lists the expansion engines from the expand feature's own fragment.

    Routes routes = new Routes(config);
    routes.accounts(h.accounts().routes());
    routes.prompts(h.library().promptRoutes());
    routes.listings(h.library().searchRoutes(), h.library().transferRoutes());
    routes.feedsAndSearchBox(h.library().feedRoutes(), h.library().openSearchRoutes());
    routes.searchSuggestions(h.library().suggestionRoutes());
    routes.collections(h.library().collectionRoutes());
    routes.studio(h.expand().studioRoutes(), h.expand().expansionRoutes());
    routes.describe(h.expand().describeRoutes());
    routes.wordsAndInstructions(h.expand().wordListRoutes(), h.expand().instructionRoutes());
    routes.comparisons(h.expand(), h.library(), h.generation());
    routes.generation(h.generation().generateRoutes(), h.generation().imageRoutes());
    routes.grids(h.generation().gridRoutes());
    routes.get(Urls.HEALTH, PUBLIC, h.health()::health);
    // Public to the router; the handler itself admits only the scraper (see MetricsRoutes).
    routes.get(Urls.METRICS, PUBLIC, h.metrics()::scrape);
  }

  private void accounts(AccountRoutes a) {
    get(Urls.SIGNUP, PUBLIC, a::signupForm);
    post(Urls.SIGNUP, PUBLIC, a::signup);
    get(Urls.LOGIN, PUBLIC, a::loginForm);
    post(Urls.LOGIN, PUBLIC, a::login);
    post(Urls.LOGOUT, PUBLIC, a::logout);
    get(Urls.SETTINGS, SIGNED_IN, a::settings);
    post(Urls.SETTINGS_PASSWORD, SIGNED_IN, a::changePassword);
    post(Urls.SETTINGS_DELETE, SIGNED_IN, a::deleteAccount);
  }

  private void prompts(PromptRoutes p) {
    get(Urls.PROMPT_NEW, SIGNED_IN, p::newForm);
    post(Urls.PROMPTS, SIGNED_IN, p::create);
    get(Urls.PROMPT, PUBLIC, p::shortLink);
    // The fixed sub-pages come before the page itself, whose slug would match them too.
    get(Urls.PROMPT_EDIT, OWNER, p::editForm);
    get(Urls.PROMPT_HISTORY, OWNER, p::history);
    get(Urls.PROMPT_PAGE, PUBLIC, p::page);
    post(Urls.PROMPT_EDIT, OWNER, p::update);
    post(Urls.PROMPT_DELETE, OWNER, p::trash);
    post(Urls.PROMPT_RESTORE, OWNER, p::restore);
    post(Urls.PROMPT_PURGE, OWNER, p::purge);
    post(Urls.PROMPT_FORK, SIGNED_IN, p::fork);
    post(Urls.PROMPT_BOOKMARK, SIGNED_IN, p::bookmark);
    post(Urls.PROMPT_TAGS, OWNER, p::addTags);
    post(Urls.PROMPT_TAGS_REMOVE, OWNER, p::removeTag);
    post(Urls.PROMPT_COLLECTIONS, OWNER, p::addToCollection);
    post(Urls.PROMPT_COLLECTIONS_REMOVE, OWNER, p::removeFromCollection);
    post(Urls.PROMPT_VERSION_RESTORE, OWNER, p::restoreVersion);
    post(Urls.PROMPT_RATING, OWNER, p::rate);
    get(Urls.LIBRARY_TAGS, SIGNED_IN, p::tagSuggestions);
    // Where the edit form and history lived before they moved under /p/{id}: bookmarks keep working.
    get(Urls.OLD_PROMPT_EDIT, PUBLIC, movedPermanently(Urls::promptEdit));
    get(Urls.OLD_PROMPT_HISTORY, PUBLIC, movedPermanently(Urls::promptHistory));
  }

  private void listings(SearchRoutes s, TransferRoutes t) {
    get(Urls.LIBRARY, SIGNED_IN, s::library);
    get(Urls.TRASH, SIGNED_IN, s::trash);
    post(Urls.TRASH_EMPTY, SIGNED_IN, s::emptyTrash);
    get(Urls.BOOKMARKS, SIGNED_IN, s::bookmarks);
    get(Urls.EXPLORE, PUBLIC, s::explore);
    get(Urls.PROFILE, PUBLIC, s::profile);
    get(Urls.EXPORT, SIGNED_IN, t::export);
    get(Urls.IMPORT, SIGNED_IN, t::importForm);
    post(Urls.IMPORT, SIGNED_IN, t::importFile);
  }

  /** Feeds read what a signed-out visitor may see; the collection's comes before its page, whose slug would match it. */
  private void feedsAndSearchBox(FeedRoutes f, OpenSearchRoutes o) {
    get(Urls.EXPLORE_FEED, PUBLIC, f::explore);
    get(Urls.PROFILE_FEED, PUBLIC, f::profile);
    get(Urls.COLLECTION_FEED, PUBLIC, f::collection);
    get(Urls.OPENSEARCH, PUBLIC, o::description);
    get(Urls.SEARCH, PUBLIC, o::search);
    get(Urls.SEARCH_SUGGEST, PUBLIC, o::suggest);
  }

  /** The lists under the search fields: the library's are the person's own, Explore's are public. */
  private void searchSuggestions(SuggestionRoutes s) {
    get(Urls.LIBRARY_SUGGEST, SIGNED_IN, s::library);
    get(Urls.EXPLORE_SUGGEST, PUBLIC, s::explore);
  }

  private void collections(CollectionRoutes c) {
    get(Urls.COLLECTIONS, SIGNED_IN, c::list);
    post(Urls.COLLECTIONS, SIGNED_IN, c::create);
    get(Urls.COLLECTION, PUBLIC, c::shortLink);
    get(Urls.COLLECTION_PAGE, PUBLIC, c::show);
    post(Urls.COLLECTION_EDIT, OWNER, c::edit);
    post(Urls.COLLECTION_DELETE, OWNER, c::delete);
    post(Urls.COLLECTION_REMOVE, OWNER, c::remove);
    post(Urls.COLLECTION_MOVE, OWNER, c::move);
  }

  private void studio(StudioRoutes s, ExpansionRoutes x) {
    get(Urls.STUDIO, PUBLIC, s::studio);
    get(Urls.TARGET_HINT, PUBLIC, s::targetHint);
    get(Urls.EXPAND_PREVIEW, SIGNED_IN, s::preview);
    post(Urls.EXPAND, SIGNED_IN, s::expand);
    get(Urls.EXPANSION, OWNER, s::show);
    sse(Urls.EXPANSION_STREAM, OWNER, x::stream);
    post(Urls.EXPANSION_RETRY, OWNER, x::retry);
    post(Urls.EXPANSION_CANCEL, OWNER, x::cancel);
    post(Urls.EXPANSION_REFINE, OWNER, x::refine);
    post(Urls.EXPANSION_MORE, OWNER, x::more);
    post(Urls.EXPANSION_FILL, OWNER, x::fill);
    post(Urls.EXPANSION_CARD_RATING, OWNER, x::rateCard);
  }

  private void describe(DescribeRoutes d) {
    get(Urls.DESCRIBE, SIGNED_IN, d::page);
    post(Urls.DESCRIBE, SIGNED_IN, d::describe);
    get(Urls.EXPANSION_PICTURE, OWNER, d::picture);
  }

  private void wordsAndInstructions(WordListRoutes w, InstructionRoutes i) {
    get(Urls.WILDCARDS, SIGNED_IN, w::page);
    post(Urls.WILDCARDS, SIGNED_IN, w::save);
    post(Urls.WILDCARDS_DELETE, SIGNED_IN, w::delete);
    get(Urls.INSTRUCTIONS, SIGNED_IN, i::page);
    post(Urls.INSTRUCTIONS, SIGNED_IN, i::save);
    post(Urls.INSTRUCTIONS_CHOOSE, SIGNED_IN, i::choose);
  }

  /**
   * Two to four items side by side, each comparison in the feature that owns them. Saved prompts and images are
   * public to the router: their handlers admit whoever may see every item, as the items' own pages do. Registered
   * before the image routes, whose {@code /images/{id}} would take "compare" for an id.
   */
  private void comparisons(Expand expand, Library library, Generation generation) {
    get(Urls.EXPANSION_COMPARE, OWNER, expand.cardComparison()::show);
    get(Urls.LIBRARY_COMPARE, PUBLIC, library.comparison()::show);
    get(Urls.IMAGES_COMPARE, PUBLIC, generation.imageComparison()::show);
  }

  private void generation(GenerateRoutes g, ImageRoutes images) {
    get(Urls.GENERATE, SIGNED_IN, g::page);
    get(Urls.GENERATE_OPTIONS, SIGNED_IN, g::options);
    get(Urls.GENERATE_QUICK, SIGNED_IN, g::quick);
    post(Urls.GENERATE, SIGNED_IN, g::generate);
    get(Urls.JOBS, SIGNED_IN, g::jobsOfExpansion);
    get(Urls.JOB, OWNER, g::job);
    post(Urls.JOB_CANCEL, OWNER, g::cancel);
    post(Urls.JOB_RETRY, OWNER, g::retry);
    get(Urls.IMAGES, SIGNED_IN, images::list);
    post(Urls.IMAGE_RATING, OWNER, images::rate);
    // Public to the router: the handler serves an image to whoever may read the prompt it belongs to.
    get(Urls.IMAGE, PUBLIC, images::image);
    get(Urls.IMAGE_THUMB, PUBLIC, images::thumbnail);
  }

  private void grids(GridRoutes g) {
    get(Urls.GRIDS, SIGNED_IN, g::list);
    post(Urls.GRIDS, SIGNED_IN, g::create);
    // The form comes before the grid itself, whose id would match "new" too.
    get(Urls.GRID_NEW, SIGNED_IN, g::newForm);
    // Public to the router: the handler shows a shared grid to anyone and a private one only to its owner.
    get(Urls.GRID, PUBLIC, g::show);
    get(Urls.GRID_PICTURE, PUBLIC, g::picture);
    post(Urls.GRID_CANCEL, OWNER, g::cancel);
    post(Urls.GRID_RERUN, OWNER, g::rerun);
    post(Urls.GRID_VISIBILITY, OWNER, g::visibility);
  }

  /** A GET of an old address answers 301 with the new one, keeping the query. */
  private static Handler movedPermanently(UnaryOperator<String> newHomeOfId) {
    return ctx -> {
      String target = newHomeOfId.apply(ctx.pathParam("id"));
      ctx.redirect(ctx.queryString() == null ? target : target + "?" + ctx.queryString(), HttpStatus.MOVED_PERMANENTLY);
    };
  }

  private void get(String path, RouteAccess access, Handler handler) {
    config.get(path, handler, access);
  }

  private void post(String path, RouteAccess access, Handler handler) {
    config.post(path, handler, access);
  }

  private void sse(String path, RouteAccess access, Consumer<SseClient> handler) {
    config.sse(path, handler, access);
  }
}
