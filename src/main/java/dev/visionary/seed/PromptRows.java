package dev.visionary.seed;

import dev.visionary.library.Slugs;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Writes the library's rows (prompts, versions, tags, collections, bookmarks) for the seeded users, with
 * {@link SeededImages} for the few that have images.
 *
 * <p>Stand-ins for the library's triggers, so the data is what the app would hold: {@code prompts.tag_text} is
 * written with the prompt (the {@code prompt_tags} trigger, which would update every prompt once per tag, is off
 * during that one COPY), {@code prompts.image_count}/{@code cover_image_id} are written as
 * {@code Library.recordImage} would leave them, and {@link SearchWords} fills {@code search_words} as the
 * prompts' insert trigger would.
 */
final class PromptRows {
  private static final List<String> TAGS = List.of("landscape", "portrait", "favorite", "client", "draft", "moody", "cinematic",
      "anime", "watercolor", "scifi", "fantasy", "product", "food", "animals", "architecture", "night", "nature", "abstract",
      "character", "concept", "series", "reference", "print", "wallpaper");
  private static final List<String> COLLECTIONS = List.of("Favourites", "Client work", "Moodboard", "Worldbuilding",
      "Print ideas", "To try next");
  private static final int TAGS_PER_USER = 12;
  private static final int RENDERS = 4;
  private static final long TWO_YEARS_SECONDS = Duration.ofDays(730).toSeconds();
  private static final long TRASH_SECONDS = Duration.ofDays(29).toSeconds();
  /** The alphabet of {@code ShortIds}, which the library's id check accepts as well; image routes require it. */
  private static final char[] ID_ALPHABET = "23456789abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();

  private record Tag(long id, String name) {}

  private record Owned(long ownerId, String promptId) {}

  private final Connection c;
  private final List<Long> users;
  private final PromptTexts texts;
  private final SplittableRandom ids;
  private final SplittableRandom random = new SplittableRandom(42);
  private final Instant now = Instant.now();
  private final SeededImages images;
  private final Map<Long, List<String>> ownSample = new HashMap<>();
  private final List<Owned> publicSample = new ArrayList<>();

  PromptRows(Connection c, List<Long> users, PromptTexts texts, long idSeed) {
    this.c = c;
    this.users = users;
    this.texts = texts;
    this.ids = new SplittableRandom(idSeed);
    this.images = new SeededImages(c);
  }

  void writeAll(int prompts, int imageCount, Seed.Timings timings) throws SQLException {
    Map<Long, List<Tag>> tags = insertTags();
    timings.step("tags", (long) users.size() * TAGS_PER_USER);
    timings.step("image renders (built-in engine)", images.render(Math.min(RENDERS, imageCount), texts, random));
    Path promptTags = tempFile();
    SearchWords words = new SearchWords(texts, TAGS);
    Map<String, String> titles = new HashMap<>();
    try {
      BulkLoad prompt = BulkLoad.suspend(c, "prompts");
      try (Statement s = c.createStatement()) {
        // SearchWords does the trigger's work once per distinct part instead of once per prompt.
        s.execute("alter table prompts disable trigger prompts_words_insert");
        insertPrompts(prompts, imageCount, tags, promptTags, words, titles);
        s.execute("alter table prompts enable trigger prompts_words_insert");
      }
      timings.step("prompts", prompts);
      timings.step("prompt indexes and foreign keys restored", prompt.restore());
      BulkLoad wordList = BulkLoad.suspend(c, "search_words");
      timings.step("search_words", words.insert(c, titles));
      timings.step("search_words index and foreign key restored", wordList.restore());
      BulkLoad tagLinks = BulkLoad.suspend(c, "prompt_tags");
      long tagged = insertPromptTags(promptTags);
      timings.step("prompt_tags", tagged);
      timings.step("prompt_tags indexes and foreign keys restored", tagLinks.restore());
    } finally {
      delete(promptTags);
    }
    // The seeded users were created last in this transaction, so ids from the first of them on are theirs.
    BulkLoad versions = BulkLoad.suspend(c, "prompt_versions");
    try (PreparedStatement s = c.prepareStatement("insert into prompt_versions (prompt_id, version, title, text, negative, target, params, idea,"
        + " note, created_at) select id, 1, title, text, negative, target, params, idea, '', created_at from prompts where owner_id >= ?")) {
      s.setLong(1, users.get(0));
      timings.step("prompt_versions", s.executeUpdate());
    }
    timings.step("prompt_versions foreign key restored", versions.restore());
    timings.step("generation jobs and images", images.insert());
    timings.step("collections and items", insertCollections());
    timings.step("bookmarks", insertBookmarks());
  }

