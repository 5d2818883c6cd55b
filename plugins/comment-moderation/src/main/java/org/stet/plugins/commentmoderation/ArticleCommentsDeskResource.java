package org.stet.plugins.commentmoderation;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.stet.spi.ArticleView;
import org.stet.spi.Articles;
import org.stet.spi.DeskSupport;
import org.stet.spi.DeskUser;

/** Comments on one article in the moderation desk: open, closed, or off. */
@Path("/desk/plugins/comment-moderation")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"EDITOR", "ADMIN"})
public class ArticleCommentsDeskResource {

  @CheckedTemplate(basePath = "plugins/comment-moderation")
  static class Templates {
    static native TemplateInstance article(
        DeskUser desk, ArticleView article, String mode, long approved, String notice);
  }

  private final CommentService service;
  private final CommentStore store;
  private final Articles articles;
  private final DeskSupport desk;

  ArticleCommentsDeskResource(
      CommentService service, CommentStore store, Articles articles, DeskSupport desk) {
    this.service = service;
    this.store = store;
    this.articles = articles;
    this.desk = desk;
  }

  @GET
  @Path("articles/{slug}")
  @Transactional
  public String article(@PathParam("slug") String slug, @QueryParam("done") String done) {
    ArticleView article = articles.publishedBySlug(slug).orElseThrow(NotFoundException::new);
    return Templates.article(
            desk.user(),
            article,
            store.mode(article.id()),
            store.approvedCount(article.id()),
            done == null ? null : "Saved.")
        .render();
  }

  /** Comments on one article: open (the rules decide), closed, or off (not shown at all). */
  @POST
  @Path("articles/{slug}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Transactional
  public Response setMode(
      @PathParam("slug") String slug,
      @FormParam("mode") String mode,
      @FormParam("_csrf") String token) {
    desk.verifyForm(token);
    ArticleView article = articles.publishedBySlug(slug).orElseThrow(NotFoundException::new);
    if (mode == null || !List.of("OPEN", "CLOSED", "OFF").contains(mode)) {
      throw new jakarta.ws.rs.BadRequestException("Choose open, closed or off.");
    }
    store.setMode(article.id(), mode);
    desk.audit(
        CommentModerationPlugin.ID,
        "comments " + mode.toLowerCase(Locale.ROOT) + " on article " + article.id(),
        "article:" + article.id());
    service.articlePageChanged(article.id());
    return Response.seeOther(
            URI.create("/desk/plugins/comment-moderation/articles/" + slug + "?done=1"))
        .build();
  }
}
