package org.stet.plugins.authorprofiles;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Reads and writes profiles in the plugin's own tables. */
@ApplicationScoped
public class ProfileStore {

  /** A person's public record. */
  public record Profile(
      long personId, String affiliation, String biography, String orcid, String publicEmail) {}

  /** A position held from {@code startsOn} until {@code endsOn} (open when null). */
  public record Position(String title, LocalDate startsOn, LocalDate endsOn) {

    boolean heldOn(LocalDate day) {
      return !day.isBefore(startsOn) && (endsOn == null || !day.isAfter(endsOn));
    }
  }

  /** A labelled web link. */
  public record Link(String label, String url) {}

  private final EntityManager entityManager;

  ProfileStore(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  @Transactional
  public Optional<Profile> profile(long personId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select affiliation, biography, orcid, public_email from author_profiles_profile"
                    + " where person_id = ?1")
            .setParameter(1, personId)
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(
            row ->
                new Profile(
                    personId, (String) row[0], (String) row[1], (String) row[2], (String) row[3]));
  }

  /** The person's positions, the earliest first. */
  @Transactional
  public List<Position> positions(long personId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select title, starts_on, ends_on from author_profiles_position"
                    + " where person_id = ?1 order by starts_on, id")
            .setParameter(1, personId)
            .getResultList();
    return rows.stream()
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
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select label, url from author_profiles_link where person_id = ?1 order by position")
            .setParameter(1, personId)
            .getResultList();
    return rows.stream().map(row -> new Link((String) row[0], (String) row[1])).toList();
  }

  /**
   * The sample author's profile, once: for the person with {@code personSlug}, if that person
   * exists.
   */
  @Transactional
  public void createSample(
      String personSlug, String biography, String position, LocalDate startsOn) {
    @SuppressWarnings("unchecked")
    List<Number> ids =
        entityManager
            .createNativeQuery("select id from person where slug = ?1")
            .setParameter(1, personSlug)
            .getResultList();
    if (ids.isEmpty()) {
      return;
    }
    long personId = ids.get(0).longValue();
    int created =
        entityManager
            .createNativeQuery(
                "insert into author_profiles_profile (person_id, biography, sample_key)"
                    + " values (?1, ?2, ?3) on conflict do nothing")
            .setParameter(1, personId)
            .setParameter(2, biography)
            .setParameter(3, "sample:" + personSlug)
            .executeUpdate();
    if (created > 0) {
      entityManager
          .createNativeQuery(
              "insert into author_profiles_position (person_id, title, starts_on)"
                  + " values (?1, ?2, ?3)")
          .setParameter(1, personId)
          .setParameter(2, position)
          .setParameter(3, startsOn)
          .executeUpdate();
    }
  }

  private static LocalDate date(Object value) {
    if (value == null) {
      return null;
    }
    return value instanceof java.sql.Date sql ? sql.toLocalDate() : (LocalDate) value;
  }
}
