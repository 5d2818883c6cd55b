package org.stet.site.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.Function;
import org.stet.site.CitableArticle;
import org.stet.site.CitationFormats;
import org.stet.site.JatsWriter;
import org.stet.site.service.PublicSiteService;
import org.stet.web.Slug;

/**
 * "Cite this" downloads of an article readers can see, for reference managers: BibTeX, RIS and
 * CSL-JSON, each with its registered content type and a file name; and the article as JATS.
 */
@PermitAll
@Path("/articles/{slug}")
public class CiteResource {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final PublicSiteService site;
  private final PublicCaching caching;

  CiteResource(PublicSiteService site, PublicCaching caching) {
    this.site = site;
    this.caching = caching;
  }

  @GET
  @Path("cite.bib")
  public Response bibtex(@PathParam("slug") String slug) {
    return answer(
        slug,
        "application/x-bibtex;charset=UTF-8",
        "bib",
        article -> CitationFormats.bibtex(article, slug));
  }

  @GET
  @Path("cite.ris")
  public Response ris(@PathParam("slug") String slug) {
    return answer(
        slug, "application/x-research-info-systems;charset=UTF-8", "ris", CitationFormats::ris);
  }

  @GET
  @Path("cite.json")
  public Response cslJson(@PathParam("slug") String slug) {
    return answer(
        slug,
        "application/vnd.citationstyles.csl+json;charset=UTF-8",
        "json",
        article -> {
          try {
            return JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsString(List.of(CitationFormats.csl(article)));
          } catch (JsonProcessingException e) {
            throw new IllegalStateException("Maps of strings always serialise", e);
          }
        });
  }

  /** The article as JATS 1.1 XML, for archives, indexes and harvesters. */
  @GET
  @Path("jats.xml")
  public Response jats(@PathParam("slug") String slug) {
    if (!Slug.isValid(slug)) {
      throw new NotFoundException();
    }
    JatsWriter.Source source =
        QuarkusTransaction.requiringNew()
            .call(() -> site.jats(slug))
            .orElseThrow(NotFoundException::new);
    return caching
        .publicPage(Response.ok(JatsWriter.document(source), "application/jats+xml;charset=UTF-8"))
        .build();
  }

  private Response answer(
      String slug, String type, String extension, Function<CitableArticle, String> format) {
    if (!Slug.isValid(slug)) {
      throw new NotFoundException();
    }
    CitableArticle article =
        QuarkusTransaction.requiringNew()
            .call(() -> site.citable(slug))
            .orElseThrow(NotFoundException::new);
    return caching
        .publicPage(Response.ok(format.apply(article), type))
        .header("Content-Disposition", "attachment; filename=\"" + slug + "." + extension + "\"")
        .build();
  }
}
