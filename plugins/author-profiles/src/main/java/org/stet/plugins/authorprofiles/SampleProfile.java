package org.stet.plugins.authorprofiles;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.LocalDate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.stet.spi.People;

/**
 * With Stet's sample content, the seed author's profile: the position she held when the seed
 * article appeared (January 2017) and the biography of the seed page. Created once.
 */
@ApplicationScoped
public class SampleProfile {

  static final String BIOGRAPHY =
      "Lydiya Parkhomchik (nee Timofeyenko) was born on February 9, 1984 in Zelenodolsk city,"
          + " located at the territory of the Republic of Tatarstan (Russia). Since 1986 she"
          + " became resident of the Republic of Kazakhstan.";

  private final ProfileStore store;
  private final People people;
  private final boolean sampleContent;

  SampleProfile(
      ProfileStore store,
      People people,
      @ConfigProperty(name = "stet.sample-content.enabled", defaultValue = "true")
          boolean sampleContent) {
    this.store = store;
    this.people = people;
    this.sampleContent = sampleContent;
  }

  /**
   * After the plugin host has run this plugin's migrations (priority 100) and the sample importer
   * has created the seed author (default priority, 2500).
   */
  void create(@Observes @Priority(3000) StartupEvent event) {
    if (sampleContent) {
      people
          .bySlug("lidiya-parkhomchik")
          .ifPresent(
              person ->
                  store.createSample(
                      person.id(),
                      person.displayName(),
                      BIOGRAPHY,
                      "Senior Research fellow",
                      LocalDate.of(2015, 9, 1)));
    }
  }
}
