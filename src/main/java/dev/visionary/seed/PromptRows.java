package dev.visionary.seed;

import dev.visionary.library.Slugs;
import dev.visionary.web.Urls;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Writes the library's rows (prompts, versions, tags, collections, bookmarks) for the seeded users, with
 * {@link SeededImages} for the few that have images.
 *
 * <p>Stand-ins for the library's triggers, so the data is what the app would hold: {@code prompts.tag_text} is
 * written with the prompt (the {@code prompt_tags} trigger, which would update every prompt once per tag, is off
 * during the load), {@code prompts.image_count}/{@code cover_image_id} are written as
 * {@code Library.recordImage} would leave them, and {@link SearchWords} fills {@code search_words} as the
 * prompts' insert trigger would.
 *
 * <p>A million prompts cost PostgreSQL far more than they cost to write (their tsvector, computed as each row is
 * stored, is most of it), and one backend uses one core; so the prompts are copied on several connections at once,
 * and the other tables, indexes and keys follow as {@link Steps} on as many.
 */
final class PromptRows {
  private static final List<String> TAGS = List.of("landscape", "portrait", "favorite", "client", "draft", "moody", "cinematic",
      "anime", "watercolor", "scifi", "fantasy", "product", "food", "animals", "architecture", "night", "nature", "abstract",
      "character", "concept", "series", "reference", "print", "wallpaper");
  private static final List<String> COLLECTIONS = List.of("Favourites", "Client work", "Moodboard", "Worldbuilding",
      "Print ideas", "To try next");
  private static final int TAGS_PER_USER = 12;
  static final int RENDERS = 4;
  /** Per load connection, as the seed used before; from 64 MB to 1 GB the GIN builds over 1M prompts cost the same CPU. */
  private static final String MAINTENANCE_WORK_MEM = "256MB";
  private static final long TWO_YEARS_SECONDS = Duration.ofDays(730).toSeconds();
  private static final long TRASH_SECONDS = Duration.ofDays(29).toSeconds();
  /** The alphabet of {@code ShortIds}, which the library's id check accepts as well; image routes require it. */
  private static final char[] ID_ALPHABET = "23456789abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();

  private record Tag(long id, String name) {}

  private record Owned(long ownerId, String promptId) {}

  private final DataSource dataSource;
  private final int connections;
  private final List<Long> users;
  private final PromptTexts texts;
  private final SplittableRandom ids;
  private final SplittableRandom random = new SplittableRandom(42);
  private final Instant now = Instant.now();
  private final SeededImages images;
  private final SearchWords searchWords;
  private final Map<String, String> titles = new HashMap<>();
  private final Map<Long, List<String>> ownSample = new HashMap<>();
  private final List<Owned> publicSample = new ArrayList<>();
  private String publicCollection;
  private Map<Long, List<Tag>> tags;
  private BulkLoad bulk;

  /** The load runs on up to {@code connections} connections at once from {@code dataSource}. */
  PromptRows(DataSource dataSource, int connections, List<Long> users, PromptTexts texts, long idSeed) {
    this.dataSource = dataSource;
    this.connections = connections;
    this.users = users;
    this.texts = texts;
    this.ids = new SplittableRandom(idSeed);
    this.images = new SeededImages();
    this.searchWords = new SearchWords(texts, TAGS);
  }

  /**
   * In the caller's transaction, before the load: the tags, the image bytes, and the indexes, foreign keys and
   * triggers set aside. The caller commits, so that the load's own connections see all of it.
   */
  BulkLoad prepare(Connection c, List<SeededImages.Painted> painted, Seed.Timings timings) throws SQLException {
    BulkLoad bulk = new BulkLoad();
    // The revision triggers (the owners' and the shared one) would queue one event per seeded row for the commit
    // (and pending events forbid the ALTER TABLEs below, and those of an undo); no page has been kept from this
    // data yet, so there is nothing to invalidate.
    for (String table : List.of("prompts", "tags", "collections", "collection_items", "bookmarks")) {
      bulk.disableTrigger(c, table, table + "_revision");
    }
    for (String event : List.of("insert", "update", "delete")) {
      bulk.disableTrigger(c, "prompts", "prompts_shared_" + event);
    }
    tags = insertTags(c);
    timings.step("tags", (long) users.size() * TAGS_PER_USER);
    timings.step("image bytes stored", images.store(c, painted));
    for (String table : List.of("prompts", "prompt_versions", "prompt_tags", "search_words")) {
      bulk.suspend(c, table);
    }
    // SearchWords does the insert trigger's work once per distinct part instead of once per prompt; tag_text is
    // written with each prompt, where the prompt_tags trigger would rewrite every prompt once per tag.
    bulk.disableTrigger(c, "prompts", "prompts_words_insert");
    bulk.disableTrigger(c, "prompt_tags", "prompt_tags_text");
    timings.step("indexes, foreign keys, triggers set aside", 0);
    this.bulk = bulk;
    return bulk;
  }

