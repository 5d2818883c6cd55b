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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.stet.plugins.commentmoderation.CommentStore.Status;
import org.stet.spi.ArticleView;
import org.stet.spi.Articles;
import org.stet.spi.DeskSupport;
import org.stet.spi.DeskUser;

/**
 * The moderation queue: comments by state (pending, approved, spam, trash) with filters and keyset
 * pages, and the steps between states, for one comment or the ticked ones. Every step is audited.
 * One comment's page, comments per article and a commenter's data have resources of their own under
 * the same path ({@link CommentEditDeskResource}, {@link ArticleCommentsDeskResource}, {@link
 * CommenterDataDeskResource}).
 */
@Path("/desk/plugins/comment-moderation")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"EDITOR", "ADMIN"})
public class CommentDeskResource {

  static final int PAGE = 25;
  private static final Map<String, Status> ACTIONS =
      Map.of(
          "approve", Status.APPROVED,
          "spam", Status.SPAM,
          "trash", Status.TRASH,
          "pending", Status.PENDING);

  /** A moderation step offered on the queue. */
  public record Action(String value, String label) {}

  private static final List<Action> ALL_ACTIONS =
      List.of(
          new Action("approve", "Approve"),
          new Action("spam", "Spam"),
          new Action("trash", "Trash"),
          new Action("pending", "Pending"));

  /** One tab of the queue. */
  public record Tab(String status, String label, String count, String href, boolean current) {}

  @CheckedTemplate(basePath = "plugins/comment-moderation")
  static class Templates {
    static native TemplateInstance queue(
        DeskUser desk,
        List<Tab> tabs,
        String status,
        List<CommentRows.Row> rows,
        String articleFilter,
        String emailFilter,
        String nextHref,
        String back,
        List<String> badIpLines,
        String notice,
        String error,
        List<Action> actions);
  }

  private final CommentService service;
  private final CommentStore store;
  private final CommentRows commentRows;
  private final Articles articles;
  private final DeskSupport desk;

  CommentDeskResource(
      CommentService service,
      CommentStore store,
      CommentRows commentRows,
      Articles articles,
      DeskSupport desk) {
    this.service = service;
    this.store = store;
    this.commentRows = commentRows;
    this.articles = articles;
    this.desk = desk;
  }

  @GET
  @Transactional
  public Response queue(
      @QueryParam("status") String status,
      @QueryParam("article") String article,
      @QueryParam("email") String email,
      @QueryParam("before") String before,
      @QueryParam("done") String done,
      @QueryParam("count") String count) {
    Status shown = status(status);
    String articleSlug = blankToNull(article);
    String emailFilter = CommentRows.address(email);
    Long articleId = null;
    String error = null;
    if (articleSlug != null) {
      Optional<ArticleView> found = articles.publishedBySlug(articleSlug);
      if (found.isEmpty()) {
        error = "No published article has the address name " + articleSlug + ".";
        articleId = -1L;
      } else {
        articleId = found.get().id();
      }
    }
    Long beforeId = null;
    if (before != null) {
      if (!before.matches("\\d{1,18}")) {
        throw new jakarta.ws.rs.BadRequestException("This page link is not valid.");
      }
      beforeId = Long.valueOf(before);
    }
    List<Comment> page =
        store.queue(new CommentStore.Filter(shown, articleId, emailFilter), beforeId, PAGE);
    List<Comment> rows = page.subList(0, Math.min(PAGE, page.size()));
    String query = query(shown, articleSlug, emailFilter);
    String next =
        page.size() > PAGE
            ? "/desk/plugins/comment-moderation?" + query + "&before=" + rows.get(PAGE - 1).id()
            : null;
    return Response.ok(
            Templates.queue(
                    desk.user(),
                    tabs(shown, articleSlug, emailFilter),
                    shown.name(),
                    commentRows.of(rows),
                    articleSlug == null ? "" : articleSlug,
                    emailFilter == null ? "" : emailFilter,
                    next,
                    query,
                    Blocklists.badLines(service.settings().blockedIps()),
                    done(done, count),
                    error,
                    ALL_ACTIONS.stream().filter(a -> ACTIONS.get(a.value()) != shown).toList())
                .render())
        .build();
  }

