package org.stet.plugins.disclaimers;

import jakarta.enterprise.context.ApplicationScoped;
import org.stet.spi.DeskUser;
import org.stet.spi.Slot;
import org.stet.spi.SlotContributor;

/** The desk's link to the disclaimers, for editors and admins. */
@ApplicationScoped
public class DisclaimerNav implements SlotContributor {

  @Override
  public String pluginId() {
    return DisclaimersPlugin.ID;
  }

  @Override
  public String renderDeskSlot(Slot slot, DeskUser user) {
    return slot == Slot.DESK_NAV && (user.isEditor() || user.isAdmin())
        ? DisclaimerSlots.Templates.nav().render()
        : "";
  }
}
