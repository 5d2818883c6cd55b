package org.stet.plugins.authorprofiles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A profile's history: every change (a save, a restore, a photo) as an entry with what the whole
 * profile said after it, as JSON, so any entry can be shown or restored.
 */
@ApplicationScoped
public class ProfileHistory {

  /** One change in a profile's history, newest first in lists. */
  public record Entry(long id, Integer version, String note, String savedBy, Instant at) {}

  private final EntityManager entityManager;
  private final ObjectMapper json;

  ProfileHistory(EntityManager entityManager, ObjectMapper json) {
    this.entityManager = entityManager;
    this.json = json;
  }

  /** The profile's changes, newest first. */
  @Transactional
  public List<Entry> list(long personId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select id, version, note, saved_by, saved_at from author_profiles_history"
                    + " where person_id = ?1 order by id desc limit 100")
            .setParameter(1, personId)
            .getResultList();
    return rows.stream().map(ProfileHistory::entry).toList();
  }

  /** One entry of this person's history, however old. */
  @Transactional
  public Optional<Entry> entry(long personId, long entryId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select id, version, note, saved_by, saved_at from author_profiles_history"
                    + " where person_id = ?1 and id = ?2")
            .setParameter(1, personId)
            .setParameter(2, entryId)
            .getResultList();
    return rows.stream().findFirst().map(ProfileHistory::entry);
  }

  /** What the profile said after history entry {@code entryId} of this person. */
  @Transactional
  public Optional<ProfileStore.ProfileData> snapshot(long personId, long entryId) {
    @SuppressWarnings("unchecked")
    List<String> found =
        entityManager
            .createNativeQuery(
                "select cast(snapshot as text) from author_profiles_history"
                    + " where person_id = ?1 and id = ?2")
            .setParameter(1, personId)
            .setParameter(2, entryId)
            .getResultList();
    return found.stream().findFirst().map(this::fromJson);
  }

  /**
   * Adds an entry: the change {@code note} (with the profile {@code version} it made, null for a
   * photo), who made it, and {@code data}, the whole profile after it. Part of the change's
   * transaction.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  void record(
      long personId, Integer version, String note, String savedBy, ProfileStore.ProfileData data) {
    entityManager
        .createNativeQuery(
            "insert into author_profiles_history (person_id, version, note, saved_by, snapshot)"
                + " values (?1, ?2, ?3, ?4, cast(?5 as jsonb))")
        .setParameter(1, personId)
        .setParameter(2, version)
        .setParameter(3, note)
        .setParameter(4, savedBy)
        .setParameter(5, toJson(data))
        .executeUpdate();
  }

  private static Entry entry(Object[] row) {
    return new Entry(
        ((Number) row[0]).longValue(),
        row[1] == null ? null : ((Number) row[1]).intValue(),
        (String) row[2],
        (String) row[3],
        instant(row[4]));
  }

  private String toJson(ProfileStore.ProfileData data) {
    try {
      return json.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A profile could not be written as JSON", e);
    }
  }

  private ProfileStore.ProfileData fromJson(String text) {
    try {
      return json.readValue(text, ProfileStore.ProfileData.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A stored profile snapshot is not readable", e);
    }
  }

  /** To milliseconds: HTML's {@code datetime} takes at most three digits of a second. */
  private static Instant instant(Object value) {
    Instant at =
        value instanceof OffsetDateTime offset
            ? offset.toInstant()
            : value instanceof java.sql.Timestamp sql ? sql.toInstant() : (Instant) value;
    return at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
  }
}
