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

  private final PluginRegistry registry;

  PluginPeople(PluginRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Optional<PersonView> bySlug(String slug) {
    return Person.findBySlug(slug).map(PublicSiteService::view);
  }

  @Override
  @Transactional
  public PersonView rename(long personId, String displayName) {
    if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
      throw new IllegalArgumentException("A display name has 1 to 200 characters");
    }
    Person person = Person.findById(personId);
    if (person == null) {
      throw new IllegalArgumentException("No person " + personId);
    }
    person.displayName = displayName.strip();
    registry.pagesChanged("people");
    return PublicSiteService.view(person);
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
