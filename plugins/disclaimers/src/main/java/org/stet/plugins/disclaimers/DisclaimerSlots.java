package org.stet.plugins.disclaimers;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.stet.spi.ArticleView;
import org.stet.spi.PluginContext;
import org.stet.spi.SafeMarkdown;
import org.stet.spi.Slot;
import org.stet.spi.SlotContributor;

/**
 * Puts each matching disclaimer into the slot it was placed in. The text is Markdown written by
 * editors; it is rendered and then sanitised to a small set of inline and block tags, so no script,
 * style or event handler can come through.
 */
@ApplicationScoped
public class DisclaimerSlots implements SlotContributor {

  @CheckedTemplate(basePath = "plugins/disclaimers")
  static class Templates {
    static native TemplateInstance notices(List<RawString> notices);

    static native TemplateInstance nav();
  }

  private final DisclaimerStore store;
  private final PluginContext context;
  private final SafeMarkdown markdown;

  DisclaimerSlots(DisclaimerStore store, PluginContext context, SafeMarkdown markdown) {
    this.store = store;
    this.context = context;
    this.markdown = markdown;
  }

  /** A disclaimer's Markdown as safe HTML. */
  String html(String text) {
    return markdown.toHtml(text);
  }

  @Override
  public String pluginId() {
    return DisclaimersPlugin.ID;
  }

  @Override
  public String renderArticleSlot(Slot slot, ArticleView article) {
    if (!DisclaimerDeskResource.SLOTS.contains(slot.id())) {
      return ""; // not a placement a disclaimer can have: no query
    }
    int limit = (int) context.settings(DisclaimersPlugin.ID).integer("max-per-article");
    List<DisclaimerStore.Disclaimer> shown =
        store.forArticle(article, limit).stream()
            .filter(disclaimer -> disclaimer.slot().equals(slot.id()))
            .toList();
    if (shown.isEmpty()) {
      return "";
    }
    return Templates.notices(
            shown.stream().map(disclaimer -> new RawString(html(disclaimer.body()))).toList())
        .render();
  }
}
