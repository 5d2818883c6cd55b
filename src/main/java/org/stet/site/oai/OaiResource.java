package org.stet.site.oai;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.stet.article.Article;
import org.stet.settings.Site;
import org.stet.settings.SiteConfig;
import org.stet.site.JatsWriter;
import org.stet.site.Links;
import org.stet.site.service.PublicSiteService;
import org.stet.web.SiteSecrets;
import org.stet.web.XmlOut;

/**
 * The OAI-PMH 2.0 repository at {@code /oai}, for harvesters (BASE, CORE, OpenAIRE, Google
 * Scholar's and libraries' indexes): the six verbs by GET or POST, Dublin Core and JATS, sets per
 * journal and per category, persistent deletions, and lists paged by signed resumption tokens over
 * a keyset. Errors are the protocol's, inside a 200 response.
 */
@PermitAll
@Path("/oai")
public class OaiResource {

  static final String OAI = "http://www.openarchives.org/OAI/2.0/";
  static final String OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/";
  private static final String DC = "http://purl.org/dc/elements/1.1/";
  private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
  private static final String XML_TYPE = "text/xml;charset=UTF-8";

  /** The formats every present record is offered in: prefix, schema, namespace. */
  private static final List<String[]> FORMATS =
      List.of(
          new String[] {"oai_dc", "http://www.openarchives.org/OAI/2.0/oai_dc.xsd", OAI_DC},
          new String[] {"jats", JatsWriter.OAI_SCHEMA, JatsWriter.OAI_NAMESPACE});

  private static final Pattern EMAIL = Pattern.compile("<?([^<>\\s]+@[^<>\\s]+?)>?$");

  private final OaiRecords records;
  private final PublicSiteService site;
  private final SiteSecrets secrets;
  private final String siteUrl;
  private final String identifierPrefix;
  private final int pageSize;
  private final String adminEmail;

  OaiResource(
      OaiRecords records,
      PublicSiteService site,
      SiteSecrets secrets,
      SiteConfig config,
      @ConfigProperty(name = "quarkus.mailer.from", defaultValue = "stet@localhost") String from) {
    this.records = records;
    this.site = site;
    this.secrets = secrets;
    this.siteUrl = Links.site(config);
    this.identifierPrefix = "oai:" + URI.create(siteUrl).getHost() + ":article/";
    this.pageSize = config.oaiPageSize();
    this.adminEmail = adminEmail(config.contactEmail().orElse(from));
  }

  /**
   * The address in {@code configured} ("Name <a@b.org>" or "a@b.org"); a development install's
   * undotted one ("stet@localhost"), which OAI-PMH's schema refuses, as a reserved invalid domain.
   */
  static String adminEmail(String configured) {
    Matcher email = EMAIL.matcher(configured.strip());
    if (email.find() && email.group(1).matches("\\S+@(\\S+\\.)+\\S+")) {
      return email.group(1);
    }
    return "stet@example.invalid";
  }

