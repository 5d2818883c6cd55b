package org.stet.plugins.authorprofiles;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads and writes profiles (the text, dated positions, links) in the plugin's own tables; each
 * save is an entry in the profile's history ({@link ProfileHistory}). Photos are kept by {@link
 * ProfilePhotos}.
 */
@ApplicationScoped
public class ProfileStore {

  /** A person's public record as stored; {@code version} 0 means none was saved yet. */
  public record Profile(
      long personId,
      String affiliation,
      String biography,
      String orcid,
      String publicEmail,
      int version,
      String photoKey) {}

  /** A position held from {@code startsOn} until {@code endsOn} (open when null). */
  public record Position(String title, LocalDate startsOn, LocalDate endsOn) {

    boolean heldOn(LocalDate day) {
      return !day.isBefore(startsOn) && (endsOn == null || !day.isAfter(endsOn));
    }
  }

  /** A labelled web link. */
  public record Link(String label, String url) {}

  /**
   * Everything a person edits in one form, as saved in each history entry. {@code displayName} is
   * the byline name (kept by Stet, not here); null in entries saved before it was part of the form.
   */
  public record ProfileData(
      String displayName,
      String affiliation,
      String biography,
      String orcid,
      String publicEmail,
      List<Position> positions,
      List<Link> links) {

    public ProfileData {
      positions = List.copyOf(positions);
      links = List.copyOf(links);
    }

    static ProfileData empty(String displayName) {
      return new ProfileData(displayName, null, null, null, null, List.of(), List.of());
    }
  }

  private final EntityManager entityManager;
  private final ProfileHistory history;

  ProfileStore(EntityManager entityManager, ProfileHistory history) {
    this.entityManager = entityManager;
    this.history = history;
  }

  @Transactional
  public Optional<Profile> profile(long personId) {
    List<Object[]> rows =
        rows(
            "select p.affiliation, p.biography, p.orcid, p.public_email, p.version, f.photo_key"
                + " from author_profiles_profile p"
                + " left join author_profiles_photo f on f.person_id = p.person_id"
                + " where p.person_id = ?1",
            personId);
    return rows.stream()
        .findFirst()
        .map(
            row ->
                new Profile(
                    personId,
                    (String) row[0],
                    (String) row[1],
                    (String) row[2],
                    (String) row[3],
                    ((Number) row[4]).intValue(),
                    (String) row[5]));
  }

  /** The person's positions, the earliest first. */
  @Transactional
  public List<Position> positions(long personId) {
    return rows(
            "select title, starts_on, ends_on from author_profiles_position"
                + " where person_id = ?1 order by starts_on, id",
            personId)
        .stream()
        .map(row -> new Position((String) row[0], date(row[1]), date(row[2])))
        .toList();
  }

  /** The position held on {@code day}; the latest-starting one if several overlap. */
  public static Optional<Position> heldOn(List<Position> earliestFirst, LocalDate day) {
    Position held = null;
    for (Position position : earliestFirst) {
      if (position.heldOn(day)) {
        held = position;
      }
    }
    return Optional.ofNullable(held);
  }

  @Transactional
  public List<Link> links(long personId) {
    return rows(
            "select label, url from author_profiles_link where person_id = ?1 order by position",
            personId)
        .stream()
        .map(row -> new Link((String) row[0], (String) row[1]))
        .toList();
  }

  /** What the edit form shows: the saved profile, or an empty one. */
  @Transactional
  public ProfileData data(long personId, String displayName) {
    return data(personId, displayName, profile(personId));
  }

  /** What the edit form shows, from a profile already read. */
  @Transactional
  public ProfileData data(long personId, String displayName, Optional<Profile> profile) {
    return profile
        .map(
            p ->
                new ProfileData(
                    displayName,
                    p.affiliation(),
                    p.biography(),
                    p.orcid(),
                    p.publicEmail(),
                    positions(personId),
                    links(personId)))
        .orElse(ProfileData.empty(displayName));
  }

