package dev.visionary.expand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.prompt.Target;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a language model wrote, put into each target's dialect where it got it wrong. */
class DialectRulesTest {

  @Test
  void midjourneyParametersAreParsedCheckedAndCompleted() {
    Variation v = DialectRules.apply(Target.MIDJOURNEY,
        "a fox in snow, soft light --ar 16:9 --stylize 5000 --chaos 20 --no text, watermark --v 6.1 --weird 9", "blurry");
    assertEquals("a fox in snow, soft light", v.prompt());
    assertEquals("16:9", v.parameters().get("ar"));
    assertFalse(v.parameters().containsKey("stylize"), "5000 is out of Midjourney's range and is dropped");
    assertEquals("20", v.parameters().get("chaos"));
    assertEquals("text, watermark", v.parameters().get("no"));
    assertEquals("6.1", v.parameters().get("v"));
    assertEquals("a fox in snow, soft light --ar 16:9 --chaos 20 --no text, watermark --v 6.1", v.copyText());
  }

  @Test
  void midjourneyGetsDefaultsAndTheNegativeAsNo() {
    Variation v = DialectRules.apply(Target.MIDJOURNEY, "a fox in snow", "people, text");
    assertEquals(Map.of("ar", "1:1", "no", "people, text", "v", "7"), v.parameters());
    assertNull(v.negative(), "Midjourney takes --no, not a separate negative prompt");
  }

  @Test
  void stableDiffusionAlwaysHasANegativeAndWarnsPastClipsWindow() {
    Variation shortOne = DialectRules.apply(Target.STABLE_DIFFUSION, "(fox:1.2), snow, soft light", null);
    assertEquals(DialectRules.DEFAULT_NEGATIVE, shortOne.negative());
    assertTrue(shortOne.warnings().isEmpty());
    String longPrompt = String.join(", ", java.util.Collections.nCopies(60, "golden light"));
    Variation longOne = DialectRules.apply(Target.STABLE_DIFFUSION, longPrompt, "blurry");
    assertEquals("blurry", longOne.negative());
    assertTrue(longOne.warnings().get(0).contains("CLIP tokens"), longOne.warnings().toString());
  }

  @Test
  void naturalTargetsDropTheNegativeAndKeepWithinTheirLimit() {
    String sentence = "A lighthouse on a cliff above a stormy sea, waves breaking white against the rocks. ";
    Variation runway = DialectRules.apply(Target.RUNWAY, sentence.repeat(30), "blurry");
    assertNull(runway.negative());
    assertTrue(runway.prompt().length() <= Target.RUNWAY.maxChars(), "length " + runway.prompt().length());
    assertTrue(runway.prompt().endsWith("."), "cut at a sentence: " + runway.prompt());
    assertEquals(List.of("Shortened to fit Runway's limit of 1,000 characters."), runway.warnings());
  }

  @Test
  void theStreamPreviewShowsPromptsAsTheyAreWritten() {
    assertEquals(List.of(), StreamPreview.lines(""));
    assertEquals(List.of("A beach at sun"), StreamPreview.lines("{\"prompts\":[{\"prompt\":\"A beach at sun"));
    assertEquals(List.of("A \"quiet\" beach", "Waves\nat dusk"),
        StreamPreview.lines("```json\n{\"prompts\":[{\"prompt\":\"A \\\"quiet\\\" beach\",\"negative_prompt\":null},{\"prompt\":\"Waves\\nat dusk\\u00"));
    assertEquals(List.of("1. A beach at sunset"), StreamPreview.lines("1. A beach at sunset"));
  }
}
