package org.stet.database;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Supplies the datasource settings of the embedded PostgreSQL when none are configured.
 *
 * <p>The source sits below every other source, so a JDBC URL set anywhere (environment, system
 * property, {@code application.properties}) wins and nothing is started. The server starts lazily,
 * on the first read of {@code quarkus.datasource.jdbc.url}, which Quarkus does only when it opens
 * the datasource at run time — never during the build.
 */
public final class EmbeddedDatabaseConfigSourceFactory implements ConfigSourceFactory {

  @Override
  public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
    String dataDir = valueOr(context.getValue("stet.data-dir"), "data/postgres");
    boolean ephemeral =
        Boolean.parseBoolean(valueOr(context.getValue("stet.database.ephemeral"), "false"));
    return List.of(new EmbeddedDatabaseConfigSource(Path.of(dataDir), ephemeral));
  }

  @Override
  public OptionalInt getPriority() {
    return OptionalInt.of(Integer.MIN_VALUE + 100);
  }

  private static String valueOr(ConfigValue value, String fallback) {
    return value == null || value.getValue() == null || value.getValue().isBlank()
        ? fallback
        : value.getValue();
  }

  static final class EmbeddedDatabaseConfigSource implements ConfigSource {
    private static final String URL = "quarkus.datasource.jdbc.url";
    private final Path dataDir;
    private final boolean ephemeral;

    EmbeddedDatabaseConfigSource(Path dataDir, boolean ephemeral) {
      this.dataDir = dataDir;
      this.ephemeral = ephemeral;
    }

    @Override
    public Set<String> getPropertyNames() {
      // Listing nothing keeps the build and configuration dumps from starting the server.
      return Set.of();
    }

    @Override
    public Map<String, String> getProperties() {
      return Map.of();
    }

    @Override
    public String getValue(String name) {
      if (URL.equals(name)) {
        return EmbeddedDatabaseHolder.startIfNeeded(dataDir, ephemeral).jdbcUrl();
      }
      return null;
    }

    @Override
    public String getName() {
      return "stet-embedded-postgresql";
    }

    @Override
    public int getOrdinal() {
      return 50;
    }
  }
}
