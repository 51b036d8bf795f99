package dev.visionary.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.support.Accounts;
import dev.visionary.support.Http;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The lists under the library's and Explore's search fields: what each suggests, to whom, and where each leads. */
class SearchFieldSuggestionsTest {
  private static final Pattern LINK = Pattern.compile("<a href=\"([^\"]+)\" data-testid=\"suggestion\">(.*?)</a>", Pattern.DOTALL);

  @Test
  void theLibraryFieldSuggestsMyTitlesAndTagsEachLeadingToItsSearchAndNobodyElsesPrivateOnes() throws Exception {
    String word = "qv" + Accounts.uniqueName("w").replace("_", "").toLowerCase();
    LibraryClient me = LibraryClient.signedIn("fieldsug");
    String dawn = LibraryClient.idOf(me.save("title", word + " harbour at dawn", "text", "boats in the first light", "visibility", "private"));
    me.post("/p/" + dawn + "/tags", "tags", word + "-boats");
    LibraryClient other = LibraryClient.signedIn("fieldsug2");
    other.save("title", word + " harbour of someone else", "text", "a private harbour", "visibility", "private");
    String shared = LibraryClient.idOf(other.save("title", word + " shared lighthouse", "text", "a lighthouse for everyone", "visibility", "public"));

    HttpResponse<String> mine = me.get("/library/suggest?q=" + enc(word.toUpperCase()), "HX-Request", "true");
    assertEquals(200, mine.statusCode());
    assertEquals("no-store", mine.headers().firstValue("Cache-Control").orElse(""));
    List<String[]> links = links(mine.body());
    assertEquals(2, links.size(), mine.body());
    assertEquals("/library?q=" + enc(word + " harbour at dawn"), links.get(0)[0], "a title leads to a search for it");
    assertTrue(links.get(0)[1].contains("<strong>" + " harbour at dawn</strong>"), "what was not typed stands out: " + links.get(0)[1]);
    assertEquals("/library?tag=" + enc(word + "-boats"), links.get(1)[0], "a tag leads to the library filtered by it");
    assertTrue(links.get(1)[1].contains("tag"), links.get(1)[1]);
    assertTrue(mine.body().contains("2 suggestions: press the down arrow to choose."), "the count is said to a screen reader");
    assertFalse(mine.body().contains("someone else"), "another person's private title is never suggested");
    assertFalse(mine.body().contains("shared lighthouse"), "the library suggests what the library searches: my own prompts");

    // Following a suggestion finds the prompt it named.
    assertTrue(me.get(links.get(0)[0]).body().contains("/p/" + dawn + "/"));
    assertTrue(me.get(links.get(1)[0]).body().contains("/p/" + dawn + "/"));

    // Explore suggests public titles, whoever asks, and leads to Explore's search.
    for (Http asking : List.of(me.http, LibraryClient.anonymous())) {
      HttpResponse<String> explore = asking.get("/explore/suggest?q=" + enc(word), "HX-Request", "true");
      assertEquals(200, explore.statusCode());
      List<String[]> found = links(explore.body());
      assertEquals(1, found.size(), explore.body());
      assertEquals("/explore?q=" + enc(word + " shared lighthouse"), found.get(0)[0]);
      assertTrue(asking.get(found.get(0)[0]).body().contains("/p/" + shared + "/"), "Explore's search finds it");
    }
  }

  @Test
  void nothingTypedOrNothingFoundGivesAnEmptyListAndOddInputIsNoError() {
    LibraryClient me = LibraryClient.signedIn("fieldsug3");
    me.save("title", "Percent 100% sure", "text", "a sure thing", "visibility", "public");
    for (String q : List.of("", "   ", "%", "_", "!", "zzzz-nothing-starts-so", "x".repeat(5000), "<script>")) {
      for (String path : List.of("/library/suggest", "/explore/suggest")) {
        HttpResponse<String> response = me.get(path + "?q=" + enc(q), "HX-Request", "true");
        assertEquals(200, response.statusCode(), path + " " + q);
        assertEquals(List.of(), links(response.body()), path + " q=" + q + ": wildcards match only themselves");
      }
    }
    assertEquals(200, me.get("/library/suggest").statusCode(), "no q at all");
  }

  @Test
  void onlyTheLibraryAndExploreFieldsAskForSuggestions() {
    LibraryClient me = LibraryClient.signedIn("fieldsug4");
    assertTrue(me.get("/library").body().contains("hx-get=\"/library/suggest\""));
    String explore = LibraryClient.anonymous().get("/explore").body();
    assertTrue(explore.contains("hx-get=\"/explore/suggest\""));
    assertTrue(explore.contains("<div id=\"q-suggestions\" class=\"suggestions\"></div>"));
    // Without script the field is a plain search form: a GET of the page itself.
    assertTrue(explore.contains("method=\"get\" action=\"/explore\""));
    for (String page : List.of("/bookmarks", "/u/" + me.username)) {
      String body = me.get(page).body();
      assertTrue(body.contains("id=\"q\""), page);
      assertFalse(body.contains("q-suggestions"), page + " searches something the suggestions do not cover");
    }
  }

  private static List<String[]> links(String html) {
    List<String[]> out = new ArrayList<>();
    Matcher m = LINK.matcher(html);
    while (m.find()) {
      out.add(new String[] {m.group(1).replace("&amp;", "&"), m.group(2)});
    }
    return out;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
