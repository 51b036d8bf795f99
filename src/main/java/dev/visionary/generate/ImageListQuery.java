package dev.visionary.generate;

import dev.visionary.web.Ratings;
import dev.visionary.web.Urls;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What /images shows, as its address says: {@code sort=best} (best rated first; newest first without it), a
 * {@code rating} filter as the library's, and the page. What was wrong with it is shown on the page with a 400.
 */
record ImageListQuery(boolean bestFirst, Ratings.Filter filter, int page, List<String> problems) {

  static ImageListQuery from(Context ctx) {
    List<String> problems = new ArrayList<>();
    String sort = ctx.queryParam("sort") == null ? "" : ctx.queryParam("sort").strip();
    boolean best = sort.equals(Ratings.BEST_FIRST);
    if (!best && !sort.isEmpty()) {
      problems.add("Unknown sort order: images are shown newest first, or best rated first (sort=best).");
    }
    Ratings.Filter filter = Ratings.filter(ctx.queryParam("rating") == null ? "" : ctx.queryParam("rating").strip()).orElse(null);
    if (filter == null) {
      problems.add(Ratings.FILTER_PROBLEM);
      filter = Ratings.FILTERS.get(0);
    }
    int page = 1;
    String rawPage = ctx.queryParam("page");
    if (rawPage != null && !rawPage.isBlank()) {
      try {
        page = Integer.parseInt(rawPage.strip());
      } catch (NumberFormatException e) {
        page = 0;
      }
      if (page < 1 || page > ImageRoutes.MAX_PAGE) {
        problems.add("Pages go from 1 to " + ImageRoutes.MAX_PAGE + ".");
        page = 1;
      }
    }
    return new ImageListQuery(best, filter, page, problems);
  }

  public String sortId() {
    return bestFirst ? Ratings.BEST_FIRST : "";
  }

  /** This list's address at another page, leaving out what is at its default. */
  String url(int otherPage) {
    StringBuilder url = new StringBuilder(Urls.IMAGES);
    char sep = '?';
    if (!filter.id().isEmpty()) {
      url.append(sep).append("rating=").append(URLEncoder.encode(filter.id(), StandardCharsets.UTF_8));
      sep = '&';
    }
    if (bestFirst) {
      url.append(sep).append("sort=").append(Ratings.BEST_FIRST);
      sep = '&';
    }
    if (otherPage > 1) {
      url.append(sep).append("page=").append(otherPage);
    }
    return url.toString();
  }
}
