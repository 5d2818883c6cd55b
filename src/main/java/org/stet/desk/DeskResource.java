package org.stet.desk;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The desk's start page: who you are and what you can do. */
@Path("/desk")
@Authenticated
public class DeskResource {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance home(DeskChrome desk);
  }

  private final SecurityIdentity identity;
  private final DeskHeader header;

  DeskResource(SecurityIdentity identity, DeskHeader header) {
    this.identity = identity;
    this.header = header;
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance home() {
    return Templates.home(header.chrome());
  }
}
