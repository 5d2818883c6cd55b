package org.stet.plugins.authorprofiles;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.stet.spi.Plugin;
import org.stet.spi.PluginDescriptor;
import org.stet.spi.SettingField;
import org.stet.spi.Spi;

/** A public record for every author: dated positions, photo, biography, ORCID iD, links. */
@ApplicationScoped
public class AuthorProfilesPlugin implements Plugin {

  static final String ID = "author-profiles";

  /** Side of the photo on author pages, in pixels (shown at half that, for sharp screens). */
  static final int LARGE = 400;

  /** Side of the photo in author boxes under articles. */
  static final int SMALL = 160;

  /** The setting for the largest photo upload, in megabytes. */
  static final String PHOTO_MAX_MB = "photo-max-mb";

  @Override
  public PluginDescriptor descriptor() {
    return new PluginDescriptor(
        ID,
        "Author profiles",
        "0.2.0",
        "An author box under articles (with the position held when each was published), a"
            + " profile with photo on author pages, and profile editing in the desk.",
        Spi.VERSION,
        true,
        List.of(
            SettingField.integer(
                PHOTO_MAX_MB,
                "Largest photo upload (MB)",
                "JPEG, PNG or WebP files up to this size; at most 10 MB (the server's request"
                    + " limit).",
                5,
                1,
                10)));
  }

  @Override
  public List<String> migrations() {
    return List.of(
        "db/plugins/author-profiles/V1__author_profiles.sql",
        "db/plugins/author-profiles/V2__photos_and_history.sql");
  }
}
