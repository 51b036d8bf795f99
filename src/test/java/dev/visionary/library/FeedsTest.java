package dev.visionary.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.SyndFeedInput;
import dev.visionary.support.Http;
import dev.visionary.support.Jobs;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Atom feeds read by a feed parser, as a reader would: newest first, absolute links, nothing private. */
class FeedsTest {
  private static final Pattern ALTERNATE = Pattern.compile("<link rel=\"alternate\" type=\"application/atom\\+xml\" title=\"[^\"]*\" href=\"([^\"]+)\">");

  @Test
  void aProfileFeedListsThePersonsPublicPromptsNewestFirstWithAbsoluteLinksAndNothingPrivate() throws Exception {
    LibraryClient owner = LibraryClient.signedIn("feedprof");
    String older = owner.save("title", "Copper harbour", "text", "a copper harbour <at> dawn & mist", "visibility", "public");
    String hidden = owner.save("title", "Secret garden", "text", "a private garden", "visibility", "private");
    String unlisted = owner.save("title", "Quiet alley", "text", "an unlisted alley", "visibility", "unlisted");
    String newer = owner.save("title", "Silver lake", "text", "a silver lake at noon", "visibility", "public");
    Http reader = LibraryClient.anonymous();

    String page = reader.get("/u/" + owner.username).body();
    Matcher alternate = ALTERNATE.matcher(page);
    assertTrue(alternate.find(), "the profile page links its feed for readers to find");
    assertEquals("/u/" + owner.username + "/feed.atom", alternate.group(1));

    HttpResponse<String> response = reader.get(alternate.group(1));
    assertEquals(200, response.statusCode());
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/atom+xml"));
    SyndFeed feed = parse(response.body());
    assertEquals("atom_1.0", feed.getFeedType());
    assertEquals(List.of("Silver lake", "Copper harbour"), titles(feed), "public only, newest first");
    SyndEntry first = feed.getEntries().get(0);
    assertEquals(reader.base() + newer, first.getLink(), "the entry links the prompt's page, absolutely");
    assertEquals(owner.username, first.getAuthor());
    assertEquals("a copper harbour <at> dawn & mist", feed.getEntries().get(1).getContents().get(0).getValue(), "the prompt text, as text");
    for (SyndEntry e : feed.getEntries()) {
      assertTrue(URI.create(e.getUri()).isAbsolute(), e.getUri());
    }
    assertFalse(response.body().contains(LibraryClient.idOf(hidden)), "a private prompt never appears");
    assertFalse(response.body().contains(LibraryClient.idOf(unlisted)), "an unlisted one stays off the profile's feed too");
    assertTrue(response.body().contains(LibraryClient.idOf(older)));

    String etag = response.headers().firstValue("ETag").orElseThrow();
    assertEquals(304, reader.get(alternate.group(1), "If-None-Match", etag).statusCode(), "a poll with nothing new costs no feed");
    owner.post("/p/" + LibraryClient.idOf(hidden) + "/edit", "title", "Secret garden",
        "text", "a private garden", "target", "generic", "visibility", "public");
    HttpResponse<String> after = reader.get(alternate.group(1), "If-None-Match", etag);
    assertEquals(200, after.statusCode(), "a prompt made public changes the feed");
    assertTrue(titles(parse(after.body())).contains("Secret garden"));
  }

