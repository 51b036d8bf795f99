package dev.visionary.library;

import dev.visionary.web.Urls;
import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An Atom document (RFC 4287) of saved prompts, written with the JDK's streaming XML writer so every title
 * and prompt text is escaped by the writer rather than by hand. Links are absolute: a feed reader has no page
 * to resolve relative ones against.
 */
final class AtomFeed {
  static final String CONTENT_TYPE = "application/atom+xml; charset=utf-8";
  /** A reader polls; the newest fifty say what changed without making each poll a large read. */
  static final int MAX_ENTRIES = 50;
  private static final String ATOM = "http://www.w3.org/2005/Atom";
  private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

  /** What a feed is about: its title, its page and its own address (both paths). */
  record Header(String title, String subtitle, String pageUrl, String selfUrl) {}

  private AtomFeed() {}

  static String write(String origin, Header header, List<Prompt> prompts) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement("feed");
      xml.writeDefaultNamespace(ATOM);
      text(xml, "id", origin + header.selfUrl());
      text(xml, "title", header.title());
      text(xml, "subtitle", header.subtitle());
      // An empty feed is as old as the epoch: nothing in it has changed since.
      text(xml, "updated", time(prompts.stream().map(Prompt::updatedAt).max(Instant::compareTo).orElse(Instant.EPOCH)));
      link(xml, "alternate", "text/html", origin + header.pageUrl());
      link(xml, "self", "application/atom+xml", origin + header.selfUrl());
      text(xml, "generator", "Visionary");
      for (Prompt p : prompts) {
        entry(xml, origin, p);
      }
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("writing an Atom feed into memory failed", e);
    }
    return out.toString();
  }

  private static void entry(XMLStreamWriter xml, String origin, Prompt p) throws XMLStreamException {
    xml.writeStartElement("entry");
    // The prompt's short address: it never changes, while the page's slug follows the title.
    text(xml, "id", origin + "/p/" + p.id());
    text(xml, "title", p.title());
    text(xml, "published", time(p.createdAt()));
    text(xml, "updated", time(p.updatedAt()));
    xml.writeStartElement("author");
    text(xml, "name", p.ownerName());
    text(xml, "uri", origin + Urls.profile(p.ownerName()));
    xml.writeEndElement();
    link(xml, "alternate", "text/html", origin + p.url());
    if (p.coverImageId() != null) {
      link(xml, "enclosure", "image/png", origin + Urls.image(p.coverImageId()));
    }
    xml.writeStartElement("content");
    xml.writeAttribute("type", "text");
    xml.writeCharacters(xmlSafe(p.text()));
    xml.writeEndElement();
    xml.writeEndElement();
  }

  /** An element holding {@code value} as text, with characters XML cannot carry left out. */
  static void text(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeCharacters(xmlSafe(value));
    xml.writeEndElement();
  }

  private static void link(XMLStreamWriter xml, String rel, String type, String href) throws XMLStreamException {
    xml.writeEmptyElement("link");
    xml.writeAttribute("rel", rel);
    xml.writeAttribute("type", type);
    xml.writeAttribute("href", href);
  }

  /** Whole seconds: some readers take six fraction digits (PostgreSQL's microseconds) for milliseconds. */
  private static String time(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  /**
   * The text without the characters XML 1.0 cannot carry (most control characters, lone surrogates). The forms and
   * imports refuse them today, but the XML writer would pass one through silently and a single one makes the whole
   * feed unreadable, so the feed does not depend on every row having come through those checks.
   */
  static String xmlSafe(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        b.append(c).append(s.charAt(++i));
      } else if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)) {
        b.append(c);
      }
    }
    return b.toString();
  }
}
