package org.stet.plugins.authorprofiles;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Optional;
import org.stet.spi.AuthorDetails;
import org.stet.spi.PersonView;

/**
 * A profile's ORCID iD (only a valid one) and affiliation, for the citation metadata of article
 * pages. Saving a profile already drops the cached pages (its author box is on them).
 */
@ApplicationScoped
class ProfileDetails implements AuthorDetails {

  private final ProfileStore store;

  ProfileDetails(ProfileStore store) {
    this.store = store;
  }

  @Override
  public String pluginId() {
    return AuthorProfilesPlugin.ID;
  }

  @Override
  public Optional<Details> of(PersonView person, LocalDate day) {
    return store
        .profile(person.id())
        .map(
            profile ->
                new Details(
                    profile.orcid() != null && Orcid.isValid(profile.orcid())
                        ? profile.orcid()
                        : null,
                    profile.affiliation()))
        .filter(details -> details.orcid() != null || details.affiliation() != null);
  }
}
