package dev.visionary.seed;

import dev.visionary.generate.BuiltinImageEngine;
import dev.visionary.generate.GeneratedImage;
import dev.visionary.generate.ImageEngineException;
import dev.visionary.generate.ImageRequest;
import dev.visionary.generate.ProgressListener;
import dev.visionary.generate.Thumbnail;
import dev.visionary.generate.Thumbnails;
import dev.visionary.library.Slugs;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Writes the library's rows (prompts, versions, tags, collections, bookmarks) and the generation rows behind a
 * few of them (jobs, images, image bytes) for the seeded users.
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
  private static final int IMAGE_SIDE = 512;
  private static final long TWO_YEARS_SECONDS = Duration.ofDays(730).toSeconds();
  private static final long TRASH_SECONDS = Duration.ofDays(29).toSeconds();
  /** The alphabet of {@code ShortIds}, which the library's id check accepts as well; image routes require it. */
  private static final char[] ID_ALPHABET = "23456789abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();

  private record Tag(long id, String name) {}

  private record Render(byte[] sha256, long seed) {}

  private record ImageRow(String imageId, String jobId, long ownerId, String promptId, String text, String negative,
      Render render, Instant created) {}

  private record Owned(long ownerId, String promptId) {}

  private final Connection c;
  private final List<Long> users;
  private final PromptTexts texts;
  private final SplittableRandom ids;
  private final SplittableRandom random = new SplittableRandom(42);
  private final Instant now = Instant.now();
  private final PrintStream out;
  private final List<ImageRow> images = new ArrayList<>();
  private final Map<Long, List<String>> ownSample = new HashMap<>();
  private final List<Owned> publicSample = new ArrayList<>();

  PromptRows(Connection c, List<Long> users, PromptTexts texts, long idSeed, PrintStream out) {
    this.c = c;
    this.users = users;
    this.texts = texts;
    this.ids = new SplittableRandom(idSeed);
    this.out = out;
  }

  void writeAll(int prompts, int imageCount, Seed.Timings timings) throws SQLException {
    Map<Long, List<Tag>> tags = insertTags();
    timings.step("tags", (long) users.size() * TAGS_PER_USER);
    List<Render> renders = imageCount == 0 ? List.of() : insertRenders(Math.min(RENDERS, imageCount));
    timings.step("image renders (built-in engine)", renders.size());
    Path promptTags = tempFile();
    SearchWords words = new SearchWords(texts, TAGS);
    Map<String, String> titles = new HashMap<>();
    try {
      BulkLoad prompt = BulkLoad.suspend(c, "prompts");
      try (Statement s = c.createStatement()) {
        // SearchWords does the trigger's work once per distinct part instead of once per prompt.
        s.execute("alter table prompts disable trigger prompts_words_insert");
        insertPrompts(prompts, imageCount, tags, renders, promptTags, words, titles);
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
    BulkLoad versions = BulkLoad.suspend(c, "prompt_versions");
    try (PreparedStatement s = c.prepareStatement("insert into prompt_versions (prompt_id, version, title, text, negative, target, params, idea,"
        + " note, created_at) select id, 1, title, text, negative, target, params, idea, '', created_at from prompts where owner_id >= ?")) {
      s.setLong(1, users.get(0));
      timings.step("prompt_versions", s.executeUpdate());
    }
    timings.step("prompt_versions foreign key restored", versions.restore());
    insertImages();
    timings.step("generation jobs and images", images.size());
    timings.step("collections and items", insertCollections());
    timings.step("bookmarks", insertBookmarks());
  }

  int imageCount() {
    return images.size();
  }

  /** The first seeded image, which the first user owns, as the benchmark requests it: its path and ETag. */
  Optional<String> firstImage() {
    return images.stream().findFirst().map(i -> "/images/" + i.imageId() + " \"" + hex(i.render().sha256()) + "\"");
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

  /** A few pictures from the built-in engine, stored once and shared by every seeded image, as identical bytes are. */
  private List<Render> insertRenders(int count) throws SQLException {
    BuiltinImageEngine engine = new BuiltinImageEngine();
    List<Render> renders = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement("insert into image_blobs (sha256, mime_type, bytes, thumb, thumb_mime, size_bytes)"
        + " values (?, ?, ?, ?, ?, ?) on conflict (sha256) do nothing")) {
      for (int i = 0; i < count; i++) {
        PromptTexts.Written w = texts.pick(random);
        GeneratedImage image;
        try {
          image = engine.generate(ImageRequest.of(w.text(), IMAGE_SIDE, IMAGE_SIDE, i), ProgressListener.NONE).get(0);
        } catch (ImageEngineException e) {
          throw new IllegalStateException("the built-in engine could not paint a seed image", e);
        }
        byte[] sha = sha256(image.bytes());
        Thumbnail thumb = Thumbnails.of(image.bytes());
        s.setBytes(1, sha);
        s.setString(2, image.mimeType());
        s.setBytes(3, image.bytes());
        s.setBytes(4, thumb.bytes());
        s.setString(5, thumb.mimeType());
        s.setInt(6, image.bytes().length);
        s.executeUpdate();
        renders.add(new Render(sha, image.seed()));
      }
    }
    return renders;
  }

  private void insertPrompts(int count, int imageCount, Map<Long, List<Tag>> tags, List<Render> renders, Path promptTags,
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
        ImageRow image = null;
        if (images.size() < imageCount && i >= (long) images.size() * imageEvery && deleted == null) {
          image = new ImageRow(nextId(), nextId(), owner, id, text, w.negative(), renders.get(images.size() % renders.size()), updated);
          images.add(image);
        }
        copy.text(id).number(owner).text(title).text(slug).text(text).text(w.negative()).text(w.target().id()).text(w.idea())
            .text(visibility).number(useCount()).number(image == null ? 0 : 1).text(image == null ? null : image.imageId())
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

  private void insertImages() throws SQLException {
    try (CopyRows copy = CopyRows.open(c, "copy generation_jobs (id, owner_id, prompt, negative_prompt, engine, width, height, count, seed,"
        + " prompt_id, status, attempts, progress, created_at, started_at, finished_at) from stdin")) {
      for (ImageRow i : images) {
        copy.text(i.jobId()).number(i.ownerId()).text(i.text()).text(i.negative().isEmpty() ? null : i.negative())
            .text(BuiltinImageEngine.ID).number(IMAGE_SIDE).number(IMAGE_SIDE).number(1).number(i.render().seed()).text(i.promptId())
            .text("succeeded").number(1).number(1).time(i.created()).time(i.created()).time(i.created().plusMillis(150));
        copy.endRow();
      }
    }
    try (CopyRows copy = CopyRows.open(c, "copy images (id, job_id, owner_id, sha256, position, width, height, seed, created_at) from stdin")) {
      for (ImageRow i : images) {
        copy.text(i.imageId()).text(i.jobId()).number(i.ownerId()).bytes(i.render().sha256()).number(0).number(IMAGE_SIDE)
            .number(IMAGE_SIDE).number(i.render().seed()).time(i.created().plusMillis(150));
        copy.endRow();
      }
    }
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
        java.util.Set<String> marked = new java.util.HashSet<>();
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

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(byte[] bytes) {
    StringBuilder s = new StringBuilder();
    for (byte b : bytes) {
      s.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return s.toString();
  }
}
