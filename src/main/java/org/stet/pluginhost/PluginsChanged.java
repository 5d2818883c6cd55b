package org.stet.pluginhost;

/** A plugin was switched on or off, or its settings changed: what pages show may differ now. */
public record PluginsChanged(String pluginId) {}
