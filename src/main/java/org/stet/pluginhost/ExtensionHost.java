package org.stet.pluginhost;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.stet.spi.ArticleView;
import org.stet.spi.AuthorDetails;
import org.stet.spi.ContentFilter;
import org.stet.spi.PersonView;
import org.stet.spi.TransitionGuard;
import org.stet.spi.TransitionView;
import org.stet.spi.WorkflowListener;

/**
 * Calls plugins' workflow listeners, transition guards and content filters: only those of enabled
 * plugins, each in isolation — a plugin that throws is logged with its id and counted in {@code
 * stet.plugin.failures}, and Stet carries on without it.
 */
@ApplicationScoped
public class ExtensionHost {

  private static final Logger LOG = Logger.getLogger(ExtensionHost.class);

  private final Instance<WorkflowListener> listeners;
  private final Instance<TransitionGuard> guards;
  private final Instance<ContentFilter> filters;
  private final Instance<AuthorDetails> authorDetails;
  private final PluginRegistry registry;
  private final MeterRegistry metrics;

  ExtensionHost(
      Instance<WorkflowListener> listeners,
      Instance<TransitionGuard> guards,
      Instance<ContentFilter> filters,
      Instance<AuthorDetails> authorDetails,
      PluginRegistry registry,
      MeterRegistry metrics) {
    this.authorDetails = authorDetails;
    this.listeners = listeners;
    this.guards = guards;
    this.filters = filters;
    this.registry = registry;
    this.metrics = metrics;
  }

  /** The first veto of an enabled plugin's guard, or empty. */
  public Optional<String> veto(TransitionView transition) {
    for (TransitionGuard guard : guards) {
      String plugin = id(guard::pluginId, guard);
      if (registry.enabled(plugin)) {
        Optional<String> reason = isolated(plugin, "guard", () -> guard.veto(transition));
        if (reason != null && reason.isPresent()) {
          return reason;
        }
      }
    }
    return Optional.empty();
  }

  /** The body HTML after every enabled plugin's filter, in bean order. */
  public String filter(ArticleView article, String html) {
    String result = html;
    for (ContentFilter filter : filters) {
      String plugin = id(filter::pluginId, filter);
      if (registry.enabled(plugin)) {
        String input = result;
        String filtered =
            isolated(plugin, "filter", () -> filter.filterArticleHtml(article, input));
        result = filtered == null ? result : filtered;
      }
    }
    return result;
  }

  /**
   * What enabled plugins know of {@code person} on {@code day}: each value from the first plugin
   * that knows it; both null when none does.
   */
  public AuthorDetails.Details authorDetails(PersonView person, LocalDate day) {
    String orcid = null;
    String affiliation = null;
    for (AuthorDetails source : authorDetails) {
      String plugin = id(source::pluginId, source);
      if (registry.enabled(plugin)) {
        Optional<AuthorDetails.Details> known =
            isolated(plugin, "author details", () -> source.of(person, day));
        if (known != null && known.isPresent()) {
          orcid = orcid != null ? orcid : known.get().orcid();
          affiliation = affiliation != null ? affiliation : known.get().affiliation();
        }
      }
    }
    return new AuthorDetails.Details(orcid, affiliation);
  }

  /** After a step commits: every enabled plugin's listener, none able to undo it. */
  public void afterTransition(TransitionView view) {
    for (WorkflowListener listener : listeners) {
      String plugin = id(listener::pluginId, listener);
      if (registry.enabled(plugin)) {
        isolated(
            plugin,
            "listener",
            () -> {
              listener.afterTransition(view);
              return null;
            });
      }
    }
  }

  /**
   * Runs one plugin call in a transaction of its own, so a plugin's database error never marks the
   * caller's transaction (a workflow step, a page render) for rollback.
   */
  private <T> T isolated(String plugin, String point, Supplier<T> call) {
    try {
      return QuarkusTransaction.requiringNew().call(call::get);
    } catch (RuntimeException e) {
      LOG.errorf(e, "Plugin %s failed in its %s; Stet carries on without it", plugin, point);
      metrics.counter("stet.plugin.failures", "plugin", plugin, "slot", point).increment();
      return null;
    }
  }

  private static String id(Supplier<String> pluginId, Object bean) {
    try {
      return pluginId.get();
    } catch (RuntimeException e) {
      return bean.getClass().getName();
    }
  }
}
