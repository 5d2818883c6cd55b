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

/** The site's settings on the desk (administrators): the citation style of its articles. */
@Path("/desk/admin/site")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.Names.ADMIN)
public class SiteSettingsDeskResource {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance settings(
        DeskChrome desk, CitationStyleService.Picker picker, String error, boolean saved);
  }

  private final CitationStyleService styles;
  private final org.stet.citation.CitationStyles collection;
  private final DeskForm forms;
  private final SecurityIdentity identity;
  private final DeskHeader header;

  SiteSettingsDeskResource(
      CitationStyleService styles,
      org.stet.citation.CitationStyles collection,
      DeskForm forms,
      SecurityIdentity identity,
      DeskHeader header) {
    this.styles = styles;
    this.collection = collection;
    this.forms = forms;
    this.identity = identity;
    this.header = header;
  }

  @GET
  @Transactional
  public TemplateInstance show(@QueryParam("saved") String saved) {
    return Templates.settings(
        desk(), styles.picker(styles.siteStyle(), false), null, saved != null);
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
    return forms.submit(
        token,
        () -> {
          CitationStyleService.check(collection, chosen);
          styles.setSiteStyle(actor(), chosen);
          return "/desk/admin/site?saved";
        },
        problem ->
            Templates.settings(desk, styles.picker(chosen, false), problem.message(), false)
                .render());
  }

  private AuditLog.Actor actor() {
    return org.stet.identity.AuditActors.of(identity);
  }

  private DeskChrome desk() {
    return header.chrome();
  }
}
