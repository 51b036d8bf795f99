package dev.visionary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.support.Accounts;
import dev.visionary.support.Http;
import dev.visionary.support.Jobs;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Ratings of expansion cards, saved prompts and images over HTTP: the widget swaps itself with its new state, a
 * rating sent without JavaScript returns to its page, bad values are a 400, anyone else's item is a 404, the
 * library and /images sort and filter by rating, and nobody but the owner ever sees one.
 */
class RatingsHttpTest {
  private static final Pattern EXPANSION = Pattern.compile("^/x/([A-Za-z0-9]{10})$");

  /** POST with the person's CSRF token; {@code headers} as name, value pairs. */
  private static HttpResponse<String> post(Http http, String path, Map<String, String> fields, String... headers) {
    Map<String, String> form = new LinkedHashMap<>(fields);
    form.put("_csrf", Accounts.csrf(http, "/"));
    return http.postForm(path, form, headers);
  }

  private static HttpResponse<String> rate(Http http, String path, String value) {
    return post(http, path, Map.of("rating", value), "HX-Request", "true");
  }

  private static String save(Http http, String title, String visibility) {
    HttpResponse<String> saved = post(http, "/prompts", Map.of("title", title, "text", title + ", soft light", "visibility", visibility));
    assertEquals(303, saved.statusCode(), saved.body());
    return saved.headers().firstValue("Location").orElseThrow();
  }

  private static String idOf(String promptPath) {
    return promptPath.split("/")[2];
  }

  /** The widgets' states on a page, in order. */
  private static List<String> states(String html) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("data-testid=\"rating\"[^>]*data-state=\"([a-z]+)\"").matcher(html);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** The titles of the library's cards, in order. */
  private static List<String> titles(String html) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("<h3><a href=\"/p/[^\"]+\">([^<]+)</a></h3>").matcher(html);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void aPromptIsRatedRejectedAndClearedFromItsWidgetAndOnlyItsOwnerEverSeesIt() {
    Http owner = Http.toTestServer();
    Accounts.signedIn(owner, "rater");
    String page = save(owner, "Harbour lights", "public");
    String id = idOf(page);
    assertEquals(List.of("unrated"), states(owner.get("/library").body()), "the library is seen (and kept) before the rating");

    HttpResponse<String> rated = rate(owner, "/p/" + id + "/rating", "4");
    assertEquals(200, rated.statusCode(), rated.body());
    assertEquals(List.of("rated"), states(rated.body()), "the widget comes back in its new state");
    assertTrue(rated.body().contains("data-testid=\"star-4\"") && rated.body().contains("aria-pressed=\"true\""), rated.body());
    assertTrue(rated.body().contains("value=\"clear\""), "clicking the current star again clears it");
    assertTrue(rated.body().contains("aria-label=\"Rate “Harbour lights” 5 of 5\""), "each button says what it does");

    String library = owner.get("/library").body();
    assertTrue(library.contains("data-rating=\"4\""), "the kept library page shows the new rating on the next view");
    String ownPage = owner.get(page).body();
    assertTrue(ownPage.contains("data-rating=\"4\""), "the prompt page shows it to its owner");
    assertTrue(ownPage.contains("Version 1"), "a rating is not a new version");

    Http stranger = Http.toTestServer();
    Accounts.signedIn(stranger, "stranger");
    String seen = stranger.get(page).body();
    assertFalse(seen.contains("data-testid=\"rating\"") || seen.contains("data-rating"), "another person sees no rating");
    assertFalse(Http.toTestServer().get(page).body().contains("data-testid=\"rating\""), "nor does a visitor");
    assertFalse(stranger.get("/explore").body().contains("data-testid=\"rating\""), "nor does Explore");
    HttpResponse<String> exploreBest = stranger.get("/explore?sort=best");
    assertEquals(400, exploreBest.statusCode(), "Explore does not sort by ratings");
    assertTrue(exploreBest.body().contains("only your own library sorts and filters by them"), exploreBest.body());
    assertEquals(400, stranger.get("/explore?rating=4").statusCode());
    assertEquals(404, rate(stranger, "/p/" + id + "/rating", "1").statusCode(), "someone else's prompt is a 404");

    Http anonymous = Http.toTestServer();
    HttpResponse<String> signedOut = anonymous.postForm("/p/" + id + "/rating", Map.of("rating", "1", "_csrf", Accounts.csrf(anonymous, "/login")));
    assertEquals(303, signedOut.statusCode());
    assertTrue(signedOut.headers().firstValue("Location").orElse("").startsWith("/login"), "a signed-out person is sent to sign in");

    HttpResponse<String> rejected = rate(owner, "/p/" + id + "/rating", "reject");
    assertEquals(List.of("rejected"), states(rejected.body()));
    assertTrue(owner.get("/library").body().contains("class=\"prompt-card rejected\""), "a rejected prompt's card is dimmed");
    assertEquals(List.of("unrated"), states(rate(owner, "/p/" + id + "/rating", "clear").body()));
    assertEquals(List.of("unrated"), states(owner.get("/library").body()));

    for (String bad : List.of("0", "6", "-1", "", "five", "44")) {
      HttpResponse<String> refused = rate(owner, "/p/" + id + "/rating", bad);
      assertEquals(400, refused.statusCode(), "rating=" + bad);
      assertTrue(refused.body().contains("A rating is 1 to 5 stars"), refused.body());
    }
  }

