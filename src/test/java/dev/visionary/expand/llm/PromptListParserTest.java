package dev.visionary.expand.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PromptListParserTest {

  private static List<String> prompts(String answer) {
    return PromptListParser.parse(answer).stream().map(PromptVariation::prompt).toList();
  }

  @Test
  void readsTheSchemaShape() {
    List<PromptVariation> found = PromptListParser.parse("""
        {"prompts":[{"prompt":"masterpiece, (beach:1.2), sunset","negative_prompt":"lowres, blurry"},
                    {"prompt":"A calm beach at dusk","negative_prompt":null}]}""");
    assertEquals(List.of(new PromptVariation("masterpiece, (beach:1.2), sunset", "lowres, blurry"),
        new PromptVariation("A calm beach at dusk", null)), found);
  }

  @Test
  void readsABareArrayOfStrings() {
    assertEquals(List.of("A beach at sunset", "Palms at dusk"), prompts("[\"A beach at sunset\", \"Palms at dusk\"]"));
  }

  @Test
  void readsABareArrayOfObjectsWithOtherKeyNames() {
    List<PromptVariation> found = PromptListParser.parse(
        "[{\"text\":\"A beach at sunset\",\"negative\":\"text, watermark\"},{\"description\":\"Palms at dusk\"}]");
    assertEquals(List.of(new PromptVariation("A beach at sunset", "text, watermark"), new PromptVariation("Palms at dusk", null)), found);
  }

  @Test
  void readsJsonInACodeFenceAmongProse() {
    String answer = """
        Sure! Here are your prompts:

        ```json
        {
          "prompts": [
            {"prompt": "A beach at sunset, golden light", "negative_prompt": null},
            {"prompt": "A stormy beach at sunset", "negative_prompt": null}
          ]
        }
        ```

        Let me know if you want more!""";
    assertEquals(List.of("A beach at sunset, golden light", "A stormy beach at sunset"), prompts(answer));
  }

  @Test
  void readsJsonEmbeddedInProseWithoutAFence() {
    assertEquals(List.of("one", "two"), prompts("Here you go: [\"one\", \"two\"] Enjoy!"));
    assertEquals(List.of("A fox"), prompts("Result -> {\"variations\":[{\"prompt\":\"A fox\"}]} (1 item)"));
  }

  @Test
  void readsAnObjectWithAnotherListName() {
    assertEquals(List.of("a", "b"), prompts("{\"results\":[\"a\",\"b\"]}"));
  }

  @Test
  void keepsTheCompletePromptsOfJsonCutOffByTheTokenLimit() {
    String truncated = "{\"prompts\":[{\"prompt\":\"A beach at \\\"golden\\\" hour\",\"negative_prompt\":\"blurry\"},"
        + "{\"prompt\":\"Palms at dusk\",\"negative_prompt\":null},{\"prompt\":\"A lone surfer wal";
    List<PromptVariation> found = PromptListParser.parse(truncated);
    assertEquals(List.of(new PromptVariation("A beach at \"golden\" hour", "blurry"), new PromptVariation("Palms at dusk", null)), found);
    assertEquals(List.of("first", "second"), prompts("[\"first\", \"second\", \"thi"));
  }

  @Test
  void dropsReasoningBlocks() {
    assertEquals(List.of("A beach at sunset"), prompts("<think>The user wants a beach. Let me write [\"x\"]</think>\n[\"A beach at sunset\"]"));
  }

  @Test
  void readsANumberedListWithTitlesAndChatter() {
    String answer = """
        Here are 3 prompt variations for "a beach sunset":

        1. **Golden Hour Serenity:** A tranquil beach at sunset, the sun touching the horizon, warm orange hues
        2. **Stormy Drama** - Dark clouds over a beach at sunset, crimson light breaking through
        3) "A lone palm tree silhouetted against a pink and violet sunset sky"

        Feel free to ask for tweaks!""";
    assertEquals(List.of("A tranquil beach at sunset, the sun touching the horizon, warm orange hues",
        "Dark clouds over a beach at sunset, crimson light breaking through",
        "A lone palm tree silhouetted against a pink and violet sunset sky"), prompts(answer));
  }

  @Test
  void readsItemsWhosePromptIsOnTheLinesAfterATitle() {
    String answer = """
        ### Prompt 1: Golden hour
        A tranquil beach at sunset,
        warm orange and pink hues, calm water
        Negative prompt: blurry, oversaturated

        ### Prompt 2: Night falls
        A beach just after sunset, deep blue sky, first stars
        Negative prompt: lowres""";
    List<PromptVariation> found = PromptListParser.parse(answer);
    assertEquals(List.of(
        new PromptVariation("A tranquil beach at sunset, warm orange and pink hues, calm water", "blurry, oversaturated"),
        new PromptVariation("A beach just after sunset, deep blue sky, first stars", "lowres")), found);
  }

  @Test
  void readsBoldLabelLinesFollowedByThePrompt() {
    String answer = """
        **Prompt 1:**
        /imagine prompt: a beach at sunset, cinematic --ar 16:9 --stylize 250 --v 6.1

        **Prompt 2:**
        /imagine prompt: a beach at dawn, watercolor --ar 3:2 --no people""";
    assertEquals(List.of("a beach at sunset, cinematic --ar 16:9 --stylize 250 --v 6.1",
        "a beach at dawn, watercolor --ar 3:2 --no people"), prompts(answer));
  }

  @Test
  void readsABulletedListWithInlineNegativePrompts() {
    String answer = """
        - masterpiece, best quality, (beach:1.2), sunset, palm trees Negative prompt: lowres, bad anatomy
        * masterpiece, (stormy sky:1.3), crashing waves
        • soft pastel beach, minimalist, negative space""";
    List<PromptVariation> found = PromptListParser.parse(answer);
    assertEquals(3, found.size());
    assertEquals(new PromptVariation("masterpiece, best quality, (beach:1.2), sunset, palm trees", "lowres, bad anatomy"), found.get(0));
    assertEquals("soft pastel beach, minimalist, negative space", found.get(2).prompt());
    assertNull(found.get(2).negativePrompt());
  }

  @Test
  void readsParagraphsSeparatedByBlankLines() {
    String answer = """
        Sure, here are two prompts:

        A tranquil beach at sunset, the sun touching the horizon, warm orange and pink hues reflected on calm water.

        A dramatic beach at sunset under towering clouds,
        crimson light on wet sand.

        I hope these help!""";
    assertEquals(List.of(
        "A tranquil beach at sunset, the sun touching the horizon, warm orange and pink hues reflected on calm water.",
        "A dramatic beach at sunset under towering clouds, crimson light on wet sand."), prompts(answer));
  }

  @Test
  void readsASinglePlainPrompt() {
    assertEquals(List.of("A beach at sunset, golden light, 35mm"), prompts("  \"A beach at sunset, golden light, 35mm\"\n"));
  }

  @Test
  void keepsNumbersThatArePartOfThePrompt() {
    assertEquals(List.of("1920s seaside promenade at sunset", "Two children flying a kite"),
        prompts("1. 1920s seaside promenade at sunset\n2. Two children flying a kite"));
  }

  @Test
  void findsNothingInEmptyOrUnusableAnswers() {
    assertTrue(PromptListParser.parse(null).isEmpty());
    assertTrue(PromptListParser.parse("   ").isEmpty());
    assertTrue(PromptListParser.parse("{\"prompts\":[]}").isEmpty());
    assertTrue(PromptListParser.parse("{\"prompts\":[{\"prompt\":\"cut o").isEmpty());
  }

  @Test
  void keepsNonEnglishTextAndEmoji() {
    assertEquals(List.of("夕焼けのビーチ、穏やかな波 🌅", "Une plage au coucher du soleil"),
        prompts("{\"prompts\":[{\"prompt\":\"夕焼けのビーチ、穏やかな波 🌅\",\"negative_prompt\":null},"
            + "{\"prompt\":\"Une plage au coucher du soleil\",\"negative_prompt\":null}]}"));
  }
}
