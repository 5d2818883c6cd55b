package org.stet.taxonomy;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Optional;

/** A keyword; an article has several, in the order the editor gave them. */
@Entity
@Table(name = "tag")
public class Tag extends Term {

  public static Optional<Tag> findBySlug(String slug) {
    return find("slug", slug).firstResultOptional();
  }
}
