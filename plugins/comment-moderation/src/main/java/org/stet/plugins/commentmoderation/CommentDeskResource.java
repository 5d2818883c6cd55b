package org.stet.plugins.commentmoderation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * The moderation desk: the queue by state (pending, approved, spam, trash) with filters and keyset
 * pages, one and bulk actions, editing, answering as editor, comments per article, and a
 * commenter's data (export, erasure). Every step is audited.
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

  /** A comment in the queue with the article it is on (null if the article is gone). */
  public record Row(Comment comment, Articles.ArticleHeading article) {}

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
        List<Row> rows,
        String articleFilter,
        String emailFilter,
        String nextHref,
        String back,
        List<String> badIpLines,
        String notice,
        String error,
        List<Action> actions);

    static native TemplateInstance comment(
        DeskUser desk,
        Row row,
        List<String> reasons,
        CommentForm edit,
        String reply,
        String error,
        String notice);

    static native TemplateInstance article(
        DeskUser desk, ArticleView article, String mode, long approved, String notice);

    static native TemplateInstance privacy(
        DeskUser desk, String email, List<Row> rows, String notice, String error);
  }

  private final CommentService service;
  private final CommentStore store;
  private final ReportStore reports;
  private final ReaderKeys readerKeys;
  private final Articles articles;
  private final DeskSupport desk;

  CommentDeskResource(
      CommentService service,
      CommentStore store,
      ReportStore reports,
      ReaderKeys readerKeys,
      Articles articles,
      DeskSupport desk) {
    this.service = service;
    this.store = store;
    this.reports = reports;
    this.readerKeys = readerKeys;
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
    String emailFilter = blankToNull(email) == null ? null : email.strip().toLowerCase(Locale.ROOT);
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
                    withArticles(rows),
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

  @GET
  @Path("{id: \\d{1,18}}")
  @Transactional
  public String comment(@PathParam("id") long id, @QueryParam("done") String done) {
    Comment comment = store.find(id).orElseThrow(NotFoundException::new);
    return commentPage(comment, edit(comment), "", null, done == null ? null : "Saved.").render();
  }

  @POST
  @Path("{id: \\d{1,18}}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response edit(
      @PathParam("id") long id,
      @FormParam("name") String name,
      @FormParam("website") String website,
      @FormParam("text") String text,
      @FormParam("version") String version,
      @FormParam("_csrf") String token) {
    desk.verifyForm(token);
    Comment comment = store.find(id).orElseThrow(NotFoundException::new);
    CommentText.Typed typed = CommentText.Typed.of(name, comment.email(), website, text);
    CommentText.Problems problems = CommentText.check(typed, 100_000);
    CommentForm form =
        CommentForm.refused(
            typed, comment.wantsMail(), comment.parentId(), version, problems.fields());
    if (!problems.none()) {
      return Response.status(problems.status())
          .entity(
              commentPage(comment, form, "", "Nothing was saved: " + problems.first(), null)
                  .render())
          .build();
    }
    int expected = version != null && version.matches("\\d{1,9}") ? Integer.parseInt(version) : -1;
    if (!service.edit(comment, expected, typed, desk.user().displayName())) {
      return Response.status(409)
          .entity(
              commentPage(
                      store.find(id).orElseThrow(NotFoundException::new),
                      form,
                      "",
                      "Someone changed this comment after you opened it; your edit was not"
                          + " saved. It is kept below: look at the current text and save again.",
                      null)
                  .render())
          .build();
    }
    desk.audit(CommentModerationPlugin.ID, "edited comment " + id, "comment:" + id);
    return Response.seeOther(URI.create("/desk/plugins/comment-moderation/" + id + "?done=1"))
        .build();
  }

  @POST
  @Path("{id: \\d{1,18}}/reply")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response reply(
      @PathParam("id") long id, @FormParam("text") String text, @FormParam("_csrf") String token) {
    desk.verifyForm(token);
    Comment comment = store.find(id).orElseThrow(NotFoundException::new);
    DeskUser user = desk.user();
    CommentService.Outcome outcome =
        service.replyAsEditor(id, text == null ? "" : text, user.displayName(), user.email());
    if (outcome instanceof CommentService.Refused refused) {
      return Response.status(refused.status())
          .entity(
              commentPage(
                      comment,
                      edit(comment),
                      text == null ? "" : text,
                      refused.problems().values().iterator().next(),
                      null)
                  .render())
          .build();
    }
    Comment answer = ((CommentService.Posted) outcome).comment();
    desk.audit(
        CommentModerationPlugin.ID,
        "answered comment " + id + " with comment " + answer.id(),
        "comment:" + answer.id());
    return Response.seeOther(URI.create("/desk/plugins/comment-moderation/" + id + "?done=1"))
        .build();
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

  @GET
  @Path("privacy")
  @Transactional
  public String privacy(@QueryParam("email") String email, @QueryParam("done") String done) {
    String address = blankToNull(email) == null ? null : email.strip().toLowerCase(Locale.ROOT);
    List<Row> rows = address == null ? List.of() : withArticles(store.byEmail(address));
    return Templates.privacy(
            desk.user(),
            address == null ? "" : address,
            rows,
            done == null ? null : done.equals("erased") ? "Erased." : null,
            null)
        .render();
  }

  /** Everything kept about one commenter, as a JSON file. */
  @POST
  @Path("privacy/export")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.APPLICATION_JSON)
  @Transactional
  public Response export(@FormParam("email") String email, @FormParam("_csrf") String token)
      throws com.fasterxml.jackson.core.JsonProcessingException {
    desk.verifyForm(token);
    String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    List<Map<String, Object>> comments = new ArrayList<>();
    for (Comment c : store.byEmail(address)) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("id", c.id());
      item.put("article", articles.published(c.articleId()).map(ArticleView::slug).orElse(null));
      item.put("status", c.status().name());
      item.put("name", c.name());
      item.put("email", c.email());
      item.put("website", c.website());
      item.put("text", c.body());
      item.put("ip", c.ip());
      item.put("createdAt", c.createdAt().toString());
      item.put("wantsMail", c.wantsMail());
      comments.add(item);
    }
    Map<String, Object> export = new HashMap<>();
    export.put("email", address);
    export.put("comments", comments);
    desk.audit(
        CommentModerationPlugin.ID,
        "exported the data of a commenter (" + comments.size() + " comments)",
        "commenter:" + readerKeys.key(address));
    String json =
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(export);
    return Response.ok(json, MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
        .header("Content-Disposition", "attachment; filename=\"commenter-data.json\"")
        .build();
  }

  /** Erases a commenter's data: name, address, site, IP and text of every comment. */
  @POST
  @Path("privacy/erase")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Transactional
  public Response erase(
      @FormParam("email") String email,
      @FormParam("confirm") String confirm,
      @FormParam("_csrf") String token) {
    desk.verifyForm(token);
    String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    List<Comment> comments = store.byEmail(address);
    if (!"yes".equals(confirm) || comments.isEmpty()) {
      return Response.status(400)
          .entity(
              Templates.privacy(
                      desk.user(),
                      address,
                      withArticles(comments),
                      null,
                      comments.isEmpty()
                          ? "No comments are kept from this address."
                          : "Tick the box to confirm the erasure; nothing was erased.")
                  .render())
          .build();
    }
    int erased = store.erase(address, System.nanoTime());
    comments.stream().map(Comment::articleId).distinct().forEach(service::articlePageChanged);
    desk.audit(
        CommentModerationPlugin.ID,
        "erased the data of a commenter (" + erased + " comments)",
        "commenter:" + readerKeys.key(address));
    return Response.seeOther(URI.create("/desk/plugins/comment-moderation/privacy?done=erased"))
        .build();
  }

  private TemplateInstance commentPage(
      Comment comment, CommentForm edit, String reply, String error, String notice) {
    return Templates.comment(
        desk.user(),
        withArticles(List.of(comment)).get(0),
        reports.reportReasons(comment.id()),
        edit,
        reply,
        error,
        notice);
  }

  private static CommentForm edit(Comment comment) {
    return new CommentForm(
        comment.name(),
        comment.email(),
        comment.website() == null ? "" : comment.website(),
        comment.body(),
        comment.wantsMail(),
        comment.parentId(),
        Integer.toString(comment.version()),
        Map.of());
  }

  /** The comments with the title of the article each is on: one query for the whole page. */
  private List<Row> withArticles(List<Comment> comments) {
    Map<Long, Articles.ArticleHeading> headings =
        articles.headings(comments.stream().map(Comment::articleId).distinct().toList());
    return comments.stream().map(c -> new Row(c, headings.get(c.articleId()))).toList();
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
