package org.stet.identity;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which sign-in this installation uses: the organisation's Keycloak when an OIDC tenant is
 * configured ({@code quarkus.oidc.tenant-enabled=true}), built-in accounts otherwise.
 */
@ApplicationScoped
public class IdentityMode {

  private final boolean keycloak;

  IdentityMode(@ConfigProperty(name = "quarkus.oidc.tenant-enabled") boolean keycloak) {
    this.keycloak = keycloak;
  }

  public boolean keycloak() {
    return keycloak;
  }

  public boolean builtIn() {
    return !keycloak;
  }
}
