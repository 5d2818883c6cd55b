package org.stet.plugins.authorprofiles;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.stet.spi.DeskSupport;
import org.stet.spi.DeskUser;
import org.stet.spi.People;
import org.stet.spi.PersonView;

/**
 * Profiles in the desk: everyone edits their own; editors and admins edit anyone's. Every change is
 * a new entry in the profile's history (restorable) and an audit event. The photo has a resource of
 * its own under the same path ({@link PhotoDeskResource}).
 */
@Path("/desk/plugins/author-profiles")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"AUTHOR", "REVIEWER", "EDITOR", "ADMIN"})
public class ProfileDeskResource {

  private static final int PAGE = 50;

  /** A person in the editors' list. */
  public record PersonRow(PersonView person, boolean hasProfile) {}

  @CheckedTemplate(basePath = "plugins/author-profiles")
  static class Templates {
    static native TemplateInstance people(
        DeskUser desk, List<PersonRow> people, String nextHref, PersonView me);

    static native TemplateInstance version(
        DeskUser desk,
        PersonView person,
        ProfileHistory.Entry entry,
        ProfileStore.ProfileData data,
        int currentVersion);
  }

  private final ProfileDesk profiles;
  private final ProfileStore store;
  private final ProfileHistory history;
  private final DeskSupport desk;
  private final People people;

  ProfileDeskResource(
      ProfileDesk profiles,
      ProfileStore store,
      ProfileHistory history,
      DeskSupport desk,
      People people) {
    this.profiles = profiles;
    this.store = store;
    this.history = history;
    this.desk = desk;
    this.people = people;
  }

  /** Editors and admins: everyone, in name order; others go to their own profile. */
  @GET
  public Response list(@QueryParam("after") String after) {
    DeskUser user = desk.user();
    PersonView me = desk.person();
    if (!user.isEditor() && !user.isAdmin()) {
      return Response.seeOther(URI.create(ProfileDesk.href(me))).build();
    }
    PersonView from =
        after == null ? null : people.bySlug(after).orElseThrow(NotFoundException::new);
    List<PersonView> page = people.inNameOrder(from, PAGE + 1);
    List<PersonView> shown = page.subList(0, Math.min(PAGE, page.size()));
    Set<Long> withProfile = store.withProfile(shown.stream().map(PersonView::id).toList());
    String next =
        page.size() > PAGE
            ? "/desk/plugins/author-profiles?after=" + shown.get(shown.size() - 1).slug()
            : null;
    List<PersonRow> rows =
        shown.stream().map(p -> new PersonRow(p, withProfile.contains(p.id()))).toList();
    return Response.ok(Templates.people(user, rows, next, me).render()).build();
  }

  @GET
  @Path("people/{slug}")
  public String edit(@PathParam("slug") String slug, @QueryParam("saved") String saved) {
    return profiles.currentPage(profiles.editable(slug), null, saved != null).render();
  }