  /**
   * The prompts, on several connections at once, then every other table, index and key as {@link Steps} on as
   * many connections. Each step commits on its own; {@link Seed} undoes a failed load.
   */
  void load(int prompts, int imageCount, Seed.Timings timings) throws SQLException {
    Path promptTags = tempFile();
    try {
      long started = System.nanoTime();
      long cpu = threadCpu();
      double databaseCpu = insertPrompts(prompts, imageCount, promptTags);
      timings.step("prompts (COPY on " + connections + " connections)", prompts, started, databaseCpu);
      timings.note("prompt rows written (Java, one thread)", (threadCpu() - cpu) / 1e9);
      steps(promptTags, timings).run();
    } finally {
      delete(promptTags);
    }
  }

  /**
   * What follows the prompts, in two phases. First the other tables are loaded, beside the checks of the prompts'
   * keys and a VACUUM of prompts; then the indexes are built, beside the other tables' VACUUMs and keys.
   *
   * <p>Why a VACUUM waits for every load: it marks a page all-visible only if no transaction still running could
   * miss the page's rows, and a step that began while another table was being loaded holds a snapshot from before
   * those rows were committed. Vacuumed beside such a step, the table keeps an empty visibility map (no index-only
   * scans) until autovacuum comes back to it, during the benchmark. The prompts are committed before any step starts.
   *
   * <p>Locks decide the rest of the order, so that no connection sits waiting: an index build on prompts (SHARE lock)
   * excludes a VACUUM or ANALYZE of prompts, a check of its own keys and adding a key that references it. Checking
   * a key that was added unchecked ({@link BulkLoad.ForeignKey#validate()}) takes only a light lock on prompts.
   */
  private Steps steps(Path promptTags, Seed.Timings timings) {
    Steps steps = new Steps(dataSource, connections, List.of(
        // No parallel workers for index builds: the connections already share the cores between them.
        "set maintenance_work_mem = '" + MAINTENANCE_WORK_MEM + "'", "set max_parallel_maintenance_workers = 0"), timings);
    List<Steps.Step> loads = new ArrayList<>();
    // Added longest first: a connection takes the first step that is ready.
    Steps.Step versions = steps.add("insert prompt_versions (from prompts)", this::insertVersions);
    loads.add(versions);
    Steps.Step promptsChecked = null;
    for (BulkLoad.ForeignKey key : bulk.foreignKeys("prompts")) {
      promptsChecked = steps.sql("key " + key.name(), key.add(), promptsChecked == null ? List.of() : List.of(promptsChecked));
      loads.add(promptsChecked);
    }
    // Analyzed now as well, or autovacuum would do it between the index builds, and again at the end for the
    // expression index (lower(title)), whose statistics exist only once it is built.
    loads.add(steps.sql("vacuum (analyze) prompts", "vacuum (analyze) prompts", promptsChecked == null ? List.of() : List.of(promptsChecked)));
    Steps.Step tagLinks = steps.add("copy prompt_tags", conn -> insertPromptTags(conn, promptTags));
    loads.add(tagLinks);
    loads.add(steps.add("copy search_words", conn -> searchWords.insert(conn, titles)));
    Steps.Step small = steps.add("copy generation_jobs, images", conn -> images.insert(conn));
    small = steps.add("copy collections, collection_items", this::insertCollections, small);
    loads.add(steps.add("copy bookmarks", this::insertBookmarks, small));

    List<Steps.Step> promptIndexes = new ArrayList<>();
    // GIN builds take longest.
    for (BulkLoad.Index index : bulk.indexes("prompts").stream()
        .sorted(Comparator.comparing((BulkLoad.Index i) -> !i.create().contains("USING gin")).thenComparing(BulkLoad.Index::name)).toList()) {
      promptIndexes.add(steps.sql("index " + index.name(), index.create(), loads));
    }
    Steps.Step versionsDone = steps.sql("vacuum (analyze) prompt_versions", "vacuum (analyze) prompt_versions", loads);
    Steps.Step tagLinksDone = steps.sql("vacuum (analyze) prompt_tags", "vacuum (analyze) prompt_tags", loads);
    for (BulkLoad.Index index : bulk.indexes("prompt_tags")) {
      tagLinksDone = steps.sql("index " + index.name(), index.create(), tagLinksDone);
    }
    Steps.Step wordsDone = steps.sql("vacuum (analyze) search_words", "vacuum (analyze) search_words", loads);
    for (BulkLoad.Index index : bulk.indexes("search_words")) {
      wordsDone = steps.sql("index " + index.name(), index.create(), wordsDone);
    }
    for (BulkLoad.ForeignKey key : bulk.foreignKeys("search_words")) {
      wordsDone = steps.sql("key " + key.name(), key.add(), wordsDone);
    }
    steps.sql("vacuum (analyze) smaller tables", "vacuum (analyze) users, tags, collections, collection_items, bookmarks,"
        + " generation_jobs, images, image_blobs", loads);
    // Adding a key that references prompts locks prompts against index builds (only for a moment: the rows are
    // checked afterwards), so these come once the builds are done.
    List<Steps.Step> built = new ArrayList<>(promptIndexes);
    built.add(versionsDone);
    built.add(tagLinksDone);
    List<BulkLoad.ForeignKey> referencing = new ArrayList<>(bulk.foreignKeys("prompt_versions"));
    referencing.addAll(bulk.foreignKeys("prompt_tags"));
    Steps.Step added = steps.add("keys of prompt_versions, prompt_tags added", conn -> {
      try (Statement s = conn.createStatement()) {
        for (BulkLoad.ForeignKey key : referencing) {
          s.execute(key.addUnchecked());
        }
      }
      return 0;
    }, built);
    for (BulkLoad.ForeignKey key : referencing) {
      steps.sql("key " + key.name() + " checked", key.validate(), added);
    }
    steps.sql("analyze prompts", "analyze prompts", added);
    return steps;
  }

