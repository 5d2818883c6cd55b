package org.stet.plugins.authorprofiles;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import java.util.List;
import java.util.Optional;
import org.stet.spi.DeskSupport;
import org.stet.spi.DeskUser;
import org.stet.spi.People;
import org.stet.spi.PersonView;
import org.stet.spi.PluginContext;

/**
 * What the profile desk's forms share ({@link ProfileDeskResource}, {@link PhotoDeskResource}): who
 * may edit a profile, the profile page they show again with a message, and the record of a change.
 */
@ApplicationScoped
public class ProfileDesk {

  @CheckedTemplate(basePath = "plugins/author-profiles")
  static class Templates {
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
  }

  private final ProfileStore store;
  private final ProfileHistory history;
  private final DeskSupport desk;
  private final People people;
  private final PluginContext context;

  ProfileDesk(
      ProfileStore store,
      ProfileHistory history,
      DeskSupport desk,
      People people,
      PluginContext context) {
    this.store = store;
    this.history = history;
    this.desk = desk;
    this.people = people;
    this.context = context;
  }

  /** The person, if the signed-in account may edit their profile: their own, or any for editors. */
  PersonView editable(String slug) {
    PersonView person = people.bySlug(slug).orElseThrow(NotFoundException::new);
    DeskUser user = desk.user();
    if (!user.isEditor() && !user.isAdmin() && desk.person().id() != person.id()) {
      throw new ForbiddenException("You can edit only your own profile.");
    }
    return person;
  }

  /** The profile page with the saved profile in the form (the profile read once). */
  TemplateInstance currentPage(PersonView person, String error, boolean saved) {
    Optional<ProfileStore.Profile> profile = store.profile(person.id());
    ProfileForm form =
        ProfileForm.of(
            store.data(person.id(), person.displayName(), profile),
            profile.map(ProfileStore.Profile::version).orElse(0));
    return page(
        person, form, profile.map(ProfileStore.Profile::photoKey).orElse(null), error, saved);
  }

  /** The profile page with {@code form} as it was typed (refused). */
  TemplateInstance typedPage(PersonView person, ProfileForm form, String error) {
    return page(
        person,
        form,
        store.profile(person.id()).map(ProfileStore.Profile::photoKey).orElse(null),
        error,
        false);
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

  /** Audits a change of {@code person}'s profile and has the public pages rendered anew. */
  void changed(PersonView person, String what) {
    desk.audit(AuthorProfilesPlugin.ID, what + " of " + person.slug(), "person:" + person.id());
    context.pagesChanged(AuthorProfilesPlugin.ID);
  }

  /** Who saved, as the history shows it to the profile's owner: a name, never an address. */
  String who() {
    return desk.user().displayName();
  }

  /** The person's profile page in the desk. */
  static String href(PersonView person) {
    return "/desk/plugins/author-profiles/people/" + person.slug();
  }
}
