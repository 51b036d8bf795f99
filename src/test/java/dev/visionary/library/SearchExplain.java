package dev.visionary.library;

import dev.visionary.config.Config;
import dev.visionary.db.Database;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the statements behind each {@link SearchBench} shape, for the words it searches
 * for: the probe's verdict, the page statement, and for a word that finds nothing the "did you mean" lookup. For finding out why a
 * shape is slow; run by hand on a seeded data directory (the app stopped) or DATABASE_URL:
 *
 * <pre>
 * ./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * DATA_DIR=/tmp/x java -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.visionary.library.SearchExplain [shape] [words]
 * </pre>
 */
public final class SearchExplain {
  private SearchExplain() {}

  public static void main(String[] args) {
    List<String> shapes = args.length > 0 && !args[0].equals("all") ? List.of(args[0].split(","))
        : List.of("selective", "broad", "explore", "misspelled", "nowhere");
    int perShape = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    String username = args.length > 2 ? args[2] : "seed000";
    try (Database database = Database.start(Config.fromEnvironment())) {
      BenchWords chosen = BenchWords.choose(database.jdbi(), username);
      for (String shape : shapes) {
        SearchScope scope = shape.equals("explore") ? SearchScope.explore() : SearchScope.library(chosen.ownerId());
        for (String q : chosen.forShape(shape).subList(0, perShape)) {
          SearchQuery query = new SearchQuery(q, "", "", "", false, false, SearchQuery.Sort.BEST, 1);
          System.out.println("== " + shape + ": " + q + " (" + chosen.describe(shape) + ")");
          database.jdbi().useHandle(h -> {
            PromptSearch.Probe probe = PromptSearch.probe(h, scope, query);
            System.out.println("-- probe: " + probe);
            PromptSearch.Statement st = PromptSearch.statement(scope, query, true, probe.common());
            if (probe.common()) {
              h.useTransaction(tx -> {
                tx.createQuery(PromptSearch.KEPT_PLAN).mapTo(String.class).one(); // the walk's plan, as the search runs it
                print(tx, st.sql(), st.params());
              });
            } else {
              print(h, st.sql(), st.params());
            }
            if (shape.equals("misspelled") || shape.equals("nowhere")) {
              System.out.println("-- did you mean:");
              PromptSearch.Statement closest = PromptSearch.closestWordStatement(scope, q);
              h.useTransaction(tx -> {
                tx.createQuery(PromptSearch.TRIGRAM_INDEX_ONLY).mapTo(String.class).one();
                print(tx, closest.sql(), closest.params());
              });
            }
          });
        }
      }
    }
  }

  private static void print(Handle h, String sql, Map<String, Object> params) {
    var explain = h.createQuery("explain (analyze, buffers) " + sql);
    params.forEach(explain::bind);
    explain.mapTo(String.class).list().forEach(System.out::println);
  }
}
