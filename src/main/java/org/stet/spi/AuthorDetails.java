package org.stet.spi;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What a plugin knows of an author for citation metadata: the ORCID iD and the affiliation, as they
 * were on a given day. Stet puts them on article pages ({@code citation_author_orcid}, {@code
 * citation_author_institution}, JSON-LD) and in its exports. Implement it as an
 * {@code @ApplicationScoped} bean; called only while the plugin is enabled. When several plugins
 * answer, the first that knows a value gives it. A call that throws is skipped (logged and
 * counted). Pages are cached: call {@link PluginContext#pagesChanged} when what it answers changes.
 *
 * @since 0.8
 */
public interface AuthorDetails {

  /** An ORCID iD without its address ("0000-0002-1825-0097") and an affiliation; either null. */
  record Details(String orcid, String affiliation) {}

  /** The answering plugin's id. */
  String pluginId();

  /** What the plugin knows of {@code person} on {@code day} (an article's publication day). */
  Optional<Details> of(PersonView person, LocalDate day);
}
