package org.stet.pluginhost;

import static jakarta.transaction.Transactional.TxType.SUPPORTS;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.stet.person.Person;
import org.stet.site.service.PublicSiteService;
import org.stet.spi.People;
import org.stet.spi.PersonView;

/** Stet's people for plugins, as immutable views. */
@ApplicationScoped
@Transactional(SUPPORTS)
public class PluginPeople implements People {

  @Override
  public Optional<PersonView> bySlug(String slug) {
    return Person.findBySlug(slug).map(PublicSiteService::view);
  }

  @Override
  public List<PersonView> inNameOrder(PersonView after, int limit) {
    return Person.listInNameOrder(
            after == null ? null : after.displayName(), after == null ? 0 : after.id(), limit)
        .stream()
        .map(PublicSiteService::view)
        .toList();
  }
}
