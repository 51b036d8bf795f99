package dev.visionary.expand.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.prompt.MidjourneyParameters;
import dev.visionary.prompt.StylePreset;
import dev.visionary.prompt.Target;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The values that travel between the Studio, the engines and the library. */
class ExpansionValuesTest {
  @Test
  void aRequestRejectsWhatNoEngineCanExpandWithAMessageForThePerson() {
    IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
        () -> ExpansionRequest.of("   ", Target.DALLE, StylePreset.NONE, 4, 1));
    assertEquals("Type an idea to expand.", blank.getMessage());
    IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
        () -> ExpansionRequest.of("x".repeat(2001), Target.DALLE, StylePreset.NONE, 4, 1));
    assertTrue(tooLong.getMessage().contains("2000"), tooLong.getMessage());
    for (int count : List.of(0, 9, -1)) {
      IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
          () -> ExpansionRequest.of("a cat", Target.DALLE, StylePreset.NONE, count, 1));
      assertTrue(wrong.getMessage().contains("1 to 8"), wrong.getMessage());
    }
    assertThrows(NullPointerException.class, () -> ExpansionRequest.of("a cat", null, StylePreset.NONE, 4, 1));
  }

  @Test
  void aRequestTidiesWhatWasTyped() {
    ExpansionRequest request = new ExpansionRequest("  a cat \n", Target.DALLE, StylePreset.NONE, 8, 1, "  ", "");
    assertEquals("a cat", request.idea());
    assertNull(request.refinement());
    assertNull(request.basePrompt());
    ExpansionRequest refined = request.refined("a cat on a mat", " make it night ");
    assertEquals("make it night", refined.refinement());
    assertEquals("a cat on a mat", refined.basePrompt());
    assertEquals(8, refined.count());
  }

  @Test
  void midjourneyParametersRenderAsTypedAfterAPrompt() {
    MidjourneyParameters parameters = new MidjourneyParameters(16, 9, 250, 10, List.of("text", "watermark"), "7");
    assertEquals(" --ar 16:9 --stylize 250 --chaos 10 --no text, watermark --v 7", parameters.render());
    assertEquals("16:9", parameters.aspectRatio());
    assertEquals(" --ar 1:1 --stylize 0 --chaos 0 --v 7", new MidjourneyParameters(1, 1, 0, 0, List.of(), "7").render());
    ExpansionResult result = new ExpansionResult("a fox", null, parameters, null);
    assertEquals("a fox --ar 16:9 --stylize 250 --chaos 10 --no text, watermark --v 7", result.fullText());
    assertEquals(List.of(), result.warnings());
  }

  @Test
  void midjourneyParametersOutsideTheirRangesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new MidjourneyParameters(16, 9, 1001, 10, List.of(), "7"));
    assertThrows(IllegalArgumentException.class, () -> new MidjourneyParameters(16, 9, 100, 101, List.of(), "7"));
    assertThrows(IllegalArgumentException.class, () -> new MidjourneyParameters(0, 9, 100, 10, List.of(), "7"));
    assertThrows(IllegalArgumentException.class, () -> new MidjourneyParameters(16, 9, -1, 10, List.of(), "7"));
  }

  @Test
  void clipTokensCountWordsAndPunctuationButNotWeightSyntax() {
    assertEquals(4, ClipTokens.count("(golden hour:1.2), beach"));
    assertEquals(ClipTokens.count("golden hour, beach"), ClipTokens.count("(golden hour:1.2), beach"));
    assertEquals(5, ClipTokens.count("a \\(tiny\\) cat"), "escaped brackets reach CLIP as characters of their own");
  }

  @Test
  void presetsAndTargetsAreFoundByTheirIds() {
    assertEquals(StylePreset.RENDER_3D, StylePreset.byId("3d-render").orElseThrow());
    assertTrue(StylePreset.byId("nope").isEmpty());
    assertEquals("Watercolor", StylePreset.WATERCOLOR.label());
  }
}
