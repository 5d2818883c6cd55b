package org.stet.site.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.stet.site.service.Feeds;
import org.stet.site.service.Feeds.Feed;
import org.stet.site.service.Feeds.Kind;
import org.stet.site.service.Feeds.Source;
import org.stet.web.ContentTags;
import org.stet.web.Slug;

/**
 * Atom 1.0 and RSS 2.0 feeds of the site ({@code /feed}, {@code /feed.xml}, {@code /atom.xml};
 * {@code /rss}, {@code /rss.xml}) and of each category, tag and author (their page's address and
 * {@code /feed} or {@code /rss}); {@link JournalResource} answers those of journals and issues.
 * Conditional GET: ETag and Last-Modified, 304 when unchanged.
 */
@PermitAll
@Path("/")
public class FeedResource {

  private static final String ATOM_TYPE = "application/atom+xml;charset=UTF-8";
  private static final String RSS_TYPE = "application/rss+xml;charset=UTF-8";

  private final Feeds feeds;
  private final PublicCaching caching;

  FeedResource(Feeds feeds, PublicCaching caching) {
    this.feeds = feeds;
    this.caching = caching;
  }

  @GET
  @Path("{file: feed|feed\\.xml|atom\\.xml}")
  public Response siteAtom(@Context Request request) {
    return answer(request, Source.site(), true);
  }

  @GET
  @Path("{file: rss|rss\\.xml}")
  public Response siteRss(@Context Request request) {
    return answer(request, Source.site(), false);
  }

  @GET
  @Path("{kind: categories|tags|authors}/{slug}/{format: feed|rss}")
  public Response term(
      @PathParam("kind") String kind,
      @PathParam("slug") String slug,
      @PathParam("format") String format,
      @Context Request request) {
    Kind which =
        switch (kind) {
          case "categories" -> Kind.CATEGORY;
          case "tags" -> Kind.TAG;
          default -> Kind.AUTHOR;
        };
    return answer(request, new Source(which, checked(slug), 0), format.equals("feed"));
  }

  static String checked(String slug) {
    if (!Slug.isValid(slug)) {
      throw new NotFoundException();
    }
    return slug;
  }

  private Response answer(Request request, Source source, boolean atom) {
    return answer(feeds, caching, request, source, atom);
  }

  /**
   * The feed of {@code source} as Atom or RSS, or 304 when the request's conditions say the reader
   * has it (also for the journal resource, which owns the addresses under /journals).
   */
  static Response answer(
      Feeds feeds, PublicCaching caching, Request request, Source source, boolean atom) {
    Feed feed = feeds.feed(source).orElseThrow(NotFoundException::new);
    byte[] body = atom ? FeedWriter.atom(feed) : FeedWriter.rss(feed);
    EntityTag tag = new EntityTag(ContentTags.of(body));
    Date modified = Date.from(feed.updated().truncatedTo(ChronoUnit.SECONDS));
    Response.ResponseBuilder unchanged = request.evaluatePreconditions(modified, tag);
    Response.ResponseBuilder response =
        unchanged != null
            ? unchanged
            : Response.ok(body, atom ? ATOM_TYPE : RSS_TYPE).lastModified(modified);
    return caching.publicPage(response.tag(tag)).build();
  }
}
