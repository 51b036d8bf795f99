package dev.visionary.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.visionary.json.Json;
import dev.visionary.support.Http;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The browser's search box: the OpenSearch description, the search it names, and its suggestions. */
class OpenSearchTest {
  private static final String NS = "http://a9.com/-/spec/opensearch/1.1/";

  @Test
  void theDescriptionIsOpenSearchOneOneAndEveryPageLinksIt() throws Exception {
    Http visitor = LibraryClient.anonymous();
    assertTrue(visitor.get("/explore").body().contains(
        "<link rel=\"search\" type=\"application/opensearchdescription+xml\" title=\"Visionary\" href=\"/opensearch.xml\">"));
    HttpResponse<String> response = visitor.get("/opensearch.xml");
    assertEquals(200, response.statusCode());
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/opensearchdescription+xml"));
    Element root = parse(response.body()).getDocumentElement();
    assertEquals(NS, root.getNamespaceURI());
    assertEquals("OpenSearchDescription", root.getLocalName());
    assertEquals("Visionary", only(root, "ShortName").getTextContent());
    assertFalse(only(root, "Description").getTextContent().isBlank());
    assertTrue(only(root, "Description").getTextContent().length() <= 1024, "the format's limit");
    assertEquals("UTF-8", only(root, "InputEncoding").getTextContent());
    Element image = only(root, "Image");
    assertEquals(visitor.base() + "/static/icon.svg", image.getTextContent());
    assertEquals("image/svg+xml", image.getAttribute("type"));
    assertEquals(200, visitor.get("/static/icon.svg").statusCode(), "the image is there to fetch");
    assertEquals(visitor.base() + "/search?q={searchTerms}", template(root, "text/html"));
    assertEquals(visitor.base() + "/search/suggest?q={searchTerms}", template(root, "application/x-suggestions+json"));
    String etag = response.headers().firstValue("ETag").orElseThrow();
    assertEquals(304, visitor.get("/opensearch.xml", "If-None-Match", etag).statusCode());
  }

  @Test
  void followingTheTemplateFindsMySavedPromptWhenSignedInAndPublicOnesOnExploreSignedOut() throws Exception {
    LibraryClient me = LibraryClient.signedIn("osearch");
    String teal = LibraryClient.idOf(me.save("title", "Teal cathedral", "text", "a teal cathedral in fog", "visibility", "private"));
    LibraryClient other = LibraryClient.signedIn("osshare");
    String saffron = LibraryClient.idOf(other.save("title", "Saffron windmill", "text", "a saffron windmill on a hill", "visibility", "public"));

    String template = template(parse(me.get("/opensearch.xml").body()).getDocumentElement(), "text/html");
    HttpResponse<String> mine = follow(me.http, template, "teal cathedral");
    assertEquals(200, mine.statusCode());
    assertTrue(mine.uri().getPath().equals("/library"), "signed in, the search is my library: " + mine.uri());
    assertTrue(mine.body().contains("/p/" + teal + "/"), "the saved prompt is among the results");

    Http visitor = LibraryClient.anonymous();
    HttpResponse<String> explore = follow(visitor, template, "saffron windmill");
    assertEquals("/explore", explore.uri().getPath(), "signed out, it is Explore");
    assertTrue(explore.body().contains("/p/" + saffron + "/"), "the public prompt is among the results");
    assertFalse(follow(visitor, template, "teal cathedral").body().contains(teal), "a private prompt is never found by others");
  }

  @Test
  void suggestionsAreMyTitlesAndTagsSignedInAndPublicTitlesSignedOut() throws Exception {
    LibraryClient me = LibraryClient.signedIn("osuggest");
    String saved = me.save("title", "Zephyr meadow", "text", "a meadow in a warm wind", "visibility", "private");
    me.post("/p/" + LibraryClient.idOf(saved) + "/tags", "tags", "zephyrine");
    LibraryClient other = LibraryClient.signedIn("osuggest2");
    other.save("title", "Zephyr tower " + other.username, "text", "a tower in the wind", "visibility", "public");

    JsonNode mine = suggestions(me.http, "zeph");
    assertEquals("zeph", mine.get(0).asText());
    assertEquals(List.of("Zephyr meadow", "zephyrine"), strings(mine.get(1)), "my titles, then my tags");

    JsonNode anonymous = suggestions(LibraryClient.anonymous(), "Zephyr t");
    assertTrue(strings(anonymous.get(1)).contains("Zephyr tower " + other.username), "public titles for a visitor");
    assertFalse(strings(anonymous.get(1)).contains("Zephyr meadow"));
    assertTrue(anonymous.get(1).size() <= 8);

    assertEquals(0, suggestions(me.http, "").get(1).size());
    assertEquals(0, suggestions(me.http, "%_!").get(1).size(), "wildcards are matched as themselves");
    assertEquals(200, me.get("/search/suggest?q=" + "x".repeat(5000)).statusCode(), "however long the input");
  }

  private static JsonNode suggestions(Http http, String q) throws Exception {
    HttpResponse<String> response = http.get("/search/suggest?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
    assertEquals(200, response.statusCode());
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/x-suggestions+json"));
    JsonNode json = Json.MAPPER.readTree(response.body());
    assertTrue(json.isArray() && json.size() == 2 && json.get(1).isArray(), response.body());
    return json;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** The template's URL with the terms substituted, followed through its redirect as a browser would. */
  private static HttpResponse<String> follow(Http http, String template, String terms) {
    URI uri = URI.create(template.replace("{searchTerms}", URLEncoder.encode(terms, StandardCharsets.UTF_8)));
    HttpResponse<String> first = http.get(uri.getRawPath() + "?" + uri.getRawQuery());
    assertEquals(303, first.statusCode());
    return http.get(first.headers().firstValue("Location").orElseThrow());
  }

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static Element only(Element root, String name) {
    NodeList found = root.getElementsByTagNameNS(NS, name);
    assertEquals(1, found.getLength(), name);
    return (Element) found.item(0);
  }

  private static String template(Element root, String type) {
    NodeList urls = root.getElementsByTagNameNS(NS, "Url");
    for (int i = 0; i < urls.getLength(); i++) {
      Element url = (Element) urls.item(i);
      if (url.getAttribute("type").equals(type)) {
        return url.getAttribute("template");
      }
    }
    throw new AssertionError("no Url of type " + type);
  }
}