  SeededImages images() {
    return images;
  }

  private Map<Long, List<Tag>> insertTags() throws SQLException {
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

  private void insertPrompts(int count, int imageCount, Map<Long, List<Tag>> tags, Path promptTags,
      SearchWords words, Map<String, String> titles) throws SQLException {
    Map<String, String> slugs = new HashMap<>();
    int imageEvery = imageCount == 0 ? Integer.MAX_VALUE : Math.max(1, count / imageCount);
    try (CopyRows copy = CopyRows.open(c, "copy prompts (id, owner_id, title, slug, text, negative, target, idea, visibility, use_count,"
            + " image_count, cover_image_id, tag_text, created_at, updated_at, deleted_at) from stdin");
        BufferedWriter tagRows = Files.newBufferedWriter(promptTags, StandardCharsets.UTF_8)) {
      for (int i = 0; i < count; i++) {
        // The first prompt belongs to the first user, so the benchmark's account owns an image.
        long owner = i == 0 ? users.get(0) : users.get(random.nextInt(users.size()));
        int entry = random.nextInt(texts.size());
        int extra = texts.pickExtra(random);
        PromptTexts.Written w = texts.entry(entry);
        String text = texts.text(w, extra);
        String title = titles.computeIfAbsent(w.idea(), idea -> Slugs.suggestTitle(idea, ""));
        String slug = slugs.computeIfAbsent(title, Slugs::slug);
        words.usedEntry(owner, entry);
        words.usedExtra(owner, extra);
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
          words.usedTag(owner, tag.getKey());
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
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private long insertPromptTags(Path promptTags) throws SQLException {
    long rows;
    try (Statement s = c.createStatement()) {
      // tag_text was written with each prompt; the trigger would rewrite every prompt once per tag.
      s.execute("alter table prompt_tags disable trigger prompt_tags_text");
      try (CopyRows copy = CopyRows.open(c, "copy prompt_tags (prompt_id, tag_id) from stdin");
          BufferedReader in = Files.newBufferedReader(promptTags, StandardCharsets.UTF_8)) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          int tab = line.indexOf('\t');
          copy.text(line.substring(0, tab)).number(Long.parseLong(line.substring(tab + 1)));
          copy.endRow();
        }
        rows = copy.rows();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      s.execute("alter table prompt_tags enable trigger prompt_tags_text");
    }
    return rows;
  }

  private long insertCollections() throws SQLException {
    long items = 0;
    List<String[]> itemRows = new ArrayList<>();
    try (CopyRows copy = CopyRows.open(c, "copy collections (id, owner_id, name, slug, description, visibility, created_at, updated_at) from stdin")) {
      for (long user : users) {
        List<String> own = ownSample.getOrDefault(user, List.of());
        for (String name : COLLECTIONS.subList(0, 2 + random.nextInt(COLLECTIONS.size() - 1))) {
          String id = nextId();
          Instant created = now.minusSeconds(random.nextLong(TWO_YEARS_SECONDS));
          copy.text(id).number(user).text(name).text(Slugs.slug(name)).text("").text(visibility()).time(created).time(created);
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

  private long insertBookmarks() throws SQLException {
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
