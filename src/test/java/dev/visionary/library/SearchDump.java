package dev.visionary.library;

import dev.visionary.config.Config;
import dev.visionary.db.Database;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Every result of many searches over a seeded database, written to a file: run before and after a change to
 * {@link PromptSearch} and compare the two files, so a faster search is shown to find, order, count, mark and
 * correct exactly as before. By hand, like {@link SearchExplain}:
 *
 * <pre>
 * DATA_DIR=/tmp/x java -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.visionary.library.SearchDump out.txt
 * </pre>
 */
public final class SearchDump {
  private SearchDump() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    String username = args.length > 1 ? args[1] : "seed000";
    try (Database database = Database.start(Config.fromEnvironment()); PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
      BenchWords chosen = BenchWords.choose(database.jdbi(), username);
      PromptSearch search = new PromptSearch(database.jdbi());
      List<String> broad = chosen.forShape("broad");
      List<String> selective = chosen.forShape("selective");
      List<String> queries = new ArrayList<>();
      for (String shape : List.of("selective", "broad", "misspelled", "nowhere")) {
        queries.addAll(chosen.forShape(shape));
      }
      for (int i = 0; i + 1 < broad.size(); i += 2) {
        queries.add(broad.get(i) + " " + broad.get(i + 1));
        queries.add(broad.get(i) + " or " + selective.get(i));
        queries.add(broad.get(i) + " -" + broad.get(i + 1));
        queries.add("\"" + broad.get(i) + " " + broad.get(i + 1) + "\"");
        queries.add(broad.get(i).toUpperCase() + " the");
      }
      queries.addAll(List.of("the", "a an", "x", "café", "<b>&amp;"));
      List<SearchScope> scopes = List.of(SearchScope.library(chosen.ownerId()), SearchScope.explore());
      for (SearchScope scope : scopes) {
        for (String q : queries) {
          for (SearchQuery.Sort sort : SearchQuery.Sort.values()) {
            for (int page : new int[] {1, 2, 26}) {
              if (page > 1 && sort != SearchQuery.Sort.BEST && sort != SearchQuery.Sort.RECENT) {
                continue;
              }
              SearchQuery query = new SearchQuery(q, "", "", "", false, false, sort, page);
              SearchResult r = search.search(scope, query, "/x");
              w.println("== " + scope.kind() + " [" + q + "] " + sort + " p" + page + ": " + r.countLabel() + " next=" + r.nextUrl()
                  + " corrected=" + r.correctedQuery() + " only=" + r.onlyCommonWords());
              for (PromptCard c : r.cards()) {
                w.println(c.id() + " | " + c.titleHtml() + " | " + c.snippetHtml() + " | " + c.tags());
              }
            }
          }
        }
      }
    }
  }
}
