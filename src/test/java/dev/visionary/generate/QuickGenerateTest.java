package dev.visionary.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.config.Config;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Generate control beside a card: which engine it picks for a target, and what it sends for that engine. */
class QuickGenerateTest {
  private static final String PROMPT = "(a lighthouse in a storm:1.2), at night, surf on the rocks";
  private static final String NEGATIVE = "blurry, watermark";

  private static QuickGenerate configured(Map<String, String> env) {
    return new QuickGenerate(EngineCatalog.fromConfig(Config.from(env)));
  }

  private static final QuickGenerate EVERY_ENGINE = configured(Map.of("OPENAI_API_KEY", "sk-test", "A1111_URL", "http://127.0.0.1:7860",
      "COMFYUI_URL", "http://127.0.0.1:8188", "RUNWAY_API_KEY", "key_test"));

  @Test
  void eachTargetDefaultsToTheEngineItsDialectWasWrittenFor() {
    assertEquals("openai", EVERY_ENGINE.forCard("card-a", PROMPT, null, "dalle", "x").engine());
    assertEquals("openai", EVERY_ENGINE.forCard("card-a", PROMPT, null, "gpt-image", "x").engine());
    assertEquals("automatic1111", EVERY_ENGINE.forCard("card-a", PROMPT, NEGATIVE, "stable-diffusion", "x").engine());
    assertEquals("runway", EVERY_ENGINE.forCard("card-a", PROMPT, null, "runway", "x").engine());
    assertEquals("builtin", EVERY_ENGINE.forCard("card-a", PROMPT, null, "midjourney", "x").engine(), "Midjourney has no API");
    assertEquals("builtin", EVERY_ENGINE.forCard("card-a", PROMPT, null, "generic", "x").engine());
  }

  @Test
  void stableDiffusionFallsBackToComfyUiThenToTheBuiltInEngine() {
    QuickGenerate comfyOnly = configured(Map.of("COMFYUI_URL", "http://127.0.0.1:8188"));
    assertEquals("comfyui", comfyOnly.forCard("card-a", PROMPT, NEGATIVE, "stable-diffusion", "x").engine());
    QuickGenerate openAiOnly = configured(Map.of("OPENAI_API_KEY", "sk-test"));
    assertEquals("builtin", openAiOnly.forCard("card-a", PROMPT, NEGATIVE, "stable-diffusion", "x").engine());
    assertEquals("builtin", openAiOnly.forCard("card-a", PROMPT, null, "runway", "x").engine());
  }

  @Test
  void withOnlyTheBuiltInEngineThereIsNoChoiceToOffer() {
    QuickGenerate.Control control = configured(Map.of()).forCard("card-a", PROMPT, NEGATIVE, "dalle", "x");
    assertFalse(control.offersEngines());
    assertEquals("builtin", control.engine());
    assertEquals(NEGATIVE, control.negative(), "the built-in painter keeps what the negative prompt names out");
  }

  @Test
  void onlyEnginesWithANegativePromptAreSentOne() {
    assertEquals(NEGATIVE, EVERY_ENGINE.card("card-a", PROMPT, NEGATIVE, "automatic1111", "x").negative());
    assertEquals(NEGATIVE, EVERY_ENGINE.card("card-a", PROMPT, NEGATIVE, "comfyui", "x").negative());
    assertNull(EVERY_ENGINE.card("card-a", PROMPT, NEGATIVE, "openai", "x").negative());
    assertNull(EVERY_ENGINE.card("card-a", PROMPT, NEGATIVE, "runway", "x").negative());
    assertNull(EVERY_ENGINE.card("card-a", PROMPT, "  ", "automatic1111", "x").negative(), "a blank negative is not sent");
  }

  @Test
  void theCountsOnOfferAreTheOnesTheEnginesDefaultModelMakes() {
    assertEquals(List.of(1, 2, 3, 4), EVERY_ENGINE.card("card-a", PROMPT, null, "openai", "x").counts());
    assertEquals(List.of(1), EVERY_ENGINE.card("card-a", PROMPT, null, "runway", "x").counts(), "Runway makes one image per request");
    assertEquals(List.of(1), configured(Map.of("OPENAI_API_KEY", "sk-test", "OPENAI_IMAGE_MODEL", "dall-e-3"))
        .forCard("card-a", PROMPT, null, "dalle", "x").counts(), "DALL·E 3 makes one image per request");
  }

  @Test
  void moreSettingsLinksToTheFullFormWithThisCardAndEngine() {
    QuickGenerate.Control sd = EVERY_ENGINE.forCard("card-abc", "a & b = c?", "no #text", "stable-diffusion", "Ab3dEf7hJk");
    assertEquals("/generate?card=card-abc&expansion_id=Ab3dEf7hJk&engine=automatic1111", sd.moreSettings(),
        "the card is named, not its text, so the address stays short");
    assertEquals("card-abc-gen", sd.id());
    assertEquals("#card-abc-jobs", sd.hxTarget(), "new jobs go into the card's own list");
    QuickGenerate.Control dalle = EVERY_ENGINE.forCard("card-abc", "a & b", "no #text", "dalle", "Ab3dEf7hJk");
    assertEquals("/generate?card=card-abc&expansion_id=Ab3dEf7hJk&engine=openai", dalle.moreSettings());
    assertNull(dalle.negative(), "no negative for OpenAI");
    assertEquals("{\"card\":\"card-abc\",\"expansion_id\":\"Ab3dEf7hJk\"}", dalle.refresh(),
        "rebuilding names the card, whose negative comes back for an engine that takes it");
  }

  @Test
  void aSavedPromptLinksNewImagesOnlyForItsOwnerAndPostsToTheJobPage() {
    QuickGenerate.Control mine = EVERY_ENGINE.forPrompt("Ab3dEf7hJk", PROMPT, NEGATIVE, "stable-diffusion", true);
    assertEquals("Ab3dEf7hJk", mine.promptId());
    assertNull(mine.hxPost(), "a plain post: the job page follows the images");
    assertEquals("/generate?prompt_id=Ab3dEf7hJk&engine=automatic1111", mine.moreSettings());
    assertNull(EVERY_ENGINE.forPrompt("Ab3dEf7hJk", PROMPT, NEGATIVE, "stable-diffusion", false).promptId());
  }
}
