package org.stet.site.rest;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.stet.site.service.Feeds.Entry;
import org.stet.site.service.Feeds.Feed;

/**
 * Writes a feed as Atom 1.0 (RFC 4287) or RSS 2.0 with the Dublin Core and content modules.
 * Characters XML cannot carry are left out; everything else is escaped by the XML writer.
 */
final class FeedWriter {

  private static final String ATOM = "http://www.w3.org/2005/Atom";
  private static final String DC = "http://purl.org/dc/elements/1.1/";
  private static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";

  /** A document written element by element. */
  @FunctionalInterface
  private interface Body {
    void write(XMLStreamWriter xml) throws XMLStreamException;
  }

  private FeedWriter() {}

  static byte[] atom(Feed feed) {
    return document(
        xml -> {
          xml.writeStartElement("feed");
          xml.writeDefaultNamespace(ATOM);
          if (feed.language() != null) {
            xml.writeAttribute("xml:lang", feed.language());
          }
          text(xml, "id", feed.pageUrl());
          text(xml, "title", feed.title());
          text(xml, "subtitle", feed.subtitle());
          text(xml, "updated", seconds(feed.updated()));
          link(xml, "self", "application/atom+xml", feed.atomUrl());
          link(xml, "alternate", "text/html", feed.pageUrl());
          xml.writeStartElement("author");
          text(xml, "name", feed.siteName());
          text(xml, "uri", feed.siteUrl() + "/");
          xml.writeEndElement();
          text(xml, "generator", "Stet");
          for (Entry entry : feed.entries()) {
            xml.writeStartElement("entry");
            text(xml, "id", entry.id());
            text(xml, "title", entry.title());
            link(xml, "alternate", "text/html", entry.url());
            text(xml, "published", seconds(entry.published()));
            text(xml, "updated", seconds(entry.updated()));
            for (String author : entry.authors()) {
              xml.writeStartElement("author");
              text(xml, "name", author);
              xml.writeEndElement();
            }
            if (entry.category() != null) {
              xml.writeEmptyElement("category");
              xml.writeAttribute("term", clean(entry.category()));
            }
            text(xml, "summary", entry.summary());
            if (entry.contentHtml() != null) {
              xml.writeStartElement("content");
              xml.writeAttribute("type", "html");
              xml.writeCharacters(clean(entry.contentHtml()));
              xml.writeEndElement();
            }
            xml.writeEndElement();
          }
          xml.writeEndElement();
        });
  }

  static byte[] rss(Feed feed) {
    DateTimeFormatter rfc822 = DateTimeFormatter.RFC_1123_DATE_TIME;
    return document(
        xml -> {
          xml.writeStartElement("rss");
          xml.writeAttribute("version", "2.0");
          xml.writeNamespace("atom", ATOM);
          xml.writeNamespace("dc", DC);
          xml.writeNamespace("content", CONTENT);
          xml.writeStartElement("channel");
          text(xml, "title", feed.title());
          text(xml, "link", feed.pageUrl());
          text(xml, "description", feed.subtitle() != null ? feed.subtitle() : feed.title());
          text(xml, "language", feed.language());
          text(xml, "lastBuildDate", rfc822.format(feed.updated().atOffset(ZoneOffset.UTC)));
          text(xml, "generator", "Stet");
          xml.writeEmptyElement("atom", "link", ATOM);
          xml.writeAttribute("href", feed.rssUrl());
          xml.writeAttribute("rel", "self");
          xml.writeAttribute("type", "application/rss+xml");
          for (Entry entry : feed.entries()) {
            xml.writeStartElement("item");
            text(xml, "title", entry.title());
            text(xml, "link", entry.url());
            xml.writeStartElement("guid");
            xml.writeAttribute("isPermaLink", "false");
            xml.writeCharacters(entry.id());
            xml.writeEndElement();
            text(xml, "pubDate", rfc822.format(entry.published().atOffset(ZoneOffset.UTC)));
            for (String author : entry.authors()) {
              xml.writeStartElement("dc", "creator", DC);
              xml.writeCharacters(clean(author));
              xml.writeEndElement();
            }
            text(xml, "category", entry.category());
            text(xml, "description", entry.summary());
            if (entry.contentHtml() != null) {
              xml.writeStartElement("content", "encoded", CONTENT);
              xml.writeCharacters(clean(entry.contentHtml()));
              xml.writeEndElement();
            }
            xml.writeEndElement();
          }
          xml.writeEndElement();
          xml.writeEndElement();
        });
  }

  private static byte[] document(Body body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      body.write(xml);
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("Writing a feed to memory failed", e);
    }
    return out.toByteArray();
  }

  private static void link(XMLStreamWriter xml, String rel, String type, String href)
      throws XMLStreamException {
    xml.writeEmptyElement("link");
    xml.writeAttribute("rel", rel);
    xml.writeAttribute("type", type);
    xml.writeAttribute("href", href);
  }

  /** An element with text; none when the text is null or blank. */
  private static void text(XMLStreamWriter xml, String name, String text)
      throws XMLStreamException {
    if (text != null && !text.isBlank()) {
      xml.writeStartElement(name);
      xml.writeCharacters(clean(text));
      xml.writeEndElement();
    }
  }

  /** {@code text} without the characters XML 1.0 cannot carry (most C0 controls, U+FFFE/F). */
  static String clean(String text) {
    return text.replaceAll(
        "[^\\x09\\x0A\\x0D\\x20-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]", "");
  }

  private static String seconds(Instant at) {
    return at.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
