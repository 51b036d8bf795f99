package dev.visionary.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Every path of the app, once: the route table registers these templates, and the Java side builds its
 * links and redirects with the builders below instead of gluing strings. Templates keep their own links.
 */
public final class Urls {
  private Urls() {}

  // The Studio and expansions
  public static final String STUDIO = "/";
  public static final String TARGET_HINT = "/target-hint";
  public static final String EXPAND = "/expand";
  public static final String EXPAND_PREVIEW = "/expand/preview";
  public static final String EXPANSION = "/x/{id}";
  public static final String EXPANSION_STREAM = "/x/{id}/stream";
  public static final String EXPANSION_RETRY = "/x/{id}/retry";
  public static final String EXPANSION_CANCEL = "/x/{id}/cancel";
  public static final String EXPANSION_REFINE = "/x/{id}/refine";
  public static final String EXPANSION_MORE = "/x/{id}/more";
  public static final String EXPANSION_FILL = "/x/{id}/fill";
  public static final String EXPANSION_COMPARE = "/x/{id}/compare";
  public static final String EXPANSION_CARD_RATING = "/x/{id}/cards/{card}/rating";
  public static final String EXPANSION_PICTURE = "/x/{id}/picture";
  public static final String DESCRIBE = "/describe";
  public static final String INSTRUCTIONS = "/instructions";
  public static final String INSTRUCTIONS_CHOOSE = "/instructions/choose";
  public static final String WILDCARDS = "/wildcards";
  public static final String WILDCARDS_DELETE = "/wildcards/delete";

  // Accounts
  public static final String SIGNUP = "/signup";
  public static final String LOGIN = "/login";
  public static final String LOGOUT = "/logout";
  public static final String SETTINGS = "/settings";
  public static final String SETTINGS_PASSWORD = "/settings/password";
  public static final String SETTINGS_DELETE = "/settings/delete";

  // The library: listings
  public static final String LIBRARY = "/library";
  public static final String LIBRARY_TAGS = "/library/tags";
  public static final String LIBRARY_COMPARE = "/library/compare";
  /** The list under the library's search field: the person's own titles and tags. */
  public static final String LIBRARY_SUGGEST = "/library/suggest";
  public static final String TRASH = "/library/trash";
  public static final String TRASH_EMPTY = "/library/trash/empty";
  public static final String BOOKMARKS = "/bookmarks";
  public static final String EXPLORE = "/explore";
  public static final String PROFILE = "/u/{username}";
  // Feeds and the browser's search box
  public static final String EXPLORE_FEED = "/explore/feed.atom";
  public static final String PROFILE_FEED = "/u/{username}/feed.atom";
  /** Before {@link #COLLECTION_PAGE} in the route table, which would read "feed.atom" as a slug. */
  public static final String COLLECTION_FEED = "/c/{id}/feed.atom";
  public static final String OPENSEARCH = "/opensearch.xml";
  public static final String SEARCH = "/search";
  public static final String SEARCH_SUGGEST = "/search/suggest";
  /** The list under Explore's search field: public titles. */
  public static final String EXPLORE_SUGGEST = "/explore/suggest";
  public static final String EXPORT = "/export";
  public static final String IMPORT = "/import";

  // A prompt: made at /prompts, and everything about one under /p/{id}
  public static final String PROMPTS = "/prompts";
  public static final String PROMPT_NEW = "/prompts/new";
  public static final String PROMPT = "/p/{id}";
  public static final String PROMPT_EDIT = "/p/{id}/edit";
  public static final String PROMPT_HISTORY = "/p/{id}/history";
  /** The prompt's page; declared after its fixed sub-paths, which would otherwise read as slugs. */
  public static final String PROMPT_PAGE = "/p/{id}/{slug}";
  public static final String PROMPT_DELETE = "/p/{id}/delete";
  public static final String PROMPT_RESTORE = "/p/{id}/restore";
  public static final String PROMPT_PURGE = "/p/{id}/purge";
  public static final String PROMPT_FORK = "/p/{id}/fork";
  public static final String PROMPT_BOOKMARK = "/p/{id}/bookmark";
  public static final String PROMPT_TAGS = "/p/{id}/tags";
  public static final String PROMPT_TAGS_REMOVE = "/p/{id}/tags/remove";
  public static final String PROMPT_COLLECTIONS = "/p/{id}/collections";
  public static final String PROMPT_COLLECTIONS_REMOVE = "/p/{id}/collections/remove";
  public static final String PROMPT_VERSION_RESTORE = "/p/{id}/versions/{version}/restore";
  public static final String PROMPT_RATING = "/p/{id}/rating";
  /** Where the edit form and history lived until they moved under /p/{id}; bookmarks of them answer 301. */
  public static final String OLD_PROMPT_EDIT = "/prompts/{id}/edit";
  public static final String OLD_PROMPT_HISTORY = "/prompts/{id}/history";

