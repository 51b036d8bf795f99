package dev.visionary.library;

import dev.visionary.png.ImageMetadata;
import dev.visionary.web.ShortIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The file formats and text helpers, without a server. */
class FormatsTest {

  @Test
  void csvReadsWhatPythonsExcelDialectWritesAndWritesItBack() {
    String text = "\uFEFFname,prompt,negative_prompt\r\n\"a, b\",\"say \"\"hi\"\"\",\"two\nlines\"\r\nplain,x\r\n\r\nlast,y,z";
    List<List<String>> rows = Csv.read(text);
    assertEquals(List.of("name", "prompt", "negative_prompt"), rows.get(0));
    assertEquals(List.of("a, b", "say \"hi\"", "two\nlines"), rows.get(1));
    assertEquals(List.of("plain", "x"), rows.get(2), "a short row stays short");
    assertEquals(List.of("last", "y", "z"), rows.get(3), "blank lines are skipped, a missing final newline is fine");
    assertEquals("name,prompt\r\n\"a, b\",\"say \"\"hi\"\"\"\r\n", Csv.write(List.of(List.of("name", "prompt"), List.of("a, b", "say \"hi\""))));
    assertEquals(rows.subList(1, 4), Csv.read(Csv.write(rows.subList(1, 4))));
    assertThrows(Csv.Invalid.class, () -> Csv.read("a,\"open"));
  }

  @Test
  void comfyGraphsAreFollowedFromTheSamplerToTheText() throws Exception {
    String graph = "{\"1\": {\"class_type\": \"KSamplerAdvanced\", \"inputs\": {\"noise_seed\": 7, \"positive\": [\"2\", 0], \"negative\": [\"3\", 0]}},"
        + "\"2\": {\"class_type\": \"ConditioningCombine\", \"inputs\": {\"conditioning_1\": [\"4\", 0]}},"
        + "\"3\": {\"class_type\": \"CLIPTextEncode\", \"inputs\": {\"text\": \"blurry\"}},"
        + "\"4\": {\"class_type\": \"CLIPTextEncodeSDXL\", \"inputs\": {\"text_g\": \"a glass city\"}}}";
    ImageMetadata.Found found = ImageMetadata.fromComfyGraph(Json.MAPPER.readTree(graph)).orElseThrow();
    assertEquals("a glass city", found.text());
    assertEquals("blurry", found.negative());
    assertEquals("{\"seed\":7}", found.params(), "KSamplerAdvanced's noise_seed is the seed");
    String loop = "{\"1\": {\"class_type\": \"KSampler\", \"inputs\": {\"positive\": [\"2\", 0]}},"
        + "\"2\": {\"class_type\": \"X\", \"inputs\": {\"conditioning\": [\"2\", 0]}}}";
    assertTrue(ImageMetadata.fromComfyGraph(Json.MAPPER.readTree(loop)).isEmpty(), "a cycle ends instead of looping");
  }

  @Test
  void otherToolsJsonMetadataIsRead() {
    List<String> problems = new java.util.ArrayList<>();
    ImageMetadata.Found fooocus = ImageMetadata.find(Map.of("parameters", "{\"prompt\": \"a red kite\", \"negative_prompt\": \"grey\", \"steps\": 30}"),
        problems).orElseThrow();
    assertEquals("a red kite", fooocus.text());
    assertEquals("Fooocus", fooocus.source());
    assertEquals("{\"steps\":30}", fooocus.params());
    ImageMetadata.Found invoke = ImageMetadata.find(Map.of("invokeai_metadata", "{\"positive_prompt\": \"a tower\", \"seed\": 5}"), problems).orElseThrow();
    assertEquals("a tower", invoke.text());
    assertEquals("{\"seed\":5}", invoke.params());
    ImageMetadata.Found braces = ImageMetadata.find(Map.of("parameters", "{red|blue} kite\nSteps: 20, Sampler: Euler a, Seed: 7"), problems)
        .orElseThrow();
    assertEquals("AUTOMATIC1111", braces.source(), "A1111 text whose prompt starts with a brace");
    assertEquals("{\"seed\":7,\"steps\":20,\"sampler\":\"Euler a\"}", braces.params());
    assertEquals(List.of(), problems, "and no word about JSON it never claimed to be");
  }

  @Test
  void highlightsEscapeEverythingButTheirOwnMarks() {
    String marked = "<script>" + Highlights.START + "fox" + Highlights.STOP + " & \"friends\"";
    assertEquals("&lt;script&gt;<mark>fox</mark> &amp; &quot;friends&quot;", Highlights.toHtml(marked));
    assertEquals("a long &lt;b&gt; …", Highlights.plain("a long <b> " + "x".repeat(50), 12), "cut at a word boundary");
  }

  @Test
  void slugsTitlesAndIds() {
    assertEquals("cafe-at-dusk", Slugs.slug("Café at Dusk!"));
    assertEquals("ночная-москва", Slugs.slug("Ночная Москва"));
    assertEquals("prompt", Slugs.slug("!!!"));
    assertEquals("A beach sunset", Slugs.suggestTitle("a beach sunset", "ignored"));
    assertTrue(Slugs.suggestTitle("", "word ".repeat(40)).endsWith("…"));
    assertTrue(ShortIds.next().matches("[A-Za-z0-9]{10}"));
    assertEquals(ShortIds.derived("x"), ShortIds.derived("x"));
    assertEquals(List.of("portrait", "Golden hour"), Tags.parse(" portrait, #Golden   hour, PORTRAIT,, "));
  }
}
