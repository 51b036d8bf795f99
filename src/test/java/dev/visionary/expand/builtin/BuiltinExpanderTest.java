package dev.visionary.expand.builtin;

import static dev.visionary.expand.builtin.PromptChecks.jaccard;
import static dev.visionary.expand.builtin.PromptChecks.keyWords;
import static dev.visionary.expand.builtin.PromptChecks.mentionsAny;
import static dev.visionary.expand.builtin.PromptChecks.words;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.prompt.StylePreset;
import dev.visionary.prompt.Target;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The built-in engine over a table of varied ideas, checked the way a person writing prompts would judge them. */
class BuiltinExpanderTest {
  static final String FORTY_WORDS = "an elderly clockmaker with silver spectacles repairing a tiny brass pocket watch "
      + "at a cluttered wooden workbench surrounded by hanging pendulum clocks, scattered gears, dusty glass jars, "
      + "a sleeping grey cat and warm lamplight in a narrow old shop on a quiet cobbled street";

  static final List<String> IDEAS = List.of(
      "a beach sunset",
      "a misty forest at dawn",
      "a cyberpunk city street in the rain",
      "a portrait of an old fisherman",
      "a young woman reading in a cafe",
      "a red sports car",
      "a perfume bottle on black marble",
      "a bowl of ramen",
      "a cup of coffee on a rainy morning",
      "abstract shapes in motion",
      "love",
      "Schloss im Nebel",
      "東京の夜",
      "🌅 beach",
      "cat",
      FORTY_WORDS,
      "a dragon perched on a castle tower",
      "an astronaut floating in space",
      "a cozy cabin in a snowy forest at night",
      "a lighthouse during a storm",
      "a fox in a snowy field",
      "sunflowers in a vase",
      "a samurai under cherry blossoms",
      "a robot gardener",
      "a desert caravan at midday",
      "an underwater coral reef",
      "a steam train crossing a bridge",
      "a chocolate cake with berries",
      "zorblax quintessence",
      "una playa tranquila al atardecer",
      "a minimalist logo of a mountain",
      "a wizard casting a spell in an ancient library",
      "glowing jellyfish 🐙 in the deep sea",
      "a golden retriever puppy playing in autumn leaves",
      "a cathedral interior with stained glass windows");

  static final List<StylePreset> STYLES = List.of(StylePreset.NONE, StylePreset.PHOTO, StylePreset.WATERCOLOR, StylePreset.ANIME);

  private final BuiltinExpander expander = new BuiltinExpander();

  static Stream<String> ideas() {
    return IDEAS.stream();
  }

