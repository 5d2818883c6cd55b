package org.stet.plugins.authorprofiles;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.stet.spi.Images;

/**
 * Profile photos in the plugin's own table, as Stet re-encoded them (decision 0008): one per
 * person, in two sizes, under a key that names the upload. Each change is an entry in the profile's
 * history.
 */
@ApplicationScoped
public class ProfilePhotos {

  private final EntityManager entityManager;
  private final ProfileStore profiles;
  private final ProfileHistory history;

  ProfilePhotos(EntityManager entityManager, ProfileStore profiles, ProfileHistory history) {
    this.entityManager = entityManager;
    this.profiles = profiles;
    this.history = history;
  }

  /**
   * Replaces the person's photo (creating an empty profile if there was none): {@code photos} holds
   * the {@link AuthorProfilesPlugin#LARGE} and {@link AuthorProfilesPlugin#SMALL} squares.
   */
  @Transactional
  public void set(
      long personId, String displayName, String key, Images.Squares photos, String savedBy) {
    entityManager
        .createNativeQuery(
            "insert into author_profiles_profile (person_id, version) values (?1, 0)"
                + " on conflict do nothing")
        .setParameter(1, personId)
        .executeUpdate();
    entityManager
        .createNativeQuery(
            "insert into author_profiles_photo (person_id, photo_key, large, small, source_type)"
                + " values (?1, ?2, ?3, ?4, ?5) on conflict (person_id) do update set"
                + " photo_key = excluded.photo_key, large = excluded.large,"
                + " small = excluded.small, source_type = excluded.source_type,"
                + " uploaded_at = now()")
        .setParameter(1, personId)
        .setParameter(2, key)
        .setParameter(3, photos.jpegs().get(0))
        .setParameter(4, photos.jpegs().get(1))
        .setParameter(5, photos.sourceType())
        .executeUpdate();
    history.record(
        personId,
        null,
        "Photo uploaded (" + photos.sourceType() + ")",
        savedBy,
        profiles.data(personId, displayName));
  }

  /** Removes the person's photo; false when there was none. */
  @Transactional
  public boolean remove(long personId, String displayName, String savedBy) {
    int removed =
        entityManager
            .createNativeQuery("delete from author_profiles_photo where person_id = ?1")
            .setParameter(1, personId)
            .executeUpdate();
    if (removed == 0) {
      return false;
    }
    history.record(personId, null, "Photo removed", savedBy, profiles.data(personId, displayName));
    return true;
  }

  /** The JPEG bytes of a photo by its key, large or small. */
  @Transactional
  public Optional<byte[]> jpeg(String key, boolean large) {
    @SuppressWarnings("unchecked")
    List<byte[]> found =
        entityManager
            .createNativeQuery(
                "select "
                    + (large ? "large" : "small")
                    + " from author_profiles_photo"
                    + " where photo_key = ?1")
            .setParameter(1, key)
            .getResultList();
    return found.stream().findFirst();
  }
}