  @Test
  void exploreFeedHasTheNewestPublicPromptWithItsFirstImageAsAnEnclosure() throws Exception {
    LibraryClient owner = LibraryClient.signedIn("feedexp");
    String path = owner.save("title", "Amber dunes at dusk", "text", "amber dunes at dusk, long shadows", "visibility", "public");
    String id = LibraryClient.idOf(path);
    Http reader = LibraryClient.anonymous();
    String before = reader.get("/explore/feed.atom").headers().firstValue("ETag").orElseThrow();
    String job = Jobs.submit(owner.http, "prompt_id", id, "prompt", "amber dunes at dusk, long shadows", "size", "512x512", "count", "1");
    List<String> images = Jobs.imageIds(Jobs.awaitFinished(owner.http, job, Duration.ofSeconds(30)));
    assertEquals(1, images.size());
    owner.save("title", "Private dunes", "text", "dunes nobody else sees", "visibility", "private");

    String explore = reader.get("/explore").body();
    assertTrue(ALTERNATE.matcher(explore).find(), "Explore links its feed");
    assertTrue(explore.contains("href=\"/explore/feed.atom\" type=\"application/atom+xml\" data-testid=\"feed-link\""),
        "and shows a person the link too");
    assertFalse(reader.get("/library/tags?q=x").body().contains("data-testid=\"feed-link\""), "a page without a feed shows none");
    HttpResponse<String> response = reader.get("/explore/feed.atom", "If-None-Match", before);
    assertEquals(200, response.statusCode(), "a reader polling with its old copy gets the new image");
    SyndFeed feed = parse(response.body());
    assertTrue(feed.getEntries().size() <= 50);
    assertFalse(titles(feed).contains("Private dunes"));
    SyndEntry entry = feed.getEntries().stream().filter(e -> e.getTitle().equals("Amber dunes at dusk")).findFirst().orElseThrow();
    SyndLink enclosure = entry.getLinks().stream().filter(l -> "enclosure".equals(l.getRel())).findFirst().orElseThrow();
    assertEquals("image/png", enclosure.getType());
    assertEquals(reader.base() + "/images/" + images.get(0), enclosure.getHref());
    HttpResponse<byte[]> image = reader.getBytes("/images/" + images.get(0));
    assertEquals(200, image.statusCode(), "the enclosure is the image a signed-out reader may fetch");
    for (int i = 1; i < feed.getEntries().size(); i++) {
      assertFalse(feed.getEntries().get(i).getPublishedDate().after(feed.getEntries().get(i - 1).getPublishedDate()), "newest first");
    }
  }

  @Test
  void aCollectionFeedListsItsVisibleItemsNewestFirstAndAPrivateCollectionHasNone() throws Exception {
    LibraryClient owner = LibraryClient.signedIn("feedcol");
    String collection = owner.collection("Harbours", "unlisted");
    String collectionId = collection.split("/")[2];
    String first = owner.save("title", "First harbour", "text", "a first harbour", "visibility", "public");
    String secret = owner.save("title", "Hidden harbour", "text", "a hidden harbour", "visibility", "private");
    String second = owner.save("title", "Second harbour", "text", "a second harbour", "visibility", "unlisted");
    for (String p : List.of(first, secret, second)) {
      assertEquals(303, owner.post("/p/" + LibraryClient.idOf(p) + "/collections", "collection_id", collectionId).statusCode());
    }
    Http reader = LibraryClient.anonymous();
    Matcher alternate = ALTERNATE.matcher(reader.get(collection).body());
    assertTrue(alternate.find(), "the collection's page links its feed");
    HttpResponse<String> response = reader.get(alternate.group(1));
    assertEquals(200, response.statusCode());
    SyndFeed feed = parse(response.body());
    assertEquals(List.of("Second harbour", "First harbour"), titles(feed), "the latest added first; the private prompt never");
    assertEquals(List.of(reader.base() + collection), feed.getLinks().stream().filter(l -> "alternate".equals(l.getRel()))
        .map(SyndLink::getHref).toList(), "the feed names its collection's page");
    assertFalse(reader.get("/u/" + owner.username).body().contains(collectionId), "an unlisted collection is found only by its address");

    String other = owner.collection("My drafts", "private");
    assertEquals(404, reader.get("/c/" + other.split("/")[2] + "/feed.atom").statusCode());
    assertEquals(404, owner.get("/c/" + other.split("/")[2] + "/feed.atom").statusCode(), "not even for its owner: feeds are made to hand out");
    assertFalse(ALTERNATE.matcher(owner.get(other).body()).find(), "and its page links none");
    assertEquals(404, reader.get("/c/nothere1/feed.atom").statusCode());
    assertEquals(404, reader.get("/u/nobody-" + owner.username + "/feed.atom").statusCode());
  }

  @Test
  void markupAndCharactersBeyondTheBasicPlaneInAPromptComeThroughAsText() throws Exception {
    LibraryClient owner = LibraryClient.signedIn("feedesc");
    String text = "a bell tower </content></entry> ]]> &amp; <b>loud</b> \uD83D\uDD14";
    owner.save("title", "Bell <tower> & \"belfry\"", "text", text, "visibility", "public");
    SyndFeed feed = parse(LibraryClient.anonymous().get("/u/" + owner.username + "/feed.atom").body());
    assertEquals(1, feed.getEntries().size());
    assertEquals("Bell <tower> & \"belfry\"", feed.getEntries().get(0).getTitle());
    assertEquals(text, feed.getEntries().get(0).getContents().get(0).getValue());
  }

  private static SyndFeed parse(String xml) throws Exception {
    return new SyndFeedInput().build(new StringReader(xml));
  }

  private static List<String> titles(SyndFeed feed) {
    return feed.getEntries().stream().map(SyndEntry::getTitle).toList();
  }
}
