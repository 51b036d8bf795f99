package dev.visionary.library;

import dev.visionary.prompt.Target;
import dev.visionary.web.Ratings;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * Full-text search over prompts with web-search syntax. Shaped for large libraries: one GIN index on
 * (owner, words); a word search ranks and sorts only the newest {@value #MATCH_CAP} matches; broad matches
 * are never counted in full; a misspelled word is looked up in a small table of distinct words.
 */
final class PromptSearch {
  // 500, not 1000: the matches of a common word are found by walking the newest prompts and testing each, about
  // four per match for a word in a quarter of them, so the cap sets the cost. Halving it cut PostgreSQL's CPU per
  // search at 1M prompts from ~15 to ~10.5 ms for such a word in one library and from ~12.5 to ~7.6 ms in explore
  // (SearchBench). It also bounds the count of a listing without words ("500+").
  static final int MATCH_CAP = 500;
  static final int PAGE_SIZE = 20;
  private static final String TSQUERY = "websearch_to_tsquery('library_search', :q)";
  private static final Pattern WORD = Pattern.compile("(?<![-\\p{L}\\p{N}])[\\p{L}\\p{N}]{3,40}");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private final Jdbi jdbi;

  PromptSearch(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** A statement and its parameters; the SQL text is built only from fixed fragments. */
  record Statement(String sql, Map<String, Object> params) {}

  SearchResult search(SearchScope scope, SearchQuery query, String base) {
    return jdbi.withHandle(h -> {
      Probe probe = query.hasText() ? probe(h, scope, query) : Probe.NO_WORDS;
      boolean words = probe.lexemes();
      Page page = probe.nothing() ? new Page(List.of(), 0) : run(h, scope, query, words, probe.common());
      if (page.rows().isEmpty() && words && query.page() == 1) {
        Optional<String> corrected = correct(h, scope, query.q());
        if (corrected.isPresent()) {
          SearchQuery better = query.withQ(corrected.get());
          Page retry = run(h, scope, better, true, probe(h, scope, better).common());
          if (!retry.rows().isEmpty()) {
            return result(retry, better, base, corrected.get(), query.q(), false);
          }
        }
      }
      return result(page, query, base, null, null, query.hasText() && !words);
    });
  }

  /**
   * One prompt found, as the statement selects it. {@code total} is the count of all matches, carried on every row;
   * the marked texts are the title and text with the matches marked, or null when the search has no words; the tags
   * are the prompt's, in the order cards show them (null on the row past the page).
   */
  record Found(String id, String title, String text, String target, String visibility, Instant updatedAt, int useCount,
      int imageCount, String ownerName, long total, String titleMarked, String textMarked, Short rating, boolean mine, List<String> tags) {}

  private record Page(List<Found> rows, long total) {}

  private Page run(Handle h, SearchScope scope, SearchQuery query, boolean words, boolean walk) {
    List<Found> rows = rows(h, statement(scope, query, words, walk), words && walk);
    long total = rows.isEmpty() ? countWhenPastTheEnd(h, scope, query, words, walk) : rows.get(0).total();
    return new Page(rows, total);
  }

  /**
   * Run before a walking statement in its transaction. The walk's plan is the same whatever the words (they are
   * tested by a function call the planner knows nothing of), so a plan kept for the connection serves every search;
   * planning it anew each time, as the pool's {@code force_custom_plan} asks for the other statements, took ~0.4 ms
   * of the ~5 ms of PostgreSQL CPU a broad search costs at 1M prompts.
   */
  static final String KEPT_PLAN = "select set_config('plan_cache_mode', 'force_generic_plan', true)";

  static List<Found> rows(Handle h, Statement st, boolean walk) {
    if (!walk) {
      return found(h, st);
    }
    return h.inTransaction(tx -> {
      tx.createQuery(KEPT_PLAN).mapTo(String.class).one();
      return found(tx, st);
    });
  }

  private static List<Found> found(Handle h, Statement st) {
    var q = h.createQuery(st.sql());
    st.params().forEach(q::bind);
    return q.map(ConstructorMapper.of(Found.class)).list();
  }

  /** A page past the last one has no rows to carry the count; it is still worth saying how many there are. */
  private long countWhenPastTheEnd(Handle h, SearchScope scope, SearchQuery query, boolean words, boolean walk) {
    if (query.page() == 1) {
      return 0;
    }
    return rows(h, statement(scope, query.withPage(1), words, walk), words && walk).stream().findFirst().map(Found::total).orElse(0L);
  }

  /** The SQL for a search, the planner choosing how to find the matches; package-visible so the plan test can EXPLAIN it. */
  static Statement statement(SearchScope scope, SearchQuery query, boolean words) {
    return statement(scope, query, words, false);
  }

  /** Which prompts a search may show, before its words: the scope and the filters. */
  private static StringBuilder where(SearchScope scope, SearchQuery query, Map<String, Object> params) {
    StringBuilder where = new StringBuilder("p.deleted_at is null");
    switch (scope.kind()) {
      case LIBRARY -> where.append(" and p.owner_id = :owner");
      case EXPLORE -> where.append(" and p.visibility = 'public'");
      case PROFILE -> where.append(" and p.owner_id = :owner and p.visibility = 'public'");
      case BOOKMARKS -> where.append(" and p.id in (select b.prompt_id from bookmarks b where b.user_id = :viewer)"
          + " and (p.owner_id = :viewer or p.visibility <> 'private')");
    }
    params.put("owner", scope.ownerId());
    params.put("viewer", scope.viewerId());
    if (!query.tag().isEmpty()) {
      if (scope.kind() == SearchScope.Kind.LIBRARY || scope.kind() == SearchScope.Kind.PROFILE) {
        // One owner: the tag's prompts come from its index in one go, instead of a lookup for every prompt
        // the listing walks (a tag on one prompt in twenty had the count walk all of them).
        where.append(" and p.id in (select pt.prompt_id from prompt_tags pt join tags t on t.id = pt.tag_id"
            + " where t.owner_id = :owner and t.name = cast(:tag as citext))");
      } else {
        where.append(" and exists (select 1 from prompt_tags pt join tags t on t.id = pt.tag_id"
            + " where pt.prompt_id = p.id and t.owner_id = p.owner_id and t.name = cast(:tag as citext))");
      }
      params.put("tag", query.tag());
    }
    if (!query.collection().isEmpty()) {
      where.append(" and exists (select 1 from collection_items ci join collections c on c.id = ci.collection_id"
          + " where ci.prompt_id = p.id and c.id = :collection and (c.owner_id = :viewer or c.visibility <> 'private'))");
      params.put("collection", query.collection());
    }
    if (!query.target().isEmpty()) {
      where.append(" and p.target = :target");
      params.put("target", query.target());
    }
    if (query.images()) {
      where.append(" and p.image_count > 0");
    }
    if (query.bookmarked()) {
      where.append(" and exists (select 1 from bookmarks bm where bm.prompt_id = p.id and bm.user_id = :viewer)");
    }
    // Ratings are the owner's alone: only their library filters by them (SearchRoutes refuses the filter elsewhere).
    Integer minimum = Ratings.filter(query.rating()).map(Ratings.Filter::minimum).orElse(null);
    if (minimum != null && scope.kind() == SearchScope.Kind.LIBRARY) {
      where.append(" and ").append(Ratings.rank("p.rating")).append(" >= :ratingMin");
      params.put("ratingMin", minimum);
    }
    return where;
  }

  /**
   * The SQL for a search. With {@code walk}, the words are tested as a function call, which no index serves, so the
   * matches are found by walking the newest prompts of the scope until {@value #MATCH_CAP} + 1 match: the same rows
   * as through the word index, but the planner cannot pick that index for a word that is common in this library and
   * rare elsewhere (its estimate is the word's frequency over everyone's prompts).
   */
  static Statement statement(SearchScope scope, SearchQuery query, boolean words, boolean walk) {
    Map<String, Object> params = new HashMap<>();
    StringBuilder where = where(scope, query, params);
    params.put("limit", PAGE_SIZE + 1);
    params.put("offset", (query.page() - 1) * PAGE_SIZE);
    // The order of a listing without words; a word search orders its matches with matchOrder.
    String order = switch (query.effectiveSort()) {
      case BEST, RECENT -> "p.created_at desc, p.id";
      case UPDATED -> "p.updated_at desc, p.id";
      case TITLE -> "lower(p.title), p.id";
      case USED -> "p.use_count desc, p.updated_at desc, p.id";
      case TOP_RATED -> Ratings.rank("p.rating") + " desc, p.created_at desc, p.id";
    };
    String matches;
    // A walk's plan is kept (KEPT_PLAN), so its words are a parameter at planning: as a subquery they are parsed
    // once per search, not once for every row tested, ranked and marked. The index needs them written in, as a
    // value the planner can weigh.
    String tsquery = walk ? "(select " + TSQUERY + ")" : TSQUERY;
    if (words) {
      where.append(walk ? " and ts_match_vq(p.tsv, " + tsquery + ")" : " and p.tsv @@ " + tsquery);
      params.put("q", query.q());
      // Bounded: ranking or sorting every match of a common word is what makes broad searches slow.
      // The matches carry their own sort keys (the rank computed only for them), so ordering them needs no
      // second visit to prompts: a join back from hundreds of ids could read every row of the table.
      matches = "select p.id, ts_rank_cd(p.tsv, " + tsquery + ") as rank, p.created_at, p.updated_at, lower(p.title) as lower_title,"
          + " p.use_count, " + Ratings.rank("p.rating") + " as rating_rank from prompts p where " + where + " order by p.created_at desc limit " + (MATCH_CAP + 1);
    } else {
      // Without words the sort order has an index; counting stops past the cap.
      matches = "select p.id from prompts p where " + where + " order by " + order + " limit :limit offset :offset";
    }
    String counted = words
        ? "count(*) over ()"
        : "(select count(*) from (select 1 from prompts p where " + where + " limit " + (MATCH_CAP + 1) + ") c)";
    // Only the page's rows are marked: the one row past them only tells that there is a next page.
    String headlines = words
        ? "case when r.ord <= :shown then ts_headline('library_search', replace(replace(p.title, chr(57344), ''), chr(57345), ''), "
          + tsquery + ", :allOptions) end as title_marked,"
          // Short prompts are shown whole; long ones as the fragments around the matches.
          + " case when r.ord <= :shown then ts_headline('library_search', replace(replace(p.text, chr(57344), ''), chr(57345), ''), "
          + tsquery + ", case when length(p.text) <= 280 then :allOptions else :snippetOptions end) end as text_marked"
        : "null as title_marked, null as text_marked";
    if (words) {
      params.put("allOptions", Highlights.OPTIONS_ALL);
      params.put("snippetOptions", Highlights.OPTIONS_SNIPPET);
    }
    // A word search numbers its matches across pages; a listing numbers only the rows of its page.
    params.put("shown", words ? (query.page() - 1) * PAGE_SIZE + PAGE_SIZE : PAGE_SIZE);
    // The cards' tags come with their rows rather than from a statement of their own: one round trip, parse and
    // plan fewer for every search.
    String tags = "case when r.ord <= :shown then array(select t.name::text from prompt_tags pt join tags t on t.id = pt.tag_id"
        + " where pt.prompt_id = p.id order by lower(t.name)) end as tags";
    String pageRows = words
        ? "select m.id, " + counted + " as total, row_number() over (order by " + matchOrder(query.effectiveSort()) + ") as ord"
          + " from (" + matches + ") m order by ord limit :limit offset :offset"
        : "select p.id, " + counted + " as total, row_number() over (order by " + order + ") as ord"
          + " from (" + matches + ") m join prompts p on p.id = m.id order by ord";
    // The rating only on the viewer's own prompts: Explore and profiles are read with no viewer, so they never carry one.
    String sql = "select p.id, p.title, p.text, p.target, p.visibility, p.updated_at, p.use_count, p.image_count,"
        + " u.username::text as owner_name, r.total, case when p.owner_id = :viewer then p.rating end as rating,"
        + " p.owner_id = :viewer as mine, " + headlines + ", " + tags
        + " from (" + pageRows + ") r join prompts p on p.id = r.id join users u on u.id = p.owner_id order by r.ord";
    return new Statement(sql, params);
  }

  /** The same orders as the statement's, over the sort keys a word search's matches carry. */
  private static String matchOrder(SearchQuery.Sort sort) {
    return switch (sort) {
      case BEST -> "m.rank desc, m.created_at desc, m.id";
      case RECENT -> "m.created_at desc, m.id";
      case UPDATED -> "m.updated_at desc, m.id";
      case TITLE -> "m.lower_title, m.id";
      case USED -> "m.use_count desc, m.updated_at desc, m.id";
      case TOP_RATED -> "m.rating_rank desc, m.created_at desc, m.id";
    };
  }

  /**
   * What a search's words are like here. {@code lexemes} is false when the words are all too common to search for
   * ("the", "a"), so the search would find nothing. {@code common} is true when at least {@value #COMMON_IN_NEWEST} of
   * the scope's newest {@value #PROBE_ROWS} prompts match: then walking the newest prompts finds the
   * {@value #MATCH_CAP} + 1 newest matches within a few thousand rows, while the word index would read the word's
   * entries in everyone's prompts (~250,000 for a word in a quarter of them at 1M prompts, three times the walk's CPU).
   * {@code nothing} is true when the words match none of one person's prompts: the search would find nothing, so it
   * need not be run (a typo goes straight to "did you mean"; the statement's planning alone cost ~0.4 ms).
   */
  record Probe(boolean lexemes, boolean common, boolean nothing) {
    static final Probe NO_WORDS = new Probe(false, false, false);
  }

  // The two plans cost the same for a word in about 15% of the prompts (walk: ~2.4 µs per row walked, one heap page
  // each; index: ~0.03 µs per entry over everyone's prompts plus a heap page per match in this library). 12 of 100
  // leaves few words near a quarter of the library to chance (about 1 in 70 for a word in 21% of it).
  static final int PROBE_ROWS = 100;
  static final int COMMON_IN_NEWEST = 12;

  /** One statement: whether the query has words, whether they are common among one person's newest prompts, and whether they match at all. */
  static Probe probe(Handle h, SearchScope scope, SearchQuery query) {
    Map<String, Object> params = new HashMap<>();
    StringBuilder where = where(scope, query, params);
    params.put("q", query.q());
    // Only for one person's prompts: over everyone's (Explore, bookmarks) the planner's estimate is about the right
    // prompts already, and it walks for a common word; the probe would cost ~0.4 ms of CPU for nothing.
    boolean oneOwner = scope.kind() == SearchScope.Kind.LIBRARY || scope.kind() == SearchScope.Kind.PROFILE;
    String common = !oneOwner ? "false" : "case when numnode(" + TSQUERY + ") > 0 then"
        + " (select count(*) from (select p.tsv from prompts p where " + where + " order by p.created_at desc limit " + PROBE_ROWS
        + ") newest where newest.tsv @@ " + TSQUERY + ") >= " + COMMON_IN_NEWEST + " else false end";
    // Only asked when the words are not common: over one person's prompts, from their word index, a rare word's
    // few entries or an unknown word's none. Over everyone's it is not asked (false): a rare word might have the
    // planner walk everyone's prompts to find that nothing matches.
    String nothing = !oneOwner ? "false" : "case when common or not lexemes then false"
        + " else not exists (select 1 from prompts p where " + where + " and p.tsv @@ " + TSQUERY + ") end";
    var select = h.createQuery("select lexemes, common, " + nothing + " as nothing from (select numnode(" + TSQUERY + ") > 0 as lexemes, "
        + common + " as common) probe");
    params.forEach(select::bind);
    return select.map(ConstructorMapper.of(Probe.class)).one();
  }

  /** The search with each unknown word replaced by the closest known one, if any word changed. */
  private static Optional<String> correct(Handle h, SearchScope scope, String q) {
    Matcher m = WORD.matcher(q);
    StringBuilder out = new StringBuilder();
    boolean changed = false;
    while (m.find()) {
      String word = m.group();
      Optional<String> better = word.equalsIgnoreCase("or") ? Optional.empty() : closestWord(h, scope, word);
      m.appendReplacement(out, Matcher.quoteReplacement(better.orElse(word)));
      changed |= better.isPresent();
    }
    m.appendTail(out);
    return changed ? Optional.of(out.toString()) : Optional.empty();
  }

  /**
   * The closest known word to an unknown one, in one statement. The word is normalised once, as a subquery: unaccent
   * is not immutable, so written inline it ran for every candidate word (10 ms for a made-up word that the planner
   * tested against all of a person's 2,000+ words).
   */
  static Statement closestWordStatement(SearchScope scope, String word) {
    String own = scope.ownWords() ? " and s.owner_id = :owner" : "";
    String w = "(select lower(unaccent(:w)))";
    return new Statement("select case when exists (select 1 from search_words s where s.word = " + w + own + ") then null else"
        + " (select s.word from search_words s where s.word % " + w + own
        + " order by similarity(s.word, " + w + ") desc, s.word limit 1) end", Map.of("w", word, "owner", scope.ownerId()));
  }

  /**
   * Run before {@link #closestWordStatement} in its transaction. The planner prices the trigram test at the cost of a
   * comparison, so it often tests every one of the person's words through the primary key (2–5 ms for 2,000 words)
   * instead of reading the few candidates from the trigram index (~0.5 ms); the index is always the better way here.
   */
  static final String TRIGRAM_INDEX_ONLY = "select set_config('enable_indexscan', 'off', true) || set_config('enable_indexonlyscan', 'off', true)";

  private static Optional<String> closestWord(Handle h, SearchScope scope, String word) {
    Statement st = closestWordStatement(scope, word);
    return h.inTransaction(tx -> {
      tx.createQuery(TRIGRAM_INDEX_ONLY).mapTo(String.class).one();
      var q = tx.createQuery(st.sql());
      st.params().forEach(q::bind);
      return q.mapTo(String.class).findOne();
    });
  }

  private SearchResult result(Page page, SearchQuery query, String base, String corrected, String original, boolean onlyCommon) {
    List<PromptCard> cards = new ArrayList<>();
    for (Found r : page.rows().subList(0, Math.min(PAGE_SIZE, page.rows().size()))) {
      String titleHtml = r.titleMarked() != null ? Highlights.toHtml(r.titleMarked()) : Highlights.plain(r.title(), 200);
      String snippet = r.textMarked() != null ? Highlights.toHtml(r.textMarked()) : Highlights.plain(r.text(), 280);
      cards.add(new PromptCard(r.id(), Prompt.url(r.id(), Slugs.slug(r.title())), titleHtml, snippet, r.ownerName(),
          Target.byId(r.target()).map(Target::label).orElse(r.target()),
          Visibility.byId(r.visibility()).orElse(Visibility.PRIVATE), r.tags(),
          DAY.format(r.updatedAt()), r.useCount(), r.imageCount(),
          r.mine() ? PromptPage.ratingWidget(r.id(), r.title(), r.rating(), query.url(base)) : null));
    }
    long total = page.total();
    String countLabel = total > MATCH_CAP ? MATCH_CAP + "+" : Long.toString(total);
    String prev = query.page() > 1 ? query.withPage(query.page() - 1).url(base) : null;
    String next = page.rows().size() > PAGE_SIZE && query.page() < SearchQuery.MAX_PAGE ? query.withPage(query.page() + 1).url(base) : null;
    String correctedUrl = corrected == null ? null : query.url(base);
    return new SearchResult(cards, countLabel, query.page(), prev, next, corrected, correctedUrl, original, onlyCommon);
  }
}
