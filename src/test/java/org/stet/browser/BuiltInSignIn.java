package org.stet.browser;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Built-in sign-in, as a profile of its own, for browser tests that sign in through the desk form:
 * the application is started afresh, and the Keycloak settings an earlier integration test's
 * resource left behind are switched off. Tests that share it share one start.
 */
public class BuiltInSignIn implements QuarkusTestProfile {
  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of("quarkus.oidc.tenant-enabled", "false");
  }
}
