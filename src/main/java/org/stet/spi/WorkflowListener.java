package org.stet.spi;

/**
 * Hears of workflow steps after they are committed. Implement it as an {@code @ApplicationScoped}
 * bean. Called only while the plugin is enabled; an exception is logged and counted, and never
 * undoes or delays the step.
 *
 * @since 0.2
 */
public interface WorkflowListener {

  /** The listening plugin's id. */
  String pluginId();

  /** A step was made and committed. */
  default void afterTransition(TransitionView transition) {}
}
