package dev.visionary.expand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.visionary.support.Accounts;
import dev.visionary.support.Http;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Templates in sd-dynamic-prompts syntax, with the person's word lists saved on /wildcards, give through the Studio's
 * live preview exactly the prompts dynamicprompts 0.31.0 gives, in its order (src/test/resources/dynamic/peer-suite.json
 * says how each was worked out); what Visionary does not support is refused naming the construct and where it is.
 */
class DynamicPromptPeerSuiteTest {
  private static final Pattern COMBINATION = Pattern.compile("<li\\s+data-testid=\"combination\">(.*?)</li>", Pattern.DOTALL);
  private static final Pattern PREVIEW = Pattern.compile("<div[^>]*data-testid=\"idea-preview\"[^>]*>(.*)</div>", Pattern.DOTALL);
  private static JsonNode suite;
  private static Http http;

  @BeforeAll
  static void saveTheSuitesWordLists() throws IOException {
    try (InputStream in = DynamicPromptPeerSuiteTest.class.getResourceAsStream("/dynamic/peer-suite.json")) {
      suite = new ObjectMapper().readTree(in);
    }
    http = Http.toTestServer();
    Accounts.signedIn(http, "peer");
    String csrf = Accounts.csrf(http, "/wildcards");
    suite.get("wildcards").fields().forEachRemaining(list -> {
      List<String> values = new ArrayList<>();
      list.getValue().forEach(v -> values.add(v.asText()));
      HttpResponse<String> saved = http.postForm("/wildcards", Map.of("_csrf", csrf, "name", list.getKey(), "values", String.join("\n", values)));
      assertEquals(303, saved.statusCode(), list.getKey() + ": " + saved.body());
    });
  }

  static Stream<Arguments> cases() throws IOException {
    return section("cases");
  }

  static Stream<Arguments> refused() throws IOException {
    return section("refused");
  }

  static Stream<Arguments> errors() throws IOException {
    return section("errors");
  }

  private static Stream<Arguments> section(String name) throws IOException {
    try (InputStream in = DynamicPromptPeerSuiteTest.class.getResourceAsStream("/dynamic/peer-suite.json")) {
      List<Arguments> out = new ArrayList<>();
      new ObjectMapper().readTree(in).get(name).forEach(c -> out.add(Arguments.of(Named.of(c.get("template").asText(), c))));
      return out.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void thePreviewListsExactlyThePromptsTheLibraryMakesInItsOrder(JsonNode c) {
    List<String> expected = new ArrayList<>();
    c.get("expected").forEach(v -> expected.add(v.asText()));
    String preview = preview(c.get("template").asText());
    assertEquals(expected, combinations(preview), c.get("construct").asText() + "\n" + preview);
    String count = expected.size() == 1 ? "This idea makes 1 prompt." : "This idea makes " + expected.size() + " prompts.";
    assertTrue(preview.contains(count), "the count above the list: " + preview);
    assertTrue(preview.indexOf(count) < Math.max(0, preview.indexOf("data-testid=\"combination\"")), "the count comes first: " + preview);
  }

  @ParameterizedTest
  @MethodSource("refused")
  void anUnsupportedConstructIsRefusedByNameAndPosition(JsonNode c) {
    String preview = preview(c.get("template").asText());
    String expected = c.get("construct").asText() + " at character " + c.get("character").asInt() + " is not supported";
    assertTrue(text(preview).contains(expected), "expected “" + expected + "” in " + preview);
    assertEquals(List.of(), combinations(preview), "nothing passed through garbled");
    HttpResponse<String> expand = http.postForm("/expand", ExpansionHttpTest.form(Accounts.csrf(http, "/"), "idea", c.get("template").asText(),
        "mode", "combinatorial", "cap", "8"));
    assertEquals(422, expand.statusCode(), "expanding it is refused too");
    assertTrue(text(expand.body()).contains(expected), expand.body());
  }

  @ParameterizedTest
  @MethodSource("errors")
  void whereTheLibraryCrashesThePreviewSaysWhatIsWrong(JsonNode c) {
    String preview = preview(c.get("template").asText());
    assertTrue(text(preview).contains(c.get("message").asText()), c.get("note").asText() + ": " + preview);
    assertEquals(List.of(), combinations(preview));
  }

  @Test
  void thePreviewShowsTheFirstTwentyOfAManyPromptTemplate() {
    String preview = preview("{a|b|c|d|e} {1|2|3|4|5}");
    List<String> shown = combinations(preview);
    assertEquals(20, shown.size());
    assertEquals(List.of("a 1", "a 2", "a 3", "a 4", "a 5", "b 1"), shown.subList(0, 6));
    assertEquals("d 5", shown.get(19));
    assertTrue(preview.contains("This idea makes 25 prompts."), preview);
  }

  private static String preview(String template) {
    HttpResponse<String> response = http.get("/expand/preview?mode=combinatorial&cap=64&idea="
        + URLEncoder.encode(template, StandardCharsets.UTF_8), "HX-Request", "true");
    assertEquals(200, response.statusCode());
    Matcher m = PREVIEW.matcher(response.body());
    assertTrue(m.find(), response.body());
    return response.body();
  }

  private static List<String> combinations(String html) {
    List<String> out = new ArrayList<>();
    Matcher m = COMBINATION.matcher(html);
    while (m.find()) {
      out.add(text(m.group(1)));
    }
    return out;
  }

  /** The text a person reads: entities Thymeleaf escapes turned back into characters. */
  private static String text(String html) {
    return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
  }
}
