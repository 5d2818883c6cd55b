package org.stet.pluginhost;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.NotFoundException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.stet.article.Article;
import org.stet.article.ArticleChanged;
import org.stet.audit.AuditAction;
import org.stet.audit.AuditLog;
import org.stet.settings.Site;
import org.stet.spi.Plugin;
import org.stet.spi.PluginContext;
import org.stet.spi.PluginDescriptor;
import org.stet.spi.PluginSettings;
import org.stet.spi.SettingField;
import org.stet.spi.SiteView;
import org.stet.spi.Spi;

/**
 * The plugins Stet has, whether each is on, and their settings. Checked at start (ids unique and
 * kebab-case, SPI version supported), migrated, then kept in memory: page rendering asks {@link
 * #enabled} without touching the database. A change made here takes effect at once on this
 * instance; other instances pick it up within {@code stet.plugins.refresh-interval}.
 */
@ApplicationScoped
public class PluginRegistry implements PluginContext {

  private static final Logger LOG = Logger.getLogger(PluginRegistry.class);
  private static final TypeReference<Map<String, String>> SETTINGS = new TypeReference<>() {};

  /** A plugin as the admin page shows it. */
  public record Entry(PluginDescriptor descriptor, boolean enabled, PluginSettings settings) {}

  /** Settings an admin sent that do not fit the schema: a message per field. */
  public static class SettingsRefused extends jakarta.ws.rs.WebApplicationException {
    private static final String MESSAGE = "Some settings are not valid; nothing was saved.";
    private final Map<String, String> problems;

    SettingsRefused(Map<String, String> problems) {
      super(
          MESSAGE,
          jakarta.ws.rs.core.Response.status(400)
              .type(jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE)
              .entity(Map.of("status", 400, "message", MESSAGE, "problems", Map.copyOf(problems)))
              .build());
      this.problems = Map.copyOf(problems);
    }

    public Map<String, String> problems() {
      return problems;
    }
  }

  private final List<Plugin> plugins;
  private final DataSource dataSource;
  private final EntityManager entityManager;
  private final ObjectMapper json;
  private final AuditLog audit;
  private final Event<PluginsChanged> changed;
  private final Event<ArticleChanged> articleChanges;
  private volatile Map<String, Entry> entries = Map.of();

  PluginRegistry(
      Instance<Plugin> plugins,
      DataSource dataSource,
      EntityManager entityManager,
      ObjectMapper json,
      AuditLog audit,
      Event<PluginsChanged> changed,
      Event<ArticleChanged> articleChanges) {
    this.plugins = plugins.stream().toList();
    this.dataSource = dataSource;
    this.entityManager = entityManager;
    this.json = json;
    this.audit = audit;
    this.changed = changed;
    this.articleChanges = articleChanges;
  }

  /** Before anything serves a page: check, migrate, load. A bad plugin stops Stet with a reason. */
  void start(@Observes @Priority(100) StartupEvent event) {
    Map<String, Plugin> byId = new LinkedHashMap<>();
    for (Plugin plugin : plugins) {
      PluginDescriptor descriptor = plugin.descriptor();
      if (byId.put(descriptor.id(), plugin) != null) {
        throw new IllegalStateException("Two plugins have the id " + descriptor.id());
      }
      if (!Spi.supports(descriptor.spiVersion())) {
        throw new IllegalStateException(
            "Plugin "
                + descriptor.id()
                + " was built for SPI "
                + descriptor.spiVersion()
                + "; this Stet offers "
                + Spi.VERSION);
      }
      for (SettingField field : descriptor.settings()) {
        if (field.problem(field.defaultValue()) != null) {
          throw new IllegalStateException(
              "Plugin " + descriptor.id() + ": the default of " + field.key() + " is not valid");
        }
      }
      PluginMigrations.migrate(dataSource, plugin);
    }
    refresh();
    LOG.infof("Plugins: %s", entries.keySet());
  }

