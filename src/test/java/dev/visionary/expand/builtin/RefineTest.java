package dev.visionary.expand.builtin;

import static dev.visionary.expand.builtin.PromptChecks.keyWords;
import static dev.visionary.expand.builtin.PromptChecks.parseMidjourney;
import static dev.visionary.expand.builtin.PromptChecks.words;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.prompt.StylePreset;
import dev.visionary.prompt.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Refine on a card, for each thing a person asks, on the three kinds of target: a natural paragraph (DALL·E),
 * Midjourney and Stable Diffusion. Each check is what the person would look for in the refined card.
 */
class RefineTest {
  private static final List<Target> TARGETS = List.of(Target.DALLE, Target.MIDJOURNEY, Target.STABLE_DIFFUSION);
  private static final List<String> IDEAS = List.of("a beach", "a cat on a windowsill", "a lighthouse on a cliff", "an old man reading a newspaper");
  private static final long[] SEEDS = {1, 2, 3, 5, 8};
  private static final List<String> BOILERPLATE = List.of("highly detailed", "intricate details", "intricate detail", "crisp fine detail",
      "fine detail", "ultra detailed", "rich textures", "true-to-life textures", "sharp focus");
  private static final List<String> WIDE = List.of("wide", "panoramic", "panorama", "establishing shot", "aerial", "sweeping view", "14mm",
      "16-35mm", "24mm", "full-body", "showing the surroundings", "room to breathe");
  private static final List<String> CLOSE = List.of("macro", "close-up", "closeup", "close up", "tight crop", "head-and-shoulders");
  private static final List<String> WARM = List.of("warm", "sunny", "amber", "golden", "gold", "orange", "peach", "copper");
  private static final List<String> COOL = List.of("cool", "blue", "blues", "teal", "silver", "silvery", "icy", "cyan");

  private final BuiltinExpander expander = new BuiltinExpander();

  /** A card, and the card refined, for every idea, seed and target. */
  private record Pair(Target target, String idea, ExpansionResult card, ExpansionResult refined) {
    String before() {
      return card.fullText() + negative(card);
    }

    String after() {
      return refined.fullText() + negative(refined);
    }

    /** The refined prompt less the idea as typed: what the engine and the refinement wrote. */
    String added() {
      return refined.prompt().toLowerCase(Locale.ROOT).replace(idea.toLowerCase(Locale.ROOT), " ");
    }

    private static String negative(ExpansionResult r) {
      return r.negativePrompt() == null ? "" : "\nNegative prompt: " + r.negativePrompt();
    }
  }

  private ExpansionResult card(String idea, Target target, long seed) {
    return expander.expand(ExpansionRequest.of(idea, target, StylePreset.NONE, 4, seed)).get((int) (seed % 4));
  }

  /** The card as the Studio sends it to be refined: prompt, Midjourney parameters, negative prompt. */
  private static String sent(ExpansionResult card) {
    return card.fullText() + (card.negativePrompt() == null ? "" : "\nNegative prompt: " + card.negativePrompt());
  }

  private ExpansionResult refine(String idea, Target target, long seed, String base, String instruction) {
    List<ExpansionResult> out = expander.expand(new ExpansionRequest(idea, target, StylePreset.NONE, 1, seed + 100, instruction, base));
    assertEquals(1, out.size());
    return out.get(0);
  }

  private void forEach(List<String> ideas, String instruction, BiConsumer<Pair, String> check) {
    forEach(ideas, instruction, true, check);
  }

  private void forEach(List<String> ideas, String instruction, boolean ideaStays, BiConsumer<Pair, String> check) {
    for (Target target : TARGETS) {
      for (String idea : ideas) {
        for (long seed : SEEDS) {
          ExpansionResult card = card(idea, target, seed);
          ExpansionResult refined = refine(idea, target, seed, sent(card), instruction);
          Pair pair = new Pair(target, idea, card, refined);
          String where = target.id() + " / " + idea + " / " + instruction + "\nbefore: " + pair.before() + "\nafter:  " + pair.after();
          check.accept(pair, where);
          if (ideaStays) {
            keepsTheIdea(pair, where);
          }
        }
      }
    }
  }

