package org.stet.desk.settings;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.stet.audit.AuditLog;
import org.stet.desk.DeskChrome;
import org.stet.desk.DeskForm;
import org.stet.desk.DeskHeader;
import org.stet.identity.CsrfToken;
import org.stet.identity.Role;
import org.stet.journal.service.CitationStyleService;
import org.stet.search.SearchLanguages;
import org.stet.settings.FeedSettings;
import org.stet.settings.Site;

/**
 * The site's settings on the desk (administrators): the citation style of its articles, its feeds
 * and the language search reads words in (with re-indexing).
 */
@Path("/desk/admin/site")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.Names.ADMIN)
public class SiteSettingsDeskResource {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance settings(
        DeskChrome desk,
        CitationStyleService.Picker picker,
        FeedForm feeds,
        SearchForm search,
        String error,
        String notice);
  }

  /** The search settings: the languages, the one chosen, and how re-indexing stands. */
  public record SearchForm(
      List<SearchLanguages.Language> languages, String chosen, SearchLanguages.Progress progress) {}

  /** The feed settings as shown in their form: saved, or refused as typed. */
  public record FeedForm(String entries, boolean fullText) {

    static FeedForm saved() {
      Site site = Site.current();
      return new FeedForm(Integer.toString(site.feedEntries), site.feedFullText);
    }
  }

  private static final String STYLE_SAVED =
      "Saved. Every article page now shows its citations and references in the new style.";
  private static final String FEEDS_SAVED = "Saved. Feeds follow the new settings at once.";
  private static final String SEARCH_SAVED =
      "Saved. Every article is being read again in the new language; search keeps answering"
          + " meanwhile.";
  private static final String REINDEXING =
      "Every article is being read again for search; search keeps answering meanwhile.";

  private final CitationStyleService styles;
  private final org.stet.citation.CitationStyles collection;
  private final DeskForm forms;
  private final SecurityIdentity identity;
  private final DeskHeader header;
  private final FeedSettings feedSettings;
  private final SearchLanguages languages;

  SiteSettingsDeskResource(
      CitationStyleService styles,
      org.stet.citation.CitationStyles collection,
      DeskForm forms,
      SecurityIdentity identity,
      DeskHeader header,
      FeedSettings feedSettings,
      SearchLanguages languages) {
    this.feedSettings = feedSettings;
    this.languages = languages;
    this.styles = styles;
    this.collection = collection;
    this.forms = forms;
    this.identity = identity;
    this.header = header;
  }

  @GET
  @Transactional
  public TemplateInstance show(
      @QueryParam("saved") String saved,
      @QueryParam("feedsSaved") String feedsSaved,
      @QueryParam("searchSaved") String searchSaved,
      @QueryParam("reindexing") String reindexing) {
    return Templates.settings(
        desk(),
        styles.picker(styles.siteStyle(), false),
        FeedForm.saved(),
        search(),
        null,
        saved != null
            ? STYLE_SAVED
            : feedsSaved != null
                ? FEEDS_SAVED
                : searchSaved != null ? SEARCH_SAVED : reindexing != null ? REINDEXING : null);
  }

  @POST
  @Path("search")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Transactional
  public Response saveSearch(
      @FormParam("language") String language, @FormParam(CsrfToken.FIELD) String token) {
    DeskChrome desk = desk();
    CitationStyleService.Picker picker = styles.picker(styles.siteStyle(), false);
    FeedForm feeds = FeedForm.saved();
    SearchForm search = search();
    return forms.submit(
        token,
        () -> {
          languages.set(actor(), language == null ? "" : language);
          return "/desk/admin/site?searchSaved=1";
        },
        problem ->
            Templates.settings(desk, picker, feeds, search, problem.message(), null).render());
  }

  @POST
  @Path("search/reindex")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response reindex(@FormParam(CsrfToken.FIELD) String token) {
    return forms.submit(
        token,
        () -> {
          languages.reindex(actor());
          return "/desk/admin/site?reindexing=1";
        });
  }

  private SearchForm search() {
    return new SearchForm(
        languages.available(), Site.current().searchLanguage, languages.progress());
  }

  @POST
  @Path("feeds")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Transactional
  public Response saveFeeds(
      @FormParam("entries") String entries,
      @FormParam("fullText") String fullText,
      @FormParam(CsrfToken.FIELD) String token) {
    FeedForm typed = new FeedForm(entries, "true".equals(fullText));
    DeskChrome desk = desk();
    CitationStyleService.Picker picker = styles.picker(styles.siteStyle(), false);
    SearchForm search = search();
    return forms.submit(
        token,
        () -> {
          feedSettings.set(actor(), FeedSettings.entries(entries), typed.fullText());
          return "/desk/admin/site?feedsSaved";
        },
        problem ->
            Templates.settings(desk, picker, typed, search, problem.message(), null).render());
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Transactional
  public Response save(
      @FormParam("style") String style,
      @FormParam("otherStyle") String other,
      @FormParam(CsrfToken.FIELD) String token) {
    String chosen = CitationStyleService.chosen(style, other);
    // Read before the step: a refusal marks the transaction for rollback, after which the page
    // that explains it could not read the site's name any more.
    DeskChrome desk = desk();
    FeedForm feeds = FeedForm.saved();
    SearchForm search = search();
    return forms.submit(
        token,
        () -> {
          CitationStyleService.check(collection, chosen);
          styles.setSiteStyle(actor(), chosen);
          return "/desk/admin/site?saved";
        },
        problem ->
            Templates.settings(
                    desk, styles.picker(chosen, false), feeds, search, problem.message(), null)
                .render());
  }

  private AuditLog.Actor actor() {
    return org.stet.identity.AuditActors.of(identity);
  }

  private DeskChrome desk() {
    return header.chrome();
  }
}
