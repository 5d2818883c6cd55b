package org.stet.desk.search;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.stet.article.service.Caller;
import org.stet.desk.DeskChrome;
import org.stet.desk.DeskHeader;
import org.stet.search.DeskSearch;
import org.stet.search.SearchCursor;
import org.stet.search.SearchResults;
import org.stet.search.SearchText;

/**
 * {@code /desk/search}: everyone on the desk searches the articles they may open, in any state, by
 * title, author, number or any word of the text. Editors find every article, authors their own,
 * reviewers the ones they were asked to review.
 */
@Path("/desk/search")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class DeskSearchResource {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance search(
        DeskChrome desk,
        String query,
        SearchResults results,
        String nextHref,
        String firstHref,
        String suggestionHref);
  }

  private final DeskSearch search;
  private final DeskHeader header;
  private final SecurityIdentity identity;

  DeskSearchResource(DeskSearch search, DeskHeader header, SecurityIdentity identity) {
    this.search = search;
    this.header = header;
    this.identity = identity;
  }

  @GET
  public TemplateInstance search(@QueryParam("q") String q, @QueryParam("after") String after) {
    String words = SearchText.checked(q);
    SearchCursor cursor = SearchCursor.of(after);
    SearchResults results = search.find(words, cursor, Caller.of(identity));
    String base = href(words);
    return Templates.search(
        header.chrome(),
        words,
        results,
        results.next() == null ? null : base + "&after=" + results.next(),
        cursor == null ? null : base,
        results.suggestion() == null ? null : href(results.suggestion()));
  }

  private static String href(String words) {
    return "/desk/search?q=" + URLEncoder.encode(words, StandardCharsets.UTF_8);
  }
}
