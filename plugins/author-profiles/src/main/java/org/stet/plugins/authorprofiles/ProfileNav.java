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
    return ProfileSlots.Templates.nav(user.isEditor() || user.isAdmin() ? "Profiles" : "My profile")
        .render();
  }
}
