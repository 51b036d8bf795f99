package dev.visionary.expand.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.prompt.StylePreset;
import dev.visionary.prompt.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** How the paragraph and the tags read, and whether light, colour and mood agree with the idea. */
class ProseTest {
  private static final long[] SEEDS = {1, 2, 3, 4, 5};
  private static final BuiltinExpander ENGINE = new BuiltinExpander();
  private static final List<String> COLOURS = List.of("palette", "tones", "hues", "colors", "saturated", "golden", "gold", "amber",
      "teal", "pink", "peach", "lavender", "violet", "purple", "orange", "neon", "jewel", "pastel", "indigo", "midnight blue");

  private static List<String> added(String idea, Target target) {
    List<String> out = new ArrayList<>();
    for (long seed : SEEDS) {
      for (ExpansionResult r : ENGINE.expand(ExpansionRequest.of(idea, target, StylePreset.NONE, 4, seed))) {
        String prompt = r.prompt().replaceAll("\\(([^()]*):\\d(?:\\.\\d+)?\\)", "$1");
        String opened = idea.substring(0, 1).toUpperCase(Locale.ROOT) + idea.substring(1);
        out.add(prompt.replace(idea, " ").replace(opened, " ").toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }

  private static void never(List<String> ideas, List<String> words, String why) {
    for (String idea : ideas) {
      for (Target target : List.of(Target.DALLE, Target.MIDJOURNEY, Target.STABLE_DIFFUSION)) {
        for (String text : added(idea, target)) {
          for (String word : words) {
            assertFalse(Pattern.compile("\\b" + Pattern.quote(word) + "\\b").matcher(text).find(),
                why + ": \"" + word + "\" for \"" + idea + "\" on " + target.id() + ": " + text);
          }
        }
      }
    }
  }

  @Test
  void aCrowdTheEngineAddsIsNeverQuietOrUnhurried() {
    // Read in the development set: "A crowd is crossing from every side … a lazy unhurried atmosphere".
    for (long seed = 1; seed <= 12; seed++) {
      for (ExpansionResult r : ENGINE.expand(ExpansionRequest.of("street photography of a rainy tokyo crossing, 50mm", Target.DALLE,
          StylePreset.NONE, 4, seed))) {
        String p = r.prompt().toLowerCase(Locale.ROOT);
        assertFalse(p.contains("crowd") && (p.contains("unhurried") || p.contains("stillness") || p.contains("calm hush")), r.prompt());
      }
    }
  }

  @Test
  void twoDetailsNeverNameTheSameThing() {
    // Read in the development set: "wise gentle eyes and expressive eyes", "soft overlapping layers of petals and delicate
    // velvety petals", "an instrument held with care and a worn well-loved instrument".
    record Case(String idea, String word) { }
    for (Case c : List.of(new Case("oil painting of sunflowers in a clay vase", "petals"),
        new Case("portrait of a young violinist, chiaroscuro", "instrument"))) {
      for (long seed : SEEDS) {
        for (ExpansionResult r : ENGINE.expand(ExpansionRequest.of(c.idea(), Target.DALLE, StylePreset.NONE, 4, seed))) {
          int times = r.prompt().toLowerCase(Locale.ROOT).split("\\b" + c.word() + "\\b", -1).length - 1;
          assertTrue(times <= 1, c.word() + " named " + times + " times: " + r.prompt());
        }
      }
    }
    for (long seed : SEEDS) {
      for (ExpansionResult r : ENGINE.expand(ExpansionRequest.of("a portrait of an elderly woman, 85mm, soft window light", Target.DALLE,
          StylePreset.NONE, 4, seed))) {
        // "wise gentle eyes" and "catchlights in the eyes" are one pair of eyes; "… eyes and expressive eyes" two.
        assertTrue(Pattern.compile("(?<!the) eyes\\b").matcher(r.prompt()).results().count() <= 1, r.prompt());
      }
    }
  }

  @Test
  void aColourfulIdeaIsNotGreyedAndSunriseOrNightIsNotFlatlyLit() {
    // Read in the development set: "cool silvery greys" for a spice market, a ladybug and a 1950s postcard; "soft
    // even lighting" at dawn, at sunset and at night; a lazy unhurried atmosphere around an eager puppy.
    never(List.of("a busy medieval marketplace with merchants selling spices", "a wooden sailboat in a calm harbor, 1950s postcard",
        "macro photo of a ladybug on a blade of grass", "a red vintage car parked by the sea"),
        List.of("cool silvery greys", "muted earthy tones", "desaturated film tones", "gentle faded tones"), "a muted palette for a colourful idea");
    never(List.of("a mountain lake at dawn", "a lighthouse at sunset", "a city street at night", "a horse at sunrise"),
        List.of("soft even lighting"), "flat even light at a low sun or at night");
    never(List.of("a golden retriever puppy in autumn leaves"), List.of("unhurried"), "lazy beside an eager puppy");
    // Read in the development set: "Notice sunlight across the worktop … and the sun high overhead" in a kitchen.
    never(List.of("a kitchen at noon with fresh bread on the table"), List.of("the sun high overhead"), "the sun overhead indoors");
  }

  @Test
  void theAirAndTheLightDoWhatTheyDoInsteadOfCompletingThePicture() throws java.io.IOException {
    // A reader counted "… completes the picture", "… sets the scene" and "Look closer for …" against nearly every
    // paragraph: one frame for every phrase. What the air or the light does now fits the phrase's own head word.
    assertEquals(NaturalDialect.AirVerb.SETTLES, NaturalDialect.AirVerb.of("a quiet stillness"));
    assertEquals(NaturalDialect.AirVerb.DEEPENS, NaturalDialect.AirVerb.of("long gentle shadows"));
    assertEquals(NaturalDialect.AirVerb.HANGS, NaturalDialect.AirVerb.of("a soft warm haze"));
    assertEquals(NaturalDialect.AirVerb.STRETCHES, NaturalDialect.AirVerb.of("a star-filled sky"));
    assertEquals(NaturalDialect.AirVerb.SHOWS, NaturalDialect.AirVerb.of("a vast humbling sense of scale"));
    // Things seen, though their last word is the sky or the dark: what they name comes before what places them.
    assertNull(NaturalDialect.AirVerb.of("crisp silhouettes against the fading sky"));
    assertNull(NaturalDialect.AirVerb.of("glowing points of light in the darkness"));
    List<String> ideas;
    try (var in = ProseTest.class.getResourceAsStream("/eval/ideas-dev.txt")) {
      ideas = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }
    Pattern stock = Pattern.compile("(?i)completes? the picture|sets? the scene|look closer for|crisp silhouettes against the fading sky stretch");
    int framed = 0;
    for (String idea : ideas) {
      for (Target target : List.of(Target.DALLE, Target.GPT_IMAGE, Target.RUNWAY)) {
        for (long seed : new long[] {1, 2}) {
          for (ExpansionResult r : ENGINE.expand(ExpansionRequest.of(idea, target, StylePreset.NONE, 4, seed))) {
            assertFalse(stock.matcher(r.prompt()).find(), target.id() + " / \"" + idea + "\": " + r.prompt());
            // "There are also a small church steeple and frost-covered branches": no verb suits a list; it is seen.
            assertFalse(Pattern.compile("There (?:is|are) also an? [^.]* and ").matcher(r.prompt()).find(), r.prompt());
            if (r.prompt().matches("(?s).*(?:settles? over everything|adds? depth|hangs? in the air|stretch(?:es)? overhead)\\..*")) {
              framed++;
            }
          }
        }
      }
    }
    assertTrue(framed > 50, "the air and the light are said as they are in only " + framed + " paragraphs");
  }

  @Test
  void theVerbAgreesWithWhatIsSeen() {
    // Each was read in the development set's prompts: "There is also eyes closed in the music", "Soft pink and peach light complete the picture".
    for (String many : List.of("eyes closed in the music", "raindrops streaking through the air", "throttle levers and a control stick",
        "a cat and a dog", "rigging and ropes", "layers of buildings", "grass and leaves", "warm orange and pink hues", "people passing by",
        "personal objects that tell a story", "crisp silhouettes against the fading sky")) {
      assertTrue(NaturalDialect.pluralSubject(many), many);
    }
    for (String one : List.of("soft pink and peach light", "a flock of birds", "contrast between light and shadow", "a quiet stillness",
        "cool silvery moonlight", "a head turned over its shoulder", "crisp frosty air", "a fresh blanket of snow",
        "a sign that says OPEN", "a lamp that lights the stairs")) {
      assertFalse(NaturalDialect.pluralSubject(one), one);
    }
  }

  @Test
  void aSecondCreaturesDetailsSayWhoseTheyAre() {
    // "a cat sitting on top of a sleeping dog, with ... eyes closed in sleep": whose eyes? The first creature's
    // details are read as its own; the second's are named.
    for (long seed = 1; seed <= 4; seed++) {
      for (ExpansionResult result : ENGINE.expand(ExpansionRequest.of("a cat sitting on top of a sleeping dog", Target.DALLE, StylePreset.NONE, 4, seed))) {
        String prompt = result.prompt();
        for (String dogs : List.of("eyes closed in sleep", "gently rising flank", "ears folded back in sleep", "paws twitching in a dream")) {
          if (prompt.contains(dogs)) {
            assertTrue(prompt.contains("the dog's " + dogs) || prompt.contains("The dog's " + dogs), prompt);
          }
        }
        assertFalse(prompt.contains("the cat's"), "the first creature needs no name: " + prompt);
        assertFalse(prompt.contains("There is also the") || prompt.contains("There are also the"), prompt);
      }
      // One person read as two subjects is still one person.
      for (ExpansionResult result : ENGINE.expand(ExpansionRequest.of("a portrait of an elderly woman, 85mm, soft window light", Target.DALLE, StylePreset.NONE, 4, seed))) {
        assertFalse(result.prompt().contains("the woman's"), result.prompt());
      }
    }
  }

  @Test
  void aDrawnPictureGetsNoPhotographersHourOrCameraAngle() {
    List<String> drawn = List.of("children's book illustration of a hedgehog planting flowers", "a tea ceremony in a japanese garden, ukiyo-e",
        "sketch of a violin, pencil on paper", "a watercolor of a fox in a meadow", "oil painting of sunflowers in a clay vase");
    never(drawn, List.of("blue hour", "golden hour", "at dusk", "at sunset", "at sunrise", "at night", "at midday", "in the early morning",
        "in the late afternoon", "shot", "low angle", "flat lay", "depth of field", "vantage point"), "a drawn picture is not photographed");
    never(List.of("children's book illustration of a hedgehog planting flowers", "a storybook picture of a bear having a picnic"),
        List.of("jewel", "saturated", "neon", "silvery", "inky", "dramatic"), "a storybook's colours are soft and warm");
  }

  @Test
  void theLensAndTheScenerySuitWhatIsInThePicture() {
    never(List.of("glowing jellyfish drifting through a night sky"), List.of("wildlife lens", "600mm", "400mm"), "no wildlife lens for the sky");
    never(List.of("a castle on a floating island above the clouds"), List.of("tilt-shift", "lagoon", "white sand", "coral reefs"),
        "a castle in the sky is neither a miniature nor a beach");
    never(List.of("a cat sitting on top of a sleeping dog", "three kittens sleeping in a basket", "a golden retriever puppy in autumn leaves",
        "the sound of rain on a tin roof", "a snowman melting in the spring sun"),
        List.of("macro"), "a macro lens is for things smaller than a hand");
    never(List.of("the sound of rain on a tin roof", "a fox and a rabbit sharing an umbrella in the rain",
        "a samurai walking through a bamboo forest in heavy rain"),
        List.of("sunset", "golden hour", "orange and deep purple", "gold and violet", "long golden shadows"),
        "rain hides the sunset");
    // At night the hills are not green.
    for (String text : added("a castle on a floating island above the clouds at night", Target.DALLE)) {
      assertFalse(text.contains("lush green"), text);
    }
  }

  @Test
  void aMediumWithoutColourGetsNoPalette() {
    never(List.of("sketch of a violin, pencil on paper", "a forest in black and white, no animals", "charcoal drawing of an old harbor"),
        COLOURS, "colour in a medium without colour");
  }

  @Test
  void rainAndFogMuteTheColours() {
    never(List.of("a samurai walking through a bamboo forest in heavy rain", "ein alter leuchtturm im nebel", "a rainy street in paris"),
        List.of("vibrant", "saturated", "neon accents", "sunny", "clean bright daylight", "crisp directional sunlight", "high-key"),
        "bright colour or sun in rain or fog");
  }

  @Test
  void noonGetsNoNightOrLowKeyLight() {
    never(List.of("a kitchen at noon with fresh bread on the table", "a village market at midday"),
        List.of("low-key", "moonlight", "starlight", "lamplight", "night light"), "night light at noon");
  }

  @Test
  void daylightAndCheerGetNoLowKeyLight() {
    never(List.of("a dragon made of autumn leaves at sunrise", "a puppy playing in a garden", "a birthday party in the late afternoon"),
        List.of("low-key"), "low-key light in daylight or on a cheerful idea");
  }

  @Test
  void aCozyIdeaGetsNoCoolLightOrPalette() {
    never(List.of("a cozy reading nook in a lighthouse, watercolor", "a cozy cabin in the woods"),
        List.of("cool", "teal", "silvery", "moonlight", "icy", "slate", "greys"), "cool colour on a cozy idea");
  }

  @Test
  void drawnAndDesignedPicturesGetNoFilmLight() {
    never(List.of("a stained glass window of a peacock", "a tea ceremony in a japanese garden, ukiyo-e", "minimalist poster of the eiffel tower"),
        List.of("cinematic", "film tones", "volumetric"), "film light on a drawn or designed picture");
  }

  @Test
  void nothingIsNamedTwice() {
    Pattern twice = Pattern.compile("(moonlight|eye[- ]level|saturated|starlight|candlelight)\\b.*\\b\\1\\b");
    Pattern twoLights = Pattern.compile("(?:moonlight|sunbeams|sunlight|starlight)\\b.*\\b(?:lit by|bathed in|light brings|lighting brings|light, (?:in|with)|the light is)\\b");
    for (String idea : List.of("ein alter leuchtturm im nebel", "a cat sitting on top of a sleeping dog", "a golden retriever puppy in autumn leaves",
        "a chess board in the middle of a desert", "a forest in black and white, no animals", "a polar bear on an ice floe under the northern lights", "three kittens sleeping in a basket")) {
      for (String text : added(idea, Target.DALLE)) {
        Matcher m = twice.matcher(text);
        assertFalse(m.find(), "\"" + (m.find(0) ? m.group(1) : "") + "\" twice for \"" + idea + "\": " + text);
        assertFalse(twoLights.matcher(text).find(), "a second light after the one a detail names, for \"" + idea + "\": " + text);
      }
    }
  }

  @Test
  void aCountedGroupGetsDetailsAboutAllOfThem() {
    assertEquals("delicate pink noses", ScenePlanner.ofEach("a delicate pink nose"));
    assertEquals("relaxed curled tails", ScenePlanner.ofEach("a relaxed curled tail"));
    assertEquals("round little bodies", ScenePlanner.ofEach("a round little body"));
    assertEquals("tails curled over the nose", ScenePlanner.ofEach("a tail curled over the nose"));
    assertEquals("wooden sheds", ScenePlanner.ofEach("a wooden shed"));
    assertEquals("striped awnings above the window", ScenePlanner.ofEach("a striped awning above the window"));
    assertEquals("light dustings of flour", ScenePlanner.ofEach("a light dusting of flour"));
    assertEquals("gold earrings", ScenePlanner.ofEach("a gold earring"));
    assertEquals("rocky hilltop settings", ScenePlanner.ofEach("a rocky hilltop setting"));
    assertEquals("balls of yarn", ScenePlanner.ofEach("a ball of yarn"));
    assertEquals("soft detailed fur", ScenePlanner.ofEach("soft detailed fur"));
    Vocabulary vocabulary = Vocabulary.standard();
    for (String idea : List.of("three kittens sleeping in a basket", "two dogs on a porch", "four horses in a field")) {
      List<String> singular = new ArrayList<>();
      vocabulary.subjects.stream().filter(s -> s.triggers().stream().anyMatch(t -> idea.contains(t + "s") || idea.contains(t + " ")))
          .forEach(s -> s.details().stream().filter(d -> d.startsWith("a ") || d.startsWith("an ")).forEach(singular::add));
      assertFalse(singular.isEmpty(), "no subject found for " + idea);
      for (String text : added(idea, Target.DALLE)) {
        for (String one : singular) {
          assertFalse(text.contains(one), "\"" + one + "\" for a group, in \"" + idea + "\": " + text);
        }
      }
    }
  }

  @Test
  void aStateTheIdeaGivesIsDevelopedInEveryVariation() {
    Vocabulary vocabulary = Vocabulary.standard();
    for (String[] idea : new String[][] {{"a snowman melting in the spring sun", "snowman", "melt"},
        {"a volcano erupting at night, long exposure", "volcano", "erupt"}, {"three kittens sleeping in a basket", "cat", "sleep"}}) {
      List<String> state = vocabulary.subjects.stream().filter(s -> s.id().equals(idea[1])).findFirst().orElseThrow().states().get(idea[2]);
      for (Target target : List.of(Target.DALLE, Target.MIDJOURNEY, Target.STABLE_DIFFUSION)) {
        for (String text : added(idea[0], target)) {
          // Written as a sentence or in the plural, a state detail keeps its last word.
          assertTrue(state.stream().anyMatch(d -> text.contains(d.substring(d.lastIndexOf(' ') + 1))),
              "nothing of \"" + idea[2] + "\" for \"" + idea[0] + "\": " + text);
        }
      }
    }
    // Not without the state word: a snowman standing in the snow does not drip.
    for (String text : added("a snowman in a snowy garden", Target.DALLE)) {
      assertFalse(text.contains("puddle") || text.contains("meltwater") || text.contains("drooping"), text);
    }
  }

  @Test
  void aStateReadsInTheSimplePresentNotAsSomethingHappening() {
    assertEquals("a wooden dock reaches into the water", NaturalDialect.action("a wooden dock reaching into the water"));
    assertEquals("lamp posts line the sidewalk", NaturalDialect.action("lamp posts lining the sidewalk"));
    assertEquals("wet sand mirrors the sky", NaturalDialect.action("wet sand mirroring the sky"));
    assertEquals("a narrow lane stretches toward the hills", NaturalDialect.action("a narrow lane stretching toward the hills"));
    // Refine finds the detail again in its sentence.
    assertEquals("lamp posts lining the sidewalk", NaturalDialect.detailOfStative("lamp posts line the sidewalk"));
    assertEquals("a wooden dock reaching into the water", NaturalDialect.detailOfStative("a wooden dock reaches into the water"));
    // Things that move keep the progressive.
    assertEquals("clouds are drifting across the summits", NaturalDialect.action("clouds drifting across the summits"));
    for (String idea : List.of("a mountain lake at dawn", "a snowy village street on christmas eve", "an empty beach without umbrellas or people")) {
      for (String text : added(idea, Target.DALLE)) {
        assertFalse(text.matches("(?s).*\\b(?:is|are) (?:reaching|lining|mirroring|stretching|overlooking|surrounding|facing|standing)\\b.*"),
            "a state written as something happening for \"" + idea + "\": " + text);
      }
    }
  }

  @Test
  void aDetailWithAVerbBecomesASentence() {
    assertEquals("clouds are drifting across the summits", NaturalDialect.action("clouds drifting across the summits"));
    assertEquals("the sun is just cresting the horizon", NaturalDialect.action("the sun just cresting the horizon"));
    assertEquals("dramatic shafts of light are breaking through", NaturalDialect.action("dramatic shafts of light breaking through"));
    assertEquals("grass and leaves are bending in the wind", NaturalDialect.action("grass and leaves bending in the wind"));
    assertEquals("a soft haze is lifting", NaturalDialect.action("a soft haze lifting"));
    // Adjectives and nouns in -ing stay things seen.
    assertNull(NaturalDialect.action("billowing ash clouds"));
    assertNull(NaturalDialect.action("soft overlapping layers of petals"));
    assertNull(NaturalDialect.action("intricate hull plating"));
    assertNull(NaturalDialect.action("a rocky hilltop setting"));
    assertNull(NaturalDialect.action("a glowing sky streaked with clouds"));
  }

  @Test
  void aParagraphDevelopsDetailsAsSentencesAndReadsLightAsLight() {
    String paragraph = ENGINE.expand(ExpansionRequest.of("a mountain lake at dawn", Target.DALLE, StylePreset.NONE, 4, 1)).stream()
        .map(ExpansionResult::prompt).reduce("", String::concat);
    assertTrue(Pattern.compile("\\. [A-Z][^.]* (?:is|are) (?:just )?\\w+ing\\b").matcher(paragraph).find(), paragraph);
    // Never "Lit by strong contrast between light and shadow": only a light is lit by or bathed in.
    for (long seed : SEEDS) {
      for (String idea : List.of("a kitchen at noon with fresh bread on the table", "an owl reading a newspaper", "a snowman melting in the spring sun", "sketch of a violin, pencil on paper")) {
        for (ExpansionResult r : ENGINE.expand(ExpansionRequest.of(idea, Target.DALLE, StylePreset.NONE, 4, seed))) {
          assertFalse(Pattern.compile("(?i)(?:lit by|bathed in|the light is) (?:strong|dramatic) contrast").matcher(r.prompt()).find(), r.prompt());
          assertFalse(r.prompt().contains("rays brings"), r.prompt());
          assertFalse(Pattern.compile("(?i)lit by [^,.]*lighting\\b").matcher(r.prompt()).find(), "lit by lighting: " + r.prompt());
        }
      }
    }
  }

  @Test
  void stableDiffusionWeighsTheSubjectAndLittleElse() {
    for (String idea : List.of("a mountain lake at dawn", "a volcano erupting at night, long exposure", "three kittens sleeping in a basket",
        "oil painting of sunflowers in a clay vase")) {
      for (long seed : SEEDS) {
        for (ExpansionResult r : ENGINE.expand(ExpansionRequest.of(idea, Target.STABLE_DIFFUSION, StylePreset.NONE, 4, seed))) {
          String head = idea.contains(",") ? idea.substring(0, idea.indexOf(',')) : idea;
          assertTrue(r.prompt().startsWith("(" + head + ":1.2)"), r.prompt());
          Matcher weights = Pattern.compile("\\([^()]*:\\d\\.\\d\\)").matcher(r.prompt());
          int count = 0;
          while (weights.find()) {
            count++;
          }
          assertTrue(count <= 2, "weights kept sparse: " + r.prompt());
        }
      }
    }
  }

  @Test
  void stableDiffusionQualityAndNegativesFitTheSubject() {
    for (long seed : SEEDS) {
      for (ExpansionResult r : ENGINE.expand(ExpansionRequest.of("oil painting of sunflowers in a clay vase", Target.STABLE_DIFFUSION, StylePreset.NONE, 4, seed))) {
        for (String photo : List.of("photography", "sharp focus", "true-to-life", "tonal range", "natural colors")) {
          assertFalse(r.prompt().contains(photo), "photo quality on a painting: " + r.prompt());
        }
      }
      for (String animal : List.of("three kittens sleeping in a basket", "a golden retriever puppy in autumn leaves")) {
        for (ExpansionResult r : ENGINE.expand(ExpansionRequest.of(animal, Target.STABLE_DIFFUSION, StylePreset.NONE, 4, seed))) {
          for (String human : List.of("fingers", "hands", "face", "skin")) {
            assertFalse(r.negativePrompt().contains(human), human + " in the negative prompt of an animal: " + r.negativePrompt());
          }
        }
      }
    }
  }

  @Test
  void afterRainNothingIsStillFalling() {
    for (Target target : List.of(Target.DALLE, Target.MIDJOURNEY, Target.STABLE_DIFFUSION)) {
      for (long seed = 1; seed <= 5; seed++) {
        for (ExpansionResult r : new BuiltinExpander().expand(ExpansionRequest.of("a tiny frog on a mushroom after rain", target, StylePreset.NONE, 4, seed))) {
          String prompt = r.prompt().toLowerCase(java.util.Locale.ROOT);
          assertFalse(prompt.contains("streaking") || prompt.contains("falling") || prompt.contains("pouring"), "rain still falling after rain: " + r.prompt());
          assertFalse(prompt.contains("action shot") || prompt.contains("mid-movement"), "a tiny frog sitting is no action shot: " + r.prompt());
        }
      }
    }
  }
}
