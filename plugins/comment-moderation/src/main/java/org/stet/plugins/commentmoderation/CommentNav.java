package org.stet.plugins.commentmoderation;

import jakarta.enterprise.context.ApplicationScoped;
import org.stet.spi.DeskUser;
import org.stet.spi.Slot;
import org.stet.spi.SlotContributor;

/** The desk's link to the moderation queue, with the number of comments that wait. */
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
    if (slot != Slot.DESK_NAV || !(user.isEditor() || user.isAdmin())) {
      return "";
    }
    long waiting = store.count(CommentStore.Status.PENDING);
    return "<li><a href=\"/desk/plugins/comment-moderation\">Comments"
        + (waiting > 0
            ? " <span class=\"badge\"><span class=\"visually-hidden\">, waiting: </span>"
                + waiting
                + "</span>"
            : "")
        + "</a></li>";
  }
}