  /** Re-reads the switches and settings, for changes made on other instances. */
  @Scheduled(
      every = "${stet.plugins.refresh-interval:5s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  synchronized void refresh() {
    Map<String, Object[]> stored = new LinkedHashMap<>();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              @SuppressWarnings("unchecked")
              List<Object[]> rows =
                  entityManager
                      .createNativeQuery(
                          "select plugin_id, enabled, settings from plugin_state where site_id = 1")
                      .getResultList();
              rows.forEach(row -> stored.put((String) row[0], row));
            });
    Map<String, Entry> fresh = new LinkedHashMap<>();
    for (Plugin plugin : plugins) {
      PluginDescriptor descriptor = plugin.descriptor();
      Object[] row = stored.get(descriptor.id());
      boolean enabled = row == null ? descriptor.enabledByDefault() : (Boolean) row[1];
      Map<String, String> values = row == null ? Map.of() : read((String) row[2]);
      fresh.put(descriptor.id(), new Entry(descriptor, enabled, withDefaults(descriptor, values)));
    }
    Map<String, Entry> previous = entries;
    entries = Map.copyOf(fresh);
    if (!previous.isEmpty() && !previous.equals(entries)) {
      changed.fire(new PluginsChanged("*")); // a switch or settings changed, here or elsewhere
    }
  }

  /** Every plugin, in id order. */
  public List<Entry> list() {
    return entries.values().stream()
        .sorted(java.util.Comparator.comparing(entry -> entry.descriptor().id()))
        .toList();
  }

  /** One plugin, or 404. */
  public Entry entry(String id) {
    Entry entry = entries.get(id);
    if (entry == null) {
      throw new NotFoundException();
    }
    return entry;
  }

  @Override
  public boolean enabled(String pluginId) {
    Entry entry = entries.get(pluginId);
    return entry != null && entry.enabled();
  }

  @Override
  public PluginSettings settings(String pluginId) {
    return entry(pluginId).settings();
  }

  @Override
  public void pagesChanged(String pluginId) {
    changed.fire(new PluginsChanged(pluginId));
  }

  @Override
  public void articleChanged(String pluginId, long articleId) {
    String slug =
        QuarkusTransaction.joiningExisting()
            .call(
                () -> {
                  Article article = Article.findById(articleId);
                  return article == null ? null : article.slug;
                });
    if (slug != null) {
      articleChanges.fire(new ArticleChanged(articleId, slug));
    }
  }

  @Override
  public SiteView site() {
    return QuarkusTransaction.joiningExisting()
        .call(
            () -> {
              Site site = Site.current();
              return new SiteView(site.name, site.tagline, site.locale, site.zone().getId());
            });
  }

  /** Switches a plugin on or off for the site, at once; audited. */
  public void setEnabled(AuditLog.Actor actor, String id, boolean on) {
    entry(id);
    store(
        id,
        "insert into plugin_state (site_id, plugin_id, enabled, updated_by) values (1, ?1, ?2, ?3)"
            + " on conflict (site_id, plugin_id) do update set enabled = excluded.enabled,"
            + " updated_at = now(), updated_by = excluded.updated_by",
        on,
        actor);
    audit.record(actor, on ? AuditAction.PLUGIN_ENABLED : AuditAction.PLUGIN_DISABLED, id, null);
  }

  /**
   * Saves the settings an admin sent (every field of the schema); refused as a whole with a message
   * per field when any does not fit.
   */
  public void saveSettings(AuditLog.Actor actor, String id, Map<String, String> sent) {
    Entry entry = entry(id);
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, String> problems = new LinkedHashMap<>();
    for (SettingField field : entry.descriptor().settings()) {
      String value = sent.get(field.key());
      if (field.type() == SettingField.SettingType.BOOLEAN) {
        value = value == null ? "false" : value; // an unticked box sends nothing
      } else if (value != null && field.type() == SettingField.SettingType.INTEGER) {
        value = value.strip();
      }
      String problem = field.problem(value);
      if (problem != null) {
        problems.put(field.key(), problem);
      }
      values.put(field.key(), value);
    }
    if (!problems.isEmpty()) {
      throw new SettingsRefused(problems);
    }
    // Only the settings: a switch made meanwhile (here or on another instance) stays as it is.
    store(
        id,
        "insert into plugin_state (site_id, plugin_id, enabled, settings, updated_by)"
            + " values (1, ?1, "
            + entry.descriptor().enabledByDefault()
            + ", ?2, ?3) on conflict (site_id, plugin_id) do update set settings ="
            + " excluded.settings, updated_at = now(), updated_by = excluded.updated_by",
        write(values),
        actor);
    audit.record(actor, AuditAction.PLUGIN_SETTINGS_CHANGED, id, write(values));
  }

  /** Runs one upsert of this plugin's row ({@code ?1} id, {@code ?2} value, {@code ?3} who). */
  private void store(String id, String upsert, Object value, AuditLog.Actor actor) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery(upsert)
                    .setParameter(1, id)
                    .setParameter(2, value)
                    .setParameter(3, actor.accountId())
                    .executeUpdate());
    refresh(); // announces the change (PluginsChanged) when it sees one
  }

  private static PluginSettings withDefaults(
      PluginDescriptor descriptor, Map<String, String> stored) {
    Map<String, String> values = new LinkedHashMap<>();
    for (SettingField field : descriptor.settings()) {
      String value = stored.get(field.key());
      values.put(
          field.key(),
          value != null && field.problem(value) == null ? value : field.defaultValue());
    }
    return new PluginSettings(values);
  }

  private Map<String, String> read(String text) {
    try {
      return json.readValue(text, SETTINGS);
    } catch (JsonProcessingException e) {
      LOG.warnf("Stored plugin settings are not JSON; using defaults: %s", e.getMessage());
      return Map.of();
    }
  }

  private String write(Map<String, String> values) {
    try {
      return json.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
