package org.stet.desk.account;

import io.quarkus.scheduler.Scheduled;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.stet.identity.IdentityMode;
import org.stet.site.rest.ErrorPages;

/**
 * Knows whether the organisation's Keycloak answers, so that while it is down the desk says so
 * plainly (503) instead of failing a sign-in halfway. The public site never depends on it.
 */
@ApplicationScoped
public class KeycloakAvailability {

  private static final Logger LOG = Logger.getLogger(KeycloakAvailability.class);

  private final IdentityMode mode;
  private final Optional<String> authServerUrl;
  private final ErrorPages.Renderer pages;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private volatile boolean reachable = true;

  KeycloakAvailability(
      IdentityMode mode,
      @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> authServerUrl,
      ErrorPages.Renderer pages) {
    this.mode = mode;
    this.authServerUrl = authServerUrl;
    this.pages = pages;
  }

  public boolean reachable() {
    return reachable;
  }

  @Scheduled(every = "15s", delay = 0, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void probe() {
    if (!mode.keycloak() || authServerUrl.isEmpty()) {
      return;
    }
    boolean now;
    try {
      HttpRequest request =
          HttpRequest.newBuilder(
                  URI.create(
                      authServerUrl.get().replaceAll("/+$", "")
                          + "/.well-known/openid-configuration"))
              .timeout(Duration.ofSeconds(3))
              .build();
      now = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (java.io.IOException | IllegalArgumentException e) {
      now = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (now != reachable) {
      LOG.warnf(
          "Keycloak at %s is %s",
          authServerUrl.get(),
          now ? "reachable again" : "not reachable; desk sign-in is unavailable");
    }
    reachable = now;
  }

  void register(@Observes Router router) {
    router.route("/desk*").order(-9_000).handler(this::guard);
  }

  private void guard(RoutingContext context) {
    if (!mode.keycloak() || reachable) {
      context.next();
      return;
    }
    ErrorPages.Problem problem =
        new ErrorPages.Problem(
            503,
            "Sign-in is unavailable",
            "The organisation's sign-in service (Keycloak) cannot be reached, so the desk is"
                + " unavailable for now. The public site works as usual; try again in a few minutes.");
    context
        .vertx()
        .executeBlocking(() -> pages.render(problem))
        .onComplete(
            rendered -> {
              var response = context.response().setStatusCode(503).putHeader("Retry-After", "30");
              if (rendered.succeeded()) {
                response
                    .putHeader(HttpHeaders.CONTENT_TYPE, "text/html;charset=UTF-8")
                    .end(rendered.result());
              } else {
                response
                    .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain;charset=UTF-8")
                    .end(problem.message());
              }
            });
  }
}
