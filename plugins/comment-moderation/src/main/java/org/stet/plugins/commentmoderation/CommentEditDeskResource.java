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
import java.util.Map;
import org.stet.spi.DeskSupport;
import org.stet.spi.DeskUser;

/**
 * One comment in the moderation desk: its reports, editing it, and answering it as editor. Every
 * change is audited.
 */
@Path("/desk/plugins/comment-moderation")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"EDITOR", "ADMIN"})
public class CommentEditDeskResource {

  @CheckedTemplate(basePath = "plugins/comment-moderation")
  static class Templates {
    static native TemplateInstance comment(
        DeskUser desk,
        CommentRows.Row row,
        List<String> reasons,
        CommentForm edit,
        String reply,
        String error,
        String notice);
  }

  private final CommentService service;
  private final CommentStore store;
  private final ReportStore reports;
  private final CommentRows rows;
  private final DeskSupport desk;

  CommentEditDeskResource(
      CommentService service,
      CommentStore store,
      ReportStore reports,
      CommentRows rows,
      DeskSupport desk) {
    this.service = service;
    this.store = store;
    this.reports = reports;
    this.rows = rows;
    this.desk = desk;
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

  private TemplateInstance commentPage(
      Comment comment, CommentForm edit, String reply, String error, String notice) {
    return Templates.comment(
        desk.user(),
        rows.of(List.of(comment)).get(0),
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
}
