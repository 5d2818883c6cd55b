package org.stet.site.rest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.regex.Pattern;
import org.stet.site.PageModels.Chrome;
import org.stet.site.PageModels.IssuePage;
import org.stet.site.PageModels.JournalPage;
import org.stet.site.PageModels.NamedLink;
import org.stet.site.service.Feeds;
import org.stet.site.service.PublicSiteService;
import org.stet.web.Slug;

/** The journals, a journal with its issues, and an issue with its table of contents. */
@PermitAll
@Path("/journals")
@Produces(MediaType.TEXT_HTML)
public class JournalResource {

  private static final Pattern ISSUE_NUMBER = Pattern.compile("[1-9][0-9]{0,8}");

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance journals(Chrome chrome, List<NamedLink> journals);

    static native TemplateInstance journal(Chrome chrome, JournalPage journal);

    static native TemplateInstance issue(Chrome chrome, IssuePage issue);
  }

  private final PublicSiteService site;
  private final PublicCaching caching;
  private final Feeds feeds;

  JournalResource(PublicSiteService site, PublicCaching caching, Feeds feeds) {
    this.site = site;
    this.caching = caching;
    this.feeds = feeds;
  }

  /** The journal's feed: the articles of its published issues, Atom or RSS. */
  @GET
  @Path("{slug}/{format: feed|rss}")
  @Produces(MediaType.WILDCARD)
  public Response journalFeed(
      @PathParam("slug") String slug,
      @PathParam("format") String format,
      @Context Request request) {
    Feeds.Source source = new Feeds.Source(Feeds.Kind.JOURNAL, FeedResource.checked(slug), 0);
    return FeedResource.answer(feeds, caching, request, source, format.equals("feed"));
  }

  /** A published issue's feed: its contents in order, Atom or RSS. */
  @GET
  @Path("{slug}/issues/{number}/{format: feed|rss}")
  @Produces(MediaType.WILDCARD)
  public Response issueFeed(
      @PathParam("slug") String slug,
      @PathParam("number") String number,
      @PathParam("format") String format,
      @Context Request request) {
    if (!ISSUE_NUMBER.matcher(number).matches()) {
      throw new NotFoundException();
    }
    Feeds.Source source =
        new Feeds.Source(Feeds.Kind.ISSUE, FeedResource.checked(slug), Integer.parseInt(number));
    return FeedResource.answer(feeds, caching, request, source, format.equals("feed"));
  }

  @GET
  public Response journals() {
    return html(Templates.journals(site.chrome(), site.journals()));
  }

  @GET
  @Path("{slug}")
  public Response journal(@PathParam("slug") String slug) {
    if (!Slug.isValid(slug)) {
      throw new NotFoundException();
    }
    JournalPage journal = site.journal(slug).orElseThrow(NotFoundException::new);
    return html(Templates.journal(site.chrome(), journal));
  }

  @GET
  @Path("{slug}/issues/{number}")
  public Response issue(@PathParam("slug") String slug, @PathParam("number") String number) {
    if (!Slug.isValid(slug) || !ISSUE_NUMBER.matcher(number).matches()) {
      throw new NotFoundException();
    }
    IssuePage issue =
        site.issue(slug, Integer.parseInt(number)).orElseThrow(NotFoundException::new);
    return html(Templates.issue(site.chrome(), issue));
  }

  private Response html(TemplateInstance page) {
    return caching.publicPage(Response.ok(page.render(), PublicCaching.HTML)).build();
  }
}
