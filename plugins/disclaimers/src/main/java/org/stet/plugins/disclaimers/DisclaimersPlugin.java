package org.stet.plugins.disclaimers;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.stet.spi.Plugin;
import org.stet.spi.PluginDescriptor;
import org.stet.spi.SettingField;
import org.stet.spi.Spi;

/** Notices under articles ("The views expressed ... are the author's own"), chosen by rules. */
@ApplicationScoped
public class DisclaimersPlugin implements Plugin {

  static final String ID = "disclaimers";

  @Override
  public PluginDescriptor descriptor() {
    return new PluginDescriptor(
        ID,
        "Disclaimers",
        "0.1.0",
        "Notices under articles, chosen by rules (all articles, a category, a tag or an author),"
            + " in priority order.",
        Spi.VERSION,
        true,
        List.of(
            SettingField.integer(
                "max-per-article",
                "Most disclaimers on one article",
                "The ones with the lowest priority number are shown first.",
                5,
                1,
                20)));
  }

  @Override
  public List<String> migrations() {
    return List.of("db/plugins/disclaimers/V1__disclaimers.sql");
  }
}