  private static void keepsTheIdea(Pair p, String where) {
    assertTrue(words(p.refined().prompt()).containsAll(keyWords(p.idea())), "lost the idea's words: " + where);
    assertFalse(p.refined().prompt().isBlank(), where);
  }

  /** Every Midjourney parameter the change is not about stays as it was. */
  private static void keepsParameters(Pair p, String where, boolean stylizeToo) {
    if (p.target() != Target.MIDJOURNEY) {
      return;
    }
    PromptChecks.Parameters before = parseMidjourney(p.card().fullText());
    PromptChecks.Parameters after = parseMidjourney(p.refined().fullText());
    assertEquals(before.width() + ":" + before.height(), after.width() + ":" + after.height(), "--ar changed: " + where);
    assertEquals(before.chaos(), after.chaos(), "--chaos changed: " + where);
    assertEquals(before.version(), after.version(), "--v changed: " + where);
    if (stylizeToo) {
      assertEquals(before.stylize(), after.stylize(), "--stylize changed: " + where);
    }
    assertTrue(after.no().containsAll(before.no()) || !stylizeToo, "--no lost entries: " + where);
  }

  private static void keepsNegative(Pair p, String where) {
    if (p.target() == Target.STABLE_DIFFUSION) {
      assertEquals(p.card().negativePrompt(), p.refined().negativePrompt(), "the negative prompt changed: " + where);
    }
  }

