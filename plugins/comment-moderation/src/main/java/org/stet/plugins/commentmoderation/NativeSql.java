package org.stet.plugins.commentmoderation;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Native SQL as the plugin's stores run it: positional parameters, timestamps as instants. */
final class NativeSql {

  private NativeSql() {}

  /** The query with {@code parameters} bound in order to {@code ?1}, {@code ?2}, ... */
  static Query query(EntityManager entityManager, String sql, Object... parameters) {
    Query query = entityManager.createNativeQuery(sql);
    for (int i = 0; i < parameters.length; i++) {
      query.setParameter(i + 1, parameters[i]);
    }
    return query;
  }

  /** Runs an insert, update or delete with positional parameters; answers the rows changed. */
  static int execute(EntityManager entityManager, String sql, Object... parameters) {
    return query(entityManager, sql, parameters).executeUpdate();
  }

  /**
   * A timestamp column's value, to milliseconds: HTML's {@code datetime} takes at most three digits
   * of a second. Null stays null.
   */
  static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    Instant at =
        value instanceof OffsetDateTime offset
            ? offset.toInstant()
            : value instanceof java.sql.Timestamp sql ? sql.toInstant() : (Instant) value;
    return at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
  }
}
