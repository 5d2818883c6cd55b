package org.stet.spi;

import java.util.Optional;

/**
 * May stop a workflow step before it is made, with a reason the user sees (409). Implement it as an
 * {@code @ApplicationScoped} bean. Called only while the plugin is enabled, before the step is
 * made, in a transaction of its own (it sees committed data only); keep it quick. A guard that
 * throws is logged and counted and does not stop the step (a broken plugin must not freeze the
 * editorial workflow).
 *
 * @since 0.2
 */
public interface TransitionGuard {

  /** The guarding plugin's id. */
  String pluginId();

  /** Why {@code transition} must not happen, or empty to let it. */
  default Optional<String> veto(TransitionView transition) {
    return Optional.empty();
  }
}
