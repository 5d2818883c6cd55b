package org.stet.plugins.authorprofiles;

import jakarta.enterprise.context.ApplicationScoped;
import org.stet.spi.DeskUser;
import org.stet.spi.Slot;
import org.stet.spi.SlotContributor;

/** The desk's link to profiles: everyone's for editors and admins, one's own for the others. */
@ApplicationScoped
public class ProfileNav implements SlotContributor {

  @Override
  public String pluginId() {
    return AuthorProfilesPlugin.ID;
  }

  @Override
  public String renderDeskSlot(Slot slot, DeskUser user) {
    if (slot != Slot.DESK_NAV || user.roles().isEmpty()) {
      return "";
    }
    return user.isEditor() || user.isAdmin()
        ? "<li><a href=\"/desk/plugins/author-profiles\">Profiles</a></li>"
        : "<li><a href=\"/desk/plugins/author-profiles\">My profile</a></li>";
  }
}
