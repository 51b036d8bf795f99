package dev.visionary.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.account.Users;
import dev.visionary.support.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Search over 10,000 prompts of one person, through the real pages; and the query plan at 100,000. */
class PromptSearchTest {
  private static final String VOCABULARY = "'{portrait,landscape,cinematic,lighting,detailed,sharp,focus,bokeh,vibrant,colors,soft,shadows,"
      + "dramatic,sky,mountain,river,city,street,night,neon,rain,fog,sunrise,sunset,ocean,waves,forest,trees,flowers,meadow,"
      + "castle,tower,bridge,train,car,boat,woman,man,child,old,young,smiling,walking,sitting,standing,painting,photograph,"
      + "illustration,watercolor,oil,digital,art,concept,render,octane,unreal,engine,highly,intricate,texture}'::text[]";
  private static final Map<String, String> SPECIAL = new java.util.LinkedHashMap<>();
  private static LibraryClient me;
  private static Map<String, String> paths;

  static {
    SPECIAL.put("Fisherman at golden hour", "golden hour portrait of an old fisherman mending nets");
    SPECIAL.put("Golden dusk", "a golden field at the last hour of dusk");
    SPECIAL.put("Red cabin", "misty pinewood with a red cabin");
    SPECIAL.put("Blue cabin", "misty pinewood with a blue cabin");
    SPECIAL.put("Ocelot", "an ocelot resting on a branch");
    SPECIAL.put("Axolotl", "an axolotl in a glass aquarium");
    SPECIAL.put("Flower garden", "chrysanthemum garden in autumn");
    SPECIAL.put("Zürich café", "Café in Zürich at night, warm light");
    SPECIAL.put("Ночная Москва", "Ночная Москва под снегом");
    SPECIAL.put("Tagged only", "an empty plaza at noon");
  }

