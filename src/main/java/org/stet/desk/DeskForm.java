package org.stet.desk;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.stet.identity.CsrfToken;

/**
 * The one way a desk form is answered. {@link #submit} checks the form's CSRF token, runs the
 * action and redirects to the page it names (post, redirect, get); when a rule refuses it, the
 * form's own page is shown again with the reason and what was typed, under the refusal's status.
 * Nothing the refused action changed is shown or saved (the transaction is rolled back; the
 * persistence context is cleared). 403 and 404 go to the error pages as usual.
 *
 * <pre>{@code
 * return form.submit(token,
 *     () -> { service.rename(id, name); return "/desk/journals/" + id; },
 *     problem -> page(new Typed(name), problem.message()));
 * }</pre>
 */
@ApplicationScoped
public class DeskForm {

  /** What a form does; answers the address to go to next (always a desk page). */
  @FunctionalInterface
  public interface Action {
    String run();
  }

  /** The form's page again, with the refusal and the input kept. */
  @FunctionalInterface
  public interface RefusedPage {
    String render(DeskProblem problem);
  }

  /**
   * A request header the desk's script sends to ask, before a form is posted for real, whether the
   * form would ask for confirmation: such a post answers the confirmation page as usual, or 204
   * without doing anything when the form would act at once ({@code assets/desk.js}).
   */
  public static final String ASK_FIRST = "X-Stet-Ask-First";

  private final CsrfToken csrf;
  private final CurrentVertxRequest request;

  DeskForm(CsrfToken csrf, CurrentVertxRequest request) {
    this.csrf = csrf;
    this.request = request;
  }

  /** Whether this post only asks if the form would ask for confirmation (nothing is done). */
  private boolean askingFirst() {
    return request.getCurrent() != null
        && request.getCurrent().request().getHeader(ASK_FIRST) != null;
  }

  /** What a form shows instead of redirecting: a preview, or the report of an import. */
  @FunctionalInterface
  public interface Shown {
    String render();
  }

  /** Checks {@code token}, runs {@code action}; a refusal answers {@code refused} rendered. */
  public Response submit(String token, Action action, RefusedPage refused) {
    return answer(
        token, () -> Response.seeOther(URI.create(deskPage(action.run()))).build(), refused);
  }

  /**
   * Checks {@code token} and answers the page {@code shown} renders (200), for a form whose result
   * is a page to read before going on (a preview; what an import found); a refusal answers {@code
   * refused} rendered.
   */
  public Response show(String token, Shown shown, RefusedPage refused) {
    return answer(
        token, () -> Response.ok(shown.render()).type(MediaType.TEXT_HTML_TYPE).build(), refused);
  }

  /**
   * Checks {@code token} and asks for confirmation before an action that cannot be undone (the form
   * comes back with {@link Confirmation#FIELD} set).
   */
  public Response ask(String token, DeskChrome desk, Confirmation.Ask ask) {
    csrf.verify(token);
    return Confirmation.ask(desk, ask);
  }

  private Response answer(
      String token, java.util.function.Supplier<Response> run, RefusedPage refused) {
    csrf.verify(token);
    if (askingFirst()) {
      return Response.noContent().build();
    }
    try {
      return run.get();
    } catch (WebApplicationException e) {
      int status = e.getResponse().getStatus();
      if (status == 403 || status == 404) {
        throw e;
      }
      Panache.getEntityManager().clear();
      return Response.status(status)
          .type(MediaType.TEXT_HTML_TYPE)
          .entity(refused.render(DeskProblem.of(e)))
          .build();
    }
  }

  /**
   * Checks {@code token} and runs {@code action}, for forms without a page of their own to show a
   * refusal on (a button in a list): a refusal goes to the error page.
   */
  public Response submit(String token, Action action) {
    csrf.verify(token);
    if (askingFirst()) {
      return Response.noContent().build();
    }
    return Response.seeOther(URI.create(deskPage(action.run()))).build();
  }

  /** Only desk pages: an action never redirects off the site (no open redirect). */
  static String deskPage(String next) {
    if (next == null || !next.startsWith("/desk") || next.startsWith("//")) {
      throw new IllegalStateException("A desk form redirected outside the desk: " + next);
    }
    return next;
  }
}
