package org.stet.site.rest;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.stet.site.service.Feeds.Entry;
import org.stet.site.service.Feeds.Feed;
import org.stet.web.XmlOut;

/**
 * Writes a feed as Atom 1.0 (RFC 4287) or RSS 2.0 with the Dublin Core and content modules.
 * Characters XML cannot carry are left out; everything else is escaped by the XML writer.
 */
final class FeedWriter {

  private static final String ATOM = "http://www.w3.org/2005/Atom";
  private static final String DC = "http://purl.org/dc/elements/1.1/";
  private static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";

  private FeedWriter() {}

  static byte[] atom(Feed feed) {
    return XmlOut.document(
        xml -> {
          xml.writeStartElement("feed");
          xml.writeDefaultNamespace(ATOM);
          if (feed.language() != null) {
            xml.writeAttribute("xml:lang", feed.language());
          }
          XmlOut.text(xml, "id", feed.pageUrl());
          XmlOut.text(xml, "title", feed.title());
          XmlOut.text(xml, "subtitle", feed.subtitle());
          XmlOut.text(xml, "updated", XmlOut.seconds(feed.updated()));
          link(xml, "self", "application/atom+xml", feed.atomUrl());
          link(xml, "alternate", "text/html", feed.pageUrl());
          xml.writeStartElement("author");
          XmlOut.text(xml, "name", feed.siteName());
          XmlOut.text(xml, "uri", feed.siteUrl() + "/");
          xml.writeEndElement();
          XmlOut.text(xml, "generator", "Stet");
          for (Entry entry : feed.entries()) {
            xml.writeStartElement("entry");
            XmlOut.text(xml, "id", entry.id());
            XmlOut.text(xml, "title", entry.title());
            link(xml, "alternate", "text/html", entry.url());
            XmlOut.text(xml, "published", XmlOut.seconds(entry.published()));
            XmlOut.text(xml, "updated", XmlOut.seconds(entry.updated()));
            for (String author : entry.authors()) {
              xml.writeStartElement("author");
              XmlOut.text(xml, "name", author);
              xml.writeEndElement();
            }
            if (entry.category() != null) {
              xml.writeEmptyElement("category");
              xml.writeAttribute("term", XmlOut.clean(entry.category()));
            }
            XmlOut.text(xml, "summary", entry.summary());
            if (entry.contentHtml() != null) {
              xml.writeStartElement("content");
              xml.writeAttribute("type", "html");
              xml.writeCharacters(XmlOut.clean(entry.contentHtml()));
              xml.writeEndElement();
            }
            xml.writeEndElement();
          }
          xml.writeEndElement();
        });
  }

  static byte[] rss(Feed feed) {
    DateTimeFormatter rfc822 = DateTimeFormatter.RFC_1123_DATE_TIME;
    return XmlOut.document(
        xml -> {
          xml.writeStartElement("rss");
          xml.writeAttribute("version", "2.0");
          xml.writeNamespace("atom", ATOM);
          xml.writeNamespace("dc", DC);
          xml.writeNamespace("content", CONTENT);
          xml.writeStartElement("channel");
          XmlOut.text(xml, "title", feed.title());
          XmlOut.text(xml, "link", feed.pageUrl());
          XmlOut.text(xml, "description", feed.subtitle() != null ? feed.subtitle() : feed.title());
          XmlOut.text(xml, "language", feed.language());
          XmlOut.text(xml, "lastBuildDate", rfc822.format(feed.updated().atOffset(ZoneOffset.UTC)));
          XmlOut.text(xml, "generator", "Stet");
          xml.writeEmptyElement("atom", "link", ATOM);
          xml.writeAttribute("href", feed.rssUrl());
          xml.writeAttribute("rel", "self");
          xml.writeAttribute("type", "application/rss+xml");
          for (Entry entry : feed.entries()) {
            xml.writeStartElement("item");
            XmlOut.text(xml, "title", entry.title());
            XmlOut.text(xml, "link", entry.url());
            xml.writeStartElement("guid");
            xml.writeAttribute("isPermaLink", "false");
            xml.writeCharacters(entry.id());
            xml.writeEndElement();
            XmlOut.text(xml, "pubDate", rfc822.format(entry.published().atOffset(ZoneOffset.UTC)));
            for (String author : entry.authors()) {
              xml.writeStartElement("dc", "creator", DC);
              xml.writeCharacters(XmlOut.clean(author));
              xml.writeEndElement();
            }
            XmlOut.text(xml, "category", entry.category());
            XmlOut.text(xml, "description", entry.summary());
            if (entry.contentHtml() != null) {
              xml.writeStartElement("content", "encoded", CONTENT);
              xml.writeCharacters(XmlOut.clean(entry.contentHtml()));
              xml.writeEndElement();
            }
            xml.writeEndElement();
          }
          xml.writeEndElement();
          xml.writeEndElement();
        });
  }

  private static void link(XMLStreamWriter xml, String rel, String type, String href)
      throws XMLStreamException {
    xml.writeEmptyElement("link");
    xml.writeAttribute("rel", rel);
    xml.writeAttribute("type", type);
    xml.writeAttribute("href", href);
  }
}
