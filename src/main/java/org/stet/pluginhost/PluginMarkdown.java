package org.stet.pluginhost;

import jakarta.enterprise.context.ApplicationScoped;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;
import org.stet.spi.SafeMarkdown;

/** Plugins' Markdown: CommonMark, raw HTML escaped, then jsoup's basic safelist without images. */
@ApplicationScoped
public class PluginMarkdown implements SafeMarkdown {

  private static final Safelist ALLOWED =
      Safelist.basic().removeTags("img").addAttributes("a", "rel");

  private final Parser parser = Parser.builder().build();
  private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).build();

  @Override
  public String toHtml(String markdown) {
    return Jsoup.clean(renderer.render(parser.parse(markdown)), ALLOWED);
  }
}
