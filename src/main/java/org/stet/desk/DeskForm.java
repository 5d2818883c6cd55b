package org.stet.desk;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How every desk form answers: after the action, a redirect to the page it names (post, redirect,
 * get); when a rule refuses it, the form's own page again with the reason and what was typed, and
 * the refusal's status. Nothing the refused action changed is shown or saved (the transaction is
 * rolled back; the persistence context is cleared). 403 and 404 go to the error pages as usual.
 */
public final class DeskForm {

  private DeskForm() {}

  /**
   * Runs {@code action}, which returns where to go next; on a refusal answers {@code refusedPage}
   * rendered for it.
   */
  public static Response submit(
      Supplier<String> action, Function<WebApplicationException, String> refusedPage) {
    try {
      return Response.seeOther(URI.create(action.get())).build();
    } catch (WebApplicationException e) {
      int status = e.getResponse().getStatus();
      if (status == 403 || status == 404) {
        throw e;
      }
      Panache.getEntityManager().clear();
      return Response.status(status)
          .type(MediaType.TEXT_HTML_TYPE)
          .entity(refusedPage.apply(e))
          .build();
    }
  }
}
