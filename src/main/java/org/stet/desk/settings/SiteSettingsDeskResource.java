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
import org.stet.audit.AuditLog;
import org.stet.desk.DeskChrome;
import org.stet.desk.DeskForm;
import org.stet.desk.DeskHeader;
import org.stet.identity.CsrfToken;
import org.stet.identity.Role;
import org.stet.journal.service.CitationStyleService;
import org.stet.settings.FeedSettings;
import org.stet.settings.Site;

/** The site's settings on the desk (administrators): the citation style of its articles. */
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
        String error,
        String notice);
  }

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

  private final CitationStyleService styles;
  private final org.stet.citation.CitationStyles collection;
  private final DeskForm forms;
  private final SecurityIdentity identity;
  private final DeskHeader header;
  private final FeedSettings feedSettings;

  SiteSettingsDeskResource(
      CitationStyleService styles,
      org.stet.citation.CitationStyles collection,
      DeskForm forms,
      SecurityIdentity identity,
      DeskHeader header,
      FeedSettings feedSettings) {
    this.feedSettings = feedSettings;
    this.styles = styles;
    this.collection = collection;
    this.forms = forms;
    this.identity = identity;
    this.header = header;
  }

  @GET
  @Transactional
  public TemplateInstance show(
      @QueryParam("saved") String saved, @QueryParam("feedsSaved") String feedsSaved) {
    return Templates.settings(
        desk(),
        styles.picker(styles.siteStyle(), false),
        FeedForm.saved(),
        null,
        saved != null ? STYLE_SAVED : feedsSaved != null ? FEEDS_SAVED : null);
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
    return forms.submit(
        token,
        () -> {
          feedSettings.set(actor(), FeedSettings.entries(entries), typed.fullText());
          return "/desk/admin/site?feedsSaved";
        },
        problem -> Templates.settings(desk, picker, typed, problem.message(), null).render());
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
    return forms.submit(
        token,
        () -> {
          CitationStyleService.check(collection, chosen);
          styles.setSiteStyle(actor(), chosen);
          return "/desk/admin/site?saved";
        },
        problem ->
            Templates.settings(desk, styles.picker(chosen, false), feeds, problem.message(), null)
                .render());
  }

  private AuditLog.Actor actor() {
    return org.stet.identity.AuditActors.of(identity);
  }

  private DeskChrome desk() {
    return header.chrome();
  }
}