  @BeforeAll
  static void seed() {
    me = LibraryClient.signedIn("searcher");
    Jdbi jdbi = TestServer.app().database().jdbi();
    long owner = new Users(jdbi).byUsername(me.username).orElseThrow().id();
    jdbi.useHandle(h -> seed(h, owner, 10_000 - SPECIAL.size()));
    for (Map.Entry<String, String> e : SPECIAL.entrySet()) {
      me.save("title", e.getKey(), "text", e.getValue(), "target", "stable-diffusion");
    }
    String tagged = me.save("title", "Tagged only", "text", "an empty plaza at noon", "tags", "heliotrope");
    paths = jdbi.withHandle(h -> h.createQuery("select title, id, slug from prompts where owner_id = :o and title = any(:titles)")
        .bind("o", owner).bind("titles", SPECIAL.keySet().toArray(new String[0]))
        .map((rs, ctx) -> Map.entry(rs.getString("title"), Prompt.url(rs.getString("id"), rs.getString("slug"))))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a)));
    paths.put("Tagged only", tagged);
  }

  /** Fast seeding: one INSERT … SELECT over generate_series, with words picked deterministically. */
  static void seed(Handle h, long owner, int count) {
    h.createUpdate("insert into prompts (id, owner_id, title, slug, text, target, visibility, created_at, updated_at)"
            + " select 's' || :owner || 'x' || i, :owner, w[1 + i % 60] || ' ' || w[1 + (i / 7) % 60], 'seeded',"
            + " (select string_agg(w[1 + ((i * 31 + k * 17 + k * k * i) % 60)], ' ') from generate_series(1, 24) k),"
            + " case when i % 3 = 0 then 'midjourney' else 'generic' end, case when i % 10 = 0 then 'public' else 'private' end,"
            + " now() - make_interval(mins => i), now() - make_interval(mins => i)"
            + " from generate_series(1, :count) i, (select " + VOCABULARY + " as w) v")
        .bind("owner", owner).bind("count", count).execute();
    h.execute("analyze prompts");
  }

  private static String search(String query) {
    return me.get("/library?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)).body();
  }

  private static List<String> found(String html) {
    return paths.entrySet().stream().filter(e -> html.contains("href=\"" + e.getValue() + "\"")).map(Map.Entry::getKey).sorted().toList();
  }

  @Test
  void quotedPhrasesMatchOnlyThoseWordsInThatOrder() {
    assertEquals(List.of("Fisherman at golden hour"), found(search("\"golden hour\"")));
    assertEquals(List.of("Fisherman at golden hour", "Golden dusk"), found(search("golden hour")), "without quotes both match");
    assertTrue(search("\"golden hour\"").contains("<mark>golden</mark> <mark>hour</mark>"), "matches are highlighted");
  }

  @Test
  void minusLeavesWordsOutAndOrFindsEither() {
    assertEquals(List.of("Blue cabin"), found(search("misty pinewood -red")));
    assertEquals(List.of("Axolotl", "Ocelot"), found(search("ocelot OR axolotl")));
    assertEquals(List.of(), found(search("ocelot axolotl")), "without OR both words must match");
  }

  @Test
  void tagsAreSearchableAndFilterable() {
    assertEquals(List.of("Tagged only"), found(search("heliotrope")));
    assertEquals(List.of("Tagged only"), found(me.get("/library?tag=heliotrope").body()));
    assertTrue(me.get("/library?tag=heliotrope").body().contains(">1 prompt<"));
  }

  @Test
  void everyCardFoundShowsItsTagsInNameOrder() {
    me.save("title", "Quokka", "text", "a quokka on a bench, cinematic", "tags", "zinnia, Aster");
    // A rare word (through the word index), a word in a third of the library (walking its newest prompts; the
    // newest first, so this one is on the first page) and a listing without words.
    for (String page : List.of("/library?q=quokka", "/library?q=cinematic&sort=recent", "/library?tag=zinnia")) {
      String html = me.get(page).body();
      int aster = html.indexOf(">Aster</a>");
      assertTrue(aster > 0 && aster < html.indexOf(">zinnia</a>"), page + " shows the card's tags, Aster before zinnia");
    }
  }

  @Test
  void aMisspelledWordFallsBackToTheClosestKnownWord() {
    String html = search("chrysanthemun");
    assertEquals(List.of("Flower garden"), found(html));
    assertTrue(html.contains("Showing results for"));
    assertTrue(html.contains(">chrysanthemum</a>"));
  }

  @Test
  void accentsAndOtherScriptsAreFound() {
    assertEquals(List.of("Zürich café"), found(search("cafe zurich")));
    assertEquals(List.of("Zürich café"), found(search("Café Zürich")));
    assertEquals(List.of("Ночная Москва"), found(search("Москва")));
  }

  @Test
  void broadSearchesAreCappedNotCountedAndPagesAreStable() {
    String html = search("cinematic");
    assertTrue(html.contains(">" + PromptSearch.MATCH_CAP + "+ prompts<"), "a broad match is not counted in full");
    assertTrue(html.contains("rel=\"next\""));
    String all = me.get("/library").body();
    assertTrue(all.contains(">" + PromptSearch.MATCH_CAP + "+ prompts<"));
    String page2 = me.get("/library?q=cinematic&page=2").body();
    assertEquals(PromptSearch.PAGE_SIZE, page2.split("data-testid=\"library-item\"", -1).length - 1);
    assertEquals(1, me.get("/library?target=stable-diffusion&q=ocelot").body().split("data-testid=\"library-item\"", -1).length - 1);
    String common = search("the");
    assertTrue(common.contains("too common to search for"), "stop words only: everything is listed instead of nothing");
    assertTrue(common.contains(">" + PromptSearch.MATCH_CAP + "+ prompts<"));
  }

  @Test
  void aWordCommonInTheLibraryIsFoundByWalkingItsNewestPromptsWithTheSameResultsAsTheIndex() {
    Jdbi jdbi = TestServer.app().database().jdbi();
    SearchScope scope = SearchScope.library(new Users(jdbi).byUsername(me.username).orElseThrow().id());
    assertEquals(new PromptSearch.Probe(true, false, false), jdbi.withHandle(h -> PromptSearch.probe(h, scope, query("chrysanthemum", SearchQuery.Sort.BEST, 1))));
    assertEquals(new PromptSearch.Probe(false, false, false), jdbi.withHandle(h -> PromptSearch.probe(h, scope, query("the", SearchQuery.Sort.BEST, 1))));
    // A word in none of the person's prompts (or none that the filters leave) is known to find nothing before searching.
    assertEquals(new PromptSearch.Probe(true, false, true), jdbi.withHandle(h -> PromptSearch.probe(h, scope, query("chrysanthemumz", SearchQuery.Sort.BEST, 1))));
    assertTrue(jdbi.withHandle(h -> PromptSearch.probe(h, scope, new SearchQuery("chrysanthemum", "", "", "midjourney", false, false, SearchQuery.Sort.BEST, 1))).nothing());
    for (SearchQuery.Sort sort : List.of(SearchQuery.Sort.BEST, SearchQuery.Sort.TITLE)) {
      for (int page : List.of(1, 25, 26)) {
        SearchQuery query = query("cinematic -portrait", sort, page);
        assertTrue(jdbi.withHandle(h -> PromptSearch.probe(h, scope, query)).common());
        // As the search runs it: under a plan kept for the connection, the words a parameter.
        List<PromptSearch.Found> walked = jdbi.withHandle(h -> PromptSearch.rows(h, PromptSearch.statement(scope, query, true, true), true));
        List<PromptSearch.Found> indexed = jdbi.inTransaction(h -> {
          h.execute("set local enable_indexscan = off"); // leaves the planner only the word index
          return rows(h, PromptSearch.statement(scope, query, true, false));
        });
        assertEquals(indexed, walked, sort + ", page " + page);
        assertEquals(page < 26 ? PromptSearch.PAGE_SIZE + 1 : 1, walked.size(), "the newest 501 matches, page by page");
      }
    }
  }

  private static SearchQuery query(String q, SearchQuery.Sort sort, int page) {
    return new SearchQuery(q, "", "", "", false, false, sort, page);
  }

  private static List<PromptSearch.Found> rows(Handle h, PromptSearch.Statement st) {
    var q = h.createQuery(st.sql());
    st.params().forEach(q::bind);
    return q.map(org.jdbi.v3.core.mapper.reflect.ConstructorMapper.of(PromptSearch.Found.class)).list();
  }

  @Test
  void theFullTextQueryUsesItsGinIndexInALargeLibrary() {
    Jdbi jdbi = TestServer.app().database().jdbi();
    LibraryClient big = LibraryClient.signedIn("bigplan");
    long owner = new Users(jdbi).byUsername(big.username).orElseThrow().id();
    // 10,000 prompts choose the plans 100,000 did, in a tenth of the fast tier's time.
    jdbi.useHandle(h -> seed(h, owner, 10_000));
    for (String q : List.of("chrysanthemum", "cinematic portrait", "\"golden hour\" -red")) {
      SearchQuery query = new SearchQuery(q, "", "", "", false, false, SearchQuery.Sort.BEST, 1);
      PromptSearch.Statement st = PromptSearch.statement(SearchScope.library(owner), query, true);
      String plan = jdbi.withHandle(h -> {
        var explain = h.createQuery("explain " + st.sql());
        st.params().forEach(explain::bind);
        return String.join("\n", explain.mapTo(String.class).list());
      });
      assertTrue(plan.contains("prompts_owner_tsv"), "plan for " + q + ":\n" + plan);
    }
    // "Best rated" and the rating filters read the rating index (V22), not every prompt of the library: a few of the
    // 10,000 are rated, as in a library where rating has just begun.
    jdbi.useHandle(h -> {
      h.createUpdate("update prompts set rating = case when id like '%7' then 5 else -1 end where owner_id = :o and id like '%00_'")
          .bind("o", owner).execute();
      h.execute("analyze prompts");
    });
    for (SearchQuery query : List.of(new SearchQuery("", "", "", "", false, false, SearchQuery.Sort.TOP_RATED, 1, ""),
        new SearchQuery("", "", "", "", false, false, SearchQuery.Sort.RECENT, 1, "4"),
        new SearchQuery("", "", "", "", false, false, SearchQuery.Sort.TOP_RATED, 1, "rated"))) {
      PromptSearch.Statement st = PromptSearch.statement(SearchScope.library(owner), query, false);
      String plan = jdbi.withHandle(h -> {
        var explain = h.createQuery("explain " + st.sql());
        st.params().forEach(explain::bind);
        return String.join("\n", explain.mapTo(String.class).list());
      });
      assertTrue(plan.contains("prompts_owner_rating"), "plan for " + query + ":\n" + plan);
    }
  }
}
