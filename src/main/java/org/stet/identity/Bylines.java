package org.stet.identity;

import io.quarkus.hibernate.orm.panache.Panache;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Byline names and the accounts behind them. A byline is free text its owner can change, so one
 * could read "Eddie Editor" while the account is someone else's: where two people share a name
 * (case and spacing aside), editors see the account behind each, and nobody can rename their byline
 * to another account's.
 */
public final class Bylines {

  /** A name as compared: trimmed, runs of white space as one space, lower case. */
  private static final String KEY = "lower(regexp_replace(btrim(%s), '\\s+', ' ', 'g'))";

  private Bylines() {}

  /** Whether a person other than {@code personId} with an account is named {@code name}. */
  public static boolean takenByAnotherAccount(long personId, String name) {
    return !Panache.getEntityManager()
        .createNativeQuery(
            "select 1 from person p join account a on a.person_id = p.id where p.id <> ?1 and "
                + KEY.formatted("p.display_name")
                + " = "
                + KEY.formatted("?2")
                + " limit 1")
        .setParameter(1, personId)
        .setParameter(2, name)
        .getResultList()
        .isEmpty();
  }

  /**
   * For each person: their name, and where another person has the same name, the account behind it
   * ("Eddie Editor (eddie@example.org)", or "(no account)"). For editors' eyes only.
   */
  @SuppressWarnings("unchecked")
  public static Map<Long, String> forEditors(Collection<Long> personIds) {
    Map<Long, String> labels = new HashMap<>();
    if (personIds.isEmpty()) {
      return labels;
    }
    List<Object[]> rows =
        Panache.getEntityManager()
            .createNativeQuery(
                "select p.id, p.display_name, a.email, exists (select 1 from person q where"
                    + " q.id <> p.id and "
                    + KEY.formatted("q.display_name")
                    + " = "
                    + KEY.formatted("p.display_name")
                    + ") from person p left join account a on a.person_id = p.id"
                    + " where p.id in (?1)")
            .setParameter(1, personIds)
            .getResultList();
    for (Object[] row : rows) {
      String name = (String) row[1];
      boolean shared = (Boolean) row[3];
      labels.put(
          ((Number) row[0]).longValue(),
          shared ? name + " (" + (row[2] == null ? "no account" : row[2]) + ")" : name);
    }
    return labels;
  }

  /** The display names of the accounts {@code accountIds} (nulls ignored), by account id. */
  public static Map<Long, String> accountNames(Collection<Long> accountIds) {
    List<Long> ids = accountIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
    Map<Long, String> names = new HashMap<>();
    if (!ids.isEmpty()) {
      Account.<Account>list("id in ?1", ids)
          .forEach(account -> names.put(account.id, account.displayName));
    }
    return names;
  }
}
