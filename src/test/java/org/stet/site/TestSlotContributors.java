package org.stet.site;

import jakarta.enterprise.context.ApplicationScoped;
import org.stet.spi.ArticleView;
import org.stet.spi.Slot;
import org.stet.spi.SlotContributor;

/**
 * Test plugins in the page slots: one writes a marker into {@code article.footer}, one always
 * throws in {@code article.aside}. Both act only on articles whose slug starts with "slot-test".
 */
public final class TestSlotContributors {

  private TestSlotContributors() {}

  /** The test plugins' descriptors: both on by default. */
  @ApplicationScoped
  public static class MarkerPlugin implements org.stet.spi.Plugin {
    @Override
    public org.stet.spi.PluginDescriptor descriptor() {
      return testDescriptor("test-marker");
    }

    @Override
    public java.util.List<String> migrations() {
      return java.util.List.of("db/plugins/test-marker/V1__test_marker.sql");
    }
  }

  @ApplicationScoped
  public static class BrokenPlugin implements org.stet.spi.Plugin {
    @Override
    public org.stet.spi.PluginDescriptor descriptor() {
      return testDescriptor("test-broken");
    }
  }

  static org.stet.spi.PluginDescriptor testDescriptor(String id) {
    return new org.stet.spi.PluginDescriptor(
        id,
        "Test " + id,
        "1.0",
        "A plugin that exists only in the tests.",
        org.stet.spi.Spi.VERSION,
        true,
        java.util.List.of(
            org.stet.spi.SettingField.integer("limit", "Limit", "", 5, 1, 10),
            org.stet.spi.SettingField.bool("loud", "Loud", "", false)));
  }

  @ApplicationScoped
  public static class Marker implements SlotContributor {
    @Override
    public String pluginId() {
      return "test-marker";
    }

    @Override
    public String renderArticleSlot(Slot slot, ArticleView article) {
      return article.slug().startsWith("slot-test") && slot == Slot.ARTICLE_FOOTER
          ? "<p class=\"test-marker\">marker for " + article.id() + "</p>"
          : "";
    }
  }

  @ApplicationScoped
  public static class Broken implements SlotContributor {
    @Override
    public String pluginId() {
      return "test-broken";
    }

    @Override
    public String renderArticleSlot(Slot slot, ArticleView article) {
      if (article.slug().startsWith("slot-test")) {
        throw new IllegalStateException("this plugin is broken on purpose");
      }
      return "";
    }
  }

  /**
   * The marker plugin knows an ORCID iD and an affiliation of people whose slug starts with
   * "meta-", and an iD with a wrong check digit of those whose slug starts with "badorcid-"; the
   * broken one throws for them, and its failure must change nothing.
   */
  @ApplicationScoped
  public static class MarkerDetails implements org.stet.spi.AuthorDetails {
    @Override
    public String pluginId() {
      return "test-marker";
    }

    @Override
    public java.util.Optional<Details> of(org.stet.spi.PersonView person, java.time.LocalDate day) {
      if (person.slug().startsWith("badorcid-")) {
        return java.util.Optional.of(new Details("0000-0002-1825-0098", null));
      }
      return person.slug().startsWith("meta-")
          ? java.util.Optional.of(
              new Details("0000-0002-1825-0097", "Institute of <Caspian> & \"Steppe\" Studies"))
          : java.util.Optional.empty();
    }
  }

  @ApplicationScoped
  public static class BrokenDetails implements org.stet.spi.AuthorDetails {
    @Override
    public String pluginId() {
      return "test-broken";
    }

    @Override
    public java.util.Optional<Details> of(org.stet.spi.PersonView person, java.time.LocalDate day) {
      if (person.slug().startsWith("meta-")) {
        throw new IllegalStateException("this plugin is broken on purpose");
      }
      return java.util.Optional.empty();
    }
  }
}
