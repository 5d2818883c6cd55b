package org.stet.site.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.stet.settings.SiteConfig;
import org.stet.site.service.Sitemaps;
import org.stet.web.XmlOut;

/**
 * {@code /robots.txt} and the sitemaps it names: {@code /sitemap.xml} (an index) and its parts
 * under {@code /sitemaps/}, streamed as they are read.
 */
@PermitAll
@Path("/")
public class SitemapResource {

  private static final String XML = "application/xml;charset=UTF-8";
  private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
  private static final Pattern PART = Pattern.compile("([a-z]+)-([0-9]{1,6})\\.xml");

  private final Sitemaps sitemaps;
  private final PublicCaching caching;
  private final String site;

  SitemapResource(Sitemaps sitemaps, PublicCaching caching, SiteConfig config) {
    this.sitemaps = sitemaps;
    this.caching = caching;
    this.site = org.stet.site.Links.site(config);
  }

  @GET
  @Path("robots.txt")
  @Produces("text/plain;charset=UTF-8")
  public Response robots() {
    String text =
        "User-agent: *\nDisallow: /desk\nDisallow: /api\n\nSitemap: " + site + "/sitemap.xml\n";
    return caching.publicPage(Response.ok(text)).build();
  }

  @GET
  @Path("sitemap.xml")
  @Produces(XML)
  public Response index() {
    var parts = sitemaps.index();
    return xml(
        "sitemapindex",
        xml -> {
          for (Sitemaps.Part part : parts) {
            xml.writeStartElement("sitemap");
            element(xml, "loc", site + part.path());
            lastModified(xml, part.lastModified());
            xml.writeEndElement();
          }
        });
  }

  @GET
  @Path("sitemaps/pages.xml")
  @Produces(XML)
  public Response pages() {
    return xml("urlset", xml -> sitemaps.pages(entry -> url(xml, entry)));
  }

  @GET
  @Path("sitemaps/{file}")
  @Produces(XML)
  public Response part(@PathParam("file") String file) {
    Matcher name = PART.matcher(file);
    if (!name.matches()) {
      throw new NotFoundException();
    }
    String kind = name.group(1);
    int number = Integer.parseInt(name.group(2));
    if (!sitemaps.exists(kind, number)) {
      throw new NotFoundException();
    }
    return xml("urlset", xml -> sitemaps.part(kind, number, entry -> url(xml, entry)));
  }

  private void url(XMLStreamWriter xml, Sitemaps.Entry entry) throws IOException {
    try {
      xml.writeStartElement("url");
      element(xml, "loc", site + entry.path());
      lastModified(xml, entry.lastModified());
      xml.writeEndElement();
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }

  private Response xml(String root, XmlOut.Body body) {
    StreamingOutput output =
        (OutputStream out) ->
            XmlOut.write(
                out,
                xml -> {
                  xml.writeStartElement(root);
                  xml.writeDefaultNamespace(NS);
                  body.write(xml);
                  xml.writeEndElement();
                });
    return caching.publicPage(Response.ok(output, XML)).build();
  }

  private static void element(XMLStreamWriter xml, String name, String text)
      throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeCharacters(text);
    xml.writeEndElement();
  }

  private static void lastModified(XMLStreamWriter xml, Instant at) throws XMLStreamException {
    if (at != null) {
      element(xml, "lastmod", XmlOut.seconds(at));
    }
  }
}
