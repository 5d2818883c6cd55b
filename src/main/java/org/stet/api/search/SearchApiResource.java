package org.stet.api.search;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stet.article.service.Caller;
import org.stet.identity.AuditActors;
import org.stet.identity.Role;
import org.stet.search.DeskSearch;
import org.stet.search.SearchCursor;
import org.stet.search.SearchLanguages;
import org.stet.search.SearchResults;
import org.stet.search.SearchText;
import org.stet.settings.SiteConfig;
import org.stet.site.Links;
import org.stet.site.service.SiteSearch;

/**
 * Search as JSON: the readers' search of published articles (anyone, no sign-in), and the desk's
 * search of the articles the caller may see in any state.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Search",
    description =
        "Full-text search: words, \"phrases\", -excluded words and OR; accents and case ignored.")
public class SearchApiResource {

  /** A name and the address of its page on the site. */
  public record NamedJson(String name, String url) {}

  /** A piece of a snippet: text as written, and whether it is a match to highlight. */
  public record FragmentJson(String text, boolean match) {}

  /**
   * A hit: {@code url} its public page (its desk page in a desk search), {@code snippet} the text
   * around the matches, and {@code highlights} the same text in pieces, each a match or not.
   */
  public record HitJson(
      long id,
      String title,
      String url,
      String status,
      Instant publishedAt,
      List<NamedJson> authors,
      NamedJson category,
      String snippet,
      List<FragmentJson> highlights) {}

  /**
   * A page of hits: {@code count} is exact up to 1,000 ({@code moreThanCount} beyond), {@code next}
   * the cursor of the next page (null on the last), {@code suggestion} a search that finds
   * something when this one finds nothing.
   */
  public record ResultsJson(
      String query,
      long count,
      boolean moreThanCount,
      List<HitJson> hits,
      String next,
      String suggestion,
      boolean onlyCommonWords) {}

  private final SearchLanguages languages;
  private final DeskSearch desk;
  private final SiteSearch site;
  private final SecurityIdentity identity;
  private final String address;

  SearchApiResource(
      SiteSearch site,
      SecurityIdentity identity,
      SiteConfig siteConfig,
      SearchLanguages languages,
      DeskSearch desk) {
    this.languages = languages;
    this.desk = desk;
    this.site = site;
    this.identity = identity;
    this.address = Links.site(siteConfig);
  }

  @GET
  @Path("search")
  @PermitAll
  @Operation(
      summary = "Search the published articles",
      description =
          "Anyone, without signing in. Ranked as the site's search page: every word in the"
              + " title first, then in the excerpt, then in the names of authors, tags and"
              + " category, then anywhere; the newest first among equals (or all newest first with"
              + " order=newest). 20 hits a page; 400 for a search of more than 50 words or 1,000"
              + " characters, a year that is not one, or a cursor that is not valid.")
  public ResultsJson search(
      @Parameter(description = "The words, in web-search syntax") @QueryParam("q") String q,
      @Parameter(description = "A category's slug") @QueryParam("category") String category,
      @Parameter(description = "A tag's slug") @QueryParam("tag") String tag,
      @Parameter(description = "An author's slug") @QueryParam("author") String author,
      @Parameter(description = "A journal's slug") @QueryParam("journal") String journal,
      @Parameter(description = "An issue number of that journal") @QueryParam("issue") String issue,
      @Parameter(description = "The first year, e.g. 2020") @QueryParam("from") String from,
      @Parameter(description = "The last year, e.g. 2024") @QueryParam("to") String to,
      @Parameter(description = "relevance (default) or newest") @QueryParam("order") String order,
      @Parameter(description = "\"next\" of the page before") @QueryParam("after") String after) {
    SiteSearch.Answer answer =
        site.answer(
            new SiteSearch.Asked(q, category, tag, author, journal, issue, from, to, order, after));
    return json(answer.request().words(), answer.results(), false);
  }

  @GET
  @Path("desk/search")
  @Authenticated
  @Operation(
      summary = "Search the articles you may see on the desk",
      description =
          "Signed in. Editors and admins find every article in any state; authors the articles"
              + " they wrote; reviewers the ones they were asked to review (by title only, and"
              + " without authors, when the review is anonymous to them). A number (or #number)"
              + " finds that article. The best match first, then the highest number; 20 a page.")
  public ResultsJson desk(
      @Parameter(description = "The words, or an article's number") @QueryParam("q") String q,
      @Parameter(description = "\"next\" of the page before") @QueryParam("after") String after) {
    String words = SearchText.checked(q);
    SearchResults results = desk.find(words, SearchCursor.of(after), Caller.of(identity));
    return json(words, results, true);
  }

  private ResultsJson json(String words, SearchResults results, boolean desk) {
    return new ResultsJson(
        words,
        results.count(),
        results.moreThanCounted(),
        results.hits().stream().map(hit -> hit(hit, desk)).toList(),
        results.next() == null ? null : results.next().toString(),
        results.suggestion(),
        results.onlyCommonWords());
  }

  @POST
  @Path("search/reindex")
  @RolesAllowed(Role.Names.ADMIN)
  @Operation(
      summary = "Re-index every article for search",
      description =
          "Admins only. Starts writing every article's search row afresh in the background (as"
              + " after the search language changed), in batches that never block readers;"
              + " answers 202 with the progress. Search keeps answering meanwhile. Needed only"
              + " after the database was changed by hand or restored: every save keeps the"
              + " search current.")
  public Response reindex() {
    languages.reindex(AuditActors.of(identity));
    return Response.accepted(languages.progress()).build();
  }

  @GET
  @Path("search/reindex")
  @RolesAllowed(Role.Names.ADMIN)
  @Operation(
      summary = "How far re-indexing got",
      description =
          "Admins only. Whether re-indexing runs on the instance that answers, how many"
              + " articles it has read of how many, and when it last finished.")
  public SearchLanguages.Progress progress() {
    return languages.progress();
  }

  private HitJson hit(SearchResults.Hit hit, boolean desk) {
    StringBuilder text = new StringBuilder();
    for (SearchResults.Fragment part : hit.snippet()) {
      text.append(part.text());
    }
    return new HitJson(
        hit.id(),
        hit.title(),
        address + (desk ? "/desk/articles/" + hit.id() : Links.article(hit.slug())),
        hit.status().name(),
        hit.publishedAt(),
        hit.authors().stream()
            .map(a -> new NamedJson(a.name(), address + Links.author(a.slug())))
            .toList(),
        hit.category() == null
            ? null
            : new NamedJson(hit.category().name(), address + Links.category(hit.category().slug())),
        text.toString(),
        hit.snippet().stream().map(f -> new FragmentJson(f.text(), f.match())).toList());
  }
}
