package org.stet.plugins.commentmoderation;

import jakarta.enterprise.context.ApplicationScoped;
import org.stet.spi.DeskUser;
import org.stet.spi.Slot;
import org.stet.spi.SlotContributor;

/**
 * The desk's link to the moderation queue, with the number of comments that wait; and, on the start
 * page, a to-do when comments wait.
 */
@ApplicationScoped
public class CommentNav implements SlotContributor {

  private final CommentStore store;

  CommentNav(CommentStore store) {
    this.store = store;
  }

  @Override
  public String pluginId() {
    return CommentModerationPlugin.ID;
  }

  @Override
  public String renderDeskSlot(Slot slot, DeskUser user) {
    if (!(user.isEditor() || user.isAdmin())) {
      return "";
    }
    if (slot == Slot.DESK_NAV) {
      return CommentSlots.Templates.nav(store.count(CommentStore.Status.PENDING)).render();
    }
    if (slot == Slot.DESK_TODOS) {
      long waiting = store.count(CommentStore.Status.PENDING);
      return waiting == 0 ? "" : CommentSlots.Templates.todo(waiting).render();
    }
    return "";
  }
}
