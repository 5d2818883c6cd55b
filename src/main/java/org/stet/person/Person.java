package org.stet.person;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.stet.web.Slug;

/** Someone who writes for the site; accounts link to a person, bylines name one. */
@Entity
@Table(name = "person")
public class Person extends PanacheEntityBase {

  /** A JPQL condition on the person {@code p}, with its named parameters. */
  public record Condition(String jpql, java.util.Map<String, Object> parameters) {}

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "display_name")
  public String displayName;

  /** Set by an administrator: the byline name cannot be changed (not even by its owner). */
  @jakarta.persistence.Column(name = "name_locked")
  public boolean nameLocked;

  public String slug;

  public static Optional<Person> findBySlug(String slug) {
    return find("slug", slug).firstResultOptional();
  }

  /**
   * People in name order (keyset on name and id): at most {@code limit} after {@code afterName} /
   * {@code afterId}, or from the first when {@code afterName} is null.
   */
  public static List<Person> listInNameOrder(String afterName, long afterId, int limit) {
    return page(null, afterName, afterId, true, limit);
  }

  /**
   * People in name order, keyset-paged, who meet {@code condition} (JPQL on {@code p}, its
   * parameters in {@code filter}; none when null): at most {@code limit} after (or, when {@code
   * forward} is false, before) {@code name} / {@code id}, from the first when {@code name} is null.
   */
  public static List<Person> page(
      Condition condition, String name, long id, boolean forward, int limit) {
    StringBuilder query = new StringBuilder("select p from Person p where 1 = 1");
    if (condition != null) {
      query.append(" and ").append(condition.jpql());
    }
    if (name != null) {
      query.append(
          forward
              ? " and (p.displayName, p.id) > (:name, :id)"
              : " and (p.displayName, p.id) < (:name, :id)");
    }
    query.append(
        forward ? " order by p.displayName, p.id" : " order by p.displayName desc, p.id desc");
    TypedQuery<Person> typed = getEntityManager().createQuery(query.toString(), Person.class);
    if (condition != null) {
      condition.parameters().forEach(typed::setParameter);
    }
    if (name != null) {
      typed.setParameter("name", name).setParameter("id", id);
    }
    List<Person> people = new ArrayList<>(typed.setMaxResults(limit).getResultList());
    if (!forward) {
      Collections.reverse(people);
    }
    return people;
  }

  /**
   * A new person named {@code displayName}, with a slug made from the name and made unique with a
   * number ("jane-doe-2") when another person has it.
   */
  public static Person create(String displayName) {
    String base;
    try {
      base = Slug.from(displayName);
    } catch (IllegalArgumentException e) {
      base = "author";
    }
    if (base.length() > 100) {
      base = base.substring(0, 100).replaceAll("-+$", "");
    }
    String slug = base;
    for (int n = 2; findBySlug(slug).isPresent(); n++) {
      slug = base + "-" + n;
    }
    Person person = new Person();
    person.displayName = displayName;
    person.slug = slug;
    person.persist();
    return person;
  }
}
