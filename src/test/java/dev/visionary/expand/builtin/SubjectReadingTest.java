package dev.visionary.expand.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.prompt.StylePreset;
import dev.visionary.prompt.Target;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which subject an idea is about, and whether what the engine adds belongs to it: the head of the phrase
 * leads ("ramen shop" is a shop), a describing noun brings nothing of its own kind, a second subject gets its
 * own detail, and the subject's details agree with what the idea says it is doing.
 */
class SubjectReadingTest {
  private static final Vocabulary VOCABULARY = Vocabulary.standard();
  private static final BuiltinExpander ENGINE = new BuiltinExpander();
  private static final List<Target> TARGETS = List.of(Target.DALLE, Target.MIDJOURNEY, Target.STABLE_DIFFUSION);
  private static final List<String> FILLER = List.of("rich textures", "intricate details", "a clear focal point", "fine surface detail",
      "carefully balanced shapes", "subtle depth", "a clear sense of place");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "isometric tiny ramen shop at night | noodle-shop",
      "a bakery window at night with a neon sign that says OPEN LATE | bakery-window",
      "a tea ceremony in a japanese garden, ukiyo-e | tea-ceremony",
      "children's book illustration of a hedgehog planting flowers | hedgehog",
      "pixel art spaceship cockpit | cockpit",
      "a cozy reading nook in a lighthouse, watercolor | reading-nook",
      "a busy medieval marketplace with merchants selling spices while a juggler entertains children | marketplace",
      "a samurai walking through a bamboo forest in heavy rain | warrior",
      "a city skyline reflected in a puddle | puddle",
      "a kitchen at noon with fresh bread on the table | kitchen",
      "the loneliness of a late night diner | diner",
      "portrait of a cat | cat",
      "a portrait of an elderly woman, 85mm | elderly",
      "a mountain lake at dawn | lake",
      "a futuristic train station on a desert planet | station",
      "street photography of a rainy tokyo crossing, 50mm | crossing",
      "a bowl of pho, overhead shot | noodle-soup",
      "a snowman melting in the spring sun | snowman",
  })
  void theHeadOfThePhraseIsThePrimarySubject(String idea, String primary) {
    List<Vocabulary.Subject> subjects = IdeaReading.read(idea, VOCABULARY).subjects();
    assertFalse(subjects.isEmpty(), idea);
    assertEquals(primary, subjects.get(0).id(), idea + ": " + ids(subjects));
  }

  @ParameterizedTest(name = "{0} has no {1}")
  @CsvSource(delimiter = '|', value = {
      "isometric tiny ramen shop at night | noodle-soup",
      "children's book illustration of a hedgehog planting flowers | book",
      "pixel art spaceship cockpit | spaceship",
      "a tea ceremony in a japanese garden, ukiyo-e | tea",
      "a samurai walking through a bamboo forest in heavy rain | forest",
      "a futuristic train station on a desert planet | train",
  })
  void aNounThatOnlyDescribesAnotherIsNoSubject(String idea, String absent) {
    List<Vocabulary.Subject> subjects = IdeaReading.read(idea, VOCABULARY).subjects();
    assertTrue(subjects.stream().noneMatch(s -> s.id().equals(absent)), idea + ": " + ids(subjects));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "isometric tiny ramen shop at night | crumbs, sauce, plated, appetizing | counter, stools, noren, lantern, stockpots, broth, menu",
      "a bakery window at night with a neon sign that says OPEN LATE | flat lay, table height, crumb, overhead | glass, window, pavement, awning, pane, street",
      "a tea ceremony in a japanese garden, ukiyo-e | citrus, condensation, latte, ice cubes | matcha, tatami, kimono, kettle, lacquered, vase, host",
      "children's book illustration of a hedgehog planting flowers | pages, bookmark, binding, gilded, moss-covered rock | spines, snout, paws, body, eyes",
      "pixel art spaceship cockpit | hull, engine exhaust, docking lights, rolling shot | switches, viewport, seat, status lights, throttle, readouts",
      "a cozy reading nook in a lighthouse, watercolor | cliffs, surf, keeper's cottage, winding path | cushioned, books, blanket, tea, lamp, pillows",
      "a busy medieval marketplace with merchants selling spices, silk and pottery while a juggler entertains children in front of a stone fountain | skin, smile, tousled, catchlights, wide-eyed | awnings, stalls, produce, spices, cloth, signs, pottery, shoppers, lanterns",
      "a samurai walking through a bamboo forest in heavy rain | pines, ferns | bamboo, stalks, slender leaves",
      "an underwater coral reef teeming with fish | ripples on the surface, 70-200mm | coral, fish, anemones, turtle, kelp, bubbles, particles",
      "a kitchen at noon with fresh bread on the table | side view showing the layers, flat lay | table, pans, shelves, herbs, backsplash, kettle, worktop",
      "the sound of rain on a tin roof | fine surface detail | corrugated, rust, gutter, moss, roofs",
      "a stained glass window of a peacock | marble countertop, wooden table | glass, lead lines, arch, border",
  })
  void detailsBelongToTheHeadNoun(String idea, String forbidden, String expected) {
    for (Target target : TARGETS) {
      for (long seed : new long[] {1, 2, 3}) {
        for (ExpansionResult result : ENGINE.expand(ExpansionRequest.of(idea, target, StylePreset.NONE, 4, seed))) {
          String added = added(result.prompt(), idea);
          for (String word : forbidden.split(",\\s*")) {
            assertFalse(added.contains(word), target.id() + " / " + seed + ": \"" + word + "\" does not belong to " + idea + ": " + result.prompt());
          }
          assertTrue(containsAny(added, expected.split(",\\s*")), target.id() + " / " + seed + ": nothing about the subject of " + idea + ": "
              + result.prompt());
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "a red vintage car parked next to a blue bicycle | bicycle",
      "a fox and a rabbit sharing an umbrella in the rain | rabbit",
      "a cat sitting on top of a sleeping dog | dog",
  })
  void aSecondSubjectGetsADetailOfItsOwn(String idea, String second) {
    Vocabulary.Subject subject = VOCABULARY.subjects.stream().filter(s -> s.id().equals(second)).findFirst().orElseThrow();
    // A sleeping dog's details are those of its sleep.
    List<String> details = new java.util.ArrayList<>(subject.details());
    subject.states().values().forEach(details::addAll);
    for (long seed : new long[] {1, 2, 3}) {
      for (ExpansionResult result : ENGINE.expand(ExpansionRequest.of(idea, Target.DALLE, StylePreset.NONE, 4, seed))) {
        String prompt = result.prompt().toLowerCase(Locale.ROOT);
        // A second creature's detail says whose it is: "the dog's gently rising flank".
        assertTrue(details.stream().anyMatch(d -> prompt.contains(d) || prompt.contains(ScenePlanner.possessive(second, d))),
            "the " + second + " named in \"" + idea + "\" gets a detail: " + result.prompt());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "a cat sitting on top of a sleeping dog | eager, alert, curious eyes, wagging, playful, action shot",
      "three kittens sleeping in a basket | eager, alert, curious eyes, playful, its ",
      "a snowman melting in the spring sun | crisp frosty, fresh snow, frost glittering, icicles",
      "a red vintage car parked next to a blue bicycle | panning shot, rolling shot, motion-blurred, speed and power, showroom",
      "glowing jellyfish drifting through a night sky | on the eyes, eyes in sharp focus",
      "a knight kneeling before a glowing sword, dramatic backlight | by a large window, quiet room, cozy cafe",
  })
  void detailsAgreeWithWhatTheIdeaSaysItsSubjectIsDoing(String idea, String forbidden) {
    for (Target target : TARGETS) {
      for (long seed : new long[] {1, 2, 3, 4}) {
        for (ExpansionResult result : ENGINE.expand(ExpansionRequest.of(idea, target, StylePreset.NONE, 4, seed))) {
          String added = added(result.prompt(), idea);
          for (String word : forbidden.split(",\\s*")) {
            String phrase = word.equals("its") ? " its " : word;
            assertFalse(added.contains(phrase), target.id() + " / " + seed + ": \"" + phrase + "\" contradicts " + idea + ": " + result.prompt());
          }
        }
      }
    }
  }

  @Test
  void noIdeaOfTheDevelopmentSetGetsGenericFiller() throws IOException {
    for (String idea : devIdeas()) {
      // The natural paragraph: tag dialects may close with their own finish words, which are not details.
      for (ExpansionResult result : ENGINE.expand(ExpansionRequest.of(idea, Target.DALLE, StylePreset.NONE, 4, 1))) {
        String prompt = result.prompt().toLowerCase(Locale.ROOT);
        for (String filler : FILLER) {
          assertFalse(prompt.contains(filler), "filler \"" + filler + "\" for " + idea + ": " + result.prompt());
        }
      }
    }
  }

  @Test
  void everySubjectIsWrittenWithEnoughConcreteDetails() {
    for (Vocabulary.Subject subject : VOCABULARY.subjects) {
      assertTrue(subject.details().size() >= 4, subject.id());
      for (String detail : subject.details()) {
        assertFalse(FILLER.contains(detail), subject.id() + " has filler: " + detail);
      }
    }
    assertTrue(VOCABULARY.subjects.size() >= 160, "subjects: " + VOCABULARY.subjects.size());
  }

  private static List<String> devIdeas() throws IOException {
    try (InputStream in = SubjectReadingTest.class.getResourceAsStream("/eval/ideas-dev.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
  }

  /** What the engine wrote around the idea, lower-cased, the idea's own words taken out. */
  private static String added(String prompt, String idea) {
    String lower = prompt.toLowerCase(Locale.ROOT);
    return " " + lower.replace(idea.toLowerCase(Locale.ROOT), " ") + " ";
  }

  private static boolean containsAny(String text, String... words) {
    for (String word : words) {
      if (text.contains(word)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> ids(List<Vocabulary.Subject> subjects) {
    List<String> out = new ArrayList<>();
    subjects.forEach(s -> out.add(s.id()));
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', textBlock = """
      a village street in provence in spring ; spring ; autumn leaves|snow|winter|fallen leaves
      a quiet lake in winter ; winter ; blossoms|summer|wildflowers
      a park bench in autumn ; autumn ; blossoms|spring|snow
      une rue de village en provence au printemps ; spring ; autumn leaves|snow|winter|fallen leaves
      """)
  void aSeasonNamedInTheIdeaGetsItsOwnDetailAndNoOther(String idea, String season, String others) {
    RefineWords.Season named = RefineWords.standard().season(season);
    for (Target target : TARGETS) {
      for (long seed = 1; seed <= 3; seed++) {
        for (ExpansionResult r : ENGINE.expand(ExpansionRequest.of(idea, target, StylePreset.NONE, 4, seed))) {
          String prompt = r.prompt().toLowerCase(Locale.ROOT);
          assertTrue(named.details().stream().anyMatch(d -> PromptChecks.mentions(prompt, d)), season + " detail in: " + r.prompt());
          for (String other : others.split("\\|")) {
            assertFalse(prompt.replace(idea.toLowerCase(Locale.ROOT), "").contains(other), other + " in " + season + ": " + r.prompt());
          }
        }
      }
    }
  }
}
