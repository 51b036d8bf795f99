package dev.visionary.expand.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.prompt.StylePreset;
import dev.visionary.prompt.Target;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Ideas typed in French, German, Spanish, Italian, Portuguese and Japanese are understood through the glossary
 * in {@code vocabulary/languages.json}: their subject, time, weather and negations steer the additions, the
 * person's words stay as typed, and the card says the engine writes English.
 */
class LanguageReadingTest {
  private static final Vocabulary VOCABULARY = Vocabulary.standard();
  private static final BuiltinExpander ENGINE = new BuiltinExpander();
  private static final long[] SEEDS = {1, 2};
  private static final Pattern GLOSS = Pattern.compile("\\([^()]*\\)");

  /** 2 seeds × 4 variations, for DALL·E. */
  private static List<ExpansionResult> eight(String idea, Target target) {
    List<ExpansionResult> out = new ArrayList<>();
    for (long seed : SEEDS) {
      out.addAll(ENGINE.expand(ExpansionRequest.of(idea, target, StylePreset.NONE, 4, seed)));
    }
    return out;
  }

  private static Vocabulary.Subject subject(String id) {
    return VOCABULARY.subjects.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
  }

  private static boolean hasDetailOf(String prompt, String subjectId) {
    Vocabulary.Subject subject = subject(subjectId);
    return subject.details().stream().anyMatch(d -> PromptChecks.mentions(prompt, d));
  }

  /** What the engine added: the prompt less the person's words and the English gloss after them. */
  private static String added(String prompt, String idea) {
    return GLOSS.matcher(prompt.replace(idea, "").replace(NaturalDialect.capitalized(idea), "")).replaceAll("");
  }

