package org.stet.settings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import org.stet.audit.AuditAction;
import org.stet.audit.AuditLog;

/** The site's feed settings: how many entries, full text or excerpts. Changes are audited. */
@ApplicationScoped
@Transactional
public class FeedSettings {

  /** The feed settings changed: every feed differs. */
  public record Changed(int entries, boolean fullText) {}

  private final AuditLog audit;
  private final Event<Changed> changed;

  FeedSettings(AuditLog audit, Event<Changed> changed) {
    this.audit = audit;
    this.changed = changed;
  }

  /**
   * {@code typed} as a number of entries, or 400. Static, so a desk form checks it before the step:
   * a refusal inside would mark its transaction for rollback.
   */
  public static int entries(String typed) {
    try {
      int entries = Integer.parseInt(typed == null ? "" : typed.strip());
      if (entries >= 1 && entries <= Site.MAX_FEED_ENTRIES) {
        return entries;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new BadRequestException(
        "A feed lists 1 to " + Site.MAX_FEED_ENTRIES + " articles; give a whole number.");
  }

  public void set(AuditLog.Actor actor, int entries, boolean fullText) {
    Site site = Site.current();
    if (site.feedEntries == entries && site.feedFullText == fullText) {
      return;
    }
    site.feedEntries = entries;
    site.feedFullText = fullText;
    audit.record(
        actor,
        AuditAction.FEED_SETTINGS_CHANGED,
        "site",
        entries + " entries, " + (fullText ? "full text" : "excerpts"));
    changed.fire(new Changed(entries, fullText));
  }
}
