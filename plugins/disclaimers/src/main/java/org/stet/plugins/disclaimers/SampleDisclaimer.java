package org.stet.plugins.disclaimers;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * With Stet's sample content, the sample disclaimer for every article — the note under the seed
 * article. Created once (an admin who deletes or edits it keeps their change).
 */
@ApplicationScoped
public class SampleDisclaimer {

  static final String TEXT =
      "Note: The views expressed in this blog are the author's own and do not necessarily"
          + " reflect the Institute's editorial policy.";

  private final DisclaimerStore store;
  private final boolean sampleContent;

  SampleDisclaimer(
      DisclaimerStore store,
      @ConfigProperty(name = "stet.sample-content.enabled", defaultValue = "true")
          boolean sampleContent) {
    this.store = store;
    this.sampleContent = sampleContent;
  }

  /** After the plugin host has run this plugin's migrations (priority 100). */
  void create(@Observes @Priority(300) StartupEvent event) {
    if (sampleContent) {
      store.createSample("views-disclaimer", "Views are the author's own", TEXT);
    }
  }
}