  /** Of these people, those who have a profile. */
  @Transactional
  public Set<Long> withProfile(Collection<Long> personIds) {
    if (personIds.isEmpty()) {
      return Set.of();
    }
    @SuppressWarnings("unchecked")
    List<Number> ids =
        entityManager
            .createNativeQuery(
                "select person_id from author_profiles_profile where person_id in (?1)")
            .setParameter(1, personIds)
            .getResultList();
    Set<Long> found = new HashSet<>();
    ids.forEach(id -> found.add(id.longValue()));
    return found;
  }

  /**
   * Saves {@code data} as the next version, if the stored one is still {@code expectedVersion} (0:
   * none saved yet); otherwise changes nothing and answers empty (someone saved in between).
   */
  @Transactional
  public OptionalInt save(
      long personId, ProfileData data, int expectedVersion, String savedBy, String note) {
    // A new profile, or the one at the version the form was opened at (0: made by a photo
    // upload, never saved); otherwise nothing.
    int changed =
        entityManager
            .createNativeQuery(
                "insert into author_profiles_profile as p"
                    + " (person_id, affiliation, biography, orcid, public_email, version)"
                    + " select ?1, ?2, ?3, ?4, ?5, ?6 + 1 where ?6 = 0 or exists"
                    + " (select 1 from author_profiles_profile where person_id = ?1)"
                    + " on conflict (person_id) do update set affiliation = excluded.affiliation,"
                    + " biography = excluded.biography, orcid = excluded.orcid,"
                    + " public_email = excluded.public_email, version = excluded.version,"
                    + " updated_at = now() where p.version = ?6")
            .setParameter(1, personId)
            .setParameter(2, data.affiliation())
            .setParameter(3, data.biography())
            .setParameter(4, data.orcid())
            .setParameter(5, data.publicEmail())
            .setParameter(6, expectedVersion)
            .executeUpdate();
    if (changed == 0) {
      return OptionalInt.empty();
    }
    int version = expectedVersion + 1;
    replaceRows(personId, data);
    history.record(personId, version, note, savedBy, data);
    return OptionalInt.of(version);
  }

  private void replaceRows(long personId, ProfileData data) {
    update("delete from author_profiles_position where person_id = ?1", personId);
    for (Position position : data.positions()) {
      entityManager
          .createNativeQuery(
              "insert into author_profiles_position (person_id, title, starts_on, ends_on)"
                  + " values (?1, ?2, ?3, ?4)")
          .setParameter(1, personId)
          .setParameter(2, position.title())
          .setParameter(3, position.startsOn())
          .setParameter(4, position.endsOn())
          .executeUpdate();
    }
    update("delete from author_profiles_link where person_id = ?1", personId);
    for (int i = 0; i < data.links().size(); i++) {
      entityManager
          .createNativeQuery(
              "insert into author_profiles_link (person_id, position, label, url)"
                  + " values (?1, ?2, ?3, ?4)")
          .setParameter(1, personId)
          .setParameter(2, i)
          .setParameter(3, data.links().get(i).label())
          .setParameter(4, data.links().get(i).url())
          .executeUpdate();
    }
  }

  /**
   * The sample author's profile, once: for the person {@code personId}; a profile already there
   * (the sample's or one an editor wrote) is left alone.
   */
  @Transactional
  public void createSample(
      long personId, String displayName, String biography, String position, LocalDate startsOn) {
    int created =
        entityManager
            .createNativeQuery(
                "insert into author_profiles_profile (person_id, biography, sample_key)"
                    + " values (?1, ?2, ?3) on conflict do nothing")
            .setParameter(1, personId)
            .setParameter(2, biography)
            .setParameter(3, "sample:" + personId)
            .executeUpdate();
    if (created > 0) {
      ProfileData data =
          new ProfileData(
              displayName,
              null,
              biography,
              null,
              null,
              List.of(new Position(position, startsOn, null)),
              List.of());
      replaceRows(personId, data);
      history.record(personId, 1, "Sample profile imported", "Stet", data);
    }
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(String sql, long personId) {
    return entityManager.createNativeQuery(sql).setParameter(1, personId).getResultList();
  }

  private int update(String sql, long personId) {
    return entityManager.createNativeQuery(sql).setParameter(1, personId).executeUpdate();
  }

  private static LocalDate date(Object value) {
    if (value == null) {
      return null;
    }
    return value instanceof java.sql.Date sql ? sql.toLocalDate() : (LocalDate) value;
  }
}
