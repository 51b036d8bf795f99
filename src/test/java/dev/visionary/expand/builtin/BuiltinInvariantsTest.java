package dev.visionary.expand.builtin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.visionary.prompt.StylePreset;
import dev.visionary.prompt.Target;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What must hold for every idea of the development set, every target, four variations and three seeds:
 * the idea's words kept, no pair of conflicting implications the idea did not bring itself, nothing it
 * negates, text it asks for never negated, its lens, light and style kept, articles after a style lead,
 * and no stock phrase of four words or more in more than a tenth of one target's prompts.
 */
class BuiltinInvariantsTest {
  private static final long[] SEEDS = {1, 2, 3};
  private static final int VARIATIONS = 4;
  private static final Pattern MILLIMETRES = Pattern.compile("\\b\\d+(?:-\\d+)?mm\\b");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}'’-]+");
  private static final Set<String> DETERMINERS = Set.of("a", "an", "the", "one", "two", "three", "four", "five", "six",
      "seven", "eight", "nine", "ten", "ein", "eine", "une", "un", "el", "la", "le", "il", "some", "several", "many");

  private static final Vocabulary VOCABULARY = Vocabulary.standard();
  private static final BuiltinExpander ENGINE = new BuiltinExpander();
  private static List<String> ideas;
  private static final Map<Target, List<String>> PROMPTS = new HashMap<>();

  @BeforeAll
  static void expandEveryIdea() throws IOException {
    try (InputStream in = BuiltinInvariantsTest.class.getResourceAsStream("/eval/ideas-dev.txt")) {
      ideas = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
    assertTrue(ideas.size() >= 50, "the development set: " + ideas.size());
  }

  private static List<ExpansionResult> expand(String idea, Target target, StylePreset style, long seed) {
    return ENGINE.expand(ExpansionRequest.of(idea, target, style, VARIATIONS, seed));
  }

  @Test
  void everyPromptKeepsTheIdeaAndAddsNothingAgainstIt() {
    List<String> failures = new ArrayList<>();
    for (String idea : ideas) {
      SceneReading reading = SceneReading.read(idea, VOCABULARY);
      Set<String> ideaTags = reading.tags();
      Set<String> ideaWords = PromptChecks.keyWords(idea);
      boolean textAsked = reading.textToRender() != null;
      String styleInIdea = IdeaReading.styleIn(Text.of(idea), VOCABULARY);
      Set<String> ideaLenses = millimetres(idea);
      for (Target target : Target.values()) {
        for (long seed : SEEDS) {
          for (ExpansionResult result : expand(idea, target, StylePreset.NONE, seed)) {
            String prompt = result.prompt();
            PROMPTS.computeIfAbsent(target, t -> new ArrayList<>()).add(prompt);
            String where = target.id() + " / seed " + seed + " / \"" + idea + "\": " + prompt;
            if (!PromptChecks.words(prompt).containsAll(ideaWords)) {
              failures.add("words lost: " + where);
            }
            // The idea's own implications, less what it negates ("without umbrellas"), plus what was added.
            Set<String> tags = new HashSet<>(reading.tags());
            tags.addAll(VOCABULARY.conflicts.tags(Text.of(withoutIdea(prompt, idea))));
            for (String a : tags) {
              for (String b : tags) {
                if (a.compareTo(b) < 0 && VOCABULARY.conflicts.conflict(a, b) && !(ideaTags.contains(a) && ideaTags.contains(b))) {
                  failures.add("conflict " + a + "/" + b + ": " + where);
                }
              }
            }
            String added = withoutIdea(prompt, idea);
            Set<String> addedTags = VOCABULARY.conflicts.tags(Text.of(added));
            for (String forbidden : reading.forbidden()) {
              if (addedTags.contains(forbidden)) {
                failures.add("negated " + forbidden + " added: " + where);
              }
            }
            for (String word : PromptChecks.words(added)) {
              if (reading.negated().contains(word)) {
                failures.add("negated word " + word + " added: " + where);
              }
            }
            if (textAsked && target == Target.MIDJOURNEY && PromptChecks.parseMidjourney(result.fullText()).no().contains("text")) {
              failures.add("--no text on text asked for: " + where);
            }
            if (textAsked && result.negativePrompt() != null && List.of(result.negativePrompt().split(",\\s*")).contains("text")) {
              failures.add("negative text on text asked for: " + where);
            }
            if (!ideaLenses.isEmpty() && !ideaLenses.containsAll(millimetres(prompt))) {
              failures.add("lens replaced: " + where);
            }
            if (reading.givesLighting() && mentionsOtherLighting(prompt, idea)) {
              failures.add("lighting replaced: " + where);
            }
            if (styleInIdea != null && mentionsOtherStyleLead(prompt, styleInIdea)) {
              failures.add("style replaced: " + where);
            }
          }
        }
      }
    }
    if (!failures.isEmpty()) {
      Map<String, Integer> kinds = new java.util.TreeMap<>();
      failures.forEach(f -> kinds.merge(f.substring(0, f.indexOf(':')), 1, Integer::sum));
      List<String> shown = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (String f : failures) {
        if (seen.add(f.substring(0, f.indexOf(':')))) {
          shown.add(f);
        }
      }
      fail(failures.size() + " broken invariants " + kinds + ", one of each:\n" + String.join("\n", shown));
    }
  }

  @Test
  void aStyleLeadIsFollowedByAnArticle() {
    for (String idea : ideas) {
      for (Target target : List.of(Target.DALLE, Target.GENERIC, Target.RUNWAY)) {
        for (ExpansionResult result : expand(idea, target, StylePreset.PHOTO, 1)) {
          Matcher lead = Pattern.compile("^(?:A photograph of|A cinematic film still of) (\\S+)").matcher(result.prompt());
          if (lead.find()) {
            String next = lead.group(1).toLowerCase(Locale.ROOT);
            boolean latin = next.codePointAt(0) < 128 && Character.isLetter(next.codePointAt(0));
            assertFalse(latin && !DETERMINERS.contains(next) && !next.endsWith("s") && !next.endsWith("'s"),
                "an article after the lead: " + result.prompt());
          }
        }
      }
    }
  }

  @Test
  void aParagraphStartsWithACapitalLetter() {
    for (String idea : ideas) {
      if (!Character.isLowerCase(idea.codePointAt(0))) {
        continue; // ideas that open with a capital, a digit, CJK or an emoji keep it as typed
      }
      for (Target target : List.of(Target.DALLE, Target.GENERIC, Target.RUNWAY)) {
        String prompt = expand(idea, target, StylePreset.NONE, 1).get(0).prompt();
        assertTrue(Character.isUpperCase(prompt.codePointAt(0)), target.id() + ": " + prompt);
      }
    }
  }

  @Test
  void noStockPhraseRunsThroughATargetsPrompts() {
    if (PROMPTS.isEmpty()) {
      everyPromptKeepsTheIdeaAndAddsNothingAgainstIt();
    }
    for (Map.Entry<Target, List<String>> entry : PROMPTS.entrySet()) {
      Map<String, Integer> counts = new HashMap<>();
      for (String prompt : entry.getValue()) {
        for (String gram : fourGrams(prompt)) {
          counts.merge(gram, 1, Integer::sum);
        }
      }
      int limit = entry.getValue().size() / 10;
      List<String> common = counts.entrySet().stream().filter(e -> e.getValue() > limit)
          .map(e -> e.getKey() + " (" + e.getValue() + "/" + entry.getValue().size() + ")").toList();
      assertTrue(common.isEmpty(), entry.getKey().id() + ": phrases in more than a tenth of the prompts: " + common);
    }
  }

  private static Set<String> fourGrams(String prompt) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(prompt.toLowerCase(Locale.ROOT));
    while (m.find()) {
      words.add(m.group());
    }
    Set<String> grams = new LinkedHashSet<>();
    for (int i = 0; i + 4 <= words.size(); i++) {
      grams.add(String.join(" ", words.subList(i, i + 4)));
    }
    return grams;
  }

  private static Set<String> millimetres(String text) {
    Set<String> found = new HashSet<>();
    Matcher m = MILLIMETRES.matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }

  /** The prompt less the idea as typed (weights read through), or with the capital letter the paragraph gives its first word. */
  private static String withoutIdea(String prompt, String idea) {
    // Stable Diffusion weighs the idea's subject, "(a forest:1.2), no animals": the idea is what is inside.
    prompt = prompt.replaceAll("\\(([^()]*):\\d(?:\\.\\d+)?\\)", "$1");
    String opened = idea.isEmpty() ? idea : idea.substring(0, 1).toUpperCase(Locale.ROOT) + idea.substring(1);
    return prompt.replace(idea, " ").replace(opened, " ");
  }

  private static boolean mentionsOtherLighting(String prompt, String idea) {
    String lower = prompt.toLowerCase(Locale.ROOT);
    String ideaLower = idea.toLowerCase(Locale.ROOT);
    for (List<String> pool : VOCABULARY.lighting.values()) {
      for (String light : pool) {
        String l = light.toLowerCase(Locale.ROOT);
        if (lower.contains(l) && !ideaLower.contains(l)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean mentionsOtherStyleLead(String prompt, String styleId) {
    String lower = prompt.toLowerCase(Locale.ROOT);
    for (var style : VOCABULARY.styles.entrySet()) {
      if (!style.getKey().equals(styleId) && style.getValue().lead() != null && lower.startsWith(style.getValue().lead().toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }
}