  // Collections
  public static final String COLLECTIONS = "/collections";
  public static final String COLLECTION = "/c/{id}";
  public static final String COLLECTION_PAGE = "/c/{id}/{slug}";
  public static final String COLLECTION_EDIT = "/c/{id}/edit";
  public static final String COLLECTION_DELETE = "/c/{id}/delete";
  public static final String COLLECTION_REMOVE = "/c/{id}/remove";
  public static final String COLLECTION_MOVE = "/c/{id}/move";

  // Generation
  public static final String GENERATE = "/generate";
  public static final String GENERATE_OPTIONS = "/generate/options";
  public static final String GENERATE_QUICK = "/generate/quick";
  public static final String JOBS = "/jobs";
  public static final String JOB = "/jobs/{id}";
  public static final String JOB_CANCEL = "/jobs/{id}/cancel";
  public static final String JOB_RETRY = "/jobs/{id}/retry";
  /** Before {@link #IMAGE} in the route table, which would read "compare" as an image id. */
  public static final String IMAGES_COMPARE = "/images/compare";
  public static final String GRIDS = "/grids";
  public static final String GRID_NEW = "/grids/new";
  public static final String GRID = "/grids/{id}";
  public static final String GRID_PICTURE = "/grids/{id}/grid.png";
  public static final String GRID_CANCEL = "/grids/{id}/cancel";
  public static final String GRID_RERUN = "/grids/{id}/rerun";
  public static final String GRID_VISIBILITY = "/grids/{id}/visibility";
  public static final String IMAGES = "/images";
  public static final String IMAGE = "/images/{id}";
  public static final String IMAGE_RATING = "/images/{id}/rating";
  public static final String IMAGE_THUMB = "/images/{id}/thumb";

  // Operations
  public static final String HEALTH = "/health";
  public static final String METRICS = "/metrics";

  /** Slugs that would read as a prompt's own sub-pages; a prompt titled "Edit" gets a page of its own. */
  private static final Set<String> PROMPT_SUB_PAGES = Set.of("edit", "history");

  /**
   * {@code path} when it is a page of this site, else {@code fallback}: for addresses a form or a link sends back
   * (where to go after signing in, after a rating), so they never lead to another host.
   */
  public static String localOr(String path, String fallback) {
    if (path == null || path.isBlank() || !path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")
        || path.chars().anyMatch(c -> c < 0x20 || c == 0x7f) || path.length() > 2000) {
      return fallback;
    }
    return path;
  }

  public static String expansion(String id) {
    return "/x/" + segment(id);
  }

  public static String expansionPicture(String id) {
    return expansion(id) + "/picture";
  }

  public static String expansionStream(String id) {
    return expansion(id) + "/stream";
  }

  public static String expansionRetry(String id) {
    return expansion(id) + "/retry";
  }

  public static String expansionCancel(String id) {
    return expansion(id) + "/cancel";
  }

  public static String expansionFill(String id) {
    return expansion(id) + "/fill";
  }

  public static String expansionCardRating(String id, int card) {
    return expansion(id) + "/cards/" + card + "/rating";
  }

  public static String prompt(String id, String slug) {
    return "/p/" + segment(id) + "/" + segment(promptSlug(slug));
  }

  /** The slug as it appears in the prompt's URL: one of its sub-page names gets a suffix. */
  public static String promptSlug(String slug) {
    return PROMPT_SUB_PAGES.contains(slug) ? slug + "-prompt" : slug;
  }

  public static String promptEdit(String id) {
    return "/p/" + segment(id) + "/edit";
  }

  public static String promptHistory(String id) {
    return "/p/" + segment(id) + "/history";
  }

  public static String promptRating(String id) {
    return "/p/" + segment(id) + "/rating";
  }

  public static String collection(String id, String slug) {
    return "/c/" + segment(id) + "/" + segment(slug);
  }

  public static String profile(String username) {
    return "/u/" + segment(username);
  }

  public static String profileFeed(String username) {
    return profile(username) + "/feed.atom";
  }

  public static String collectionFeed(String id) {
    return "/c/" + segment(id) + "/feed.atom";
  }

  public static String job(String id) {
    return "/jobs/" + segment(id);
  }

  public static String grid(String id) {
    return "/grids/" + segment(id);
  }

  public static String image(String id) {
    return "/images/" + segment(id);
  }

  public static String imageRating(String id) {
    return image(id) + "/rating";
  }

  public static String imageThumb(String id) {
    return image(id) + "/thumb";
  }

  /** A path with one query parameter, its value encoded. */
  public static String withQuery(String path, String name, String value) {
    return path + "?" + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** One path segment, encoded so a value can never add segments or a query. */
  private static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
