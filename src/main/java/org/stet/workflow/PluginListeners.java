package org.stet.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.stet.pluginhost.ExtensionHost;
import org.stet.spi.TransitionView;

/** Tells plugins' workflow listeners about each step once it has committed. */
@ApplicationScoped
class PluginListeners {

  private final ExtensionHost host;

  PluginListeners(ExtensionHost host) {
    this.host = host;
  }

  void afterTransition(@Observes(during = TransactionPhase.AFTER_SUCCESS) Transitioned event) {
    host.afterTransition(
        new TransitionView(
            event.articleId(),
            event.slug(),
            event.action().name(),
            event.from().name(),
            event.to().name(),
            event.actor(),
            event.note()));
  }
}
