package org.stet.site.rest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.stet.settings.SiteConfig;
import org.stet.site.Links;
import org.stet.site.PageModels.Chrome;
import org.stet.site.PageModels.SearchPage;
import org.stet.site.service.PublicSiteService;
import org.stet.site.service.SiteSearch;
import org.stet.web.XmlOut;

/**
 * {@code /search}: the readers' search page (a form that works without JavaScript, then the hits),
 * and {@code /opensearch.xml}, which lets browsers offer the site's search in their address bar.
 */
@PermitAll
@Path("/")
public class SearchResource {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance search(Chrome chrome, SearchPage page);
  }

  private final SiteSearch search;
  private final PublicSiteService site;
  private final PublicCaching caching;
  private final String address;

  SearchResource(
      SiteSearch search, PublicSiteService site, PublicCaching caching, SiteConfig config) {
    this.search = search;
    this.site = site;
    this.caching = caching;
    this.address = Links.site(config);
  }

  @GET
  @Path("search")
  @Produces(MediaType.TEXT_HTML)
  public Response page(
      @QueryParam("q") String q,
      @QueryParam("category") String category,
      @QueryParam("tag") String tag,
      @QueryParam("author") String author,
      @QueryParam("journal") String journal,
      @QueryParam("issue") String issue,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("order") String order,
      @QueryParam("after") String after) {
    SearchPage page =
        search.page(
            new SiteSearch.Asked(q, category, tag, author, journal, issue, from, to, order, after));
    String html = Templates.search(site.chrome(), page).render();
    // Results change with every publication: readers' caches keep them only briefly.
    return Response.ok(html, PublicCaching.HTML)
        .header("Cache-Control", page.searched() ? "no-cache" : caching.cacheControl())
        .build();
  }

  @GET
  @Path("opensearch.xml")
  @Produces("application/opensearchdescription+xml;charset=UTF-8")
  public Response openSearch() {
    String name = site.chrome().siteName();
    byte[] body =
        XmlOut.document(
            xml -> {
              xml.writeStartElement("OpenSearchDescription");
              xml.writeDefaultNamespace("http://a9.com/-/spec/opensearch/1.1/");
              // ShortName: at most 16 characters.
              XmlOut.text(xml, "ShortName", name.length() > 16 ? name.substring(0, 16) : name);
              XmlOut.text(xml, "Description", "Search the articles of " + name);
              XmlOut.text(xml, "InputEncoding", "UTF-8");
              xml.writeStartElement("Url");
              xml.writeAttribute("type", "text/html");
              xml.writeAttribute("method", "get");
              xml.writeAttribute("template", address + "/search?q={searchTerms}");
              xml.writeEndElement();
              xml.writeStartElement("Url");
              xml.writeAttribute("type", "application/json");
              xml.writeAttribute("method", "get");
              xml.writeAttribute("template", address + "/api/v1/search?q={searchTerms}");
              xml.writeEndElement();
              xml.writeStartElement("Url");
              xml.writeAttribute("type", "application/opensearchdescription+xml");
              xml.writeAttribute("rel", "self");
              xml.writeAttribute("template", address + "/opensearch.xml");
              xml.writeEndElement();
              xml.writeStartElement("Image");
              xml.writeAttribute("type", "image/svg+xml");
              xml.writeCharacters(address + "/favicon.svg");
              xml.writeEndElement();
              xml.writeEndElement();
            });
    return caching
        .publicPage(Response.ok(body, "application/opensearchdescription+xml;charset=UTF-8"))
        .build();
  }
}
