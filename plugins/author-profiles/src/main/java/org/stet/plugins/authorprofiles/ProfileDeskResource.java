package org.stet.plugins.authorprofiles;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.stet.spi.DeskSupport;
import org.stet.spi.DeskUser;
import org.stet.spi.Images;
import org.stet.spi.People;
import org.stet.spi.PersonView;
import org.stet.spi.PluginContext;

/**
 * Profiles in the desk: everyone edits their own; editors and admins edit anyone's. Every change is
 * a new entry in the profile's history (restorable) and an audit event.
 */
@Path("/desk/plugins/author-profiles")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"AUTHOR", "REVIEWER", "EDITOR", "ADMIN"})
public class ProfileDeskResource {

  private static final int PAGE = 50;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A person in the editors' list. */
  public record PersonRow(PersonView person, boolean hasProfile) {}

  @CheckedTemplate(basePath = "plugins/author-profiles")
  static class Templates {
    static native TemplateInstance people(
        DeskUser desk, List<PersonRow> people, String nextHref, PersonView me);

    static native TemplateInstance profile(
        DeskUser desk,
        PersonView person,
        boolean own,
        ProfileForm form,
        String photoKey,
        List<ProfileHistory.Entry> history,
        long maxPhotoMegabytes,
        String error,
        String done);

    static native TemplateInstance version(
        DeskUser desk,
        PersonView person,
        ProfileHistory.Entry entry,
        ProfileStore.ProfileData data,
        int currentVersion);
  }

  private final ProfileStore store;
  private final ProfileHistory history;
  private final ProfilePhotos photos;
  private final DeskSupport desk;
  private final People people;
  private final PluginContext context;
  private final Images images;

  ProfileDeskResource(
      ProfileStore store,
      ProfileHistory history,
      ProfilePhotos photos,
      DeskSupport desk,
      People people,
      PluginContext context,
      Images images) {
    this.images = images;
    this.store = store;
    this.history = history;
    this.photos = photos;
    this.desk = desk;
    this.people = people;
    this.context = context;
  }

  /** Editors and admins: everyone, in name order; others go to their own profile. */
  @GET
  public Response list(@QueryParam("after") String after) {
    DeskUser user = desk.user();
    PersonView me = desk.person();
    if (!user.isEditor() && !user.isAdmin()) {
      return Response.seeOther(URI.create(href(me))).build();
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
    return currentPage(editable(slug), null, saved != null).render();
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
    PersonView person = editable(slug);
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
      return Response.status(400).entity(page(person, form, summary, false).render()).build();
    }
    OptionalInt saved =
        store.save(person.id(), form.toData(), form.version(), who(), "Profile saved");
    if (saved.isEmpty()) {
      return Response.status(409)
          .entity(
              page(
                      person,
                      form,
                      "Someone saved this profile after you opened it, so yours was not saved."
                          + " Your text is kept below; open the profile again in another tab to"
                          + " see theirs, then save once more.",
                      false)
                  .render())
          .build();
    }
    renameIfChanged(person, form.displayName());
    changed(person, "saved profile version " + saved.getAsInt());
    return Response.seeOther(URI.create(href(person) + "?saved=1")).build();
  }

