package org.stet.site.rest;

import io.vertx.core.http.HttpServerResponse;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.stet.settings.SiteConfig;
import org.stet.site.service.SitemapFiles;

/**
 * {@code /robots.txt} and the sitemaps it names: {@code /sitemap.xml} (an index) and its parts
 * under {@code /sitemaps/}. The files are kept gzipped ({@link SitemapFiles}): sent as they are to
 * clients that accept gzip (every crawler does), unpacked on the way to those that do not, with an
 * ETag for each form and 304 when the client has it.
 */
@PermitAll
@Path("/")
public class SitemapResource {

  private static final String XML = "application/xml;charset=UTF-8";
  private static final Pattern PART = Pattern.compile("([a-z]+)-([0-9]{1,6})\\.xml");

  private final SitemapFiles files;
  private final PublicCaching caching;
  private final String site;

  SitemapResource(SitemapFiles files, PublicCaching caching, SiteConfig config) {
    this.files = files;
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
  public Response index(
      @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String encodings,
      @Context Request request,
      @Context HttpServerResponse server) {
    return answer(files.index(), encodings, request, server);
  }

  @GET
  @Path("sitemaps/pages.xml")
  @Produces(XML)
  public Response pages(
      @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String encodings,
      @Context Request request,
      @Context HttpServerResponse server) {
    return answer(files.pages(), encodings, request, server);
  }

  @GET
  @Path("sitemaps/{file}")
  @Produces(XML)
  public Response part(
      @PathParam("file") String file,
      @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String encodings,
      @Context Request request,
      @Context HttpServerResponse server) {
    Matcher name = PART.matcher(file);
    if (!name.matches()) {
      throw new NotFoundException();
    }
    SitemapFiles.File found =
        files
            .part(name.group(1), Integer.parseInt(name.group(2)))
            .orElseThrow(NotFoundException::new);
    return answer(found, encodings, request, server);
  }

  private Response answer(
      SitemapFiles.File file, String encodings, Request request, HttpServerResponse server) {
    boolean gzip = acceptsGzip(encodings);
    EntityTag tag = new EntityTag(file.tag() + (gzip ? "-gzip" : ""));
    Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
    Response.ResponseBuilder response;
    if (unchanged != null) {
      response = unchanged;
    } else if (gzip) {
      // Set on the server's response, replacing the "identity" Quarkus puts there so that nothing
      // compresses the body again; a header of the JAX-RS response would be added after it.
      server.putHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
      response = Response.ok(file.gzipped(), XML);
    } else {
      StreamingOutput unpacked =
          out -> {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(file.gzipped()))) {
              in.transferTo(out);
            }
          };
      response = Response.ok(unpacked, XML);
    }
    return caching.publicPage(response.tag(tag).header("Vary", "Accept-Encoding")).build();
  }

  /** Whether {@code Accept-Encoding} lists gzip (or *) without refusing it ({@code q=0}). */
  static boolean acceptsGzip(String encodings) {
    if (encodings == null) {
      return false;
    }
    for (String each : encodings.toLowerCase(Locale.ROOT).split(",")) {
      String[] parts = each.split(";");
      String coding = parts[0].strip();
      if (coding.equals("gzip") || coding.equals("x-gzip") || coding.equals("*")) {
        for (int i = 1; i < parts.length; i++) {
          if (parts[i].strip().matches("q\\s*=\\s*0(\\.0*)?")) {
            return false;
          }
        }
        return true;
      }
    }
    return false;
  }
}
