package org.stet.desk.account;

import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.oidc.OidcConfigurationMetadata;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import org.stet.audit.AuditAction;
import org.stet.audit.AuditLog;
import org.stet.identity.SessionAuthenticationMechanism;
import org.stet.identity.config.IdentityConfig;

/**
 * Sign-out with Keycloak (RP-initiated logout): drops Stet's OIDC session cookie and sends the
 * browser to Keycloak's end-session endpoint, which ends the Keycloak session too and returns the
 * browser to the home page.
 */
@RequestScoped
public class KeycloakSignOut {

  /** Quarkus' session cookie of the default OIDC tenant. */
  private static final String OIDC_SESSION_COOKIE = "q_session";

  private final Instance<SecurityIdentity> identity;
  private final Instance<OidcConfigurationMetadata> metadata;
  private final CurrentVertxRequest request;
  private final AuditLog audit;
  private final IdentityConfig config;

  KeycloakSignOut(
      Instance<SecurityIdentity> identity,
      Instance<OidcConfigurationMetadata> metadata,
      CurrentVertxRequest request,
      AuditLog audit,
      IdentityConfig config) {
    this.identity = identity;
    this.metadata = metadata;
    this.request = request;
    this.audit = audit;
    this.config = config;
  }

  Response signOut(String ip) {
    SecurityIdentity who = identity.get();
    String home = origin() + "/";
    if (who.isAnonymous()) {
      return Response.seeOther(URI.create("/")).cookie(expired()).build();
    }
    String email = who.getAttribute(SessionAuthenticationMechanism.EMAIL);
    audit.record(
        new AuditLog.Actor(who.getAttribute(SessionAuthenticationMechanism.ACCOUNT_ID), email, ip),
        AuditAction.SIGN_OUT,
        email,
        "Keycloak");
    UriBuilder endSession = UriBuilder.fromUri(metadata.get().getEndSessionUri());
    IdTokenCredential idToken = who.getCredential(IdTokenCredential.class);
    if (idToken != null) {
      endSession.queryParam("id_token_hint", idToken.getToken());
    }
    endSession.queryParam("post_logout_redirect_uri", home);
    return Response.seeOther(endSession.build()).cookie(expired()).build();
  }

  private NewCookie expired() {
    return new NewCookie.Builder(OIDC_SESSION_COOKIE)
        .value("")
        .path("/")
        .maxAge(0)
        .httpOnly(true)
        .secure(config.secureCookies())
        .build();
  }

  private String origin() {
    var http = request.getCurrent().request();
    return http.scheme() + "://" + http.authority().toString();
  }
}
