package org.stet.plugins.authorprofiles;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.stet.spi.Plugin;
import org.stet.spi.PluginDescriptor;
import org.stet.spi.Spi;

/** A public record for every author: dated positions, biography, ORCID iD, links. */
@ApplicationScoped
public class AuthorProfilesPlugin implements Plugin {

  static final String ID = "author-profiles";

  @Override
  public PluginDescriptor descriptor() {
    return new PluginDescriptor(
        ID,
        "Author profiles",
        "0.1.0",
        "An author box under articles (with the position held when each was published) and a"
            + " profile on author pages.",
        Spi.VERSION,
        true,
        List.of());
  }

  @Override
  public List<String> migrations() {
    return List.of("db/plugins/author-profiles/V1__author_profiles.sql");
  }
}
