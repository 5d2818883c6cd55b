package org.stet.pluginhost;

import static jakarta.transaction.Transactional.TxType.SUPPORTS;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.stet.identity.Bylines;
import org.stet.person.Person;
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
    return Person.findBySlug(slug).map(PluginViews::view);
  }

  @Override
  public Optional<String> renameVeto(long personId, String displayName) {
    Person person = Person.findById(personId);
    if (person == null) {
      return Optional.of("There is no such person.");
    }
    if (person.nameLocked && !person.displayName.equals(displayName.strip())) {
      return Optional.of(
          "An administrator has locked this byline name; ask them if it needs to change.");
    }
    if (Bylines.takenByAnotherAccount(personId, displayName)) {
      return Optional.of(
          "Another account's byline has this name. Choose a name that tells you apart (a middle"
              + " initial, say), or ask an editor.");
    }
    return Optional.empty();
  }

  @Override
  @Transactional
  public PersonView rename(long personId, String displayName) {
    if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
      throw new IllegalArgumentException("A display name has 1 to 200 characters");
    }
    Optional<String> veto = renameVeto(personId, displayName);
    if (veto.isPresent()) {
      throw new IllegalArgumentException(veto.get());
    }
    Person person = Person.findById(personId);
    person.displayName = displayName.strip();
    registry.pagesChanged("people");
    return PluginViews.view(person);
  }

  @Override
  public List<PersonView> inNameOrder(PersonView after, int limit) {
    return Person.listInNameOrder(
            after == null ? null : after.displayName(), after == null ? 0 : after.id(), limit)
        .stream()
        .map(PluginViews::view)
        .toList();
  }
}
