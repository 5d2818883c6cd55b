package org.stet.person;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Optional;

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
}
