package dev.visionary.png;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class InfotextTest {

  private static Map<String, String> params(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  @Test
  void formatsExactlyLikeAutomatic1111() {
    Infotext text = new Infotext("a cat, sitting", "blurry",
        params("Steps", "20", "Sampler", "Euler a", "CFG scale", "7", "Seed", "42", "Size", "512x512", "Model", "name"));
    assertEquals("a cat, sitting\nNegative prompt: blurry\n"
        + "Steps: 20, Sampler: Euler a, CFG scale: 7, Seed: 42, Size: 512x512, Model: name", text.format());
  }

  @Test
  void leavesOutTheNegativeLineWhenThereIsNone() {
    Infotext text = new Infotext("a cat", "", params("Steps", "20", "Seed", "1", "Size", "64x64"));
    assertEquals("a cat\nSteps: 20, Seed: 1, Size: 64x64", text.format());
    assertFalse(text.format().contains("Negative prompt"));
    assertEquals(text, Infotext.parse(text.format()));
    assertEquals("", new Infotext("a cat", null, Map.of()).negativePrompt());
  }

  @Test
  void quotesValuesHoldingCommasColonsOrNewlinesAsJsonStrings() {
    Infotext text = new Infotext("p", "", params("Seed", "1", "Size", "8x8",
        "Lora hashes", "detail: 7c6bad76eb54, more: 3b8aa1d351ef", "Note", "two\nlines \"quoted\""));
    String formatted = text.format();
    assertTrue(formatted.endsWith("Lora hashes: \"detail: 7c6bad76eb54, more: 3b8aa1d351ef\", "
        + "Note: \"two\\nlines \\\"quoted\\\"\""), formatted);
    assertEquals(text, Infotext.parse(formatted));
  }

  @Test
  void roundTripsMultiLineAndUnicodePrompts() {
    Infotext text = new Infotext("桜の木の下の猫 🐈\nsecond line, with a comma\n  indented third",
        "ugly,\nlow quality 😞", params("Steps", "30", "Sampler", "DPM++ 2M", "CFG scale", "6.5", "Seed", "-1",
            "Size", "1024x1536", "Model", "模型: v2", "Engine", "automatic1111"));
    Infotext back = Infotext.parse(text.format());
    assertEquals(text.prompt(), back.prompt());
    assertEquals(text.negativePrompt(), back.negativePrompt());
    assertEquals(text.parameters(), back.parameters());
    assertEquals(text.parameters().keySet().stream().toList(), back.parameters().keySet().stream().toList());
  }

  @Test
  void keepsNonAsciiCharactersUnescapedInQuotedValues() {
    String formatted = new Infotext("p", "", params("A", "1", "B", "2", "Model", "café, 東京")).format();
    assertTrue(formatted.endsWith("Model: \"café, 東京\""), formatted);
  }

  @Test
  void parsesTextWrittenByAutomatic1111() {
    String written = """
        masterpiece, best quality, a lighthouse on a cliff
        at golden hour
        Negative prompt: lowres, bad anatomy
        Steps: 28, Sampler: DPM++ 2M Karras, CFG scale: 7, Seed: 3141592653, Size: 768x512, Model hash: 6ce0161689, \
        Model: v1-5-pruned-emaonly, Lora hashes: "add_detail: 7c6bad76eb54", Version: v1.10.1""";
    Infotext text = Infotext.parse(written);
    assertEquals("masterpiece, best quality, a lighthouse on a cliff\nat golden hour", text.prompt());
    assertEquals("lowres, bad anatomy", text.negativePrompt());
    assertEquals("DPM++ 2M Karras", text.parameters().get("Sampler"));
    assertEquals("add_detail: 7c6bad76eb54", text.parameters().get("Lora hashes"));
    assertEquals("v1.10.1", text.parameters().get("Version"));
    assertEquals(OptionalLong.of(3141592653L), text.seed());
    assertEquals(OptionalInt.of(768), text.width());
    assertEquals(OptionalInt.of(512), text.height());
  }

  @Test
  void aLastLineWithFewerThanThreePairsIsPartOfThePrompt() {
    Infotext text = Infotext.parse("a portrait\nstyle: oil, mood: calm");
    assertEquals("a portrait\nstyle: oil, mood: calm", text.prompt());
    assertTrue(text.parameters().isEmpty());
    assertEquals(OptionalLong.empty(), text.seed());
  }

  @Test
  void readsWindowsLineEndingsAndANegativeSpanningLines() {
    Infotext text = Infotext.parse("a cat\r\nNegative prompt: dogs\r\nand birds\r\nSteps: 4, Seed: 9, Size: 64x32");
    assertEquals("a cat", text.prompt());
    assertEquals("dogs\nand birds", text.negativePrompt());
    assertEquals("9", text.parameters().get("Seed"));
  }

  @Test
  void plainTextIsAllPrompt() {
    Infotext text = Infotext.parse("just a prompt");
    assertEquals("just a prompt", text.prompt());
    assertEquals("", text.negativePrompt());
    assertTrue(text.parameters().isEmpty());
  }

  @Test
  void quotesValuesThatWouldOtherwiseReadBackDifferently() {
    Infotext text = new Infotext("p", "", params("Seed", "1", "Size", "8x8", "Padded", " x ", "Looks quoted", "\"q\""));
    assertEquals(text, Infotext.parse(text.format()));
  }

  @Test
  void refusesKeysThatCouldNotBeReadBack() {
    assertThrows(IllegalArgumentException.class, () -> new Infotext("p", "", params("Bad: key", "1")));
    assertThrows(IllegalArgumentException.class, () -> new Infotext("p", "", params("Bad, key", "1")));
  }

  // AUTOMATIC1111's own pattern (modules/infotext_utils.py), the reference the hand-written scanner follows.
  private static final Pattern A1111_PAIR = Pattern.compile(
      "\\s*(\\w[\\w \\-/]+):\\s*(\"(?:\\\\.|[^\\\\\"])+\"|[^,]*)(?:,|$)", Pattern.UNICODE_CHARACTER_CLASS);

  @Test
  void findsTheSamePairsAsAutomatic1111sPatternOnAnyShortLine() {
    // Characters that matter to the pattern: key characters, separators, quotes, escapes, Unicode words and spaces.
    String[] pieces = {"a", "Z", "7", "_", " ", "-", "/", ":", ",", "\"", "\\", "é", "猫", "\u0301", "\u00a0", "\t", "\r", "\u2028",
        "\u0085", "\n", "\u200d", "😀", "Steps: 20", ", ", ": \""};
    Random random = new Random(11);
    for (int run = 0; run < 30_000; run++) {
      StringBuilder line = new StringBuilder();
      int n = random.nextInt(16);
      for (int i = 0; i < n; i++) {
        line.append(pieces[random.nextInt(pieces.length)]);
      }
      List<InfotextPairs.Pair> expected = new ArrayList<>();
      Matcher m = A1111_PAIR.matcher(line);
      while (m.find()) {
        expected.add(new InfotextPairs.Pair(m.group(1), m.group(2)));
      }
      assertEquals(expected, InfotextPairs.find(line.toString()), () -> "line: " + line.toString().replace("\n", "\\n"));
    }
  }

  @Test
  void readsAHostileParametersLineInTimeProportionalToItsLength() {
    // Each of these made the pattern rescan the rest of the line from every position.
    for (String unit : new String[] {"x", "ab cd-", "k: \"v\\\" ", "a b: \"c, "}) {
      long oneMillion = bestOfThree(lineOf(unit, 1_000_000));
      long twoMillion = bestOfThree(lineOf(unit, 2_000_000));
      // Linear work doubles; quadratic work would quadruple, and at a million characters it takes minutes, not
      // milliseconds, so a second of slack loses nothing and absorbs a busy machine (a run beside a 10M-prompt
      // seed took 62 and 490 ms).
      assertTrue(twoMillion < 3 * oneMillion + 1_000_000_000L,
          unit + ": 1M chars took " + oneMillion / 1_000_000 + " ms, 2M took " + twoMillion / 1_000_000 + " ms");
    }
    String nineteenMegabytes = "a prompt\n" + "x".repeat(19 * 1024 * 1024);
    long started = System.nanoTime();
    Infotext parsed = Infotext.parse(nineteenMegabytes);
    long took = System.nanoTime() - started;
    assertTrue(parsed.parameters().isEmpty());
    assertTrue(took < 5_000_000_000L, "a 19 MB line with no colon took " + took / 1_000_000 + " ms");
  }

  private static String lineOf(String unit, int chars) {
    return "a prompt\n" + unit.repeat(chars / unit.length());
  }

  private static long bestOfThree(String text) {
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      long started = System.nanoTime();
      Infotext.parse(text);
      best = Math.min(best, System.nanoTime() - started);
    }
    return best;
  }
}
