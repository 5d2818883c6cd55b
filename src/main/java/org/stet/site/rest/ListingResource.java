package org.stet.site.rest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.stet.article.PageCursor;
import org.stet.site.PageModels.AuthorIndex;
import org.stet.site.PageModels.Chrome;
import org.stet.site.PageModels.Listing;
import org.stet.site.service.PublicSiteService;
import org.stet.site.service.PublicSiteService.ListingRequest;
import org.stet.web.Slug;

/** Lists of published articles, newest first, keyset-paginated: home, category, tag, author. */
@PermitAll
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ListingResource {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance listing(Chrome chrome, Listing listing);

    static native TemplateInstance authors(Chrome chrome, AuthorIndex index);
  }

  private final PublicSiteService site;
  private final PublicCaching caching;

  ListingResource(PublicSiteService site, PublicCaching caching) {
    this.site = site;
    this.caching = caching;
  }

  @GET
  public Response home(@QueryParam("older") String older, @QueryParam("newer") String newer) {
    return page(site.home(request("/", older, newer)));
  }

  /** The authors index: everyone with a published article, by name, a page at a time. */
  @GET
  @Path("authors")
  public Response authors(@QueryParam("after") String after, @QueryParam("before") String before) {
    if (after != null && before != null) {
      throw new BadRequestException("A page link has either 'after' or 'before', not both.");
    }
    AuthorIndex index =
        site.authors(personId(after), personId(before)).orElseThrow(NotFoundException::new);
    String html = Templates.authors(site.chrome(), index).render();
    return caching.publicPage(Response.ok(html, PublicCaching.HTML)).build();
  }

  private static Long personId(String given) {
    if (given == null) {
      return null;
    }
    if (!given.matches("[1-9]\\d{0,17}")) {
      throw new BadRequestException(
          "This page link is not valid. Go back to the first page and follow the links from there.");
    }
    return Long.parseLong(given);
  }

  /** A category, tag or author page: {@code /categories/x}, {@code /tags/x}, {@code /authors/x}. */
  @GET
  @Path("{kind: categories|tags|authors}/{slug}")
  public Response byTerm(
      @PathParam("kind") String kind,
      @PathParam("slug") String slug,
      @QueryParam("older") String older,
      @QueryParam("newer") String newer) {
    if (!Slug.isValid(slug)) {
      throw new NotFoundException();
    }
    ListingRequest request = request("/" + kind + "/" + slug, older, newer);
    Optional<Listing> listing =
        switch (kind) {
          case "categories" -> site.category(slug, request);
          case "tags" -> site.tag(slug, request);
          default -> site.author(slug, request);
        };
    return page(listing.orElseThrow(NotFoundException::new));
  }

  private Response page(Listing listing) {
    String html = Templates.listing(site.chrome(), listing).render();
    return caching.publicPage(Response.ok(html, PublicCaching.HTML)).build();
  }

  /** Reads the page links' {@code older}/{@code newer} cursors; a mangled one is a 400. */
  static ListingRequest request(String path, String older, String newer) {
    if (older != null && newer != null) {
      throw new BadRequestException("A page link has either 'older' or 'newer', not both.");
    }
    String given = older != null ? older : newer;
    if (given == null) {
      return new ListingRequest(path, null, true);
    }
    PageCursor cursor =
        PageCursor.parse(given)
            .orElseThrow(
                () ->
                    new BadRequestException(
                        "This page link is not valid. Go back to the first page and follow the"
                            + " links from there."));
    return new ListingRequest(path, cursor, older != null);
  }
}
