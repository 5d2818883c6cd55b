package org.stet.site;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.stet.citation.CslItem;
import org.stet.web.XmlOut;

/**
 * Crossref deposit XML, schema 5.3.1 (decision 0021), for one journal issue's articles: the
 * journal's titles and ISSNs, the issue's date, volume and number, and each article's title,
 * contributors (given name and surname, ORCID iD, affiliation), abstract (JATS), online publication
 * date, DOI and address, and its references ({@code doi} where known, always the formatted text as
 * {@code unstructured_citation}). {@link #problem} says why an article cannot be deposited, so that
 * one bad record is reported instead of sinking the batch.
 */
public final class CrossrefWriter {

  public static final String NAMESPACE = "http://www.crossref.org/schema/5.3.1";

  public static final String SCHEMA_LOCATION =
      NAMESPACE + " https://www.crossref.org/schemas/crossref5.3.1.xsd";

  private static final String JATS = "http://www.ncbi.nlm.nih.gov/JATS1";

  private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

  /** The longest given name or surname Crossref takes. */
  static final int MAX_NAME = 60;

  /** Who deposits, for whom, and the batch's identity. */
  public record Head(
      String batchId,
      long timestamp,
      String depositorName,
      String depositorEmail,
      String registrant) {}

  /** The journal and the issue the articles are in. */
  public record Journal(
      String title, String printIssn, String onlineIssn, CitableArticle.Issue issue) {}

  /** An article to deposit with its references as formatted plain text, in order. */
  public record Item(CitableArticle article, List<String> referenceTexts) {}

  private CrossrefWriter() {}

  /**
   * Why {@code article} cannot be deposited, in words for an editor, or empty: it has no DOI or no
   * journal issue, an author's ORCID iD is not one, a name is longer than Crossref takes.
   */
  public static Optional<String> problem(CitableArticle article) {
    if (article.issue() == null) {
      return Optional.of(
          "it is in no journal issue; Crossref deposits here are of journal articles.");
    }
    if (article.doi() == null) {
      return Optional.of("it has no DOI yet.");
    }
    for (CitableArticle.Author author : article.authors()) {
      if (author.orcid() != null && !validOrcid(author.orcid())) {
        return Optional.of(
            "the ORCID iD of "
                + author.name()
                + ", \""
                + author.orcid()
                + "\", is not a valid ORCID iD (four groups of four digits, the last character a"
                + " check digit); correct it in the author's profile.");
      }
      Map<String, Object> name = CitationFormats.name(author.name());
      for (Object part : List.of(name.getOrDefault("given", ""), name.getOrDefault("family", ""))) {
        if (((String) part).length() > MAX_NAME) {
          return Optional.of(
              "the name of "
                  + author.name()
                  + " has a part longer than the "
                  + MAX_NAME
                  + " characters Crossref takes.");
        }
      }
    }
    return Optional.empty();
  }

  /** Whether {@code orcid} is an ORCID iD ("0000-0002-1825-0097") with a right check digit. */
  public static boolean validOrcid(String orcid) {
    if (!orcid.matches("[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]")) {
      return false;
    }
    String digits = orcid.replace("-", "");
    int total = 0;
    for (int i = 0; i < 15; i++) {
      total = (total + (digits.charAt(i) - '0')) * 2;
    }
    int check = (12 - total % 11) % 11;
    return digits.charAt(15) == (check == 10 ? 'X' : (char) ('0' + check));
  }

  /**
   * The deposit of {@code items} (each without a {@link #problem}), all in {@code journal}'s issue.
   */
  public static byte[] document(Head head, Journal journal, List<Item> items) {
    return XmlOut.document(
        xml -> {
          xml.setDefaultNamespace(NAMESPACE);
          xml.writeStartElement("doi_batch");
          xml.writeDefaultNamespace(NAMESPACE);
          xml.writeNamespace("xsi", XSI);
          xml.writeNamespace("jats", JATS);
          xml.writeAttribute("version", "5.3.1");
          xml.writeAttribute("xsi", XSI, "schemaLocation", SCHEMA_LOCATION);
          head(xml, head);
          xml.writeStartElement("body");
          xml.writeStartElement("journal");
          journal(xml, journal);
          for (Item item : items) {
            article(xml, item);
          }
          xml.writeEndElement();
          xml.writeEndElement();
          xml.writeEndElement();
        });
  }

  private static void head(XMLStreamWriter xml, Head head) throws XMLStreamException {
    xml.writeStartElement("head");
    XmlOut.text(xml, "doi_batch_id", head.batchId());
    XmlOut.text(xml, "timestamp", String.valueOf(head.timestamp()));
    xml.writeStartElement("depositor");
    XmlOut.text(xml, "depositor_name", head.depositorName());
    XmlOut.text(xml, "email_address", head.depositorEmail());
    xml.writeEndElement();
    XmlOut.text(xml, "registrant", head.registrant());
    xml.writeEndElement();
  }