  @GET
  @Produces(XML_TYPE)
  public Response get(@Context UriInfo uri) {
    return answer(uri.getQueryParameters());
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(XML_TYPE)
  public Response post(MultivaluedMap<String, String> form) {
    return answer(form);
  }

  private Response answer(Map<String, List<String>> parameters) {
    Instant now = Instant.now();
    byte[] body;
    OaiRequest request = null;
    try {
      request = OaiRequest.parse(parameters);
      OaiRequest parsed = request;
      body =
          QuarkusTransaction.requiringNew()
              .call(() -> envelope(now, parsed, xml -> verb(xml, parsed)));
    } catch (OaiError error) {
      body =
          envelope(
              now,
              echo(error, request),
              xml -> {
                xml.writeStartElement("error");
                xml.writeAttribute("code", error.code().name());
                xml.writeCharacters(XmlOut.clean(error.getMessage()));
                xml.writeEndElement();
              });
    }
    return Response.ok(body, XML_TYPE).header("Cache-Control", "no-store").build();
  }

  /**
   * The request as the response echoes it: with its arguments, except after badVerb or badArgument,
   * where the protocol wants the base address alone.
   */
  private static OaiRequest echo(OaiError error, OaiRequest request) {
    boolean bare =
        error.code() == OaiError.Code.badVerb || error.code() == OaiError.Code.badArgument;
    return bare ? null : request;
  }

  private byte[] envelope(Instant now, OaiRequest request, XmlOut.Body body) {
    return XmlOut.document(
        xml -> {
          xml.writeStartElement("OAI-PMH");
          xml.writeDefaultNamespace(OAI);
          xml.writeNamespace("xsi", XSI);
          xml.writeAttribute(
              "xsi",
              XSI,
              "schemaLocation",
              OAI + " http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd");
          XmlOut.text(xml, "responseDate", XmlOut.seconds(now));
          xml.writeStartElement("request");
          if (request != null) {
            xml.writeAttribute("verb", request.verb().name());
            for (Map.Entry<String, String> argument : request.arguments().entrySet()) {
              xml.writeAttribute(argument.getKey(), XmlOut.clean(argument.getValue()));
            }
          }
          xml.writeCharacters(siteUrl + "/oai");
          xml.writeEndElement();
          body.write(xml);
          xml.writeEndElement();
        });
  }

  private void verb(XMLStreamWriter xml, OaiRequest request) throws XMLStreamException {
    switch (request.verb()) {
      case Identify -> identify(xml);
      case ListMetadataFormats -> metadataFormats(xml, request);
      case ListSets -> sets(xml, request);
      case GetRecord -> getRecord(xml, request);
      case ListIdentifiers, ListRecords -> list(xml, request);
    }
  }

  private void identify(XMLStreamWriter xml) throws XMLStreamException {
    Instant earliest = records.earliest();
    xml.writeStartElement("Identify");
    XmlOut.text(xml, "repositoryName", Site.current().name);
    XmlOut.text(xml, "baseURL", siteUrl + "/oai");
    XmlOut.text(xml, "protocolVersion", "2.0");
    XmlOut.text(xml, "adminEmail", adminEmail);
    XmlOut.text(
        xml, "earliestDatestamp", XmlOut.seconds(earliest != null ? earliest : Instant.now()));
    XmlOut.text(xml, "deletedRecord", "persistent");
    XmlOut.text(xml, "granularity", "YYYY-MM-DDThh:mm:ssZ");
    xml.writeEndElement();
  }

  private void metadataFormats(XMLStreamWriter xml, OaiRequest request) throws XMLStreamException {
    if (request.identifier() != null) {
      OaiRecords.Record record = record(request.identifier());
      if (record.header().deleted()) {
        throw new OaiError(
            OaiError.Code.noMetadataFormats,
            "The item was withdrawn; it has no metadata to disseminate.");
      }
    }
    xml.writeStartElement("ListMetadataFormats");
    for (String[] format : FORMATS) {
      xml.writeStartElement("metadataFormat");
      XmlOut.text(xml, "metadataPrefix", format[0]);
      XmlOut.text(xml, "schema", format[1]);
      XmlOut.text(xml, "metadataNamespace", format[2]);
      xml.writeEndElement();
    }
    xml.writeEndElement();
  }

  private void sets(XMLStreamWriter xml, OaiRequest request) throws XMLStreamException {
    if (request.resumptionToken() != null) {
      throw new OaiError(
          OaiError.Code.badResumptionToken, "The list of sets is answered whole, without tokens.");
    }
    List<OaiRecords.SetInfo> sets = records.sets();
    if (sets.isEmpty()) {
      throw new OaiError(
          OaiError.Code.noSetHierarchy, "No journal or category holds a record yet.");
    }
    xml.writeStartElement("ListSets");
    for (OaiRecords.SetInfo set : sets) {
      xml.writeStartElement("set");
      XmlOut.text(xml, "setSpec", set.spec());
      XmlOut.text(xml, "setName", set.name());
      xml.writeEndElement();
    }
    xml.writeEndElement();
  }

  private void getRecord(XMLStreamWriter xml, OaiRequest request) throws XMLStreamException {
    String prefix = format(request.metadataPrefix());
    OaiRecords.Record record = record(request.identifier());
    xml.writeStartElement("GetRecord");
    record(xml, record, prefix, true);
    xml.writeEndElement();
  }

  private void list(XMLStreamWriter xml, OaiRequest request) throws XMLStreamException {
    ResumptionToken token;
    OaiRecords.SetFilter set;
    if (request.resumptionToken() != null) {
      token = ResumptionToken.decode(request.resumptionToken(), request.verb(), secrets);
      set = token.set() == null ? null : records.set(token.set()).orElse(null);
      if (token.set() != null && set == null) {
        throw new OaiError(
            OaiError.Code.badResumptionToken, "The set of this list no longer exists.");
      }
    } else {
      format(request.metadataPrefix());
      set = request.set() == null ? null : setOf(request.set());
      token =
          new ResumptionToken(
              request.verb(),
              request.metadataPrefix(),
              request.set(),
              request.from(),
              request.until(),
              null,
              0,
              0,
              records.size(set, request.from(), request.until()));
    }
    List<OaiRecords.Record> page =
        records.page(
            set,
            token.from(),
            token.until(),
            token.afterDatestamp(),
            token.afterId(),
            pageSize + 1);
    if (page.isEmpty()) {
      throw new OaiError(
          OaiError.Code.noRecordsMatch,
          request.resumptionToken() == null
              ? "No record matches these arguments."
              : "No more records match: the rest of this list left its set since the last page.");
    }
    boolean more = page.size() > pageSize;
    List<OaiRecords.Record> shown = more ? page.subList(0, pageSize) : page;
    boolean full = request.verb() == OaiRequest.Verb.ListRecords;
    xml.writeStartElement(request.verb().name());
    for (OaiRecords.Record record : shown) {
      record(xml, record, token.metadataPrefix(), full);
    }
    if (more || request.resumptionToken() != null) {
      xml.writeStartElement("resumptionToken");
      if (token.completeListSize() >= 0) {
        xml.writeAttribute("completeListSize", String.valueOf(token.completeListSize()));
      }
      xml.writeAttribute("cursor", String.valueOf(token.cursor()));
      if (more) {
        OaiRecords.Header last = shown.get(shown.size() - 1).header();
        xml.writeCharacters(token.next(last.datestamp(), last.id(), shown.size()).encode(secrets));
      }
      xml.writeEndElement();
    }
    xml.writeEndElement();
  }

  private OaiRecords.SetFilter setOf(String spec) {
    return records
        .set(spec)
        .orElseThrow(
            () ->
                new OaiError(
                    OaiError.Code.noRecordsMatch,
                    "This repository has no set \"" + shortened(spec) + "\"."));
  }

  private static String format(String prefix) {
    for (String[] format : FORMATS) {
      if (format[0].equals(prefix)) {
        return prefix;
      }
    }
    throw new OaiError(
        OaiError.Code.cannotDisseminateFormat,
        "This repository offers oai_dc and jats, not \"" + shortened(prefix) + "\".");
  }

  private OaiRecords.Record record(String identifier) {
    Optional<OaiRecords.Record> record = Optional.empty();
    if (identifier.startsWith(identifierPrefix)) {
      String id = identifier.substring(identifierPrefix.length());
      if (id.matches("[1-9][0-9]{0,17}")) {
        record = records.one(Long.parseLong(id));
      }
    }
    return record.orElseThrow(
        () ->
            new OaiError(
                OaiError.Code.idDoesNotExist,
                "This repository has no item \"" + shortened(identifier) + "\"."));
  }

  private static String shortened(String value) {
    return value.length() > 80 ? value.substring(0, 80) + "…" : value;
  }

  private void record(XMLStreamWriter xml, OaiRecords.Record record, String prefix, boolean full)
      throws XMLStreamException {
    if (full) {
      xml.writeStartElement("record");
    }
    OaiRecords.Header header = record.header();
    xml.writeStartElement("header");
    if (header.deleted()) {
      xml.writeAttribute("status", "deleted");
    }
    XmlOut.text(xml, "identifier", identifierPrefix + header.id());
    XmlOut.text(xml, "datestamp", XmlOut.seconds(header.datestamp()));
    for (String set : header.sets()) {
      XmlOut.text(xml, "setSpec", set);
    }
    xml.writeEndElement();
    if (full && !header.deleted()) {
      xml.writeStartElement("metadata");
      if (prefix.equals("jats")) {
        JatsWriter.inOaiRecord(xml, site.jats(Article.<Article>findById(header.id())));
      } else {
        dublinCore(xml, record.description());
      }
      xml.writeEndElement();
    }
    if (full) {
      xml.writeEndElement();
    }
  }

  private void dublinCore(XMLStreamWriter xml, OaiRecords.Description article)
      throws XMLStreamException {
    xml.writeStartElement("oai_dc", "dc", OAI_DC);
    xml.writeNamespace("oai_dc", OAI_DC);
    xml.writeNamespace("dc", DC);
    xml.writeNamespace("xsi", XSI);
    xml.writeAttribute(
        "xsi", XSI, "schemaLocation", OAI_DC + " http://www.openarchives.org/OAI/2.0/oai_dc.xsd");
    dc(xml, "title", article.title());
    for (String author : article.authors()) {
      dc(xml, "creator", author);
    }
    dc(xml, "subject", article.category());
    for (String tag : article.tags()) {
      dc(xml, "subject", tag);
    }
    dc(xml, "description", article.excerpt());
    dc(xml, "publisher", article.publisher() != null ? article.publisher() : Site.current().name);
    dc(xml, "date", article.published().atZone(ZoneOffset.UTC).toLocalDate().toString());
    dc(xml, "type", "Text");
    dc(
        xml,
        "type",
        article.journal() != null
            ? "info:eu-repo/semantics/article"
            : "info:eu-repo/semantics/other");
    dc(xml, "format", "text/html");
    dc(xml, "identifier", siteUrl + Links.article(article.slug()));
    if (article.doi() != null) {
      dc(xml, "identifier", "https://doi.org/" + article.doi());
    }
    if (article.journal() != null) {
      StringBuilder source = new StringBuilder(article.journal()).append(";");
      if (article.volume() != null) {
        source.append(" Vol. ").append(article.volume());
      }
      source
          .append(" No. ")
          .append(article.number())
          .append(" (")
          .append(article.year())
          .append(")");
      dc(xml, "source", source.toString());
      for (String issn : article.issns()) {
        dc(xml, "source", issn);
      }
    }
    String language = Site.current().locale;
    dc(xml, "language", language == null ? null : language.split("[-_]", 2)[0]);
    xml.writeEndElement();
  }

  private static void dc(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
    if (text != null && !text.isBlank()) {
      xml.writeStartElement("dc", name, DC);
      xml.writeCharacters(XmlOut.clean(text));
      xml.writeEndElement();
    }
  }
}