  @Test
  void withoutJavaScriptARatingReturnsToThePageItWasSentFromAndNeverToAnotherSite() {
    Http owner = Http.toTestServer();
    Accounts.signedIn(owner, "nojs");
    String page = save(owner, "Paper boats", "private");
    String id = idOf(page);
    HttpResponse<String> back = post(owner, "/p/" + id + "/rating", Map.of("rating", "5", "back", "/library?sort=best"));
    assertEquals(303, back.statusCode());
    assertEquals("/library?sort=best", back.headers().firstValue("Location").orElseThrow());
    HttpResponse<String> elsewhere = post(owner, "/p/" + id + "/rating", Map.of("rating", "3", "back", "//evil.example/"));
    assertEquals(page, elsewhere.headers().firstValue("Location").orElseThrow(), "another host is never a way back");
    assertTrue(owner.get(page).body().contains("data-rating=\"3\""), "sending a form twice leaves the rating it asks for");
  }

  @Test
  void theLibrarySortsBestFirstAndFiltersByRating() {
    Http me = Http.toTestServer();
    Accounts.signedIn(me, "sorter");
    // Saved oldest first: Cedar, Dune, Aspen, Birch, Elm.
    Map<String, String> ids = new LinkedHashMap<>();
    for (String title : List.of("Cedar", "Dune", "Aspen", "Birch", "Elm")) {
      ids.put(title, idOf(save(me, title, "private")));
    }
    rate(me, "/p/" + ids.get("Aspen") + "/rating", "5");
    rate(me, "/p/" + ids.get("Birch") + "/rating", "2");
    rate(me, "/p/" + ids.get("Dune") + "/rating", "reject");

    assertEquals(List.of("Elm", "Birch", "Aspen", "Dune", "Cedar"), titles(me.get("/library").body()), "newest first by default");
    assertEquals(List.of("Aspen", "Birch", "Elm", "Cedar", "Dune"), titles(me.get("/library?sort=best").body()),
        "stars high to low, then unrated newest first, rejected last");
    assertEquals(List.of("Aspen"), titles(me.get("/library?rating=4").body()));
    assertEquals(List.of("Birch", "Aspen"), titles(me.get("/library?rating=2").body()));
    assertEquals(List.of("Birch", "Aspen"), titles(me.get("/library?rating=rated").body()));
    assertEquals(List.of("Elm", "Birch", "Aspen", "Cedar"), titles(me.get("/library?rating=unrejected").body()), "hide rejected");
    assertEquals(List.of("Aspen", "Birch", "Elm", "Cedar"), titles(me.get("/library?rating=unrejected&sort=best&q=soft").body()),
        "with words too");
    String form = me.get("/library?rating=unrejected").body();
    assertTrue(form.contains("<option value=\"unrejected\" selected=\"selected\">Hide rejected</option>"), "the filter form shows it");
    assertTrue(form.contains("<option value=\"best\">Best rated</option>"));
    HttpResponse<String> unknown = me.get("/library?rating=great");
    assertEquals(400, unknown.statusCode());
    assertTrue(unknown.body().contains("Unknown rating filter"));
  }

  @Test
  void expansionCardsAreRatedOnTheirPageAndRejectedOnesAreDimmed() {
    Http me = Http.toTestServer();
    Accounts.signedIn(me, "cards");
    HttpResponse<String> expanded = post(me, "/expand", Map.of("idea", "a lighthouse in fog", "target", "generic", "style", "none",
        "count", "3", "engine", "builtin", "seed", "11"));
    assertEquals(303, expanded.statusCode(), expanded.body());
    Matcher m = EXPANSION.matcher(expanded.headers().firstValue("Location").orElse(""));
    assertTrue(m.matches());
    String x = m.group(1);
    assertEquals(List.of("unrated", "unrated", "unrated"), states(me.get("/x/" + x).body()));

    HttpResponse<String> starred = rate(me, "/x/" + x + "/cards/1/rating", "5");
    assertEquals(200, starred.statusCode(), starred.body());
    assertEquals(List.of("rated"), states(starred.body()));
    assertEquals(List.of("rejected"), states(rate(me, "/x/" + x + "/cards/2/rating", "reject").body()));
    String page = me.get("/x/" + x).body();
    assertEquals(List.of("unrated", "rated", "rejected"), states(page));
    Matcher rejectedCard = Pattern.compile("<article[^>]*id=\"card-" + x + "-2\"[^>]*>").matcher(page);
    assertTrue(rejectedCard.find() && rejectedCard.group().contains("expansion-card rejected"), "the rejected card is dimmed");
    assertEquals(List.of("unrated"), states(rate(me, "/x/" + x + "/cards/1/rating", "clear").body()));
    assertEquals(List.of("unrated", "unrated", "rejected"), states(me.get("/x/" + x).body()));

    assertEquals(404, rate(me, "/x/" + x + "/cards/3/rating", "5").statusCode(), "a card that is not there");
    assertEquals(404, rate(me, "/x/" + x + "/cards/one/rating", "5").statusCode());
    assertEquals(400, rate(me, "/x/" + x + "/cards/0/rating", "7").statusCode());
    Http other = Http.toTestServer();
    Accounts.signedIn(other, "cardthief");
    assertEquals(404, rate(other, "/x/" + x + "/cards/0/rating", "5").statusCode(), "someone else's card is a 404");
  }

