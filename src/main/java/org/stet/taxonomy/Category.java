package org.stet.taxonomy;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Optional;

/** The one section an article belongs to, e.g. "International Relations". */
@Entity
@Table(name = "category")
public class Category extends Term {

  public static Optional<Category> findBySlug(String slug) {
    return find("slug", slug).firstResultOptional();
  }
}
