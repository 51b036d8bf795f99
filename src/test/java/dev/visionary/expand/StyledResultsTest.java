package dev.visionary.expand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.prompt.A1111Styles;
import dev.visionary.prompt.SavedStyle;
import dev.visionary.prompt.Target;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StyledResultsTest {
  private static final List<SavedStyle> FRAME_AND_GRAIN = List.of(
      new SavedStyle("a", "Frame", "analog photo of {prompt}", "{prompt}, cartoon"),
      new SavedStyle("b", "Grain", "film grain", "lowres"));

  @Test
  void stableDiffusionCardsGetTheStylesOnPromptAndNegative() throws Exception {
    List<Variation> styled = StyledResults.apply(List.of(new Variation("a fox", null, Map.of(), List.of())), FRAME_AND_GRAIN,
        Target.STABLE_DIFFUSION);
    assertEquals("analog photo of a fox, film grain", styled.get(0).prompt());
    assertEquals(", cartoon, lowres", styled.get(0).negative());
  }

  @Test
  void aTargetWithoutNegativePromptsKeepsNoneAndItsMidjourneyParametersStayAfterThePrompt() throws Exception {
    Variation card = new Variation("a fox", null, Map.of("ar", "16:9"), List.of());
    Variation styled = StyledResults.apply(List.of(card), FRAME_AND_GRAIN, Target.MIDJOURNEY).get(0);
    assertEquals("analog photo of a fox, film grain --ar 16:9", styled.copyText());
    assertNull(styled.negative());
  }

  @Test
  void aPromptPastTheTargetsLimitSaysSoAndOnePastTheHardBoundIsRefused() throws Exception {
    Variation card = new Variation("x".repeat(900), null, Map.of(), List.of());
    Variation styled = StyledResults.apply(List.of(card), List.of(new SavedStyle("c", "Long", "y".repeat(200), "")), Target.RUNWAY).get(0);
    assertTrue(styled.warnings().contains("With the styles applied this prompt is 1,102 characters; Runway reads at most 1,000."),
        styled.warnings().toString());
    SavedStyle echo = new SavedStyle("e", "Echo", "{prompt}".repeat(100), "");
    assertThrows(A1111Styles.TooLong.class, () -> StyledResults.apply(List.of(card), List.of(echo), Target.GENERIC));
  }

  @Test
  void noStylesLeavesTheResultsAsTheyAre() throws Exception {
    List<Variation> results = List.of(new Variation(" a fox ", "blurry ", Map.of(), List.of()));
    assertSame(results, StyledResults.apply(results, List.of(), Target.STABLE_DIFFUSION));
  }
}