  @Test
  void imagesAreRatedOnTheirJobCardAndMyImagesSortsAndFiltersByRating() {
    Http me = Http.toTestServer();
    Accounts.signedIn(me, "images");
    String job = Jobs.submit(me, "prompt", "a red kite over a hill", "engine", "builtin", "size", "512x512", "count", "3", "seed", "5");
    List<String> images = Jobs.imageIds(Jobs.awaitFinished(me, job, Duration.ofSeconds(60)));
    assertEquals(3, images.size());
    String first = images.get(0);
    String second = images.get(1);
    String third = images.get(2);

    HttpResponse<String> rated = rate(me, "/images/" + second + "/rating", "4");
    assertEquals(200, rated.statusCode(), rated.body());
    assertEquals(List.of("rated"), states(rated.body()));
    rate(me, "/images/" + third + "/rating", "reject");
    String card = me.get("/jobs/" + job).body();
    assertEquals(List.of("unrated", "rated", "rejected"), states(card), "the job card shows each image's rating");

    HttpResponse<String> mine = me.get("/images");
    assertEquals(200, mine.statusCode());
    assertEquals(3, Jobs.imageIds(mine.body()).size());
    assertEquals(List.of(second, first, third), Jobs.imageIds(me.get("/images?sort=best").body()), "best rated first, rejected last");
    assertEquals(List.of(second), Jobs.imageIds(me.get("/images?rating=4").body()));
    assertEquals(List.of(first, second), Jobs.imageIds(me.get("/images?rating=unrejected").body()));
    assertEquals(400, me.get("/images?sort=worst").statusCode());
    HttpResponse<String> badFilter = me.get("/images?rating=9", "HX-Request", "true");
    assertEquals(400, badFilter.statusCode());
    assertEquals("#results", badFilter.headers().firstValue("HX-Retarget").orElse(""), "HTMX shows the message in the results");
    assertTrue(badFilter.body().contains("Unknown rating filter"), badFilter.body());

    Http other = Http.toTestServer();
    Accounts.signedIn(other, "imagethief");
    assertEquals(404, rate(other, "/images/" + second + "/rating", "1").statusCode(), "someone else's image is a 404");
    assertTrue(Jobs.imageIds(other.get("/images").body()).isEmpty(), "My images lists only one's own");
    assertEquals(303, Http.toTestServer().get("/images").statusCode(), "signed out, /images sends to sign in");
  }

  @Test
  void aSharedPromptsImagesShowTheirRatingsToItsOwnerOnly() {
    Http me = Http.toTestServer();
    Accounts.signedIn(me, "gallery");
    String page = save(me, "Kite hill", "public");
    String job = Jobs.submit(me, "prompt", "a kite over a hill", "engine", "builtin", "size", "512x512", "count", "1", "seed", "9",
        "prompt_id", idOf(page));
    String image = Jobs.imageIds(Jobs.awaitFinished(me, job, Duration.ofSeconds(60))).get(0);
    assertEquals(List.of("unrated", "unrated"), states(me.get(page).body()), "the prompt's widget and its image's");
    HttpResponse<String> rated = post(me, "/images/" + image + "/rating", Map.of("rating", "5", "back", page), "HX-Request", "true");
    assertTrue(rated.body().contains("name=\"back\" value=\"" + page + "\""), "the new widget keeps the page it is on");
    assertEquals(List.of("unrated", "rated"), states(me.get(page).body()), "the kept prompt page shows it on the next view");

    Http other = Http.toTestServer();
    Accounts.signedIn(other, "galleryviewer");
    String seen = other.get(page).body();
    assertTrue(seen.contains("/images/" + image + "/thumb"), "the image is shown to others");
    assertFalse(seen.contains("data-testid=\"rating\""), "its rating is not");
  }
}