  /** Approve, spam, trash or back to pending, for the ticked comments. */
  @POST
  @Path("bulk")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response bulk(
      @FormParam("ids") List<String> ids,
      @FormParam("action") String action,
      @FormParam("back") String back,
      @FormParam("_csrf") String token) {
    desk.verifyForm(token);
    Status to = ACTIONS.get(action == null ? "" : action);
    List<Long> chosen = new ArrayList<>();
    for (String id : ids == null ? List.<String>of() : ids) {
      if (id.matches("\\d{1,18}")) {
        chosen.add(Long.valueOf(id));
      }
    }
    if (to == null || chosen.isEmpty() || chosen.size() > PAGE) {
      return Response.seeOther(URI.create(backTo(back) + "&done=none&count=0")).build();
    }
    int moved = 0;
    for (long id : chosen) {
      try {
        if (moderate(id, to)) {
          moved++;
        }
      } catch (jakarta.ws.rs.WebApplicationException refused) {
        // a copy that must stay in the trash: the others still move
      }
    }
    return Response.seeOther(URI.create(backTo(back) + "&done=" + action + "&count=" + moved))
        .build();
  }

  @POST
  @Path("{id: \\d{1,18}}/moderate")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response moderateOne(
      @PathParam("id") long id,
      @FormParam("action") String action,
      @FormParam("back") String back,
      @FormParam("_csrf") String token) {
    desk.verifyForm(token);
    Status to = ACTIONS.get(action == null ? "" : action);
    if (to == null) {
      throw new jakarta.ws.rs.BadRequestException("Choose approve, spam, trash or pending.");
    }
    if (!moderate(id, to)) {
      throw new NotFoundException();
    }
    return Response.seeOther(URI.create(backTo(back) + "&done=" + action + "&count=1")).build();
  }

  /** What the last step did, in words: "2 comments approved." */
  static String done(String action, String count) {
    String did =
        action == null
            ? null
            : switch (action) {
              case "approve" -> "approved";
              case "spam" -> "marked as spam";
              case "trash" -> "moved to the trash";
              case "pending" -> "sent back to pending";
              case "none" -> "";
              default -> null;
            };
    if (did == null) {
      return null;
    }
    if (did.isEmpty()) {
      return "Nothing was done: tick at least one comment and choose what to do.";
    }
    String n = count != null && count.matches("\\d{1,3}") ? count : "?";
    return n + (n.equals("1") ? " comment " : " comments ") + did + ".";
  }

  private boolean moderate(long id, Status to) {
    Optional<Comment> before = service.moderate(id, to, desk.user().displayName());
    before
        .filter(c -> c.status() != to)
        .ifPresent(
            c ->
                desk.audit(
                    CommentModerationPlugin.ID,
                    "comment " + id + ": " + c.status() + " → " + to,
                    "comment:" + id));
    return before.isPresent();
  }

  private List<Tab> tabs(Status current, String article, String email) {
    Map<Status, Long> counts = store.counts();
    List<Tab> tabs = new ArrayList<>();
    for (Status status : Status.values()) {
      long count = counts.get(status);
      tabs.add(
          new Tab(
              status.name(),
              status.name().charAt(0) + status.name().substring(1).toLowerCase(Locale.ROOT),
              String.format(Locale.ROOT, "%,d", count),
              "/desk/plugins/comment-moderation?" + query(status, article, email),
              status == current));
    }
    return tabs;
  }

  private static Status status(String given) {
    if (given == null || given.isEmpty()) {
      return Status.PENDING;
    }
    try {
      return Status.valueOf(given);
    } catch (IllegalArgumentException e) {
      throw new jakarta.ws.rs.BadRequestException("Choose pending, approved, spam or trash.");
    }
  }

  /** The queue's address for these filters, built here (never taken from the form as it is). */
  static String query(Status status, String article, String email) {
    StringBuilder query = new StringBuilder("status=").append(status.name());
    if (article != null) {
      query.append("&article=").append(URLEncoder.encode(article, StandardCharsets.UTF_8));
    }
    if (email != null) {
      query.append("&email=").append(URLEncoder.encode(email, StandardCharsets.UTF_8));
    }
    return query.toString();
  }

  /** Back to the queue page a form came from; only the queue's own filters are kept. */
  static String backTo(String back) {
    Status status = Status.PENDING;
    String article = null;
    String email = null;
    if (back != null) {
      for (String pair : back.split("&")) {
        String[] kv = pair.split("=", 2);
        if (kv.length != 2) {
          continue;
        }
        String value;
        try {
          value = java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          continue; // a mangled filter is dropped, the queue still shown
        }
        switch (kv[0]) {
          case "status" -> {
            try {
              status = Status.valueOf(value);
            } catch (IllegalArgumentException e) {
              status = Status.PENDING;
            }
          }
          case "article" -> article = value.matches("[a-z0-9]+(-[a-z0-9]+)*") ? value : null;
          case "email" -> email = value.length() <= 254 ? value : null;
          default -> {}
        }
      }
    }
    return "/desk/plugins/comment-moderation?" + query(status, article, email);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
