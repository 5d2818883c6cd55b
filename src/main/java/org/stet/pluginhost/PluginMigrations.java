package org.stet.pluginhost;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;
import org.stet.spi.Plugin;

/**
 * Applies each plugin's migrations with Flyway, keeping a schema history table per plugin ({@code
 * <id>_schema_history}), so a plugin's V1 is its own and never the core's V1. The scripts are the
 * ones the plugin lists ({@link Plugin#migrations()}): listing, unlike scanning, works the same in
 * every class loader Stet runs in.
 */
final class PluginMigrations {

  private PluginMigrations() {}

  /** Migrates one plugin; a failing script stops Stet with the plugin's id in the message. */
  static void migrate(DataSource dataSource, Plugin plugin) {
    String id = plugin.descriptor().id();
    List<Script> scripts = plugin.migrations().stream().map(Script::load).toList();
    if (scripts.isEmpty()) {
      return;
    }
    try {
      Flyway.configure()
          .dataSource(dataSource)
          .table(id.replace('-', '_') + "_schema_history")
          .resourceProvider(new Listed(scripts))
          .baselineOnMigrate(true)
          .baselineVersion("0")
          .cleanDisabled(true)
          .load()
          .migrate();
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "The migrations of plugin " + id + " failed: " + e.getMessage(), e);
    }
  }

  /** One listed script, read from the classpath. */
  private record Script(String path, String fileName, String sql) {

    static Script load(String path) {
      try (InputStream in =
          Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
        if (in == null) {
          throw new IllegalStateException("A plugin lists the migration " + path + ", not found");
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        return new Script(path, name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Gives Flyway exactly the listed scripts. */
  private record Listed(List<Script> scripts) implements ResourceProvider {

    @Override
    public LoadableResource getResource(String name) {
      return scripts.stream()
          .filter(script -> script.fileName().equals(name) || script.path().equals(name))
          .findFirst()
          .map(Text::new)
          .orElse(null);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
      return scripts.stream()
          .filter(script -> script.fileName().startsWith(prefix))
          .filter(script -> Arrays.stream(suffixes).anyMatch(script.fileName()::endsWith))
          .<LoadableResource>map(Text::new)
          .toList();
    }
  }

  /** A script's text as Flyway reads it. */
  private static final class Text extends LoadableResource {

    private final Script script;

    Text(Script script) {
      this.script = script;
    }

    @Override
    public Reader read() {
      return new StringReader(script.sql());
    }

    @Override
    public String getAbsolutePath() {
      return script.path();
    }

    @Override
    public String getAbsolutePathOnDisk() {
      return script.path();
    }

    @Override
    public String getFilename() {
      return script.fileName();
    }

    @Override
    public String getRelativePath() {
      return script.path();
    }
  }
}
