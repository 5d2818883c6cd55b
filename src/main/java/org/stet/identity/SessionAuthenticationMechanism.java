package org.stet.identity;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.stet.identity.service.ApiTokenService;
import org.stet.identity.service.SessionService;

/**
 * Signs requests in from the desk's session cookie, and JSON API requests from a personal API token
 * ({@code Authorization: Bearer stet_…}). Without a valid session, browsers are sent to the sign-in
 * page (and back afterwards); API clients get 401.
 */
@ApplicationScoped
public class SessionAuthenticationMechanism implements HttpAuthenticationMechanism {

  /** Attribute of the security identity holding the account id. */
  public static final String ACCOUNT_ID = "stet.account-id";

  /** Attribute of the security identity holding the id of its session (never the token). */
  public static final String SESSION_ID = "stet.session-id";

  /** Attribute of the security identity holding the account's e-mail. */
  public static final String EMAIL = "stet.email";

  /**
   * Attribute of an identity signed in by an API token: its scope ({@code READ}, {@code WRITE}).
   */
  public static final String TOKEN_SCOPE = "stet.token-scope";

  /** A personal API token from the Authorization header, as an authentication request. */
  public static final class ApiTokenRequest extends BaseAuthenticationRequest {
    private final String token;

    ApiTokenRequest(String token) {
      this.token = token;
    }

    String token() {
      return token;
    }
  }

  /** The session token from the cookie, as an authentication request. */
  public static final class SessionTokenRequest extends BaseAuthenticationRequest {
    private final String token;

    SessionTokenRequest(String token) {
      this.token = token;
    }

    String token() {
      return token;
    }
  }

  private static final String BEARER = "Bearer ";

  private final IdentityMode mode;

  SessionAuthenticationMechanism(IdentityMode mode) {
    this.mode = mode;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      RoutingContext context, IdentityProviderManager identityProviderManager) {
    if (mode.keycloak()) {
      return Uni.createFrom().optional(java.util.Optional.empty());
    }
    String authorization = context.request().getHeader(HttpHeaderNames.AUTHORIZATION);
    if (authorization != null
        && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
        && authorization.startsWith(ApiTokenService.PREFIX, BEARER.length())
        && context.normalizedPath().startsWith("/api/")) {
      return identityProviderManager.authenticate(
          new ApiTokenRequest(authorization.substring(BEARER.length()).strip()));
    }
    Cookie cookie = context.request().getCookie(SessionCookie.NAME);
    if (cookie == null || cookie.getValue().isEmpty()) {
      return Uni.createFrom().optional(java.util.Optional.empty());
    }
    return identityProviderManager.authenticate(new SessionTokenRequest(cookie.getValue()));
  }

  @Override
  public Uni<ChallengeData> getChallenge(RoutingContext context) {
    String path = context.normalizedPath();
    if (path.startsWith("/api/")) {
      // API clients are told 401, never redirected to a sign-in page (Keycloak's or ours).
      return Uni.createFrom().item(new ChallengeData(401, null, null));
    }
    if (mode.keycloak()) {
      return Uni.createFrom().nullItem(); // Keycloak's code flow answers
    }
    String next = context.request().uri();
    String location =
        "/desk/sign-in?next=" + URLEncoder.encode(LocalRedirect.safe(next), StandardCharsets.UTF_8);
    return Uni.createFrom().item(new ChallengeData(303, HttpHeaderNames.LOCATION, location));
  }

  /** Asked before the OIDC mechanism, which stays silent while no Keycloak is configured. */
  @Override
  public int getPriority() {
    return 2000;
  }

  @Override
  public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
    return Set.of(SessionTokenRequest.class, ApiTokenRequest.class);
  }

  /** Looks the API token up in the database, off the event loop. */
  @ApplicationScoped
  public static class ApiTokenIdentityProvider implements IdentityProvider<ApiTokenRequest> {

    private final ApiTokenService tokens;

    ApiTokenIdentityProvider(ApiTokenService tokens) {
      this.tokens = tokens;
    }

    @Override
    public Class<ApiTokenRequest> getRequestType() {
      return ApiTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
        ApiTokenRequest request, AuthenticationRequestContext context) {
      return context.runBlocking(() -> identify(request.token()));
    }

    @ActivateRequestContext
    SecurityIdentity identify(String token) {
      return tokens
          .identify(token)
          .map(
              holder ->
                  identity(holder.account())
                      .addAttribute(TOKEN_SCOPE, holder.scope().name())
                      .build())
          .orElse(null);
    }
  }

  /** The identity of a signed-in account, to finish with its way of signing in. */
  static QuarkusSecurityIdentity.Builder identity(SessionService.SignedIn signedIn) {
    return QuarkusSecurityIdentity.builder()
        .setPrincipal(new QuarkusPrincipal(signedIn.email()))
        .addRoles(
            signedIn.roles().stream().map(Role::name).collect(java.util.stream.Collectors.toSet()))
        .addAttribute(ACCOUNT_ID, signedIn.accountId())
        .addAttribute(EMAIL, signedIn.email())
        .addAttribute("displayName", signedIn.displayName());
  }

  /** Looks the session up in the database, off the event loop. */
  @ApplicationScoped
  public static class SessionIdentityProvider implements IdentityProvider<SessionTokenRequest> {

    private final SessionService sessions;

    SessionIdentityProvider(SessionService sessions) {
      this.sessions = sessions;
    }

    @Override
    public Class<SessionTokenRequest> getRequestType() {
      return SessionTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
        SessionTokenRequest request, AuthenticationRequestContext context) {
      return context.runBlocking(() -> identify(request.token()));
    }

    @ActivateRequestContext
    SecurityIdentity identify(String token) {
      return sessions
          .identify(token)
          .<SecurityIdentity>map(
              signedIn -> identity(signedIn).addAttribute(SESSION_ID, signedIn.sessionId()).build())
          .orElse(null);
    }
  }
}
