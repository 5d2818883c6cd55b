package org.stet.plugins.commentmoderation;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.stet.plugins.commentmoderation.CommentStore.Status;
import org.stet.spi.ArticleView;
import org.stet.spi.Articles;
import org.stet.spi.FormStamps;
import org.stet.spi.PluginContext;
import org.stet.spi.SiteView;

/**
 * What readers do with comments: post one (from the form under the article or a reply page), report
 * one, see that theirs awaits moderation, and stop e-mails. Readers have no session, so a form
 * proves it came from this site by its signed stamp and the browser's {@code Origin}.
 */
@Path("/plugins/comment-moderation")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class CommentResource {

  @CheckedTemplate(basePath = "plugins/comment-moderation")
  static class Templates {
    static native TemplateInstance form(
        SiteView chrome,
        ArticleView article,
        Comment parent,
        CommentForm form,
        int maxLength,
        String button);

    static native TemplateInstance posted(SiteView chrome, ArticleView article, Comment comment);

    static native TemplateInstance report(
        SiteView chrome,
        ArticleView article,
        Comment comment,
        String stamp,
        boolean done,
        String error);

    static native TemplateInstance unsubscribe(
        SiteView chrome, String token, String stamp, boolean done);
  }

  private final CommentService service;
  private final CommentStore store;
  private final Articles articles;
  private final FormStamps stamps;
  private final PluginContext context;
  private final org.stet.spi.Mail mail;

  CommentResource(
      CommentService service,
      CommentStore store,
      Articles articles,
      FormStamps stamps,
      PluginContext context,
      org.stet.spi.Mail mail) {
    this.service = service;
    this.store = store;
    this.articles = articles;
    this.stamps = stamps;
    this.context = context;
    this.mail = mail;
  }

  @POST
  @Path("articles/{article: \\d{1,18}}/comments")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response post(
      @PathParam("article") long articleId,
      @FormParam("name") String name,
      @FormParam("email") String email,
      @FormParam("website") String website,
      @FormParam("text") String text,
      @FormParam("notify") String notify,
      @FormParam("parent") String parent,
      @FormParam("leave_empty") String honeypot,
      @FormParam("stamp") String stamp,
      @Context HttpHeaders headers,
      @Context HttpServerRequest request) {
    ArticleView article = articles.published(articleId).orElseThrow(NotFoundException::new);
    CommentText.Typed typed = CommentText.Typed.of(name, email, website, text);
    boolean wantsMail = "on".equals(notify);
    Long parentId = parent != null && parent.matches("\\d{1,18}") ? Long.valueOf(parent) : null;
    if (!sameSite(headers)) {
      return refused(article, typed, wantsMail, parentId, Map.of("form", CROSS_SITE), 403, null);
    }
    if (parent != null && !parent.isEmpty() && parentId == null) {
      return refused(
          article, typed, wantsMail, null, Map.of("form", "The reply link is broken."), 400, null);
    }
    CommentService.Outcome outcome =
        service.post(
            new CommentService.Submission(
                article,
                parentId,
                typed,
                wantsMail,
                honeypot,
                stamp,
                request.remoteAddress().hostAddress()));
    if (outcome instanceof CommentService.Refused refused) {
      return refused(
          article,
          typed,
          wantsMail,
          parentId,
          refused.problems(),
          refused.status(),
          refused.retryAfter());
    }
    Comment comment = ((CommentService.Posted) outcome).comment();
    String next =
        comment.status() == Status.APPROVED
            ? shownAt(article, comment)
            : "/plugins/comment-moderation/posted/" + comment.token();
    return Response.seeOther(URI.create(next)).build();
  }

  /** The commenter's own view of a comment that waits (whoever holds the link). */
  @GET
  @Path("posted/{token: [A-Za-z0-9_-]{22}}")
  public Response posted(@PathParam("token") String token) {
    Comment comment = store.findByToken(token).orElseThrow(NotFoundException::new);
    ArticleView article =
        articles.published(comment.articleId()).orElseThrow(NotFoundException::new);
    if (comment.status() == Status.APPROVED) {
      return Response.seeOther(URI.create(shownAt(article, comment))).build();
    }
    if (comment.status() == Status.TRASH || comment.erased()) {
      throw new NotFoundException();
    }
    return personal(Response.ok(Templates.posted(context.site(), article, comment).render()));
  }

  @GET
  @Path("comments/{id: \\d{1,18}}/reply")
  public Response replyForm(@PathParam("id") long id) {
    Comment parent = approved(id);
    ArticleView article =
        articles.published(parent.articleId()).orElseThrow(NotFoundException::new);
    CommentForm form = CommentForm.blank(parent.id(), stamps.issue());
    return personal(
        Response.ok(
            Templates.form(
                    context.site(),
                    article,
                    parent,
                    form,
                    service.settings().maxLength(),
                    "Send reply")
                .render()));
  }

  @GET
  @Path("comments/{id: \\d{1,18}}/report")
  public Response reportForm(@PathParam("id") long id) {
    Comment comment = approved(id);
    ArticleView article =
        articles.published(comment.articleId()).orElseThrow(NotFoundException::new);
    return personal(
        Response.ok(
            Templates.report(context.site(), article, comment, stamps.issue(), false, null)
                .render()));
  }

  @POST
  @Path("comments/{id: \\d{1,18}}/report")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response report(
      @PathParam("id") long id,
      @FormParam("reason") String reason,
      @FormParam("stamp") String stamp,
      @Context HttpHeaders headers,
      @Context HttpServerRequest request) {
    Comment comment = approved(id);
    ArticleView article =
        articles.published(comment.articleId()).orElseThrow(NotFoundException::new);
    String why = reason == null ? "" : reason.replace("\r\n", "\n").strip();
    String problem = null;
    int status = 400;
    if (!sameSite(headers) || !fresh(stamp)) {
      problem = CROSS_SITE;
      status = 403;
    } else if (why.length() > 500 || why.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
      problem =
          "Say what is wrong in at most 500 characters of plain text; nothing was reported yet.";
    }
    if (problem != null) {
      return Response.status(status)
          .entity(
              Templates.report(context.site(), article, comment, stamps.issue(), false, problem)
                  .render())
          .build();
    }
    java.util.OptionalLong wait =
        service.report(comment, request.remoteAddress().hostAddress(), why.isEmpty() ? null : why);
    if (wait.isPresent()) {
      return Response.status(429)
          .header("Retry-After", wait.getAsLong())
          .entity(
              Templates.report(
                      context.site(),
                      article,
                      comment,
                      stamps.issue(),
                      false,
                      "You are sending reports faster than this site allows: wait "
                          + wait.getAsLong()
                          + " seconds, then send again.")
                  .render())
          .build();
    }
    return personal(
        Response.ok(Templates.report(context.site(), article, comment, null, true, null).render()));
  }

  @GET
  @Path("unsubscribe/{token: [A-Za-z0-9_-]{22}}")
  public Response unsubscribeForm(@PathParam("token") String token) {
    store.findByToken(token).orElseThrow(NotFoundException::new);
    return personal(
        Response.ok(Templates.unsubscribe(context.site(), token, stamps.issue(), false).render()));
  }

  @POST
  @Path("unsubscribe/{token: [A-Za-z0-9_-]{22}}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response unsubscribe(
      @PathParam("token") String token,
      @FormParam("stamp") String stamp,
      @Context HttpHeaders headers) {
    if (!sameSite(headers) || !fresh(stamp)) {
      return Response.status(403)
          .entity(Templates.unsubscribe(context.site(), token, stamps.issue(), false).render())
          .build();
    }
    if (!store.unsubscribe(token)) {
      throw new NotFoundException();
    }
    return personal(Response.ok(Templates.unsubscribe(context.site(), token, null, true).render()));
  }

  private static final String CROSS_SITE =
      "This form has expired or did not come from this site. Reload the page and send it again.";

  private Response refused(
      ArticleView article,
      CommentText.Typed typed,
      boolean wantsMail,
      Long parentId,
      Map<String, String> problems,
      int status,
      Long retryAfter) {
    Comment parent =
        parentId == null
            ? null
            : store.find(parentId).filter(p -> p.status() == Status.APPROVED).orElse(null);
    CommentForm form =
        CommentForm.refused(
            typed, wantsMail, parent == null ? null : parent.id(), stamps.issue(), problems);
    Response.ResponseBuilder response =
        Response.status(status)
            .entity(
                Templates.form(
                        context.site(),
                        article,
                        parent,
                        form,
                        service.settings().maxLength(),
                        parent == null ? "Send comment" : "Send reply")
                    .render());
    if (retryAfter != null) {
      response.header("Retry-After", retryAfter);
    }
    return personal(response);
  }

  /**
   * The comment on its article; the query (which the page ignores) makes the browser ask again
   * instead of showing the copy it just cached without the comment.
   */
  private static String shownAt(ArticleView article, Comment comment) {
    return "/articles/" + article.slug() + "?comment=" + comment.id() + "#comment-" + comment.id();
  }

  /** An approved comment on an article whose comments are shown (not switched off). */
  private Comment approved(long id) {
    return store
        .find(id)
        .filter(c -> c.status() == Status.APPROVED)
        .filter(c -> !store.mode(c.articleId()).equals("OFF"))
        .orElseThrow(NotFoundException::new);
  }

  private boolean fresh(String stamp) {
    return stamps
        .issuedAt(stamp)
        .filter(at -> at.isAfter(Instant.now().minus(service.settings().stampLifetime())))
        .isPresent();
  }

  /**
   * A form that a browser sends from another site says so ({@code Origin}, {@code Sec-Fetch-Site}):
   * that is refused. Clients that send neither are judged by the stamp alone.
   */
  boolean sameSite(HttpHeaders headers) {
    return sameSite(headers, mail.siteUrl());
  }

  static boolean sameSite(HttpHeaders headers, String siteUrl) {
    String fetchSite = headers.getHeaderString("Sec-Fetch-Site");
    if (fetchSite != null && fetchSite.equals("cross-site")) {
      return false;
    }
    String origin = headers.getHeaderString("Origin");
    if (origin == null) {
      return true;
    }
    String host = headers.getHeaderString("Host");
    try {
      String authority = URI.create(origin).getRawAuthority();
      String site = URI.create(siteUrl).getRawAuthority();
      // The Host the request came with, or the site's configured address (behind a proxy that
      // rewrites Host).
      return authority != null
          && (authority.equalsIgnoreCase(host) || authority.equalsIgnoreCase(site));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Pages for one reader (their form, their comment): never stored by shared caches. */
  private static Response personal(Response.ResponseBuilder response) {
    return response.header("Cache-Control", "no-store").build();
  }
}
