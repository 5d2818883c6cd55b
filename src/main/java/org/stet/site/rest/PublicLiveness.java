package org.stet.site.rest;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The one operations answer on the public port: {@code GET /q/health/live} says the process runs,
 * nothing more (no checks, no versions), for load balancers that can only reach the public port.
 * Readiness, the detailed health, metrics and the OpenAPI document are on the management interface
 * (127.0.0.1 by default).
 */
@ApplicationScoped
public class PublicLiveness {

  void register(@Observes Router router) {
    router
        .get("/q/health/live")
        .handler(
            context ->
                context
                    .response()
                    .putHeader("Content-Type", "application/json")
                    .putHeader("Cache-Control", "no-store")
                    .end("{\"status\":\"UP\"}"));
  }
}
