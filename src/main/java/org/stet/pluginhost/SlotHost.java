package org.stet.pluginhost;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.RawString;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jboss.logging.Logger;
import org.stet.spi.ArticleView;
import org.stet.spi.DeskUser;
import org.stet.spi.PersonView;
import org.stet.spi.Slot;
import org.stet.spi.SlotContributor;

/**
 * Fills page slots from every {@link SlotContributor}, in bean order. One failing plugin leaves its
 * part empty; the page and the other plugins are unaffected. Every part is cleaned by the slot's
 * {@link SlotPolicy} before it is put on the page.
 */
@ApplicationScoped
@Named("slots")
public class SlotHost {

  private static final Logger LOG = Logger.getLogger(SlotHost.class);

  private final Instance<SlotContributor> contributors;
  private final MeterRegistry metrics;
  private final PluginRegistry registry;

  SlotHost(Instance<SlotContributor> contributors, MeterRegistry metrics, PluginRegistry registry) {
    this.contributors = contributors;
    this.metrics = metrics;
    this.registry = registry;
  }

  /** The HTML of a slot every public page has, e.g. {@code head}. */
  public RawString site(String slotId) {
    Slot slot = slot(slotId);
    return collect(slot, contributor -> contributor.renderSiteSlot(slot));
  }

  /** The HTML of slot {@code slotId} on an article page. */
  public RawString article(String slotId, ArticleView article) {
    Slot slot = slot(slotId);
    return collect(slot, contributor -> contributor.renderArticleSlot(slot, article));
  }

  /** The HTML of a desk slot for the signed-in person the layout shows ({@code desk.nav}). */
  public RawString desk(
      String slotId, String siteName, String displayName, String email, List<String> roles) {
    Slot slot = slot(slotId);
    DeskUser user = new DeskUser(siteName, displayName, email, roles);
    return collect(slot, contributor -> contributor.renderDeskSlot(slot, user));
  }

  /** The HTML of slot {@code slotId} on a person's page. */
  public RawString person(String slotId, PersonView person) {
    Slot slot = slot(slotId);
    return collect(slot, contributor -> contributor.renderPersonSlot(slot, person));
  }

  private RawString collect(Slot slot, Function<SlotContributor, String> render) {
    List<String> parts = new ArrayList<>();
    for (SlotContributor contributor : contributors) {
      if (!registry.enabled(safePluginId(contributor))) {
        continue; // a plugin that is off contributes nothing
      }
      try {
        // Its own transaction: a plugin's database error cannot spoil the page's transaction.
        String part = QuarkusTransaction.requiringNew().call(() -> render.apply(contributor));
        if (part != null && !part.isEmpty()) {
          parts.add(SlotPolicy.clean(slot, part));
        }
      } catch (RuntimeException e) {
        String plugin = safePluginId(contributor);
        LOG.errorf(e, "Plugin %s failed in slot %s; the slot stays empty", plugin, slot.id());
        metrics.counter("stet.plugin.failures", "plugin", plugin, "slot", slot.id()).increment();
      }
    }
    return new RawString(String.join("", parts));
  }

  private static Slot slot(String slotId) {
    for (Slot slot : Slot.values()) {
      if (slot.id().equals(slotId)) {
        return slot;
      }
    }
    throw new IllegalArgumentException("No page slot named " + slotId);
  }

  private static String safePluginId(SlotContributor contributor) {
    try {
      return contributor.pluginId();
    } catch (RuntimeException e) {
      return contributor.getClass().getName();
    }
  }
}
