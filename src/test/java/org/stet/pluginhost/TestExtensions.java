package org.stet.pluginhost;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.stet.spi.ArticleView;
import org.stet.spi.ContentFilter;
import org.stet.spi.Plugin;
import org.stet.spi.PluginDescriptor;
import org.stet.spi.Spi;
import org.stet.spi.TransitionGuard;
import org.stet.spi.TransitionView;
import org.stet.spi.WorkflowListener;

/** A test plugin using every extension point; off by default, so other tests never see it. */
public final class TestExtensions {

  static final String ID = "test-extensions";
  static final List<TransitionView> HEARD = new CopyOnWriteArrayList<>();

  private TestExtensions() {}

  @ApplicationScoped
  public static class Descriptor implements Plugin {
    @Override
    public PluginDescriptor descriptor() {
      return new PluginDescriptor(
          ID, "Test extensions", "1.0", "Every extension point.", Spi.VERSION, false, List.of());
    }
  }

  @ApplicationScoped
  public static class Listener implements WorkflowListener {
    @Override
    public String pluginId() {
      return ID;
    }

    @Override
    public void afterTransition(TransitionView transition) {
      HEARD.add(transition);
      if ("listener, fail".equals(transition.note())) {
        throw new IllegalStateException("this listener is broken on purpose");
      }
    }
  }

  @ApplicationScoped
  public static class Guard implements TransitionGuard {
    @Override
    public String pluginId() {
      return ID;
    }

    @Override
    public Optional<String> veto(TransitionView transition) {
      if ("guard, fail".equals(transition.note())) {
        throw new IllegalStateException("this guard is broken on purpose");
      }
      return "please veto".equals(transition.note())
          ? Optional.of("the house style checker found two problems.")
          : Optional.empty();
    }
  }

  @ApplicationScoped
  public static class Filter implements ContentFilter {
    @Override
    public String pluginId() {
      return ID;
    }

    @Override
    public String filterArticleHtml(ArticleView article, String html) {
      if (article.slug().startsWith("filter-broken")) {
        throw new IllegalStateException("this filter is broken on purpose");
      }
      return article.slug().startsWith("filter-test")
          ? html
              + "<p><strong>filtered</strong></p>"
              + "<form action=\"/desk\"><button>outside the body policy</button></form>"
          : html;
    }
  }
}
