package dev.visionary.library;

import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** The plans of exactly what a library search runs, for measurements outside this package. */
public final class SearchPlans {
  private SearchPlans() {}

  /** EXPLAIN (ANALYZE, BUFFERS) of the page statement of the owner's library search for {@code q} and {@code tag}. */
  public static String explain(Jdbi jdbi, long owner, String q, String tag) {
    SearchQuery query = new SearchQuery(q, tag, "", "", false, false, SearchQuery.Sort.BEST, 1);
    PromptSearch.Statement st = PromptSearch.statement(SearchScope.library(owner), query, query.hasText());
    return jdbi.withHandle(h -> {
      var explain = h.createQuery("explain (analyze, buffers) " + st.sql());
      st.params().forEach(explain::bind);
      List<String> lines = explain.mapTo(String.class).list();
      return String.join("\n", lines);
    });
  }
}