  @Test
  void theTableIsVariedEnough() {
    assertTrue(IDEAS.size() >= 30);
    assertTrue(IDEAS.stream().anyMatch(i -> i.split(" ").length == 1), "a one-word idea");
    assertTrue(FORTY_WORDS.split("\\s+").length >= 40, "a forty-word idea");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ideas")
  void everyVariationKeepsTheIdeaFitsItsTargetAndDiffersFromTheOthers(String idea) {
    for (Target target : Target.values()) {
      for (StylePreset style : STYLES) {
        List<ExpansionResult> results = expander.expand(ExpansionRequest.of(idea, target, style, 4, 1234));
        String where = target.id() + "/" + style.id() + " for \"" + idea + "\": ";
        assertEquals(4, results.size(), where + "count");
        for (ExpansionResult result : results) {
          Set<String> prompt = words(result.prompt());
          for (String word : keyWords(idea)) {
            assertTrue(prompt.contains(word), where + "lost \"" + word + "\" in: " + result.prompt());
          }
          assertTrue(result.fullText().length() <= target.maxChars(), where + "longer than " + target.maxChars());
          // An idea naming nothing the engine knows gets light, colour and framing, not invented details.
          int added = IdeaReading.read(idea, Vocabulary.standard()).subjects().isEmpty() ? 6 : 12;
          assertTrue(words(result.prompt()).size() >= keyWords(idea).size() + added, where + "too few details: " + result.prompt());
        }
        for (int a = 0; a < results.size(); a++) {
          for (int b = a + 1; b < results.size(); b++) {
            double similarity = jaccard(results.get(a).prompt(), results.get(b).prompt());
            assertTrue(similarity < 0.7, where + "variations " + a + " and " + b + " are near-duplicates (" + similarity + "):\n"
                + results.get(a).prompt() + "\n" + results.get(b).prompt());
          }
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ideas")
  void eachTargetGetsItsOwnDialect(String idea) {
    for (ExpansionResult sd : expander.expand(ExpansionRequest.of(idea, Target.STABLE_DIFFUSION, StylePreset.NONE, 3, 5))) {
      assertNotNull(sd.negativePrompt());
      assertFalse(sd.negativePrompt().isBlank(), "Stable Diffusion needs a negative prompt");
      assertTrue(sd.prompt().matches(".*\\([^()]+:1\\.[0-9]\\).*"), "weighted tags in: " + sd.prompt());
      assertNull(sd.midjourney());
      for (String negative : sd.negativePrompt().split(",\\s*")) {
        for (String word : words(negative)) {
          assertFalse(keyWords(idea).contains(word), "the negative prompt fights the idea with \"" + negative + "\"");
        }
      }
    }
    for (ExpansionResult mj : expander.expand(ExpansionRequest.of(idea, Target.MIDJOURNEY, StylePreset.NONE, 3, 5))) {
      PromptChecks.Parameters parameters = PromptChecks.parseMidjourney(mj.fullText());
      assertTrue(parameters.width() > 0 && parameters.height() > 0);
      assertTrue(parameters.stylize() >= 0 && parameters.stylize() <= 1000, "stylize " + parameters.stylize());
      assertTrue(parameters.chaos() >= 0 && parameters.chaos() <= 100, "chaos " + parameters.chaos());
      assertEquals("7", parameters.version());
      assertFalse(parameters.no().isEmpty(), "--no list");
      assertFalse(mj.prompt().contains("--"), "parameters only after the description: " + mj.prompt());
      assertNull(mj.negativePrompt());
    }
    for (Target natural : List.of(Target.DALLE, Target.GPT_IMAGE, Target.RUNWAY, Target.GENERIC)) {
      for (ExpansionResult result : expander.expand(ExpansionRequest.of(idea, natural, StylePreset.NONE, 2, 5))) {
        assertNull(result.negativePrompt());
        assertNull(result.midjourney());
        assertFalse(result.prompt().contains("--") || result.prompt().matches(".*:1\\.[0-9]\\).*"), "a plain paragraph: " + result.prompt());
        assertTrue(result.prompt().endsWith("."), "sentences: " + result.prompt());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ideas")
  void theSameSeedRepeatsAndAnotherSeedChanges(String idea) {
    for (Target target : Target.values()) {
      ExpansionRequest request = ExpansionRequest.of(idea, target, StylePreset.CINEMATIC, 4, 99);
      assertEquals(expander.expand(request), expander.expand(request), target.id());
      assertEquals(expander.expand(request), new BuiltinExpander().expand(request), target.id() + " in a fresh engine");
      assertNotEquals(expander.expand(request), expander.expand(ExpansionRequest.of(idea, target, StylePreset.CINEMATIC, 4, 100)), target.id());
    }
  }

  @Test
  void aBeachSunsetGetsWhatBelongsOnABeachAtSunset() {
    for (Target target : Target.values()) {
      List<ExpansionResult> results = expander.expand(ExpansionRequest.of("a beach sunset", target, StylePreset.NONE, 4, 7));
      Set<String> families = new java.util.HashSet<>();
      for (ExpansionResult result : results) {
        String prompt = result.prompt();
        assertTrue(mentionsAny(prompt, "horizon", "waves", "palm", "reflective", "seagulls", "sand", "surf", "shore", "seashells"),
            target.id() + ": nothing of the beach in: " + prompt);
        for (String family : List.of("horizon", "waves", "palm", "reflective", "seagulls", "sand", "surf", "shore")) {
          if (mentionsAny(prompt, family)) {
            families.add(family);
          }
        }
        assertFalse(mentionsAny(prompt, "moonlight", "midnight", "starry", "noon"), target.id() + ": contradicts sunset: " + prompt);
      }
      assertTrue(families.size() >= 3, target.id() + ": variations should show different sides of the beach: " + families);
    }
  }

  @Test
  void makeItNightSwapsTheTimeOfDayAndKeepsTheRest() {
    for (Target target : Target.values()) {
      ExpansionRequest first = ExpansionRequest.of("a beach sunset", target, StylePreset.NONE, 4, 11);
      ExpansionResult card = expander.expand(first).get(2);
      ExpansionRequest refine = ExpansionRequest.of("a beach sunset", target, StylePreset.NONE, 1, 11).refined(card.fullText(), "make it night");
      ExpansionResult refined = expander.expand(refine).get(0);
      assertNight(target, refined.prompt());
      assertTrue(jaccard(card.prompt(), refined.prompt()) >= 0.4,
          target.id() + ": the refined card should keep most of the card:\n" + card.prompt() + "\n" + refined.prompt());
      if (target == Target.MIDJOURNEY) {
        assertEquals(card.midjourney().aspectRatio(), refined.midjourney().aspectRatio(), "the refined card keeps its framing");
      }

      for (ExpansionResult again : expander.expand(new ExpansionRequest("a beach sunset", target, StylePreset.NONE, 3, 11, "make it night", null))) {
        assertNight(target, again.prompt());
      }
    }
  }

  private static void assertNight(Target target, String prompt) {
    assertFalse(mentionsAny(prompt, "sunset", "golden hour", "sun", "sunlight", "sunbeams", "daylight", "seagulls"),
        target.id() + ": still says day or sunset: " + prompt);
    assertTrue(mentionsAny(prompt, "night", "moonlight", "star-filled", "starlight", "moon"), target.id() + ": no night in: " + prompt);
    assertTrue(mentionsAny(prompt, "beach"), target.id() + ": lost the beach: " + prompt);
  }

  @Test
  void moreLikeThisKeepsTheCardsHourAndWeatherWhateverItsSentencesSay() {
    // The paragraph's own sentences: "the first lights are flickering on" once read as sunrise ("first light") and
    // "dark churning clouds" as an overcast sky, so "more like this" lost the storm and the hour and said both twice.
    String card = "A photograph of a lighthouse during a storm at blue hour, with a striped lighthouse on rocky cliffs and a keeper's cottage"
        + " beside the tower. The first lights are flickering on. Look closer for dark churning clouds and wind-whipped motion. Soft low-angle"
        + " light brings out rich jewel tones. A lone focal point in open space, shot with a long exposure on a tripod. Convey a melancholic"
        + " reflective mood. True-to-life detail and photorealistic.";
    for (ExpansionResult result : expander.expand(new ExpansionRequest("a lighthouse during a storm", Target.DALLE, StylePreset.PHOTO, 4, 3, null, card))) {
      String prompt = result.prompt();
      assertTrue(mentionsAny(prompt, "blue hour") && mentionsAny(prompt, "storm"), prompt);
      assertFalse(mentionsAny(prompt, "sunrise", "cresting", "pink and peach", "pale sky", "cloud-covered", "gold and violet"), prompt);
      List<String> sentences = List.of(prompt.split("\\. "));
      assertEquals(sentences.size(), new HashSet<>(sentences).size(), "a sentence said twice: " + prompt);
      assertTrue(prompt.split("first lights", -1).length <= 2, "the first lights twice: " + prompt);
    }
  }

  @Test
  void aCardsListWithUnderInItIsStillReadAsItsPhrases() {
    // "pools of light under the street lamps" holds "under", where the paragraph also joins light and colour.
    String card = "A village street at night, with glowing shop windows and pools of light under the street lamps. Cool silvery moonlight"
        + " brings out deep blues and inky blacks.";
    for (ExpansionResult result : expander.expand(new ExpansionRequest("a village street at night", Target.DALLE, StylePreset.NONE, 2, 3, "make it midday", card))) {
      assertFalse(mentionsAny(result.prompt(), "pools of light", "street lamps", "moonlight", "night"), "night kept word for word: " + result.prompt());
    }
  }

  @Test
  void aLabelOrAMapInThePictureDoesNotMakeItADesign() {
    for (String photo : List.of("a perfume bottle with a gold label", "an old sailor holding a map", "an old fisherman holding a map")) {
      for (ExpansionResult result : expander.expand(ExpansionRequest.of(photo, Target.STABLE_DIFFUSION, StylePreset.NONE, 4, 1))) {
        assertFalse(mentionsAny(result.negativePrompt(), "misspelled letters", "photograph"), photo + ": " + result.negativePrompt());
      }
    }
    for (ExpansionResult result : expander.expand(ExpansionRequest.of("an old fisherman holding a map", Target.STABLE_DIFFUSION, StylePreset.NONE, 4, 1))) {
      assertTrue(mentionsAny(result.negativePrompt(), "extra fingers", "malformed hands"), result.negativePrompt());
    }
  }

  @Test
  void moreLikeThisKeepsTheSubjectAndBringsNewChoices() {
    ExpansionResult card = expander.expand(ExpansionRequest.of("a lighthouse during a storm", Target.DALLE, StylePreset.PHOTO, 1, 3)).get(0);
    List<ExpansionResult> more = expander.expand(new ExpansionRequest("a lighthouse during a storm", Target.DALLE, StylePreset.PHOTO, 4, 3, null, card.prompt()));
    for (ExpansionResult result : more) {
      assertTrue(mentionsAny(result.prompt(), "lighthouse") && mentionsAny(result.prompt(), "storm"), result.prompt());
      assertNotEquals(card.prompt(), result.prompt());
    }
  }

  @Test
  void aRefinementCanChangeTheStyleAddWordsAndKeepThingsOut() {
    ExpansionResult card = expander.expand(ExpansionRequest.of("a fox in a snowy field", Target.STABLE_DIFFUSION, StylePreset.PHOTO, 1, 8)).get(0);
    ExpansionResult refined = expander.expand(new ExpansionRequest("a fox in a snowy field", Target.STABLE_DIFFUSION, StylePreset.PHOTO, 1, 8,
        "as a watercolor with a red scarf, without trees", card.fullText())).get(0);
    assertTrue(mentionsAny(refined.prompt(), "watercolor"), refined.prompt());
    assertTrue(refined.prompt().contains("red scarf"), refined.prompt());
    assertTrue(mentionsAny(refined.negativePrompt(), "trees"), refined.negativePrompt());
    assertFalse(mentionsAny(refined.prompt(), "lens", "trees"), "a watercolor has no lens, and trees were kept out: " + refined.prompt());
    assertTrue(mentionsAny(refined.prompt(), "fox") && mentionsAny(refined.prompt(), "snowy"), refined.prompt());
  }

  @Test
  void aRefinementReplacesOnlyTheWordsItOverrides() {
    String rainy = expander.expand(new ExpansionRequest("a sunny street in Paris", Target.GENERIC, StylePreset.NONE, 1, 4, "make it rainy", null)).get(0).prompt();
    assertTrue(rainy.startsWith("A street in Paris"), rainy);
    assertTrue(mentionsAny(rainy, "rain", "raindrops", "puddles", "wet"), rainy);
    assertFalse(mentionsAny(rainy, "sunny", "cloudless"), rainy);

    String withoutPalms = expander.expand(new ExpansionRequest("a beach with palm trees at sunset", Target.GENERIC, StylePreset.NONE, 1, 4,
        "make it night, without palm trees", null)).get(0).prompt();
    assertTrue(withoutPalms.startsWith("A beach at night"), withoutPalms);
    assertFalse(mentionsAny(withoutPalms.replace("Without palm trees.", ""), "palm"), withoutPalms);
    assertTrue(withoutPalms.endsWith("Without palm trees."), withoutPalms);
  }

  @Test
  void aPromptWrittenElsewhereIsRefinedKeepingItsOwnSentences() {
    String written = "A serene tropical beach at sunset, with palm trees swaying in the breeze. Shot on a wide lens.";
    String refined = expander.expand(new ExpansionRequest("a tropical beach", Target.DALLE, StylePreset.NONE, 1, 4, "make it night", written)).get(0).prompt();
    assertTrue(refined.startsWith("A serene tropical beach at night, with palm trees swaying in the breeze. Shot on a wide lens."), refined);
    assertFalse(mentionsAny(refined, "sunset"), refined);
  }

  @Test
  void whatTheIdeaSaysIsNeverContradicted() {
    for (Target target : Target.values()) {
      for (ExpansionResult result : expander.expand(ExpansionRequest.of("a quiet harbor at night", target, StylePreset.NONE, 8, 21))) {
        assertFalse(mentionsAny(result.prompt(), "sun", "sunlight", "sunset", "sunrise", "golden hour", "daylight", "morning", "midday"),
            target.id() + ": day details in a night idea: " + result.prompt());
      }
      for (ExpansionResult result : expander.expand(ExpansionRequest.of("a black and white photo of a street", target, StylePreset.NONE, 8, 21))) {
        assertFalse(mentionsAny(result.prompt(), "palette", "hues", "jewel tones", "pastel colors"), target.id() + ": colours in black and white: " + result.prompt());
      }
      for (ExpansionResult result : expander.expand(ExpansionRequest.of("a calm lake during a storm", target, StylePreset.NONE, 8, 21))) {
        assertFalse(mentionsAny(result.prompt(), "serene", "peaceful", "cloudless", "glassy"), target.id() + ": fair weather in a storm: " + result.prompt());
      }
    }
  }

  @Test
  void aDetailNeverUndoesTheScaleLightOrColourTheIdeaGives() {
    // Each pair was read in the built-in engine's prompts for the development set.
    record Case(String idea, String... against) { }
    List<Case> cases = List.of(
        new Case("a small temple in a bamboo forest", "towering columns"),
        new Case("竹林の中の小さな寺", "towering columns"),
        new Case("a bakery window at night with a neon sign that says OPEN LATE", "starlight", "starry", "stars"),
        new Case("a stained glass window of a peacock", "muted", "earthy", "desaturated", "faded"),
        new Case("portrait of a young violinist, chiaroscuro", "faded", "washed out"),
        new Case("a tiny frog on a mushroom after rain"),
        new Case("pixel art spaceship cockpit", "natural light", "daylight", "sunlight", "earthy"),
        new Case("an astronaut floating inside a space station, photorealistic", "natural light", "daylight", "earthy"),
        new Case("a samurai walking through a bamboo forest in heavy rain", "starlight", "starry", "star-filled"),
        new Case("isometric tiny ramen shop at night", "starlight", "starry"),
        new Case("ein alter leuchtturm im nebel", "strong contrast", "crisp clean"),
        new Case("a castle on a floating island above the clouds", "cloud-covered", "rolling grey clouds"),
        new Case("a volcano erupting at night, long exposure", "lantern light", "candlelight", "lamplight", "deep blues", "inky", "midnight blue", "cool silver"),
        new Case("oil painting of sunflowers in a clay vase", "silvery", "cool slate", "icy", "pastel"),
        new Case("a dragon made of autumn leaves", "leathery", "scales", "scaly"),
        new Case("an owl made of folded paper", "feathers", "feathery", "plumage"),
        new Case("a fox and a rabbit sharing an umbrella in the rain", "long gentle shadows", "long golden shadows", "dappled light"),
        new Case("sketch of a violin, pencil on paper", "glossy", "varnished", "gleaming", "ink", "technical pen"),
        new Case("a stained glass window of a peacock", "candlelight", "lamplight", "flickering"),
        new Case("street photography of a rainy tokyo crossing, 50mm", "weathered doorways", "window boxes", "dew"),
        new Case("glowing jellyfish drifting through a night sky", "streamlined"),
        new Case("three kittens sleeping in a basket", "joyful", "energetic", "playful"),
        new Case("a futuristic train station on a desert planet", "storm bands"),
        new Case("aerial view of a winding river through a rainforest", "river stones", "spray", "parrots", "buttress roots", "mossy rocks", "pool below"),
        new Case("a samurai walking through a bamboo forest in heavy rain", "clear morning light", "slanting light", "filtering through", "lengthening shadows", "long gentle shadows"),
        new Case("a paper boat on a stream, shallow depth of field", "patchwork", "hay bales", "farmhouse", "country road", "rolling green hills", "wide shot", "wide-angle"),
        // Rain hides the sunrise's colours and the moon; heavy rain is not hushed or serene.
        new Case("a samurai walking through a bamboo forest in heavy rain", "pink and peach", "moonlight", "calm hush", "lazy unhurried", "peaceful and serene",
            "first lights"),
        new Case("a paper boat on a stream at blue hour", "first lights"),
        new Case("aerial view of a winding river through a rainforest at blue hour", "first lights"),
        new Case("an empty beach without umbrellas or people", "footprints"),
        new Case("an underwater coral reef teeming with fish", "200mm", "telephoto"),
        new Case("a busy medieval marketplace with merchants selling spices, silk and pottery while a juggler entertains children in front of a stone fountain",
            "long exposure"),
        new Case("street photography of a rainy tokyo crossing, 50mm", "pink and peach", "moonlight", "calm hush", "lazy unhurried"),
        new Case("the sound of rain on a tin roof", "pink and peach", "moonlight"),
        new Case("a fox and a rabbit sharing an umbrella in the rain", "pink and peach", "moonlight"),
        // No sun left to backlight anything.
        new Case("a mountain lake at blue hour", "golden backlight"),
        new Case("a city skyline at night", "golden backlight"),
        new Case("an abandoned amusement park at twilight", "first lights", "outlined in colored bulbs"),
        new Case("a volcano erupting at night, long exposure", "soft even lighting", "gentle diffused light", "soft natural light", "soft pastel light"),
        new Case("an astronaut floating inside a space station, photorealistic", "hull plating", "engine exhaust", "docking", "solar panel"),
        new Case("a space station orbiting earth", "handrails", "strapped to the walls", "round window", "droplets"),
        new Case("art deco skyline of 1920s new york at dusk", "crowds", "glass skyscrapers", "glass facades"),
        new Case("the loneliness of a late night diner", "peaceful and serene"),
        new Case("a cat under the christmas tree", "roots", "canopy", "bark"),
        new Case("christmas market in the snow", "glowing through leaves"));
    for (Case c : cases) {
      for (Target target : Target.values()) {
        for (long seed = 1; seed <= 6; seed++) {
          for (ExpansionResult result : expander.expand(ExpansionRequest.of(c.idea(), target, StylePreset.NONE, 4, seed))) {
            assertFalse(mentionsAny(result.prompt(), c.against()), target.id() + " / " + c.idea() + ": " + result.prompt());
            // Morning light in the late afternoon was another.
            assertFalse(mentionsAny(result.prompt(), "morning", "sunrise", "dawn")
                && mentionsAny(result.prompt(), "afternoon", "sunset", "dusk", "evening"), target.id() + " / " + c.idea() + ": " + result.prompt());
          }
        }
      }
    }
  }

  @Test
  void aStillAtmosphereAndALivelyMoodAreNeverOneTogether() throws IOException {
    List<String> still = List.of("quiet stillness", "calm hush", "lazy unhurried", "hushed veiled");
    List<String> lively = List.of("joyful uplifting", "energetic vibrant", "whimsical playful", "epic awe-inspiring", "dramatic intense");
    for (String idea : devIdeas()) {
      for (Target target : List.of(Target.DALLE, Target.STABLE_DIFFUSION)) {
        for (long seed = 1; seed <= 4; seed++) {
          for (ExpansionResult result : expander.expand(ExpansionRequest.of(idea, target, StylePreset.NONE, 4, seed))) {
            String prompt = result.prompt();
            assertFalse(mentionsAny(prompt, still.toArray(String[]::new)) && mentionsAny(prompt, lively.toArray(String[]::new)),
                target.id() + " / " + idea + ": " + prompt);
          }
        }
      }
    }
  }

  @Test
  void lightLensAndBrushworkThatCannotBeTrueTogetherAreNeverOneTogether() throws IOException {
    // Each pair was read in one prompt of the development set.
    List<List<List<String>>> pairs = List.of(
        List.of(List.of("soft even", "gentle diffused"), List.of("strong contrast")),
        List.of(List.of("sun high overhead"), List.of("slanting", "long shadows", "long gentle shadows", "lengthening shadows")),
        List.of(List.of("wide shot showing the surroundings", "wide establishing shot"), List.of("400mm", "600mm", "70-200mm")),
        List.of(List.of("impasto", "palette-knife"), List.of("soft blended glazes")),
        List.of(List.of("cross-hatching", "stippled shading", "strong contrast"), List.of("minimal shading")),
        List.of(List.of("loose gestural"), List.of("precise contour lines")),
        List.of(List.of("aerial drone", "sweeping panoramic", "wide establishing shot"), List.of("telephoto compression", "200mm")));
    for (String idea : devIdeas()) {
      for (long seed = 1; seed <= 4; seed++) {
        for (ExpansionResult result : expander.expand(ExpansionRequest.of(idea, Target.DALLE, StylePreset.NONE, 4, seed))) {
          for (List<List<String>> pair : pairs) {
            assertFalse(mentionsAny(result.prompt(), pair.get(0).toArray(String[]::new)) && mentionsAny(result.prompt(), pair.get(1).toArray(String[]::new)),
                pair + " / " + idea + ": " + result.prompt());
          }
        }
      }
    }
  }

  @Test
  void theNorthernLightsAreShown() {
    List<ExpansionResult> results = expander.expand(ExpansionRequest.of("a polar bear on an ice floe under the northern lights", Target.DALLE, StylePreset.NONE, 4, 1));
    assertTrue(results.stream().filter(r -> mentionsAny(r.prompt(), "ribbons of aurora", "curtains of violet", "green glow", "glowing bands")).count() >= 2,
        "the lights named but never described: " + results.get(0).prompt());
  }

  @Test
  void christmasBringsItsOwnDecorations() {
    for (long seed = 1; seed <= 4; seed++) {
      for (ExpansionResult result : expander.expand(ExpansionRequest.of("a snowy village street on christmas eve", Target.DALLE, StylePreset.NONE, 4, seed))) {
        assertTrue(mentionsAny(result.prompt(), "wreaths", "fairy lights", "decorated tree", "garlands"), "nothing festive: " + result.prompt());
      }
      List<ExpansionResult> tree = expander.expand(ExpansionRequest.of("a cat under the christmas tree", Target.DALLE, StylePreset.NONE, 4, seed));
      assertTrue(tree.stream().anyMatch(r -> mentionsAny(r.prompt(), "baubles", "presents", "tinsel", "star on the topmost")),
          "a christmas tree is not an oak: " + tree.get(0).prompt());
    }
  }

  @Test
  void anOldSkylineStillGetsFourDifferentPictures() {
    for (long seed = 1; seed <= 4; seed++) {
      List<String> openings = expander.expand(ExpansionRequest.of("art deco skyline of 1920s new york at dusk", Target.DALLE, StylePreset.NONE, 4, seed))
          .stream().map(r -> r.prompt().split("\\. ")[0]).toList();
      assertTrue(new HashSet<>(openings).size() >= 3, "the same details in every variation: " + openings);
    }
  }

  private static List<String> devIdeas() throws IOException {
    try (InputStream in = BuiltinExpanderTest.class.getResourceAsStream("/eval/ideas-dev.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
  }

  @Test
  void unknownAndForeignWordsStillGetRichDetails() {
    for (ExpansionResult result : expander.expand(ExpansionRequest.of("zorblax quintessence", Target.DALLE, StylePreset.NONE, 4, 2))) {
      assertFalse(mentionsAny(result.prompt(), "rich textures", "intricate details", "a clear focal point", "fine surface detail",
          "carefully balanced shapes"), "no filler for what the engine does not know: " + result.prompt());
    }
    for (String idea : List.of("Schloss im Nebel", "東京の夜", "🌅 beach", "una playa tranquila al atardecer")) {
      for (ExpansionResult result : expander.expand(ExpansionRequest.of(idea, Target.DALLE, StylePreset.NONE, 4, 2))) {
        // A paragraph opens with a capital letter; the rest of the person's words stay as typed.
        assertTrue(result.prompt().contains(idea) || result.prompt().contains(NaturalDialect.capitalized(idea)), "kept as typed: " + result.prompt());
        assertTrue(result.prompt().split("\\. ").length >= 4, "a full paragraph for " + idea + ": " + result.prompt());
      }
    }
    String fog = expander.expand(ExpansionRequest.of("Schloss im Nebel", Target.DALLE, StylePreset.NONE, 1, 2)).get(0).prompt();
    assertTrue(mentionsAny(fog, "mist", "haze", "fog", "veiled", "diffused"), "Nebel is fog: " + fog);
    String tokyo = expander.expand(ExpansionRequest.of("東京の夜", Target.DALLE, StylePreset.NONE, 1, 2)).get(0).prompt();
    assertFalse(mentionsAny(tokyo, "sun", "sunlight", "golden hour"), "夜 is night: " + tokyo);
  }

  @Test
  void midjourneyFramesScenesWideAndPeopleTall() {
    for (String scene : List.of("a beach sunset", "a lighthouse during a storm", "a desert caravan at midday")) {
      for (ExpansionResult result : expander.expand(ExpansionRequest.of(scene, Target.MIDJOURNEY, StylePreset.NONE, 4, 1))) {
        assertTrue(result.midjourney().aspectWidth() > result.midjourney().aspectHeight(), scene + ": " + result.fullText());
      }
    }
    for (String person : List.of("a portrait of an old fisherman", "a young woman reading in a cafe", "a samurai under cherry blossoms")) {
      for (ExpansionResult result : expander.expand(ExpansionRequest.of(person, Target.MIDJOURNEY, StylePreset.NONE, 4, 1))) {
        assertTrue(result.midjourney().aspectHeight() > result.midjourney().aspectWidth(), person + ": " + result.fullText());
      }
    }
  }

  @Test
  void aLogoOrPosterIsLaidOutNotFramedLikeWhatItShows() {
    // "a logo for a bicycle repair shop" was framed 21:9 with "warped wheels" kept out, as if the bicycle were photographed.
    for (String design : List.of("logo for a bicycle repair shop called Spoke & Chain", "minimalist poster of the eiffel tower",
        "infographic-style diagram of a honeybee", "a wedding invitation with roses and the words \"Anna & Leo\"")) {
      for (long seed = 1; seed <= 3; seed++) {
        for (ExpansionResult result : expander.expand(ExpansionRequest.of(design, Target.MIDJOURNEY, StylePreset.NONE, 4, seed))) {
          assertTrue(result.midjourney().aspectWidth() <= result.midjourney().aspectHeight(), design + ": " + result.fullText());
        }
        for (ExpansionResult result : expander.expand(ExpansionRequest.of(design, Target.STABLE_DIFFUSION, StylePreset.NONE, 4, seed))) {
          assertTrue(mentionsAny(result.negativePrompt(), "misspelled letters"), design + ": " + result.negativePrompt());
          assertFalse(mentionsAny(result.negativePrompt(), "wheels", "paws", "fingers", "horizon", "perspective"), design + ": " + result.negativePrompt());
        }
      }
    }
  }

  @Test
  void stableDiffusionWarnsOnlyWhenThePromptPassesWhatClipReads() {
    for (ExpansionResult result : expander.expand(ExpansionRequest.of("a beach sunset", Target.STABLE_DIFFUSION, StylePreset.PHOTO, 4, 1))) {
      assertTrue(result.warnings().isEmpty(), "short ideas fit: " + result.prompt());
      assertTrue(ClipTokens.count(result.prompt()) <= ClipTokens.LIMIT, result.prompt());
    }
    for (ExpansionResult result : expander.expand(ExpansionRequest.of(FORTY_WORDS, Target.STABLE_DIFFUSION, StylePreset.PHOTO, 2, 1))) {
      assertEquals(1, result.warnings().size(), result.prompt());
      assertTrue(result.warnings().get(0).startsWith("Longer than 75 CLIP tokens"), result.warnings().get(0));
    }
  }

  @Test
  void anIdeaLongerThanRunwayReadsIsCutAtAWordWithAWarning() {
    String idea = String.join(" ", java.util.Collections.nCopies(80, "wandering lanterns"));
    for (ExpansionResult result : expander.expand(ExpansionRequest.of(idea, Target.RUNWAY, StylePreset.NONE, 2, 1))) {
      assertTrue(result.prompt().length() <= 1000, "" + result.prompt().length());
      assertTrue(result.prompt().endsWith("…"));
      assertEquals(1, result.warnings().size());
      assertTrue(result.warnings().get(0).contains("1,000"), result.warnings().get(0));
    }
    for (ExpansionResult result : expander.expand(ExpansionRequest.of(idea, Target.DALLE, StylePreset.NONE, 2, 1))) {
      assertTrue(result.prompt().startsWith("W" + idea.substring(1)), "DALL·E reads 4,000 characters: nothing to cut");
      assertTrue(result.warnings().isEmpty());
    }
  }

  @Test
  void stylesChangeTheWordingAndOnlyPhotographicStylesNameALens() {
    String watercolor = expander.expand(ExpansionRequest.of("a red sports car", Target.DALLE, StylePreset.WATERCOLOR, 1, 4)).get(0).prompt();
    assertTrue(watercolor.startsWith("A watercolor painting of a red sports car"), watercolor);
    assertFalse(mentionsAny(watercolor, "lens", "camera"), watercolor);
    for (ExpansionResult photo : expander.expand(ExpansionRequest.of("a red sports car", Target.DALLE, StylePreset.PHOTO, 4, 4))) {
      assertTrue(photo.prompt().startsWith("A photograph of"), photo.prompt());
    }
    String already = expander.expand(ExpansionRequest.of("a watercolor of a heron", Target.DALLE, StylePreset.NONE, 1, 4)).get(0).prompt();
    assertTrue(already.startsWith("A watercolor of a heron") && mentionsAny(already, "washes", "pigments", "brushwork", "paper"), already);
  }

  @Test
  void everyStylePresetExpands() {
    for (StylePreset style : StylePreset.values()) {
      for (Target target : Target.values()) {
        List<ExpansionResult> results = expander.expand(ExpansionRequest.of("a fox in a forest", target, style, 8, 6));
        assertEquals(8, results.size(), style.id());
        List<String> prompts = new ArrayList<>();
        results.forEach(r -> prompts.add(r.prompt()));
        assertEquals(8, prompts.stream().distinct().count(), style.id() + "/" + target.id() + " repeats a variation");
      }
    }
  }

  @Test
  void askingForMoreVariationsKeepsTheFirstOnes() {
    List<ExpansionResult> two = expander.expand(ExpansionRequest.of("a robot gardener", Target.GENERIC, StylePreset.NONE, 2, 5));
    List<ExpansionResult> six = expander.expand(ExpansionRequest.of("a robot gardener", Target.GENERIC, StylePreset.NONE, 6, 5));
    assertEquals(two, six.subList(0, 2));
  }

  @Test
  void answersWithTheCountAskedForUnderAStableName() {
    List<ExpansionResult> results = expander.expand(ExpansionRequest.of("cat", Target.DALLE, StylePreset.NONE, 3, 1));
    assertEquals(3, results.size());
    assertEquals("builtin", expander.id());
    assertFalse(expander.label().isBlank());
  }
}
