package dev.visionary.expand.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.prompt.StylePreset;
import dev.visionary.prompt.Target;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each variation says what it explores: an axis the idea left open, named with the value the prompt uses. */
class BuiltinVariationAxesTest {
  private static final BuiltinExpander ENGINE = new BuiltinExpander();

  private static String axis(ExpansionResult r) {
    return r.explores().substring(0, r.explores().indexOf(" — "));
  }

  @ParameterizedTest
  @EnumSource(value = Target.class, names = {"DALLE", "MIDJOURNEY", "STABLE_DIFFUSION"})
  void fourVariationsOfAnOpenIdeaExploreFourAxesEachSayingItsValue(Target target) {
    for (long seed = 1; seed <= 3; seed++) {
      List<ExpansionResult> results = ENGINE.expand(ExpansionRequest.of("a lighthouse on a cliff", target, StylePreset.NONE, 4, seed));
      Set<String> axes = new HashSet<>();
      for (ExpansionResult r : results) {
        assertNotNull(r.explores(), r.prompt());
        axes.add(axis(r));
        String value = r.explores().substring(r.explores().indexOf(" — ") + 3);
        assertTrue(r.prompt().toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT)), "the prompt says what it explores: " + r.explores() + " / " + r.prompt());
      }
      assertEquals(4, axes.size(), "four directions: " + results.stream().map(ExpansionResult::explores).toList());
    }
  }

  @ParameterizedTest
  @EnumSource(value = Target.class, names = {"DALLE", "MIDJOURNEY", "STABLE_DIFFUSION"})
  void noTwoVariationsClaimTheSameAxisWhileAnotherIsOpen(Target target) {
    // "a beach sunset" fixes the time, leaving palette, framing, light and mood: four variations, four axes.
    for (long seed = 1; seed <= 5; seed++) {
      List<ExpansionResult> results = ENGINE.expand(ExpansionRequest.of("a beach sunset", target, StylePreset.NONE, 4, seed));
      Set<String> axes = new HashSet<>();
      results.forEach(r -> axes.add(axis(r)));
      assertEquals(4, axes.size(), "four directions: " + results.stream().map(ExpansionResult::explores).toList());
    }
  }

  @Test
  void whatTheIdeaFixesIsNotTheAxisVaried() {
    for (long seed = 1; seed <= 3; seed++) {
      for (ExpansionResult r : ENGINE.expand(ExpansionRequest.of("a lighthouse on a cliff at night", Target.DALLE, StylePreset.NONE, 8, seed))) {
        assertFalse(axis(r).equals("time of day"), "night is the person's choice: " + r.explores());
      }
      for (ExpansionResult r : ENGINE.expand(ExpansionRequest.of("a portrait of an elderly woman, 85mm, soft window light", Target.DALLE, StylePreset.NONE, 8, seed))) {
        assertFalse(Set.of("framing", "light").contains(axis(r)), "lens and light are the person's choice: " + r.explores());
      }
      for (ExpansionResult r : ENGINE.expand(ExpansionRequest.of("oil painting of sunflowers in a clay vase, in amber and gold", Target.DALLE, StylePreset.NONE, 8, seed))) {
        assertFalse(Set.of("palette", "medium").contains(axis(r)), "the medium and palette are the person's choice: " + r.explores());
      }
    }
  }

  @Test
  void aRefinedCardIsNotLabelledWithAnAxisItDidNotChoose() {
    ExpansionResult first = ENGINE.expand(ExpansionRequest.of("a lighthouse on a cliff", Target.DALLE, StylePreset.NONE, 1, 4)).get(0);
    ExpansionResult refined = ENGINE.expand(ExpansionRequest.of("a lighthouse on a cliff", Target.DALLE, StylePreset.NONE, 1, 4)
        .refined(first.prompt(), "make it night")).get(0);
    assertNull(refined.explores(), refined.prompt());
  }
}
