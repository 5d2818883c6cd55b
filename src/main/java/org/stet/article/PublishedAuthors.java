package org.stet.article;

import java.util.List;
import java.util.Map;
import org.stet.person.Person;

/** The people on the byline of at least one published article: the site's authors. */
public final class PublishedAuthors {

  private static final Person.Condition HAS_PUBLISHED =
      new Person.Condition(
          "exists (select 1 from Article a join a.authors x"
              + " where x.id = p.id and a.status = :published)",
          Map.of("published", ArticleStatus.PUBLISHED));

  private PublishedAuthors() {}

  /** Whether {@code person} is on the byline of at least one published article. */
  public static boolean hasPublished(Person person) {
    return !Person.getEntityManager()
        .createQuery("select 1 from Person p where p.id = :id and " + HAS_PUBLISHED.jpql())
        .setParameter("id", person.id)
        .setParameter("published", ArticleStatus.PUBLISHED)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  /**
   * Authors in name order: at most {@code limit} after (or, when {@code forward} is false, before)
   * {@code from}, in name order either way; the first ones when {@code from} is null.
   */
  public static List<Person> listInNameOrder(Person from, boolean forward, int limit) {
    return from == null
        ? Person.page(HAS_PUBLISHED, null, 0, true, limit)
        : Person.page(HAS_PUBLISHED, from.displayName, from.id, forward, limit);
  }
}