  SeededImages images() {
    return images;
  }

  private Map<Long, List<Tag>> insertTags(Connection c) throws SQLException {
    try (CopyRows copy = CopyRows.open(c, "copy tags (owner_id, name) from stdin")) {
      for (long user : users) {
        List<String> names = new ArrayList<>(TAGS);
        for (int i = 0; i < TAGS_PER_USER; i++) {
          copy.number(user).text(names.remove(random.nextInt(names.size()))).endRow();
        }
      }
    }
    Map<Long, List<Tag>> tags = new HashMap<>();
    // Ordered by name as the prompt_tags trigger orders tag_text; the names are plain lower-case ASCII.
    try (PreparedStatement s = c.prepareStatement("select id, owner_id, name from tags where owner_id >= ? order by owner_id, name")) {
      s.setLong(1, users.get(0));
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          tags.computeIfAbsent(r.getLong(2), k -> new ArrayList<>()).add(new Tag(r.getLong(1), r.getString(3)));
        }
      }
    }
    return tags;
  }

  /** Returns the CPU seconds the database spent, NaN when unknown. */
  private double insertPrompts(int count, int imageCount, Path promptTags) throws SQLException {
    Map<String, String> slugs = new HashMap<>();
    int imageEvery = imageCount == 0 ? Integer.MAX_VALUE : Math.max(1, count / imageCount);
    ParallelCopy load = ParallelCopy.open(dataSource, connections, "copy prompts (id, owner_id, title, slug, text, negative, target, idea,"
        + " visibility, use_count, image_count, cover_image_id, tag_text, created_at, updated_at, deleted_at) from stdin");
    CopyRows copy = load.rows();
    try (BufferedWriter tagRows = Files.newBufferedWriter(promptTags, StandardCharsets.UTF_8)) {
      for (int i = 0; i < count; i++) {
        // The first prompt belongs to the first user, so the benchmark's account owns an image.
        long owner = i == 0 ? users.get(0) : users.get(random.nextInt(users.size()));
        int entry = random.nextInt(texts.size());
        int extra = texts.pickExtra(random);
        PromptTexts.Written w = texts.entry(entry);
        String text = texts.text(w, extra);
        String title = titles.computeIfAbsent(w.idea(), idea -> Slugs.suggestTitle(idea, ""));
        String slug = slugs.computeIfAbsent(title, Slugs::slug);
        searchWords.usedEntry(owner, entry);
        searchWords.usedExtra(owner, extra);
        String id = nextId();
        String visibility = visibility();
        Instant created = now.minusSeconds(random.nextLong(TWO_YEARS_SECONDS));
        Instant updated = random.nextInt(10) < 3 ? created.plusSeconds(random.nextLong(Math.max(1, now.getEpochSecond() - created.getEpochSecond()))) : created;
        // 1% in the trash, put there within the last 30 days: older ones the app would already have purged.
        Instant deleted = random.nextInt(100) == 0 && i > 0 ? latest(updated, now.minusSeconds(random.nextLong(TRASH_SECONDS))) : null;
        StringBuilder tagText = new StringBuilder();
        List<Tag> own = tags.get(owner);
        int tagCount = random.nextInt(4);
        TreeMap<String, Long> chosen = new TreeMap<>();
        for (int t = 0; t < tagCount; t++) {
          Tag tag = own.get(random.nextInt(own.size()));
          chosen.put(tag.name(), tag.id());
        }
        for (Map.Entry<String, Long> tag : chosen.entrySet()) {
          tagText.append(tagText.isEmpty() ? "" : " ").append(tag.getKey());
          writeLine(tagRows, id + "\t" + tag.getValue());
          searchWords.usedTag(owner, tag.getKey());
        }
        String imageId = null;
        if (images.count() < imageCount && i >= (long) images.count() * imageEvery && deleted == null) {
          imageId = nextId();
          images.add(imageId, nextId(), owner, id, text, w.negative(), updated);
        }
        copy.text(id).number(owner).text(title).text(slug).text(text).text(w.negative()).text(w.target().id()).text(w.idea())
            .text(visibility).number(useCount()).number(imageId == null ? 0 : 1).text(imageId)
            .text(tagText.toString()).time(created).time(updated).time(deleted);
        copy.endRow();
        if (deleted == null) {
          sample(owner, id, visibility);
        }
      }
    } catch (IOException | RuntimeException e) {
      load.abort(e);
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
    load.close();
    return load.databaseCpu();
  }

  private long insertPromptTags(Connection conn, Path promptTags) throws SQLException {
    try (CopyRows copy = CopyRows.open(conn, "copy prompt_tags (prompt_id, tag_id) from stdin");
        BufferedReader in = Files.newBufferedReader(promptTags, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        int tab = line.indexOf('\t');
        copy.text(line.substring(0, tab)).number(Long.parseLong(line.substring(tab + 1)));
        copy.endRow();
      }
      return copy.rows();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Version 1 of every seeded prompt, as saving it would have written. */
  private long insertVersions(Connection conn) throws SQLException {
    // The seeded users were created last, so ids from the first of them on are theirs.
    try (PreparedStatement s = conn.prepareStatement("insert into prompt_versions (prompt_id, version, title, text, negative, target, params,"
        + " idea, note, created_at) select id, 1, title, text, negative, target, params, idea, '', created_at from prompts where owner_id >= ?")) {
      s.setLong(1, users.get(0));
      return s.executeUpdate();
    }
  }

  private long insertCollections(Connection c) throws SQLException {
    long items = 0;
    List<String[]> itemRows = new ArrayList<>();
    try (CopyRows copy = CopyRows.open(c, "copy collections (id, owner_id, name, slug, description, visibility, created_at, updated_at) from stdin")) {
      for (long user : users) {
        List<String> own = ownSample.getOrDefault(user, List.of());
        for (String name : COLLECTIONS.subList(0, 2 + random.nextInt(COLLECTIONS.size() - 1))) {
          String id = nextId();
          Instant created = now.minusSeconds(random.nextLong(TWO_YEARS_SECONDS));
          String visibility = visibility();
          // The last person's first collection is always public, so the benchmark has another person's shared
          // collection to view whatever the random draw (the first person is the one it signs in as).
          if (publicCollection == null && user == users.get(users.size() - 1)) {
            visibility = "public";
            publicCollection = Urls.collection(id, Slugs.slug(name));
          }
          copy.text(id).number(user).text(name).text(Slugs.slug(name)).text("").text(visibility).time(created).time(created);
          copy.endRow();
          List<String> pool = new ArrayList<>(own);
          int size = Math.min(pool.size(), 5 + random.nextInt(25));
          for (int p = 0; p < size; p++) {
            itemRows.add(new String[] {id, pool.remove(random.nextInt(pool.size())), Integer.toString(p), created.toString()});
          }
        }
      }
    }
    try (CopyRows copy = CopyRows.open(c, "copy collection_items (collection_id, prompt_id, position, added_at) from stdin")) {
      for (String[] row : itemRows) {
        copy.text(row[0]).text(row[1]).number(Long.parseLong(row[2])).text(row[3]);
        copy.endRow();
        items++;
      }
    }
    return items;
  }

  private long insertBookmarks(Connection c) throws SQLException {
    if (publicSample.isEmpty()) {
      return 0;
    }
    try (CopyRows copy = CopyRows.open(c, "copy bookmarks (user_id, prompt_id, created_at) from stdin")) {
      for (long user : users) {
        Set<String> marked = new HashSet<>();
        for (int attempt = 0; attempt < 60 && marked.size() < 20; attempt++) {
          Owned candidate = publicSample.get(random.nextInt(publicSample.size()));
          if (candidate.ownerId() != user && marked.add(candidate.promptId())) {
            copy.number(user).text(candidate.promptId()).time(now.minusSeconds(random.nextLong(TWO_YEARS_SECONDS)));
            copy.endRow();
          }
        }
      }
      return copy.rows();
    }
  }

  /** The address of a public collection of the last seeded person, once the collections are loaded. */
  Optional<String> publicCollection() {
    return Optional.ofNullable(publicCollection);
  }

  /** Keeps up to 60 prompts per person (for collections) and 5,000 public ones (for bookmarks), by reservoir sampling. */
  private void sample(long owner, String id, String visibility) {
    List<String> own = ownSample.computeIfAbsent(owner, k -> new ArrayList<>());
    if (own.size() < 60) {
      own.add(id);
    } else if (random.nextInt(20) == 0) {
      own.set(random.nextInt(own.size()), id);
    }
    if (visibility.equals("public")) {
      if (publicSample.size() < 5_000) {
        publicSample.add(new Owned(owner, id));
      } else if (random.nextInt(20) == 0) {
        publicSample.set(random.nextInt(publicSample.size()), new Owned(owner, id));
      }
    }
  }

  /** 70% private, 10% unlisted, 20% public. */
  private String visibility() {
    int roll = random.nextInt(10);
    return roll < 7 ? "private" : roll < 8 ? "unlisted" : "public";
  }

  /** Most prompts are never reused; a few are favourites used dozens of times. */
  private int useCount() {
    int roll = random.nextInt(100);
    return roll < 60 ? 0 : roll < 90 ? 1 + random.nextInt(5) : 5 + random.nextInt(60);
  }

  private String nextId() {
    char[] id = new char[10];
    for (int i = 0; i < id.length; i++) {
      id[i] = ID_ALPHABET[ids.nextInt(ID_ALPHABET.length)];
    }
    return new String(id);
  }

  private static long threadCpu() {
    return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static void writeLine(BufferedWriter w, String line) throws IOException {
    w.write(line);
    w.newLine();
  }

  private static Path tempFile() {
    try {
      return Files.createTempFile("visionary-seed-", ".tsv");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
