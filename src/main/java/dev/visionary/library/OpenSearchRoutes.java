package dev.visionary.library;

import dev.visionary.identity.CurrentUser;
import dev.visionary.identity.User;
import dev.visionary.json.Json;
import dev.visionary.web.Requests;
import dev.visionary.web.Urls;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Searching Visionary from the browser's address bar: the OpenSearch 1.1 description every page links to, the
 * one search address it names (a person's library when signed in, Explore otherwise), and its suggestions.
 */
public final class OpenSearchRoutes {
  private static final String NAMESPACE = "http://a9.com/-/spec/opensearch/1.1/";
  private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

  private final SearchSuggestions suggestions;

  OpenSearchRoutes(SearchSuggestions suggestions) {
    this.suggestions = suggestions;
  }

  /** The description; its templates are absolute, in the origin the browser used to reach us. */
  public void description(Context ctx) {
    FeedRoutes.serve(ctx, "opensearch", "application/opensearchdescription+xml; charset=utf-8", () -> describe(Requests.origin(ctx)));
  }

  private static String describe(String origin) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement("OpenSearchDescription");
      xml.writeDefaultNamespace(NAMESPACE);
      AtomFeed.text(xml, "ShortName", "Visionary");
      AtomFeed.text(xml, "Description", "Search your Visionary prompt library, or everyone's shared prompts when signed out.");
      AtomFeed.text(xml, "InputEncoding", "UTF-8");
      xml.writeStartElement("Image");
      xml.writeAttribute("type", "image/svg+xml");
      xml.writeAttribute("width", "32");
      xml.writeAttribute("height", "32");
      xml.writeCharacters(origin + "/static/icon.svg");
      xml.writeEndElement();
      url(xml, "text/html", null, origin + Urls.SEARCH + "?q={searchTerms}");
      url(xml, "application/x-suggestions+json", null, origin + Urls.SEARCH_SUGGEST + "?q={searchTerms}");
      url(xml, "application/opensearchdescription+xml", "self", origin + Urls.OPENSEARCH);
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("writing the OpenSearch description into memory failed", e);
    }
    return out.toString();
  }

  /** The address bar's search: the person's own library when signed in, everyone's shared prompts otherwise. */
  public void search(Context ctx) {
    String base = CurrentUser.get(ctx).isPresent() ? Urls.LIBRARY : Urls.EXPLORE;
    String q = ctx.queryParam("q");
    // Where it leads depends on who asks.
    ctx.header("Cache-Control", "no-store");
    ctx.redirect(q == null || q.isBlank() ? base : Urls.withQuery(base, "q", q), HttpStatus.SEE_OTHER);
  }

  /** OpenSearch suggestions: {@code ["typed", ["suggestion", …]]}. */
  public void suggest(Context ctx) throws com.fasterxml.jackson.core.JsonProcessingException {
    String q = Optional.ofNullable(ctx.queryParam("q")).orElse("");
    Optional<User> me = CurrentUser.get(ctx);
    List<String> found = me.map(u -> suggestions.forOwner(u.id(), q)).orElseGet(() -> suggestions.fromPublic(q));
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("application/x-suggestions+json; charset=utf-8").result(Json.MAPPER.writeValueAsString(List.of(q, found)));
  }

  private static void url(XMLStreamWriter xml, String type, String rel, String template) throws XMLStreamException {
    xml.writeEmptyElement("Url");
    xml.writeAttribute("type", type);
    if (rel != null) {
      xml.writeAttribute("rel", rel);
    }
    xml.writeAttribute("template", template);
  }
}
