package dev.visionary.library;

import dev.visionary.prompt.Target;
import dev.visionary.web.Ratings;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A search as it appears in the address bar: every state of a search page is one bookmarkable URL. */
record SearchQuery(String q, String tag, String collection, String target, boolean images, boolean bookmarked, Sort sort, int page,
    String rating) {
  static final int MAX_QUERY = 500;
  static final int MAX_PAGE = 200;

  /** A search without a rating filter. */
  SearchQuery(String q, String tag, String collection, String target, boolean images, boolean bookmarked, Sort sort, int page) {
    this(q, tag, collection, target, images, bookmarked, sort, page, "");
  }

  /**
   * BEST is relevance (its id is the empty default); TOP_RATED is the person's own ratings, "best first", which only
   * their library offers.
   */
  enum Sort {
    BEST("", "Best match"), RECENT("recent", "Newest"), UPDATED("updated", "Recently edited"), TITLE("title", "Title A–Z"), USED("used", "Most used"),
    TOP_RATED("best", "Best rated");

    final String id;
    final String label;

    Sort(String id, String label) {
      this.id = id;
      this.label = label;
    }

    public String id() {
      return id;
    }

    public String label() {
      return label;
    }
  }

  /** The query from the request, and what was wrong with it (shown on the page with a 400). */
  record Parsed(SearchQuery query, List<String> problems) {}

  static Parsed from(Context ctx) {
    List<String> problems = new ArrayList<>();
    String q = clean(ctx.queryParam("q"), MAX_QUERY, "The search", problems);
    String tag = clean(ctx.queryParam("tag"), Tags.MAX_LENGTH, "The tag", problems);
    String collection = clean(ctx.queryParam("collection"), 32, "The collection", problems);
    String target = clean(ctx.queryParam("target"), 32, "The target", problems);
    if (!target.isEmpty() && Target.byId(target).isEmpty()) {
      problems.add("Unknown target model \"" + target + "\": choose one from the list.");
      target = "";
    }
    Sort sort = Sort.BEST;
    String rawSort = clean(ctx.queryParam("sort"), 32, "The sort order", problems);
    if (!rawSort.isEmpty()) {
      sort = java.util.Arrays.stream(Sort.values()).filter(s -> s.id.equals(rawSort)).findFirst().orElse(null);
      if (sort == null) {
        problems.add("Unknown sort order \"" + rawSort + "\".");
        sort = Sort.BEST;
      }
    }
    int page = 1;
    String rawPage = ctx.queryParam("page");
    if (rawPage != null && !rawPage.isBlank()) {
      try {
        page = Integer.parseInt(rawPage.trim());
        if (page < 1 || page > MAX_PAGE) {
          problems.add("Pages go from 1 to " + MAX_PAGE + "; narrow the search to see more.");
          page = Math.min(Math.max(page, 1), MAX_PAGE);
        }
      } catch (NumberFormatException e) {
        problems.add("The page must be a number.");
      }
    }
    boolean images = "1".equals(ctx.queryParam("images"));
    boolean bookmarked = "1".equals(ctx.queryParam("bookmarked"));
    String rating = clean(ctx.queryParam("rating"), 32, "The rating filter", problems);
    if (Ratings.filter(rating).isEmpty()) {
      problems.add(Ratings.FILTER_PROBLEM);
      rating = "";
    }
    return new Parsed(new SearchQuery(q, tag, collection, target, images, bookmarked, sort, page, rating), problems);
  }

  /** Whether it sorts or filters by the person's ratings, which only their own library may. */
  boolean usesRatings() {
    return sort == Sort.TOP_RATED || !rating.isEmpty();
  }

  /** The same search without the ratings' sort and filter. */
  SearchQuery withoutRatings() {
    return new SearchQuery(q, tag, collection, target, images, bookmarked, sort == Sort.TOP_RATED ? Sort.BEST : sort, page, "");
  }

  private static String clean(String raw, int max, String label, List<String> problems) {
    if (raw == null) {
      return "";
    }
    String value = raw.strip().replaceAll("\\p{Cntrl}", " ");
    if (value.codePointCount(0, value.length()) > max) {
      problems.add(label + " is too long: at most " + max + " characters.");
      value = value.substring(0, value.offsetByCodePoints(0, max));
    }
    return value;
  }

  public boolean hasText() {
    return !q.isBlank();
  }

  /** The sort actually applied: best match means relevance with words, newest without. */
  public Sort effectiveSort() {
    return sort == Sort.BEST && !hasText() ? Sort.RECENT : sort;
  }

  public SearchQuery withQ(String newQ) {
    return new SearchQuery(newQ, tag, collection, target, images, bookmarked, sort, 1, rating);
  }

  public SearchQuery withPage(int newPage) {
    return new SearchQuery(q, tag, collection, target, images, bookmarked, sort, newPage, rating);
  }

  public SearchQuery withTag(String newTag) {
    return new SearchQuery(q, newTag, collection, target, images, bookmarked, sort, 1, rating);
  }

  /** {@code base?q=…&tag=…}, leaving out what is at its default. */
  public String url(String base) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("q", q);
    params.put("tag", tag);
    params.put("collection", collection);
    params.put("target", target);
    params.put("images", images ? "1" : "");
    params.put("bookmarked", bookmarked ? "1" : "");
    params.put("rating", rating);
    params.put("sort", sort.id);
    params.put("page", page > 1 ? Integer.toString(page) : "");
    StringBuilder url = new StringBuilder(base);
    char sep = '?';
    for (Map.Entry<String, String> e : params.entrySet()) {
      if (!e.getValue().isEmpty()) {
        url.append(sep).append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        sep = '&';
      }
    }
    return url.toString();
  }
}