  /** Whether the text names any of the words; phrases and hyphenated words are found as written. */
  private static boolean mentionsAny(String text, String... terms) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (String term : terms) {
      if (term.contains(" ") || term.contains("-") || term.contains("/") ? lower.contains(term) : PromptChecks.mentionsAny(text, term)) {
        return true;
      }
    }
    return false;
  }

  private static int count(String text, String phrase) {
    Matcher m = Pattern.compile("\\b" + Pattern.quote(phrase) + "\\b").matcher(text.toLowerCase(Locale.ROOT));
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  // ---- make it X ----

  @Test
  void makeItNightSetsTheTimeAndDropsEverythingOfTheDay() {
    forEach(IDEAS, "make it night", (p, where) -> {
      assertTrue(mentionsAny(p.refined().prompt(), "night"), where);
      assertFalse(p.refined().prompt().contains("early at night") || p.refined().prompt().contains("the at "), "a time phrase half left: " + where);
      assertFalse(mentionsAny(p.added(), "sunset", "sunrise", "golden hour", "sunlight", "sunlit", "daylight", "midday", "noon", "morning",
          "afternoon", "blue sky"), "day left in a night card: " + where);
      keepsParameters(p, where, true);
      keepsNegative(p, where);
    });
    // A time in the person's words gives way to the one asked for; the rest of the words stay.
    forEach(List.of("a beach sunset"), "make it night", false, (p, where) -> {
      assertFalse(mentionsAny(p.refined().prompt(), "sunset", "golden hour", "sun"), where);
      assertTrue(mentionsAny(p.refined().prompt(), "beach") && mentionsAny(p.refined().prompt(), "night"), where);
    });
  }

  @Test
  void makeItRainySetsTheWeatherAndDropsClearSkies() {
    forEach(IDEAS, "make it rainy", (p, where) -> {
      assertTrue(mentionsAny(p.refined().prompt(), "rain"), where);
      assertFalse(mentionsAny(p.added(), "sunny", "cloudless", "clear sky", "dry", "dusty"), where);
      keepsParameters(p, where, true);
    });
  }

  @Test
  void makeItAutumnSetsTheSeason() {
    forEach(IDEAS, "make it autumn", (p, where) -> {
      assertTrue(mentionsAny(p.refined().prompt(), "autumn"), where);
      assertFalse(mentionsAny(p.added(), "spring", "blossoms", "snow", "summer"), where);
      keepsParameters(p, where, true);
    });
  }

  @Test
  void makeItWatercolorChangesTheStyleAndDropsTheCamera() {
    forEach(IDEAS, "make it a watercolor", (p, where) -> {
      assertTrue(mentionsAny(p.refined().prompt(), "watercolor"), where);
      assertFalse(mentionsAny(p.added(), "lens", "camera", "photograph", "photography", "bokeh", "f/1.8", "award-winning photography"),
          "a watercolor has no lens: " + where);
      keepsParameters(p, where, true);
    });
  }

  @Test
  void asAnOilPaintingChangesTheMedium() {
    forEach(IDEAS, "as an oil painting", (p, where) -> {
      assertTrue(p.refined().prompt().toLowerCase(Locale.ROOT).contains("oil painting"), where);
      assertFalse(mentionsAny(p.added(), "watercolor", "lens", "camera"), where);
    });
  }

  @Test
  void makeItEerieSetsTheMoodAndNoOther() {
    List<String> others = Vocabulary.standard().moodPhrases().stream().filter(m -> !m.contains("eerie")).toList();
    forEach(IDEAS, "make it eerie", (p, where) -> {
      assertTrue(mentionsAny(p.refined().prompt(), "eerie"), where);
      for (String other : others) {
        assertFalse(p.refined().prompt().toLowerCase(Locale.ROOT).contains(other), "two moods: " + where);
      }
      keepsParameters(p, where, true);
    });
  }

  // ---- add and remove ----

  @Test
  void addPutsTheThingInAndTouchesNothingElse() {
    forEach(IDEAS, "add a red umbrella", (p, where) -> {
      assertEquals(1, count(p.refined().prompt(), "red umbrella"), where);
      keepsParameters(p, where, true);
      keepsNegative(p, where);
      // Everything the card said is still there.
      assertTrue(words(p.refined().prompt()).containsAll(words(p.card().prompt())), "add dropped words: " + where);
    });
  }

  @Test
  void removeTakesTheThingOutAndKeepsItOut() {
    for (String instruction : List.of("remove the red umbrella", "without the red umbrella", "no red umbrella")) {
      for (Target target : TARGETS) {
        for (long seed : SEEDS) {
          String idea = IDEAS.get((int) (seed % IDEAS.size()));
          ExpansionResult card = card(idea, target, seed);
          ExpansionResult with = refine(idea, target, seed, sent(card), "add a red umbrella");
          ExpansionResult without = refine(idea, target, seed, sent(with), instruction);
          String where = target.id() + " / " + instruction + "\nbefore: " + sent(with) + "\nafter:  " + sent(without);
          assertFalse(mentionsAny(without.prompt(), "umbrella"), where);
          assertTrue(words(without.prompt()).containsAll(keyWords(idea)), where);
          if (target == Target.MIDJOURNEY) {
            assertTrue(without.midjourney().no().contains("red umbrella"), where);
            assertEquals(card.midjourney().stylize(), without.midjourney().stylize(), where);
            assertEquals(card.midjourney().chaos(), without.midjourney().chaos(), where);
            assertEquals(card.midjourney().aspectRatio(), without.midjourney().aspectRatio(), where);
          }
          if (target == Target.STABLE_DIFFUSION) {
            assertTrue(without.negativePrompt().startsWith("red umbrella, "), where);
          }
          // Asking for it again takes it back out of the negative prompt and --no.
          ExpansionResult again = refine(idea, target, seed, sent(without), "add a red umbrella");
          assertTrue(again.prompt().contains("red umbrella"), sent(again));
          assertFalse(mentionsAny(again.negativePrompt() == null ? "" : again.negativePrompt(), "umbrella"), sent(again));
          assertFalse(again.midjourney() != null && again.midjourney().no().contains("red umbrella"), sent(again));
        }
      }
    }
  }

  // ---- details ----

  @Test
  void fewerDetailsTakesBoilerplateAwayAndNeverAddsIt() {
    forEach(IDEAS, "fewer details", (p, where) -> {
      for (String phrase : BOILERPLATE) {
        assertFalse(p.refined().prompt().toLowerCase(Locale.ROOT).contains(phrase), phrase + " after fewer details: " + where);
      }
      assertFalse(mentionsAny(p.refined().prompt(), "without details"), where);
      if (p.refined().negativePrompt() != null) {
        assertFalse(mentionsAny(p.refined().negativePrompt(), "details", "detail"), "details negated: " + where);
      }
      assertTrue(p.refined().prompt().split(",").length <= p.card().prompt().split(",").length, "not fewer: " + where);
      if (p.target() == Target.MIDJOURNEY) {
        keepsParameters(p, where, false);
        assertTrue(p.refined().midjourney().stylize() < p.card().midjourney().stylize() || p.card().midjourney().stylize() == 0,
            "--stylize not lowered: " + where);
      }
    });
  }

  @Test
  void moreDetailsAddsDetailOnceAndRaisesStylize() {
    forEach(IDEAS, "more details", (p, where) -> {
      assertTrue(BOILERPLATE.stream().anyMatch(b -> p.refined().prompt().toLowerCase(Locale.ROOT).contains(b)), where);
      assertTrue(p.refined().prompt().length() > p.card().prompt().length(), "nothing added: " + where);
      if (p.target() == Target.MIDJOURNEY) {
        keepsParameters(p, where, false);
        assertTrue(p.refined().midjourney().stylize() > p.card().midjourney().stylize(), where);
      }
      // Asking twice never writes the same phrase twice.
      ExpansionResult twice = refine(p.idea(), p.target(), 1, sent(p.refined()), "more details");
      for (String phrase : List.of("highly detailed", "intricate details", "intricate detail")) {
        assertTrue(count(twice.prompt(), phrase) <= 1, phrase + " twice: " + twice.prompt());
      }
    });
  }

  @Test
  void aChangeReadsTheCardsAirAndLightSentencesBackAndKeepsTheRestWhole() {
    String card = "A village street at dusk, with crooked timber-framed houses and flower boxes under the windows. Notice glowing"
        + " windows, and a quiet stillness settles over everything. Long gentle shadows add depth, and a star-filled sky stretches"
        + " overhead. Warm lamplight brings out amber tones. A wide establishing shot. Capture a peaceful and serene mood.";
    for (long seed : SEEDS) {
      // Rain rules out the stars by the vocabulary's conflicts, though no list of words against rain names them.
      String rainy = refine("a village street at dusk", Target.DALLE, seed, card, "make it rainy").prompt();
      assertTrue(mentionsAny(rainy, "rain"), rainy);
      assertFalse(mentionsAny(rainy, "star-filled"), rainy);
      // What the change adds is a sentence, not a bare phrase ("Glistening wet surfaces.").
      assertFalse(rainy.contains(". Glistening wet surfaces."), rainy);
      for (String change : List.of("make it midday", "fewer details")) {
        String changed = refine("a village street at dusk", Target.DALLE, seed, card, change).prompt();
        // The stillness went and took its verb: not "Notice glowing windows settles over everything".
        assertFalse(changed.contains("windows settles") || changed.contains("windows settle"), change + ": " + changed);
        assertFalse(changed.contains(". The sun high overhead."), change + ": " + changed);
      }
    }
  }

  @Test
  void aNewHourOrWeatherOverrulesOnlyTheSkyAndTheLightAndTheVerbsStillAgree() {
    for (long seed : SEEDS) {
      // The subject's own details and the mood are the picture: rain does not take the pink paws or the joy away.
      String rainy = refine("a hedgehog in a garden bed", Target.DALLE, seed, "A hedgehog in a garden bed, with small pink paws and a round"
          + " little body. Notice playful body language, and long gentle shadows add depth. Capture a joyful uplifting mood.", "make it rainy").prompt();
      assertTrue(rainy.contains("small pink paws") && rainy.contains("playful body language") && rainy.contains("joyful uplifting"), rainy);
      String overcast = refine("a scandinavian living room", Target.DALLE, seed, "A scandinavian living room, with books and plants on the"
          + " shelves and a large window. Soft natural light, in warm neutral tones.", "make it overcast").prompt();
      assertTrue(overcast.contains("books and plants on the shelves"), overcast);
      // What a sentence is left with takes the verb's number: one steeple "is visible", one stillness "settles".
      String fewer = refine("a village street at dusk", Target.DALLE, seed, "A village street at dusk, with crooked timber-framed houses."
          + " A small church steeple and frost-covered branches are visible. Soft even twilight settles over everything.", "remove the branches").prompt();
      assertTrue(fewer.contains("A small church steeple is visible.") && !fewer.contains("branches"), fewer);
      String starless = refine("a village street at dusk", Target.DALLE, seed, "A village street at dusk, with crooked timber-framed houses."
          + " Notice glowing windows, and a quiet stillness and a star-filled sky settle over everything.", "make it rainy").prompt();
      assertFalse(starless.contains("star-filled") || starless.contains("stillness settle "), starless);
      // A detail the change brings is not said twice when its sentence is already there.
      String winter = refine("a village street", Target.DALLE, seed, "A village street, with crooked timber-framed houses. Notice frost and a"
          + " crisp wintry chill.", "make it winter").prompt();
      assertEquals(1, winter.split("wintry chill", -1).length - 1, winter);
    }
  }

  @Test
  void fewerDetailsFindsDetailsThatTheParagraphMadeSentences() {
    java.util.regex.Pattern sentence = java.util.regex.Pattern.compile("\\. [A-Z][^.]* (?:is|are) (?:just )?\\w+ing\\b[^.]*\\.");
    int seen = 0;
    for (long seed : SEEDS) {
      ExpansionResult card = card("a mountain lake at dawn", Target.DALLE, seed);
      java.util.regex.Matcher before = sentence.matcher(card.prompt());
      if (!before.find()) {
        continue;
      }
      seen++;
      String written = before.group();
      ExpansionResult fewer = refine("a mountain lake at dawn", Target.DALLE, seed, sent(card), "fewer details");
      assertFalse(fewer.prompt().contains(written.substring(2)), "a detail sentence stayed: " + fewer.prompt());
      // Removing a thing finds it in its sentence too.
      String thing = written.substring(2).split(" (?:is|are) ")[0];
      String noun = thing.substring(thing.lastIndexOf(' ') + 1);
      ExpansionResult without = refine("a mountain lake at dawn", Target.DALLE, seed, sent(card), "remove the " + noun);
      assertFalse(without.prompt().toLowerCase(Locale.ROOT).contains(noun.toLowerCase(Locale.ROOT)), noun + " stayed: " + without.prompt());
    }
    assertTrue(seen > 0, "no card wrote a detail as a sentence");
  }

  @Test
  void aDetailWrittenInTheSimplePresentCanStillBeRemoved() {
    java.util.regex.Pattern sentence = java.util.regex.Pattern.compile("\\. ([A-Z][^.]*?) (?:reaches|reach|lines|line|mirrors|mirror) [^.]*\\.");
    int seen = 0;
    for (String idea : List.of("a mountain lake at dawn", "a snowy village street on christmas eve", "an empty beach without umbrellas or people")) {
      for (long seed : SEEDS) {
        ExpansionResult card = card(idea, Target.DALLE, seed);
        java.util.regex.Matcher before = sentence.matcher(card.prompt());
        if (!before.find()) {
          continue;
        }
        seen++;
        ExpansionResult fewer = refine(idea, Target.DALLE, seed, sent(card), "fewer details");
        assertFalse(fewer.prompt().contains(before.group().substring(2)), "a detail sentence stayed: " + fewer.prompt());
        String noun = before.group(1).substring(before.group(1).lastIndexOf(' ') + 1);
        ExpansionResult without = refine(idea, Target.DALLE, seed, sent(card), "remove the " + noun);
        assertFalse(without.prompt().toLowerCase(Locale.ROOT).contains(noun.toLowerCase(Locale.ROOT)), noun + " stayed: " + without.prompt());
      }
    }
    assertTrue(seen > 0, "no card wrote a state in the simple present");
  }

  // ---- framing and palette ----

  @Test
  void closerFramesTightAndLeavesNothingWide() {
    forEach(IDEAS, "closer", (p, where) -> {
      assertTrue(mentionsAny(p.added(), CLOSE.toArray(String[]::new)), where);
      assertFalse(mentionsAny(p.added(), WIDE.toArray(String[]::new)), "close and wide together: " + where);
      keepsParameters(p, where, true);
      keepsNegative(p, where);
    });
  }

  @Test
  void widerFramesWideAndLeavesNothingClose() {
    forEach(IDEAS, "zoom out", (p, where) -> {
      assertTrue(mentionsAny(p.added(), "wide", "panoramic", "establishing shot", "showing the surroundings", "shows the surroundings",
          "aerial", "vast"), where);
      assertFalse(mentionsAny(p.added(), CLOSE.toArray(String[]::new)), "wide and close together: " + where);
      keepsParameters(p, where, true);
    });
  }

  @Test
  void warmerSwapsThePaletteAndLeavesNoCoolTones() {
    forEach(IDEAS, "make it warmer", (p, where) -> {
      assertTrue(mentionsAny(p.added(), WARM.toArray(String[]::new)), where);
      assertFalse(paletteMentions(p, COOL), "warm and cool together: " + where);
      keepsParameters(p, where, true);
    });
  }

  @Test
  void coolerSwapsThePaletteAndLeavesNoWarmTones() {
    forEach(IDEAS, "cooler", (p, where) -> {
      assertTrue(mentionsAny(p.added(), COOL.toArray(String[]::new)), where);
      assertFalse(paletteMentions(p, WARM), "warm and cool together: " + where);
      keepsParameters(p, where, true);
    });
  }

  /** Whether a phrase about colour or light (not the time of day) uses one of the words. */
  private static boolean paletteMentions(Pair p, List<String> temperature) {
    for (String phrase : p.added().split("[,.]")) {
      boolean colour = mentionsAny(phrase, "palette", "tones", "hues", "colors", "light", "lighting", "glow", "shadows", "highlights",
          "gradients", "accents");
      if (colour && !phrase.contains("golden hour") && !phrase.contains("blue hour") && mentionsAny(phrase, temperature.toArray(String[]::new))) {
        return true;
      }
    }
    return false;
  }

  // ---- several changes, and the person's own words ----

  @Test
  void severalChangesInOneInstructionAllHappen() {
    forEach(IDEAS, "make it night, add a red umbrella and fewer details", (p, where) -> {
      assertTrue(mentionsAny(p.refined().prompt(), "night"), where);
      assertTrue(p.refined().prompt().contains("red umbrella"), where);
      for (String phrase : BOILERPLATE) {
        assertFalse(p.refined().prompt().toLowerCase(Locale.ROOT).contains(phrase), where);
      }
    });
  }

  @Test
  void removingWhatTheIdeaNamesTakesItOutOfThePersonsWordsOnly() {
    for (Target target : TARGETS) {
      ExpansionResult card = card("a beach with palm trees and a hammock", target, 3);
      ExpansionResult refined = refine("a beach with palm trees and a hammock", target, 3, sent(card), "remove the palm trees");
      String where = target.id() + "\nbefore: " + sent(card) + "\nafter:  " + sent(refined);
      assertFalse(mentionsAny(refined.prompt(), "palm"), where);
      assertTrue(mentionsAny(refined.prompt(), "beach") && mentionsAny(refined.prompt(), "hammock"), where);
    }
  }

  @Test
  void widerTakesMacroOutOfThePersonsWordsAndCloserTakesWideOut() {
    forEach(List.of("a macro photo of a bee on a flower"), "wider", false, (p, where) -> {
      assertFalse(mentionsAny(p.refined().prompt(), CLOSE.toArray(String[]::new)), "macro and wide together: " + where);
      assertTrue(mentionsAny(p.refined().prompt(), "bee") && mentionsAny(p.refined().prompt(), "flower"), where);
    });
    forEach(List.of("a panoramic view of a valley"), "closer", false, (p, where) -> {
      assertFalse(mentionsAny(p.refined().prompt(), "panoramic", "wide"), "wide and close together: " + where);
      assertTrue(mentionsAny(p.refined().prompt(), "valley"), where);
    });
  }

  @Test
  void aNewStyleTakesTheOldStylesNegativesWithIt() {
    for (long seed : SEEDS) {
      ExpansionResult card = expander.expand(ExpansionRequest.of("a cat wearing a tiny hat", Target.STABLE_DIFFUSION, StylePreset.PHOTO, 1, seed)).get(0);
      ExpansionResult refined = refine("a cat wearing a tiny hat", Target.STABLE_DIFFUSION, seed, sent(card), "make it a watercolor");
      assertTrue(refined.prompt().contains("watercolor"), refined.prompt());
      assertFalse(mentionsAny(refined.negativePrompt(), "painting", "watercolor"), "the style asked for is negated: " + refined.negativePrompt());
    }
  }

  @Test
  void theWaysPeopleSayItAreUnderstood() {
    Map<String, String> said = new LinkedHashMap<>();
    said.put("less detail", "[FEWER_DETAILS]");
    said.put("simplify", "[FEWER_DETAILS]");
    said.put("more intricate", "[MORE_DETAILS]");
    said.put("zoom in", "[CLOSER]");
    said.put("a bit closer please", "[CLOSER]");
    said.put("pull back", "[WIDER]");
    said.put("wide angle", "[WIDER]");
    said.put("make the colors warmer", "[WARMER]");
    said.put("cool it down", "[COOLER]");
    said.put("get rid of the boat", "[REMOVE boat]");
    said.put("without people or cars", "[REMOVE people, REMOVE cars]");
    said.put("add two dogs and remove the cat", "[ADD two dogs, REMOVE cat]");
    said.put("make it a rainy night", "[TIME night, WEATHER rain]");
    said.put("make it winter", "[SEASON winter]");
    said.put("make it happier", "[MOOD a joyful uplifting mood]");
    said.put("turn it into an oil painting", "[STYLE oil-painting]");
    said.put("in the style of ukiyo-e", "[ADD in the style of ukiyo-e]");
    said.forEach((instruction, expected) -> {
      String read = Refinement.parse(instruction, Vocabulary.standard()).changes().stream()
          .map(c -> c.verb() + (c.words() == null ? "" : " " + c.words())).toList().toString();
      assertEquals(expected, read, instruction);
    });
  }

  @Test
  void examplesToRead() {
    List<String> changes = List.of("make it night", "add a red umbrella", "without people", "fewer details", "more details", "closer",
        "wider", "warmer", "cooler", "make it autumn", "as a watercolor", "make it eerie");
    List<String> lines = new ArrayList<>();
    for (Target target : TARGETS) {
      ExpansionResult card = card("a lighthouse on a cliff", target, 2);
      lines.add("== " + target.id() + "\n   " + sent(card).replace("\n", "\n   "));
      for (String change : changes) {
        lines.add("-- " + change + "\n   " + sent(refine("a lighthouse on a cliff", target, 2, sent(card), change)).replace("\n", "\n   "));
      }
    }
    if (Boolean.getBoolean("refine.print")) {
      System.out.println(String.join("\n", lines));
    }
  }

  // ---- prose: remove a list item, add to the opening's list, on paragraphs written by hand too ----

  private static final String PARAGRAPH = "A lighthouse on a cliff at night, with a keeper's cottage beside the tower and weathered white paint. "
      + "There are also a beam of light sweeping across the water, cool silvery moonlight and soft layers of drifting mist. "
      + "A cool teal palette, under subtle haze. Capture a mysterious mood.";

  private static String refinedProse(String base, String refinement) {
    return new BuiltinExpander().expand(ExpansionRequest.of("a lighthouse on a cliff", Target.DALLE, StylePreset.NONE, 1, 3)
        .refined(base, refinement)).get(0).prompt();
  }

  /** No joint left hanging where a clause went: "with .", ", and .", a sentence opening on "And" or "Under". */
  private static void wellFormed(String prose) {
    for (String broken : List.of("with .", "with ,", ", .", "and .", "and ,", ", and.", " ,", "..", "  ")) {
      assertFalse(prose.contains(broken), "\"" + broken + "\" in: " + prose);
    }
    for (String sentence : prose.split("(?<=\\.) ")) {
      assertFalse(sentence.matches("^(And|With|Under|and|with|under) .*"), "a sentence opening on a joining word: " + prose);
      assertTrue(Character.isUpperCase(sentence.codePointAt(0)), "a sentence opening in lower case: " + prose);
    }
  }

  @Test
  void removeTakesOnlyTheListItemItNamesOutOfAParagraph() {
    String cottage = refinedProse(PARAGRAPH, "remove the cottage");
    assertFalse(cottage.contains("cottage"), cottage);
    assertTrue(cottage.contains("with weathered white paint"), "the rest of the list stays: " + cottage);
    wellFormed(cottage);

    String mist = refinedProse(PARAGRAPH, "remove the mist");
    assertFalse(mist.contains("mist"), mist);
    assertTrue(mist.contains("a beam of light sweeping across the water and cool silvery moonlight."), "the list closes on and: " + mist);
    wellFormed(mist);

    String beam = refinedProse(PARAGRAPH, "remove the beam of light");
    assertFalse(beam.contains("beam"), beam);
    assertTrue(beam.contains("also cool silvery moonlight and soft layers of drifting mist"), "the lead passes on: " + beam);
    wellFormed(beam);

    String palette = refinedProse(PARAGRAPH, "remove the palette");
    assertFalse(palette.contains("palette"), palette);
    assertTrue(palette.contains("Subtle haze."), palette);
    wellFormed(palette);
  }

  @Test
  void removeAndAddWorkOnAParagraphThePersonEditedByHand() {
    String byHand = "A lighthouse on a cliff at night with seagulls. My own sentence mentions a small boat, and a dog on the rocks. "
        + "Cool silvery moonlight, with a teal palette.";
    String noBoat = refinedProse(byHand, "remove the boat");
    assertFalse(noBoat.contains("boat"), noBoat);
    assertTrue(noBoat.contains("A dog on the rocks."), noBoat);
    wellFormed(noBoat);

    String umbrella = refinedProse(byHand, "add a red umbrella");
    assertTrue(umbrella.startsWith("A lighthouse on a cliff at night with seagulls and a red umbrella."), "joins the opening: " + umbrella);
    wellFormed(umbrella);
  }

  @Test
  void addJoinsTheOpeningSentencesListRatherThanTheParagraphsEnd() {
    String added = refinedProse(PARAGRAPH, "add a red umbrella");
    assertTrue(added.startsWith("A lighthouse on a cliff at night, with a keeper's cottage beside the tower, weathered white paint and a red umbrella."), added);
    assertEquals(2, added.split(" with ", -1).length, "one with: " + added);
    wellFormed(added);
    for (String idea : IDEAS) {
      for (long seed = 1; seed <= 3; seed++) {
        String base = new BuiltinExpander().expand(ExpansionRequest.of(idea, Target.DALLE, StylePreset.NONE, 1, seed)).get(0).prompt();
        String refined = new BuiltinExpander().expand(ExpansionRequest.of(idea, Target.DALLE, StylePreset.NONE, 1, seed)
            .refined(base, "add a red umbrella")).get(0).prompt();
        String opening = refined.substring(0, refined.indexOf(". ") + 1);
        assertTrue(opening.contains("a red umbrella"), "in the opening sentence: " + refined);
        wellFormed(refined);
      }
    }
  }

  @Test
  void aChangeTakesOutOnlyTheItemsItContradictsFromAProseList() {
    String noon = "A lighthouse on a cliff at midday, with a keeper's cottage beside the tower. "
        + "Notice weathered white paint and short crisp shadows. A cool teal palette. Without umbrellas and people.";
    String night = refinedProse(noon, "make it night");
    assertFalse(night.contains("short crisp shadows"), "a midday detail at night: " + night);
    assertTrue(night.contains("Notice weathered white paint."), "the rest of the list stays: " + night);
    wellFormed(night);

    String umbrellas = refinedProse(noon, "add umbrellas");
    assertTrue(umbrellas.contains("Without people."), "only the umbrellas stop being excluded: " + umbrellas);
    assertFalse(umbrellas.contains("Without umbrellas"), umbrellas);
    wellFormed(umbrellas);
  }
}
