package org.stet.desk;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.stet.settings.Site;

/** The desk's header for the current request: the site's name and who is signed in. */
@ApplicationScoped
public class DeskHeader {

  private final SecurityIdentity identity;

  DeskHeader(SecurityIdentity identity) {
    this.identity = identity;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public DeskChrome chrome() {
    return DeskChrome.of(Site.current().name, identity);
  }

  /** The site's name alone, for the pages before sign-in. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public String siteName() {
    return Site.current().name;
  }
}
