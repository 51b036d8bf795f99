package dev.visionary.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The expected strings are written by hand from AUTOMATIC1111's merge_prompts and apply_styles_to_prompt. */
class A1111StylesTest {
  private static final int ROOMY = 100_000;

  private static String apply(String prompt, String... styles) throws A1111Styles.TooLong {
    return A1111Styles.apply(prompt, List.of(styles), ROOMY);
  }

  @Test
  void aStyleWithoutPlaceholderIsAppendedWithCommaSpace() throws Exception {
    assertEquals("a cat, oil painting", apply("a cat", "oil painting"));
  }

  @Test
  void appendingStripsBothSides() throws Exception {
    assertEquals("a cat, oil painting", apply("  a cat \n", "\toil painting  "));
  }

  @Test
  void anEmptySideIsLeftOutAndTheOtherStillStripped() throws Exception {
    assertEquals("oil painting", apply("", " oil painting "));
    assertEquals("a cat", apply(" a cat ", ""));
    assertEquals("a cat", apply("a cat", "   "));
    assertEquals("", apply("  ", ""));
  }

  @Test
  void placeholderIsReplacedByThePromptUntouched() throws Exception {
    assertEquals("photo of  a cat , 35mm", apply(" a cat ", "photo of {prompt}, 35mm"));
  }

  @Test
  void everyPlaceholderIsReplacedAndTheStyleIsNotStripped() throws Exception {
    assertEquals(" cat and cat ", apply("cat", " {prompt} and {prompt} "));
  }

  @Test
  void anEmptyPromptStillFillsThePlaceholder() throws Exception {
    assertEquals("photo of , 35mm", apply("", "photo of {prompt}, 35mm"));
  }

  @Test
  void thePlaceholderIsCaseSensitiveAndLiteral() throws Exception {
    assertEquals("a cat, photo of {PROMPT}", apply("a cat", "photo of {PROMPT}"));
    assertEquals("price $1 \\n here", apply("$1 \\n", "price {prompt} here"));
  }

  @Test
  void stylesApplyInOrderEachToTheResultOfTheLast() throws Exception {
    assertEquals("(a cat, film grain:1.2)", apply("a cat", "film grain", "({prompt}:1.2)"));
    assertEquals("(a cat:1.2), film grain", apply("a cat", "({prompt}:1.2)", "film grain"));
  }

  @Test
  void pythonWhitespaceIncludesNoBreakSpace() throws Exception {
    assertEquals("a cat, oil painting", apply("a cat\u00a0", "\u00a0oil painting\u0085"));
  }

  @Test
  void negativesFollowTheSameRules() throws Exception {
    List<SavedStyle> styles = List.of(new SavedStyle("a", "Frame", "photo of {prompt}", "blurry, {prompt}"),
        new SavedStyle("b", "Grain", "film grain", "lowres"), new SavedStyle("c", "Empty negative", "sharp", ""));
    assertEquals("photo of a cat, film grain, sharp", A1111Styles.applyPrompt("a cat", styles, ROOMY));
    assertEquals("blurry, watermark, lowres", A1111Styles.applyNegative("watermark", styles, ROOMY));
    // The placeholder leaves "blurry, "; the next style strips it before joining, as A1111 does.
    assertEquals("blurry,, lowres", A1111Styles.applyNegative("", styles, ROOMY));
  }

  @Test
  void manyPlaceholdersAreRefusedBeforeTheTextIsBuilt() {
    String wide = "{prompt}".repeat(2_000);
    String prompt = "x".repeat(4_000);
    A1111Styles.TooLong e = assertThrows(A1111Styles.TooLong.class,
        () -> A1111Styles.apply(prompt, List.of(wide, wide, wide, wide, wide), 20_000));
    assertEquals(8_000_000, e.length());
  }

  @Test
  void appendingPastTheLimitIsRefused() {
    assertThrows(A1111Styles.TooLong.class, () -> A1111Styles.apply("a cat", List.of("b".repeat(20)), 20));
  }

  @Test
  void choosingKeepsTheOrderSentAndRefusesAStrangersStyle() {
    List<SavedStyle> mine = List.of(new SavedStyle("s1", "One", "one", ""), new SavedStyle("s2", "Two", "two", ""));
    A1111Styles.Choice choice = A1111Styles.choose(List.of("s2", "s1", "s2"), mine);
    assertTrue(choice.ok());
    assertEquals(List.of("Two", "One"), choice.names());
    A1111Styles.Choice foreign = A1111Styles.choose(List.of("s1", "someone-elses"), mine);
    assertFalse(foreign.ok());
    assertEquals("“someone-elses” is not one of your styles: choose from the list.", foreign.error());
  }
}
