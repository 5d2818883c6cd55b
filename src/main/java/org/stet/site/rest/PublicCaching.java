package org.stet.site.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.stet.settings.SiteConfig;

/** Caching headers of public pages, shared by the REST resources and the fast path. */
@ApplicationScoped
public class PublicCaching {

  /** Content type of every public page. */
  public static final String HTML = "text/html;charset=UTF-8";

  private final String cacheControl;

  PublicCaching(SiteConfig config) {
    this.cacheControl = "public, max-age=" + config.maxAgeSeconds();
  }

  public String cacheControl() {
    return cacheControl;
  }

  Response.ResponseBuilder publicPage(Response.ResponseBuilder response) {
    return response.header("Cache-Control", cacheControl);
  }
}
