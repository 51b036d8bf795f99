package dev.visionary.expand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.expand.builtin.BuiltinExpander;
import dev.visionary.prompt.Target;
import org.junit.jupiter.api.Test;

/** The Studio's Refine as it runs: the card goes to the engine with its parameters and negative prompt. */
class RefineCardTest {
  private final BuiltinEngine engine = new BuiltinEngine(new BuiltinExpander());

  private Variation card(Target target) throws StudioEngine.Failure {
    return engine.run(new StudioEngine.EngineRequest("a lighthouse on a cliff", target, "none", "None", 4, 12, null, null), null, t -> { })
        .variations().get(1);
  }

  private Variation refine(Variation card, Target target, String refinement) throws StudioEngine.Failure {
    return engine.run(new StudioEngine.EngineRequest("a lighthouse on a cliff", target, "none", "None", 1, 99, refinement,
        ExpansionService.cardText(card, true)), null, t -> { }).variations().get(0);
  }

  @Test
  void addingSomethingOnMidjourneyKeepsEveryParameter() throws Exception {
    Variation card = card(Target.MIDJOURNEY);
    Variation refined = refine(card, Target.MIDJOURNEY, "add a red umbrella");
    assertTrue(refined.prompt().contains("red umbrella"), refined.prompt());
    assertEquals(card.parameters(), refined.parameters(), "add re-rolled parameters: " + card.copyText() + "\n" + refined.copyText());
  }

  @Test
  void fewerDetailsOnMidjourneyLowersStylizeOnly() throws Exception {
    Variation card = card(Target.MIDJOURNEY);
    Variation refined = refine(card, Target.MIDJOURNEY, "fewer details");
    assertTrue(Integer.parseInt(refined.parameters().get("stylize")) < Integer.parseInt(card.parameters().get("stylize")), refined.copyText());
    assertEquals(card.parameters().get("ar"), refined.parameters().get("ar"));
    assertEquals(card.parameters().get("chaos"), refined.parameters().get("chaos"));
    assertFalse(refined.prompt().contains("highly detailed"), refined.prompt());
  }

  @Test
  void stableDiffusionKeepsItsNegativePromptAndAddsWhatWasRemoved() throws Exception {
    Variation card = card(Target.STABLE_DIFFUSION);
    Variation refined = refine(card, Target.STABLE_DIFFUSION, "fewer details");
    assertEquals(card.negative(), refined.negative(), "fewer details must not touch the negative prompt");
    Variation without = refine(card, Target.STABLE_DIFFUSION, "without boats");
    assertEquals("boats, " + card.negative(), without.negative());
    assertFalse(without.prompt().contains("Negative prompt"), without.prompt());
  }
}
