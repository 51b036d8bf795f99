package dev.visionary.library;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.jdbi.v3.core.Jdbi;

/**
 * The words {@link SearchBench} searches for, chosen from the data itself by how many of one person's prompts
 * contain them, so each shape means the same at 20,000 prompts as at a million:
 * <ul>
 *   <li>selective: in about 0.2% of the prompts (the seed's {@code query.selective} share);
 *   <li>broad (and explore, over everyone's public prompts): in about a quarter;
 *   <li>misspelled: a broad word with two neighbouring letters swapped or one left out, found nowhere as typed;
 *   <li>nowhere: made-up words.
 * </ul>
 * Counts come from {@code ts_stat} over the person's prompts (stemmed words, as search sees them); the words
 * searched for are the person's own spellings of them from {@code search_words}.
 */
final class BenchWords {
  static final int PER_SHAPE = 16;
  private static final double SELECTIVE_SHARE = 0.002;
  private static final double BROAD_SHARE = 0.25;

  private record Counted(String word, long prompts) {}

  private final Jdbi jdbi;
  private final String username;
  private final long ownerId;
  private final long total;
  private final List<Counted> counted;
  private final Set<String> known;

  private BenchWords(Jdbi jdbi, String username, long ownerId, long total, List<Counted> counted, Set<String> known) {
    this.jdbi = jdbi;
    this.username = username;
    this.ownerId = ownerId;
    this.total = total;
    this.counted = counted;
    this.known = known;
  }

  static BenchWords choose(Jdbi jdbi, String username) {
    return jdbi.withHandle(h -> {
      long owner = h.createQuery("select id from users where username = :u").bind("u", username).mapTo(Long.class).findOne()
          .orElseThrow(() -> new IllegalStateException("no account " + username + ": search a database made by the seed command"));
      long total = h.createQuery("select count(*) from prompts where owner_id = :o and deleted_at is null").bind("o", owner)
          .mapTo(Long.class).one();
      // ts_stat takes its query as text; the id is a number read above, so writing it in is safe.
      List<Counted> counted = h.createQuery("select distinct on (s.word) w.word, s.ndoc"
              + " from ts_stat('select tsv from prompts where deleted_at is null and owner_id = " + owner + "') s"
              + " join (select w.word, (select array_agg(lexeme) from unnest(to_tsvector('library_search', w.word))) as lexemes"
              + "       from search_words w where w.owner_id = :o and w.word ~ '^[a-z]{5,}$') w"
              + " on cardinality(w.lexemes) = 1 and w.lexemes[1] = s.word"
              + " order by s.word, length(w.word), w.word")
          .bind("o", owner)
          .map((rs, ctx) -> new Counted(rs.getString("word"), rs.getLong("ndoc")))
          .list();
      Set<String> known = new HashSet<>(h.createQuery("select word from search_words where owner_id = :o").bind("o", owner)
          .mapTo(String.class).list());
      if (counted.size() < PER_SHAPE) {
        throw new IllegalStateException(username + " has too few distinct words (" + counted.size() + ") to choose search words from");
      }
      return new BenchWords(jdbi, username, owner, total, counted, known);
    });
  }

  long ownerId() {
    return ownerId;
  }

  List<String> forShape(String shape) {
    return switch (shape) {
      case "selective" -> words(closest(SELECTIVE_SHARE));
      case "broad", "explore" -> words(closest(BROAD_SHARE));
      case "misspelled" -> misspelled();
      case "nowhere" -> madeUp();
      default -> throw new IllegalArgumentException("unknown search shape " + shape);
    };
  }

  /** What the shape's words are, in numbers: read with the results. */
  String describe(String shape) {
    return switch (shape) {
      case "selective", "broad", "explore" -> {
        List<Counted> chosen = closest(shape.equals("selective") ? SELECTIVE_SHARE : BROAD_SHARE);
        long min = chosen.stream().mapToLong(Counted::prompts).min().orElse(0);
        long max = chosen.stream().mapToLong(Counted::prompts).max().orElse(0);
        yield String.format(Locale.ROOT, "each in %d–%d of %s's %d prompts%s", min, max, username, total,
            shape.equals("explore") ? ", searched in everyone's public prompts" : "");
      }
      case "misspelled" -> "typos of the broad words, found nowhere as typed";
      case "nowhere" -> "made up";
      default -> shape;
    };
  }

  /** The {@value #PER_SHAPE} words whose share of the person's prompts is closest to {@code share}. */
  private List<Counted> closest(double share) {
    double target = share * total;
    return counted.stream()
        .sorted(Comparator.comparingDouble((Counted c) -> Math.abs(c.prompts() - target)).thenComparing(Counted::word))
        .limit(PER_SHAPE)
        .toList();
  }

  private static List<String> words(List<Counted> counted) {
    return counted.stream().map(Counted::word).toList();
  }

  /** For each broad word the first typo that is not one of the person's words and finds nothing as typed. */
  private List<String> misspelled() {
    List<String> out = new ArrayList<>();
    for (String word : words(closest(BROAD_SHARE))) {
      for (String typo : typos(word)) {
        if (!known.contains(typo) && findsNothing(typo)) {
          out.add(typo);
          break;
        }
      }
    }
    if (out.isEmpty()) {
      throw new IllegalStateException("every typo of the broad words is a word of " + username + "'s prompts");
    }
    return out;
  }

  /** Two neighbouring letters swapped around the middle (as the seed's query.misspelled), or one left out. */
  private static List<String> typos(String word) {
    int mid = word.length() / 2;
    List<String> typos = new ArrayList<>();
    for (int i : new int[] {mid, mid + 1, mid - 1}) {
      if (i > 0 && i < word.length() && word.charAt(i) != word.charAt(i - 1)) {
        char[] c = word.toCharArray();
        c[i] = word.charAt(i - 1);
        c[i - 1] = word.charAt(i);
        typos.add(new String(c));
      }
    }
    typos.add(word.substring(0, mid) + word.substring(mid + 1));
    return typos;
  }

  /** Letters drawn with a fixed seed, so every run searches for the same made-up words. */
  private List<String> madeUp() {
    List<String> out = new ArrayList<>(List.of("zqxjvunfound"));
    SplittableRandom random = new SplittableRandom(7);
    String letters = "bcdfghjklmnpqrstvwxz";
    while (out.size() < PER_SHAPE) {
      StringBuilder word = new StringBuilder();
      int length = 7 + random.nextInt(5);
      for (int i = 0; i < length; i++) {
        word.append(letters.charAt(random.nextInt(letters.length())));
      }
      String w = word.toString();
      if (!known.contains(w) && findsNothing(w)) {
        out.add(w);
      }
    }
    return out;
  }

  /** True when the word matches none of the person's prompts and none of everyone's public ones. */
  private boolean findsNothing(String word) {
    return jdbi.withHandle(h -> h.createQuery("select not exists (select 1 from prompts p where p.deleted_at is null and p.owner_id = :o"
            + " and p.tsv @@ websearch_to_tsquery('library_search', :w))"
            + " and not exists (select 1 from prompts p where p.deleted_at is null and p.visibility = 'public'"
            + " and p.tsv @@ websearch_to_tsquery('library_search', :w))")
        .bind("o", ownerId).bind("w", word).mapTo(Boolean.class).one());
  }
}