  @Test
  void emojiAreGlossedWithWhatTheyShow() {
    // Two blind readers flagged "🍄🌲✨ at sunset, with a speckled red cap": the paragraph never said what it shows.
    assertEquals("🍄🌲✨ (a mushroom with an evergreen tree and sparkles)", VOCABULARY.glossary.read("🍄🌲✨").glossed());
    // Among words an emoji stands for its noun, after the person's own article.
    assertEquals("a cat on a sofa", VOCABULARY.glossary.read("a 🐱 on a 🛋️").english());
    assertEquals("a dragon over a snow-capped mountain at night", VOCABULARY.glossary.read("🐉 over 🏔️ at night").english());
    // Nothing known, or a joined sequence whose parts would misread it: no gloss.
    assertNull(VOCABULARY.glossary.read("🫠"));
    assertNull(VOCABULARY.glossary.read("👩‍🍳 cooking"));
    assertNull(VOCABULARY.glossary.read("a cat on a sofa"));
    for (long seed : SEEDS) {
      for (Target target : List.of(Target.DALLE, Target.MIDJOURNEY, Target.STABLE_DIFFUSION)) {
        for (ExpansionResult r : ENGINE.expand(ExpansionRequest.of("🍄🌲✨", target, StylePreset.NONE, 2, seed))) {
          assertTrue(r.prompt().replace("\\", "").contains("🍄🌲✨ (a mushroom with an evergreen tree and sparkles)"), r.prompt());
          assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("Read as emoji")), r.notes().toString());
        }
      }
      // What the emoji say is read: the sunrise of "🌅 beach", the indoors of a sofa.
      for (ExpansionResult r : ENGINE.expand(ExpansionRequest.of("🌅 beach", Target.DALLE, StylePreset.NONE, 4, seed))) {
        assertTrue(r.prompt().toLowerCase(Locale.ROOT).matches("(?s).*(sunrise|dawn|first light|cresting).*"), r.prompt());
      }
      for (ExpansionResult r : ENGINE.expand(ExpansionRequest.of("a 🐱 on a 🛋️", Target.DALLE, StylePreset.NONE, 4, seed))) {
        assertFalse(r.prompt().contains("horizon"), r.prompt());
      }
    }
  }

  @Test
  void aFrenchCatOnParisRoofsGetsCatDetailsAndKeepsItsRoofsInEveryPrompt() {
    String idea = "un chat noir sur les toits de Paris";
    for (ExpansionResult r : eight(idea, Target.DALLE)) {
      assertTrue(r.prompt().contains(idea) || r.prompt().contains(NaturalDialect.capitalized(idea)), r.prompt());
      assertTrue(hasDetailOf(r.prompt(), "cat"), "cat details: " + r.prompt());
      assertTrue(r.prompt().contains("a black cat on the roofs of Paris"), "the roofs, in English: " + r.prompt());
      // The idea places the cat; no setting of the engine's own ("on a windowsill") takes the roofs' place.
      for (String setting : subject("cat").settings().indoor()) {
        assertFalse(r.prompt().contains(setting), r.prompt());
      }
      for (String setting : subject("cat").settings().outdoor()) {
        assertFalse(r.prompt().contains(setting), r.prompt());
      }
    }
  }

  @Test
  void germanCherryBlossomsInSpringGetBlossomDetailsAndNoOtherSeason() {
    String idea = "Kirschblüten im Frühling";
    for (ExpansionResult r : eight(idea, Target.DALLE)) {
      assertTrue(hasDetailOf(r.prompt(), "flowers"), "blossom details: " + r.prompt());
      String added = added(r.prompt(), idea).toLowerCase(Locale.ROOT);
      for (String season : List.of("autumn", "winter", "snow", "fall foliage")) {
        assertFalse(added.contains(season), season + " in spring: " + r.prompt());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', textBlock = """
      una playa tranquila al atardecer ; beach ; sunset ;
      un gatto nero sotto la pioggia ; cat ; ; rain
      um farol antigo na neblina à noite ; lighthouse ; night ; fog
      竹林の中の小さな寺 ; temple ; ;
      夜の雨の中の猫 ; cat ; night ; rain
      ein alter leuchtturm im nebel ; lighthouse ; ; fog
      une rue de village en provence au printemps ; street ;  ;
      """)
  void eachLanguageReadsItsSubjectTimeAndWeather(String idea, String subjectId, String timeId, String weatherId) {
    IdeaReading reading = IdeaReading.read(VOCABULARY.glossary.read(idea).english(), VOCABULARY);
    assertEquals(subjectId, reading.subjects().get(0).id(), "subject of " + idea);
    if (timeId != null) {
      assertEquals(timeId, reading.time().id(), "time of " + idea);
    }
    if (weatherId != null) {
      assertEquals(weatherId, reading.weather().id(), "weather of " + idea);
    }
    for (ExpansionResult r : eight(idea, Target.DALLE)) {
      assertTrue(hasDetailOf(r.prompt(), subjectId), subjectId + " details: " + r.prompt());
      String added = added(r.prompt(), idea);
      if (timeId != null) {
        // The time the idea names is the only one: no other time of day is added.
        for (Vocabulary.TimeOfDay other : VOCABULARY.times) {
          if (!other.id().equals(timeId) && !other.phase().equals(reading.time().phase())) {
            assertFalse(added.contains(other.phrase()), other.phrase() + " for " + idea + ": " + r.prompt());
          }
        }
      }
      if (weatherId != null) {
        Vocabulary.Weather weather = reading.weather();
        assertTrue(weather.details().stream().anyMatch(d -> PromptChecks.mentions(added, d)), weatherId + " details: " + r.prompt());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', textBlock = """
      une plage sans personne
      ein Strand ohne Menschen
      una playa sin gente
      una spiaggia senza persone
      uma praia sem pessoas
      """)
  void negationInAnotherLanguageKeepsPeopleOut(String idea) {
    for (Target target : List.of(Target.DALLE, Target.MIDJOURNEY, Target.STABLE_DIFFUSION)) {
      for (ExpansionResult r : eight(idea, target)) {
        String added = added(r.prompt(), idea);
        Set<String> tags = VOCABULARY.conflicts.tags(Text.of(added));
        assertFalse(tags.contains("people"), "people added to " + idea + ": " + r.prompt());
        assertTrue(hasDetailOf(r.prompt(), "beach"), r.prompt());
      }
      if (target == Target.STABLE_DIFFUSION) {
        assertTrue(eight(idea, target).get(0).negativePrompt().contains("people"), "people kept out on Stable Diffusion");
      }
      if (target == Target.MIDJOURNEY) {
        assertTrue(eight(idea, target).get(0).midjourney().no().contains("people"), "--no people on Midjourney");
      }
    }
  }

  @Test
  void theCardSaysTheEngineWritesEnglishAndWhatItUnderstood() {
    ExpansionResult r = ENGINE.expand(ExpansionRequest.of("un chat noir sur les toits de Paris", Target.MIDJOURNEY, StylePreset.NONE, 1, 1)).get(0);
    assertEquals(1, r.notes().size(), r.notes().toString());
    String note = r.notes().get(0);
    assertTrue(note.contains("French") && note.contains("a black cat on the roofs of Paris"), note);
    assertTrue(note.contains("writes in English") && note.contains("as you typed"), note);
    assertTrue(r.warnings().isEmpty(), "a note is not a warning: " + r.warnings());
  }

  @Test
  void englishIdeasOfTheDevSetAreNotTakenForAnotherLanguage() throws IOException {
    List<String> foreign = new ArrayList<>();
    for (String idea : devIdeas()) {
      if (VOCABULARY.glossary.read(idea) != null) {
        foreign.add(idea);
      }
    }
    // The emoji idea is glossed too: what it shows, not a language.
    assertEquals(List.of("ein alter leuchtturm im nebel", "une rue de village en provence au printemps", "竹林の中の小さな寺", "🍄🌲✨"), foreign);
    assertTrue(ENGINE.expand(ExpansionRequest.of("a mountain lake at dawn", Target.DALLE, StylePreset.NONE, 1, 1)).get(0).notes().isEmpty());
    // One word that happens to be German ("see") or French ("pain") does not turn an English idea foreign.
    assertNull(VOCABULARY.glossary.read("the sea as far as you can see"));
  }

  @Test
  void theGlossReadsInEnglishWordOrder() {
    assertEquals("a village street in Provence in spring", VOCABULARY.glossary.read("une rue de village en provence au printemps").english());
    assertEquals("an old lighthouse in the fog", VOCABULARY.glossary.read("ein alter leuchtturm im nebel").english());
    assertEquals("a small temple in the bamboo forest", VOCABULARY.glossary.read("竹林の中の小さな寺").english());
    Glossary.Reading refined = VOCABULARY.glossary.read("ein alter leuchtturm im nebel (an old lighthouse in the fog)");
    assertNotNull(refined);
    assertEquals("ein alter leuchtturm im nebel", refined.typed(), "a gloss written earlier is not read twice");
  }

  private static List<String> devIdeas() throws IOException {
    try (InputStream in = LanguageReadingTest.class.getResourceAsStream("/eval/ideas-dev.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    }
  }
}
