package org.stet.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writing XML documents (feeds, sitemaps, JATS, OAI-PMH, Crossref) with the JDK's streaming writer:
 * the writer escapes every value, and {@link #clean} leaves out the characters XML 1.0 cannot carry
 * at all, so nothing a writer typed can break a document.
 */
public final class XmlOut {

  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

  private static final Pattern NOT_XML =
      Pattern.compile("[^\\x09\\x0A\\x0D\\x20-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]");

  /** A document, or a part of one, written element by element. */
  @FunctionalInterface
  public interface Body {
    void write(XMLStreamWriter xml) throws XMLStreamException;
  }

  private XmlOut() {}

  /** The document {@code body} writes, as UTF-8 bytes. */
  public static byte[] document(Body body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      write(out, body);
    } catch (IOException e) {
      throw new IllegalStateException("Writing XML to memory failed", e);
    }
    return out.toByteArray();
  }

  /** Writes the document {@code body} writes to {@code out}, as UTF-8, and flushes. */
  public static void write(OutputStream out, Body body) throws IOException {
    try {
      XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      body.write(xml);
      xml.writeEndDocument();
      xml.flush();
    } catch (XMLStreamException e) {
      throw new IOException("Writing XML failed", e);
    }
  }

  /**
   * The document type declaration naming {@code root}'s DTD by its public and system identifiers
   * (constants of the caller's; never anything typed).
   */
  public static void doctype(XMLStreamWriter xml, String root, String publicId, String systemId)
      throws XMLStreamException {
    xml.writeDTD("<!DOCTYPE " + root + " PUBLIC \"" + publicId + "\" \"" + systemId + "\">");
  }

  /** An element with {@code text}; nothing when the text is null or blank. */
  public static void text(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
    if (text != null && !text.isBlank()) {
      xml.writeStartElement(name);
      xml.writeCharacters(clean(text));
      xml.writeEndElement();
    }
  }

  /** {@link #text} with one attribute. */
  public static void text(
      XMLStreamWriter xml, String name, String attribute, String value, String text)
      throws XMLStreamException {
    if (text != null && !text.isBlank()) {
      xml.writeStartElement(name);
      xml.writeAttribute(attribute, clean(value));
      xml.writeCharacters(clean(text));
      xml.writeEndElement();
    }
  }

  /** {@code text} without the characters XML 1.0 cannot carry (most C0 controls, U+FFFE/F). */
  public static String clean(String text) {
    return NOT_XML.matcher(text).replaceAll("");
  }

  /** An instant as XML Schema's dateTime in UTC, to the second ("2017-01-18T09:00:00Z"). */
  public static String seconds(Instant at) {
    return at.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
