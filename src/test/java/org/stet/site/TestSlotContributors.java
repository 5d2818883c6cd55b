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
}