  private static void journal(XMLStreamWriter xml, Journal journal) throws XMLStreamException {
    xml.writeStartElement("journal_metadata");
    XmlOut.text(xml, "full_title", journal.title());
    XmlOut.text(xml, "issn", "media_type", "print", journal.printIssn());
    XmlOut.text(xml, "issn", "media_type", "electronic", journal.onlineIssn());
    xml.writeEndElement();
    CitableArticle.Issue issue = journal.issue();
    xml.writeStartElement("journal_issue");
    xml.writeStartElement("publication_date");
    xml.writeAttribute("media_type", "online");
    XmlOut.text(xml, "month", twoDigits(issue.month()));
    XmlOut.text(xml, "year", String.valueOf(issue.year()));
    xml.writeEndElement();
    if (issue.volume() != null) {
      xml.writeStartElement("journal_volume");
      XmlOut.text(xml, "volume", String.valueOf(issue.volume()));
      xml.writeEndElement();
    }
    XmlOut.text(xml, "issue", String.valueOf(issue.number()));
    xml.writeEndElement();
  }

  private static void article(XMLStreamWriter xml, Item item) throws XMLStreamException {
    CitableArticle article = item.article();
    xml.writeStartElement("journal_article");
    xml.writeAttribute("publication_type", "full_text");
    xml.writeStartElement("titles");
    XmlOut.text(xml, "title", article.title());
    xml.writeEndElement();
    contributors(xml, article.authors());
    if (article.excerpt() != null && !article.excerpt().isBlank()) {
      xml.writeStartElement("jats", "abstract", JATS);
      xml.writeStartElement("jats", "p", JATS);
      xml.writeCharacters(XmlOut.clean(article.excerpt()));
      xml.writeEndElement();
      xml.writeEndElement();
    }
    LocalDate published = article.published().atZone(article.zone()).toLocalDate();
    xml.writeStartElement("publication_date");
    xml.writeAttribute("media_type", "online");
    XmlOut.text(xml, "month", twoDigits(published.getMonthValue()));
    XmlOut.text(xml, "day", twoDigits(published.getDayOfMonth()));
    XmlOut.text(xml, "year", String.valueOf(published.getYear()));
    xml.writeEndElement();
    xml.writeStartElement("doi_data");
    XmlOut.text(xml, "doi", article.doi());
    XmlOut.text(xml, "resource", article.url());
    xml.writeEndElement();
    citations(xml, item);
    xml.writeEndElement();
  }

  private static void contributors(XMLStreamWriter xml, List<CitableArticle.Author> authors)
      throws XMLStreamException {
    if (authors.isEmpty()) {
      return;
    }
    xml.writeStartElement("contributors");
    for (int i = 0; i < authors.size(); i++) {
      CitableArticle.Author author = authors.get(i);
      Map<String, Object> name = CitationFormats.name(author.name());
      xml.writeStartElement("person_name");
      xml.writeAttribute("sequence", i == 0 ? "first" : "additional");
      xml.writeAttribute("contributor_role", "author");
      XmlOut.text(xml, "given_name", (String) name.get("given"));
      XmlOut.text(xml, "surname", (String) name.getOrDefault("family", name.get("literal")));
      if (author.affiliation() != null && !author.affiliation().isBlank()) {
        xml.writeStartElement("affiliations");
        xml.writeStartElement("institution");
        XmlOut.text(xml, "institution_name", author.affiliation());
        xml.writeEndElement();
        xml.writeEndElement();
      }
      if (author.orcid() != null) {
        // Stet checks an iD's form and check digit, not that its owner signed in to ORCID.
        XmlOut.text(xml, "ORCID", "authenticated", "false", author.orcidUrl());
      }
      xml.writeEndElement();
    }
    xml.writeEndElement();
  }

  private static void citations(XMLStreamWriter xml, Item item) throws XMLStreamException {
    List<Map<String, Object>> references =
        item.article().references() == null ? List.of() : item.article().references();
    if (references.isEmpty()) {
      return;
    }
    xml.writeStartElement("citation_list");
    for (int i = 0; i < references.size(); i++) {
      CslItem reference = new CslItem(references.get(i));
      xml.writeStartElement("citation");
      xml.writeAttribute("key", "ref-" + (i + 1));
      Optional<String> doi = reference.text("DOI").filter(CrossrefWriter::crossrefDoi);
      if (doi.isPresent()) {
        XmlOut.text(xml, "doi", doi.get());
      }
      String text = i < item.referenceTexts().size() ? item.referenceTexts().get(i) : null;
      XmlOut.text(xml, "unstructured_citation", text);
      xml.writeEndElement();
    }
    xml.writeEndElement();
  }

  /** A reference's DOI Crossref's pattern takes (a malformed one is left to the text). */
  private static boolean crossrefDoi(String doi) {
    return doi.matches("10\\.[0-9]{4,9}/\\S.{0,199}") && doi.length() <= 2048;
  }

  private static String twoDigits(int value) {
    return value < 10 ? "0" + value : String.valueOf(value);
  }
}
