package dev.visionary.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.visionary.expand.builtin.BuiltinExpander;
import dev.visionary.expand.builtin.ExpansionRequest;
import dev.visionary.expand.builtin.ExpansionResult;
import dev.visionary.prompt.StylePreset;
import dev.visionary.prompt.Target;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Prompt texts as people would save them. The built-in expander is too slow to call a million times, so a
 * pool of a few thousand real expansions of ideas made from its vocabulary is built once, and each seeded
 * prompt takes one of them with a lighting or colour phrase from the same vocabulary added.
 */
final class PromptTexts {

  /** One expansion in the pool: the idea it came from and what the expander wrote for it. */
  record Written(String idea, Target target, String text, String negative) {}

  /** Words for the benchmark's query shapes, chosen from how often they occur in the pool. */
  record QueryWords(String selective, String broad, String misspelled, String nowhere) {}

  private static final List<String> OPENINGS = List.of("a", "an old", "a lonely", "a tiny", "a giant", "two", "a quiet", "a glowing");

  private final List<Written> pool;
  private final List<String> extras;

  private PromptTexts(List<Written> pool, List<String> extras) {
    this.pool = pool;
    this.extras = extras;
  }

  static PromptTexts build(int ideas, long seed) {
    Vocab v = Vocab.load();
    SplittableRandom random = new SplittableRandom(seed);
    BuiltinExpander expander = new BuiltinExpander();
    StylePreset[] styles = StylePreset.values();
    Target[] targets = Target.values();
    List<Written> pool = new ArrayList<>(ideas * 2);
    for (int i = 0; i < ideas; i++) {
      String idea = idea(v, random);
      Target target = targets[random.nextInt(targets.length)];
      ExpansionRequest request = ExpansionRequest.of(idea, target, styles[random.nextInt(styles.length)], 2, random.nextLong(1_000_000));
      for (ExpansionResult r : expander.expand(request)) {
        pool.add(new Written(idea, target, r.prompt(), r.negativePrompt() == null ? "" : r.negativePrompt()));
      }
    }
    List<String> extras = new ArrayList<>(v.lighting);
    v.colors.forEach(c -> extras.add(c + " accents"));
    return new PromptTexts(List.copyOf(pool), List.copyOf(extras));
  }

  private static String idea(Vocab v, SplittableRandom random) {
    StringBuilder idea = new StringBuilder(OPENINGS.get(random.nextInt(OPENINGS.size())));
    if (random.nextInt(3) == 0) {
      idea.append(' ').append(v.moods.get(random.nextInt(v.moods.size())));
    }
    if (random.nextInt(3) == 0) {
      idea.append(' ').append(v.colors.get(random.nextInt(v.colors.size())));
    }
    idea.append(' ').append(v.subjects.get(random.nextInt(v.subjects.size())));
    if (random.nextBoolean()) {
      idea.append(' ').append(v.times.get(random.nextInt(v.times.size())));
    }
    if (random.nextInt(3) == 0) {
      idea.append(' ').append(v.weather.get(random.nextInt(v.weather.size())));
    }
    return idea.toString();
  }

  int size() {
    return pool.size();
  }

  int extraCount() {
    return extras.size();
  }

  Written entry(int index) {
    return pool.get(index);
  }

  String extra(int index) {
    return extras.get(index);
  }

  Written pick(SplittableRandom random) {
    return pool.get(random.nextInt(pool.size()));
  }

  /** Which extra phrase to add: half the time none (-1), so texts repeat less than the pool does. */
  int pickExtra(SplittableRandom random) {
    return random.nextBoolean() ? -1 : random.nextInt(extras.size());
  }

  String text(Written w, int extra) {
    return extra < 0 ? w.text() : w.text() + ", " + extras.get(extra);
  }

  /**
   * A word in about 0.2% of the pool's texts, one in about a quarter, the latter misspelled, and one in none.
   * Prompts draw uniformly from the pool, so these shares carry over to the seeded prompts.
   */
  QueryWords queryWords() {
    Map<String, Integer> documents = new HashMap<>();
    for (Written w : pool) {
      Set<String> seen = new HashSet<>();
      for (String word : (w.idea() + " " + w.text()).toLowerCase(Locale.ROOT).split("[^a-z]+")) {
        if (word.length() >= 5 && seen.add(word)) {
          documents.merge(word, 1, Integer::sum);
        }
      }
    }
    String selective = closest(documents, pool.size() * 0.002);
    String broad = closest(documents, pool.size() * 0.25);
    return new QueryWords(selective, broad, misspell(broad), "zqxjvunfound");
  }

  private static String closest(Map<String, Integer> documents, double target) {
    return documents.entrySet().stream()
        .min(Comparator.comparingDouble((Map.Entry<String, Integer> e) -> Math.abs(e.getValue() - target)).thenComparing(Map.Entry::getKey))
        .orElseThrow().getKey();
  }

  /** Swaps two letters in the middle: close enough for a trigram match, not a word the texts contain. */
  private static String misspell(String word) {
    int i = word.length() / 2;
    char[] c = word.toCharArray();
    char t = c[i];
    c[i] = c[i - 1];
    c[i - 1] = t;
    return new String(c);
  }

  /** The parts of the expander's vocabulary files that ideas are made of. */
  private record Vocab(List<String> subjects, List<String> moods, List<String> colors, List<String> times,
      List<String> weather, List<String> lighting) {

    static Vocab load() {
      JsonNode subjects = read("subjects.json");
      List<String> subjectWords = new ArrayList<>();
      subjects.forEach(s -> subjectWords.add(s.get("triggers").get(0).asText()));
      List<String> moods = new ArrayList<>();
      read("moods.json").forEach(m -> moods.add(m.get("words").get(0).asText()));
      List<String> colors = new ArrayList<>();
      read("colors.json").get("names").forEach(c -> colors.add(c.asText()));
      List<String> times = new ArrayList<>();
      read("times.json").get("times").forEach(t -> times.add(t.get("phrase").asText()));
      List<String> weather = new ArrayList<>();
      read("weather.json").forEach(w -> weather.add(w.get("phrase").asText()));
      List<String> lighting = new ArrayList<>();
      read("lighting.json").forEach(list -> list.forEach(l -> lighting.add(l.asText())));
      return new Vocab(subjectWords, moods, colors, times, weather, lighting);
    }

    private static JsonNode read(String file) {
      try (InputStream in = PromptTexts.class.getResourceAsStream("/vocabulary/" + file)) {
        if (in == null) {
          throw new IllegalStateException("vocabulary/" + file + " is missing from the classpath");
        }
        return new ObjectMapper().readTree(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