  /** A photo from the browser: checked, re-encoded outside any transaction, then stored. */
  @POST
  @Path("people/{slug}/photo")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response upload(
      @PathParam("slug") String slug,
      @RestForm("photo") FileUpload photo,
      @RestForm("_csrf") String token) {
    desk.verifyForm(token);
    PersonView person = editable(slug);
    long maxBytes =
        context.settings(AuthorProfilesPlugin.ID).integer(AuthorProfilesPlugin.PHOTO_MAX_MB)
            * 1_048_576L;
    Images.Squares squares;
    try {
      if (photo == null || photo.uploadedFile() == null) {
        throw new Images.Refused(400, "Choose a photo file to upload.");
      }
      if (photo.size() > maxBytes) {
        throw new Images.Refused(
            413,
            String.format(
                java.util.Locale.ROOT,
                "The photo is %.1f MB; the largest accepted is %.1f MB. Save it smaller and try"
                    + " again.",
                photo.size() / 1_048_576.0,
                maxBytes / 1_048_576.0));
      }
      squares =
          images.squareJpegs(
              photo.fileName(),
              Files.readAllBytes(photo.uploadedFile()),
              maxBytes,
              AuthorProfilesPlugin.LARGE,
              AuthorProfilesPlugin.SMALL);
    } catch (Images.Refused refused) {
      return Response.status(refused.status())
          .entity(currentPage(person, refused.getMessage(), false).render())
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String key = newKey();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              photos.set(person.id(), person.displayName(), key, squares, who());
              changed(person, "uploaded a photo");
            });
    return Response.seeOther(URI.create(href(person) + "?saved=1")).build();
  }

  @POST
  @Path("people/{slug}/photo/delete")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Transactional
  public Response removePhoto(@PathParam("slug") String slug, @FormParam("_csrf") String token) {
    desk.verifyForm(token);
    PersonView person = editable(slug);
    if (photos.remove(person.id(), person.displayName(), who())) {
      changed(person, "removed the photo");
    }
    return Response.seeOther(URI.create(href(person) + "?saved=1")).build();
  }

  @GET
  @Path("people/{slug}/history/{entry}")
  public String version(@PathParam("slug") String slug, @PathParam("entry") long entryId) {
    PersonView person = editable(slug);
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
    PersonView person = editable(slug);
    ProfileHistory.Entry entry = entry(person, entryId);
    ProfileStore.ProfileData data =
        history.snapshot(person.id(), entryId).orElseThrow(NotFoundException::new);
    Optional<String> veto =
        data.displayName() == null ? Optional.empty() : renameVeto(person, data.displayName());
    if (veto.isPresent()) {
      return Response.status(409)
          .entity(
              currentPage(
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
                who(),
                "Restored "
                    + (entry.version() == null
                        ? "an earlier state"
                        : "version " + entry.version()));
    if (saved.isEmpty()) {
      return Response.status(409)
          .entity(
              currentPage(
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
    changed(person, "restored history entry " + entryId + " as version " + saved.getAsInt());
    return Response.seeOther(URI.create(href(person) + "?saved=1")).build();
  }

  /** The person, if the signed-in account may edit their profile: their own, or any for editors. */
  private PersonView editable(String slug) {
    PersonView person = people.bySlug(slug).orElseThrow(NotFoundException::new);
    DeskUser user = desk.user();
    if (!user.isEditor() && !user.isAdmin() && desk.person().id() != person.id()) {
      throw new ForbiddenException("You can edit only your own profile.");
    }
    return person;
  }

  private ProfileHistory.Entry entry(PersonView person, long entryId) {
    return history.entry(person.id(), entryId).orElseThrow(NotFoundException::new);
  }

  /** The profile page with the saved profile in the form (the profile read once). */
  private TemplateInstance currentPage(PersonView person, String error, boolean saved) {
    Optional<ProfileStore.Profile> profile = store.profile(person.id());
    ProfileForm form =
        ProfileForm.of(
            store.data(person.id(), person.displayName(), profile),
            profile.map(ProfileStore.Profile::version).orElse(0));
    return page(
        person, form, profile.map(ProfileStore.Profile::photoKey).orElse(null), error, saved);
  }

  /** The profile page with {@code form} as it was typed (refused). */
  private TemplateInstance page(PersonView person, ProfileForm form, String error, boolean saved) {
    return page(
        person,
        form,
        store.profile(person.id()).map(ProfileStore.Profile::photoKey).orElse(null),
        error,
        saved);
  }

  private TemplateInstance page(
      PersonView person, ProfileForm form, String photoKey, String error, boolean saved) {
    return Templates.profile(
        desk.user(),
        person,
        desk.person().id() == person.id(),
        form,
        photoKey,
        history.list(person.id()),
        context.settings(AuthorProfilesPlugin.ID).integer(AuthorProfilesPlugin.PHOTO_MAX_MB),
        error,
        saved ? "Saved." : null);
  }

  /** The byline name is Stet's: changed through the SPI, audited with the profile. */
  /** Why the byline may not take {@code displayName}; empty when it is unchanged or may. */
  private Optional<String> renameVeto(PersonView person, String displayName) {
    return displayName.equals(person.displayName())
        ? Optional.empty()
        : people.renameVeto(person.id(), displayName);
  }

  private void renameIfChanged(PersonView person, String displayName) {
    if (!displayName.equals(person.displayName())) {
      people.rename(person.id(), displayName);
      desk.audit(
          AuthorProfilesPlugin.ID,
          "renamed " + person.slug() + " from \"" + person.displayName() + "\"",
          "person:" + person.id());
    }
  }

  private void changed(PersonView person, String what) {
    desk.audit(AuthorProfilesPlugin.ID, what + " of " + person.slug(), "person:" + person.id());
    context.pagesChanged(AuthorProfilesPlugin.ID);
  }

  /** Who saved, as the history shows it to the profile's owner: a name, never an address. */
  private String who() {
    return desk.user().displayName();
  }

  private static String href(PersonView person) {
    return "/desk/plugins/author-profiles/people/" + person.slug();
  }

  /** 128 random bits, URL-safe: 22 characters. */
  private static String newKey() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
