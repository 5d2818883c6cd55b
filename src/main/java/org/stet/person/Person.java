package org.stet.person;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Optional;
import org.stet.article.Slug;

/** Someone who writes for the site; accounts link to a person, bylines name one. */
@Entity
@Table(name = "person")
public class Person extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "display_name")
  public String displayName;

  public String slug;

  public static Optional<Person> findBySlug(String slug) {
    return find("slug", slug).firstResultOptional();
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
