package dev.visionary.expand.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.prompt.StylePreset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The vocabulary files are data anyone can edit; these checks keep edits from breaking the engine. */
class VocabularyTest {
  private final Vocabulary vocabulary = Vocabulary.standard();

  @Test
  void everyWordingOfAMoodImpliesWhatItsPhraseImplies() {
    // A mood is written in one of its wordings; each must rule out what the phrase rules out ("a tense dramatic mood"
    // is as stirring as "a dramatic intense atmosphere"), or a wording would slip past a conflict.
    Set<String> wordings = new HashSet<>();
    for (Vocabulary.Mood mood : vocabulary.moods) {
      assertFalse(mood.variants().isEmpty(), mood.phrase() + " has one wording only");
      for (String variant : mood.variants()) {
        assertEquals(vocabulary.conflicts.tags(mood.phrase(), vocabulary), vocabulary.conflicts.tags(variant, vocabulary), variant);
        assertFalse(variant.contains(","), "a comma would split the mood in a list of tags: " + variant);
        assertTrue(wordings.add(variant), variant + " is a wording of two moods");
      }
    }
  }

  @Test
  void thereAreEnoughSubjectsEachWithTriggersDetailsAndAKnownKind() {
    assertTrue(vocabulary.subjects.size() >= 40, "subjects: " + vocabulary.subjects.size());
    Set<String> ids = new HashSet<>();
    for (Vocabulary.Subject subject : vocabulary.subjects) {
      assertTrue(ids.add(subject.id()), "duplicate subject " + subject.id());
      assertFalse(subject.triggers().isEmpty(), subject.id());
      assertTrue(subject.details().size() >= 4, subject.id() + " needs at least four details");
      assertNotNull(vocabulary.kinds.get(subject.kind()), subject.id() + " has an unknown kind " + subject.kind());
    }
  }

  @Test
  void everyStylePresetHasItsWordsAndAValidStylizeRange() {
    assertTrue(StylePreset.values().length >= 20);
    for (StylePreset preset : StylePreset.values()) {
      Vocabulary.Style style = vocabulary.styles.get(preset.id());
      assertNotNull(style, preset.id());
      List<Integer> stylize = style.stylize();
      assertEquals(2, stylize.size(), preset.id());
      assertTrue(0 <= stylize.get(0) && stylize.get(0) <= stylize.get(1) && stylize.get(1) <= 1000, preset.id());
      if (preset != StylePreset.NONE) {
        assertNotNull(style.lead(), preset.id());
        assertNotNull(style.tag(), preset.id());
        assertTrue(style.words().size() >= 4, preset.id());
        assertTrue(Boolean.TRUE.equals(style.photographic()) || style.techniques().size() >= 6, preset.id() + " needs techniques");
      }
    }
    assertEquals(StylePreset.values().length, vocabulary.styles.size(), "styles.json has an entry without a preset");
  }

  @Test
  void kindsFrameScenesWideAndPeopleTall() {
    for (var kind : vocabulary.kinds.entrySet()) {
      assertTrue(kind.getValue().aspects().size() >= 2, kind.getKey());
      assertTrue(kind.getValue().compositions().size() >= 6, kind.getKey());
      for (String aspect : kind.getValue().aspects()) {
        String[] sides = aspect.split(":");
        int width = Integer.parseInt(sides[0]);
        int height = Integer.parseInt(sides[1]);
        if (kind.getKey().equals("scene")) {
          assertTrue(width > height, "scene " + aspect);
        }
        if (kind.getKey().equals("person")) {
          assertTrue(height > width, "person " + aspect);
        }
      }
    }
  }

  @Test
  void everyTimeOfDayHasAPhaseWithItsContradictions() {
    assertEquals(Set.copyOf(Vocabulary.PHASES), vocabulary.phaseContradictions.keySet());
    for (Vocabulary.TimeOfDay time : vocabulary.times) {
      assertTrue(Vocabulary.PHASES.contains(time.phase()), time.id());
      assertTrue(time.details().size() >= 4, time.id());
      assertFalse(vocabulary.contradictionsByPhase.get(time.phase()).foundIn(Text.of(String.join(" ", time.details()))),
          time.id() + " has a detail its own phase forbids");
    }
    for (String phase : Vocabulary.PHASES) {
      assertTrue(vocabulary.lightingFor(phase).size() >= 5, phase + " lighting");
      assertFalse(vocabulary.contradictionsByPhase.get(phase).foundIn(Text.of(String.join(" ", vocabulary.lightingFor(phase)))), phase);
    }
  }

  @Test
  void phrasesCarryNoPunctuationThatPromptsUseAsSyntax() {
    // Commas, semicolons and sentence ends separate phrases; brackets and colons are Stable Diffusion weights.
    for (String phrase : allPhrases()) {
      assertFalse(phrase.matches(".*([,;()\\[\\]:]|\\. |\\.$|--).*"), "\"" + phrase + "\"");
      assertEquals(phrase.strip(), phrase, "\"" + phrase + "\"");
      assertFalse(phrase.isEmpty());
    }
  }

  @Test
  void anyPhraseIsRecognisedInAPromptBeingRefined() {
    for (String phrase : allPhrases()) {
      assertNotNull(vocabulary.knownPhrases.get(phrase.toLowerCase(java.util.Locale.ROOT)), phrase);
    }
  }

  private List<String> allPhrases() {
    List<String> phrases = new ArrayList<>();
    vocabulary.subjects.forEach(s -> {
      phrases.addAll(s.details());
      phrases.addAll(s.dayDetails());
      phrases.addAll(s.nightDetails());
      phrases.addAll(s.settings().indoor());
      phrases.addAll(s.settings().outdoor());
    });
    vocabulary.kinds.values().forEach(k -> {
      phrases.addAll(k.compositions());
      phrases.addAll(k.cameras());
      phrases.addAll(k.details());
      phrases.addAll(k.lighting());
    });
    vocabulary.times.forEach(t -> {
      phrases.add(t.phrase());
      phrases.addAll(t.details());
    });
    vocabulary.weather.forEach(w -> {
      phrases.add(w.phrase());
      phrases.addAll(w.details());
    });
    vocabulary.lighting.values().forEach(phrases::addAll);
    vocabulary.palettes.values().forEach(phrases::addAll);
    phrases.addAll(vocabulary.moodPhrases());
    vocabulary.styles.values().forEach(s -> {
      phrases.addAll(s.words());
      phrases.addAll(s.techniques());
    });
    vocabulary.quality.values().forEach(phrases::addAll);
    return phrases;
  }
}