  @POST
  @Path("people/{slug}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Transactional
  public Response save(
      @PathParam("slug") String slug,
      @FormParam("displayName") String displayName,
      @FormParam("affiliation") String affiliation,
      @FormParam("biography") String biography,
      @FormParam("orcid") String orcid,
      @FormParam("publicEmail") String publicEmail,
      @FormParam("positionTitle") List<String> titles,
      @FormParam("positionStart") List<String> starts,
      @FormParam("positionEnd") List<String> ends,
      @FormParam("linkLabel") List<String> labels,
      @FormParam("linkUrl") List<String> urls,
      @FormParam("version") String version,
      @FormParam("_csrf") String token) {
    desk.verifyForm(token);
    PersonView person = profiles.editable(slug);
    ProfileForm form =
        ProfileForm.read(
            displayName,
            affiliation,
            biography,
            orcid,
            publicEmail,
            titles,
            starts,
            ends,
            labels,
            urls,
            version);
    if (!form.hasErrors()) {
      Optional<String> veto = renameVeto(person, form.displayName());
      if (veto.isPresent()) {
        form = form.withError("displayName", veto.get());
      }
    }
    if (form.hasErrors()) {
      String summary =
          form.error("form") != null
              ? form.error("form")
              : "Nothing was saved: correct the fields marked below.";
      return Response.status(400)
          .entity(profiles.typedPage(person, form, summary).render())
          .build();
    }
    OptionalInt saved =
        store.save(person.id(), form.toData(), form.version(), profiles.who(), "Profile saved");
    if (saved.isEmpty()) {
      return Response.status(409)
          .entity(
              profiles
                  .typedPage(
                      person,
                      form,
                      "Someone saved this profile after you opened it, so yours was not saved."
                          + " Your text is kept below; open the profile again in another tab to"
                          + " see theirs, then save once more.")
                  .render())
          .build();
    }
    renameIfChanged(person, form.displayName());
    profiles.changed(person, "saved profile version " + saved.getAsInt());
    return Response.seeOther(URI.create(ProfileDesk.href(person) + "?saved=1")).build();
  }

  @GET
  @Path("people/{slug}/history/{entry}")
  public String version(@PathParam("slug") String slug, @PathParam("entry") long entryId) {
    PersonView person = profiles.editable(slug);
    ProfileHistory.Entry entry = entry(person, entryId);
    ProfileStore.ProfileData data =
        history.snapshot(person.id(), entryId).orElseThrow(NotFoundException::new);
    int current = store.profile(person.id()).map(ProfileStore.Profile::version).orElse(0);
    return Templates.version(desk.user(), person, entry, data, current).render();
  }

  /** Saves an earlier state as the newest version (the history keeps everything in between). */
  @POST
  @Path("people/{slug}/history/{entry}/restore")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Transactional
  public Response restore(
      @PathParam("slug") String slug,
      @PathParam("entry") long entryId,
      @FormParam("version") String version,
      @FormParam("_csrf") String token) {
    desk.verifyForm(token);
    PersonView person = profiles.editable(slug);
    ProfileHistory.Entry entry = entry(person, entryId);
    ProfileStore.ProfileData data =
        history.snapshot(person.id(), entryId).orElseThrow(NotFoundException::new);
    Optional<String> veto =
        data.displayName() == null ? Optional.empty() : renameVeto(person, data.displayName());
    if (veto.isPresent()) {
      return Response.status(409)
          .entity(
              profiles
                  .currentPage(
                      person,
                      "That version names the byline \""
                          + data.displayName()
                          + "\", which cannot be restored: "
                          + veto.get()
                          + " Nothing was restored.",
                      false)
                  .render())
          .build();
    }
    int expected = version != null && version.matches("\\d{1,9}") ? Integer.parseInt(version) : -1;
    OptionalInt saved =
        expected < 0
            ? OptionalInt.empty()
            : store.save(
                person.id(),
                data,
                expected,
                profiles.who(),
                "Restored "
                    + (entry.version() == null
                        ? "an earlier state"
                        : "version " + entry.version()));
    if (saved.isEmpty()) {
      return Response.status(409)
          .entity(
              profiles
                  .currentPage(
                      person,
                      "The profile changed since you opened that version; nothing was restored."
                          + " Look at the history again and restore once more.",
                      false)
                  .render())
          .build();
    }
    if (data.displayName() != null) {
      renameIfChanged(person, data.displayName());
    }
    profiles.changed(
        person, "restored history entry " + entryId + " as version " + saved.getAsInt());
    return Response.seeOther(URI.create(ProfileDesk.href(person) + "?saved=1")).build();
  }

  private ProfileHistory.Entry entry(PersonView person, long entryId) {
    return history.entry(person.id(), entryId).orElseThrow(NotFoundException::new);
  }

  /** Why the byline may not take {@code displayName}; empty when it is unchanged or may. */
  private Optional<String> renameVeto(PersonView person, String displayName) {
    return displayName.equals(person.displayName())
        ? Optional.empty()
        : people.renameVeto(person.id(), displayName);
  }

  /** The byline name is Stet's: changed through the SPI, audited with the profile. */
  private void renameIfChanged(PersonView person, String displayName) {
    if (!displayName.equals(person.displayName())) {
      people.rename(person.id(), displayName);
      desk.audit(
          AuthorProfilesPlugin.ID,
          "renamed " + person.slug() + " from \"" + person.displayName() + "\"",
          "person:" + person.id());
    }
  }
}
