package dev.visionary.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.visionary.json.Json;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A prompt saved from another page (the bookmarklet's form): its source is kept, shown, searched and carried by export. */
class SourceHttpTest {

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** The value of the form field {@code name} in a page, unescaped as a browser would. */
  private static String field(String html, String name) {
    Matcher m = Pattern.compile("name=\"" + name + "\"[^>]*value=\"([^\"]*)\"").matcher(html);
    return m.find() ? unescape(m.group(1)) : null;
  }

  private static String unescape(String attribute) {
    return attribute.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
  }

  /** The prompt's page, found from its short address. */
  private static String page(LibraryClient who, String id) {
    HttpResponse<String> shortLink = who.get("/p/" + id);
    assertEquals(301, shortLink.statusCode(), shortLink.body());
    return who.get(shortLink.headers().firstValue("Location").orElseThrow()).body();
  }

  @Test
  void theFormOpenedFromTheAddressIsFilledInAndSavingKeepsTheSource() {
    LibraryClient me = LibraryClient.signedIn("source");
    String url = "https://example.org/gallery/lighthouse?id=7&lang=en";
    HttpResponse<String> form = me.get("/prompts/new?text=" + enc("a lighthouse in a gale, oil on canvas") + "&source_url=" + enc(url)
        + "&source_title=" + enc("Seaside Paintings <Archive>"));
    assertEquals(200, form.statusCode());
    String html = form.body();
    assertTrue(html.contains(">a lighthouse in a gale, oil on canvas</textarea>"), "the selected text fills the prompt");
    assertEquals("Seaside Paintings <Archive>", field(html, "title"), "the title defaults to the page's");
    assertEquals(url, field(html, "source_url"));
    assertEquals("Seaside Paintings <Archive>", field(html, "source_title"));
    assertTrue(html.contains("Saving from") && html.contains("Seaside Paintings &lt;Archive&gt;"), "the page says where it saves from");
    assertFalse(html.contains("<Archive>"), "the page's title is escaped");

    String page = me.save("title", field(html, "title"), "text", "a lighthouse in a gale, oil on canvas",
        "source_url", field(html, "source_url"), "source_title", field(html, "source_title"), "create_key", field(html, "create_key"));
    String shown = me.get(page).body();
    assertTrue(shown.contains("Saved from"), shown);
    assertTrue(shown.contains("<a rel=\"nofollow noopener\" href=\"https://example.org/gallery/lighthouse?id=7&amp;lang=en\">"
        + "Seaside Paintings &lt;Archive&gt;</a>"), shown);

    // An edit keeps the source: it is where the prompt came from, not part of what is edited.
    String id = LibraryClient.idOf(page);
    HttpResponse<String> edited = me.post("/p/" + id + "/edit", "title", "Gale", "text", "a lighthouse in a storm", "version", "1");
    assertEquals(303, edited.statusCode(), edited.body());
    String after = page(me, id);
    assertTrue(after.contains("a lighthouse in a storm") && after.contains("Seaside Paintings &lt;Archive&gt;</a>"), after);
  }

  /** Someone signed out who clicks the bookmark signs in and comes back to the same filled form. */
  @Test
  void signingInFirstKeepsWhatTheBookmarkletSent() {
    String wanted = "/prompts/new?text=" + enc("a quiet lake") + "&source_url=" + enc("https://example.org/lake") + "&source_title=Lakes";
    HttpResponse<String> anonymous = LibraryClient.anonymous().get(wanted);
    assertEquals(303, anonymous.statusCode());
    String login = anonymous.headers().firstValue("Location").orElseThrow();
    assertTrue(login.startsWith("/login?next="), login);
    assertEquals(wanted, java.net.URLDecoder.decode(login.substring("/login?next=".length()), StandardCharsets.UTF_8));
  }

  @Test
  void anAddressThatIsNotHttpIsNeitherOfferedNorKept() {
    LibraryClient me = LibraryClient.signedIn("badsource");
    String html = me.get("/prompts/new?text=hello&source_url=" + enc("javascript:alert(1)") + "&source_title=Evil").body();
    assertEquals(null, field(html, "source_url"), "no source field for a javascript: address");
    assertFalse(html.contains("Saving from"));
    assertEquals("", field(html, "title"), "the title of a dropped source is not used either");
    int broken = me.get("/prompts/new?text=%ff%fe&source_url=%E0%A4&source_title=%C3").statusCode();
    assertTrue(broken == 200 || broken == 400, "an address that does not decode is no server error: " + broken);

    for (String bad : new String[] {"javascript:alert(1)", "data:text/html,hi", "/relative/path", "http://", "ftp://example.org/x"}) {
      String page = me.save("title", "Refused " + bad.length(), "text", "some text", "source_url", bad, "source_title", "Evil page");
      String shown = me.get(page).body();
      assertFalse(shown.contains("Saved from"), bad + " must not become a link");
      assertFalse(shown.contains("Evil page"), bad);
    }
    // A title far too long for a page's tab is cut, not a reason to refuse the prompt.
    String page = me.save("title", "Long", "text", "some text", "source_url", "http://example.org/", "source_title", "t".repeat(5000));
    assertTrue(me.get(page).body().contains("t".repeat(300) + "</a>"));
  }

  @Test
  void theLibrarySearchFindsAPromptByAWordOfItsSourceTitle() {
    LibraryClient me = LibraryClient.signedIn("sourcesearch");
    me.save("title", "Harbour at dawn", "text", "boats in mist", "source_url", "https://example.org/p", "source_title",
        "Quillfeather Watercolours");
    me.save("title", "Other", "text", "a meadow", "source_url", "https://example.org/q", "source_title", "Meadow Photos");
    String found = me.get("/library?q=quillfeather").body();
    assertTrue(found.contains("Harbour at dawn"), found);
    assertFalse(found.contains(">Other<"), "only the prompt from that page");
    // Stemmed like every searched text.
    assertTrue(me.get("/library?q=watercolour").body().contains("Harbour at dawn"));
  }

  @Test
  void exportAndImportKeepTheSource() throws Exception {
    LibraryClient me = LibraryClient.signedIn("sourceexport");
    String id = LibraryClient.idOf(me.save("title", "Kept source", "text", "a fox in snow", "source_url", "https://example.org/fox",
        "source_title", "Winter Foxes"));
    String file = me.get("/export?format=json").body();
    JsonNode exported = Json.MAPPER.readTree(file);
    JsonNode prompt = null;
    for (JsonNode p : exported.path("prompts")) {
      if (p.path("id").asText().equals(id)) {
        prompt = p;
      }
    }
    assertEquals("https://example.org/fox", prompt.path("source_url").asText());
    assertEquals("Winter Foxes", prompt.path("source_title").asText());

    LibraryClient copy = LibraryClient.signedIn("sourceimport");
    assertEquals(200, TransferHttpTest.upload(copy, "library.json", file.getBytes(StandardCharsets.UTF_8)).statusCode());
    // Another person's import gets ids of its own, so the prompt is found by its title in their export.
    JsonNode again = null;
    for (JsonNode p : Json.MAPPER.readTree(copy.get("/export?format=json").body()).path("prompts")) {
      if (p.path("title").asText().equals("Kept source")) {
        again = p;
      }
    }
    assertEquals("https://example.org/fox", again.path("source_url").asText());
    assertEquals("Winter Foxes", again.path("source_title").asText());
    assertTrue(copy.get("/library?q=winter").body().contains("Kept source"), "the imported source is searched");
    assertTrue(page(copy, again.path("id").asText()).contains("href=\"https://example.org/fox\">Winter Foxes</a>"));

    // An import with a javascript: source keeps the prompt and drops the source.
    String hostile = "{\"format\": \"visionary-library\", \"format_version\": 1, \"prompts\": [{\"id\": \"hostile1\", \"title\": \"Hostile\","
        + " \"text\": \"a hostile source\", \"source_url\": \"javascript:alert(1)\", \"source_title\": \"Evil\"}]}";
    LibraryClient third = LibraryClient.signedIn("sourcehostile");
    assertEquals(200, TransferHttpTest.upload(third, "library.json", hostile.getBytes(StandardCharsets.UTF_8)).statusCode());
    String library = third.get("/library").body();
    assertTrue(library.contains("Hostile"));
    assertFalse(third.get("/library?q=evil").body().contains("a hostile source"), "the dropped source is not searched");
  }

  @Test
  void theLibraryAndSettingsOfferTheBookmarkletForThisServer() {
    LibraryClient me = LibraryClient.signedIn("bookmarklet");
    for (String path : new String[] {"/library", "/settings"}) {
      String html = me.get(path).body();
      Matcher m = Pattern.compile("href=\"(javascript:[^\"]*)\"[^>]*data-bookmarklet").matcher(html);
      assertTrue(m.find(), path + ": " + html);
      String code = unescape(m.group(1));
      assertTrue(code.contains("window.open('" + me.http.base() + "/prompts/new?text='"), code);
      assertTrue(code.contains("encodeURIComponent(location.href)") && code.contains("encodeURIComponent(document.title)"), code);
    }
  }
}
