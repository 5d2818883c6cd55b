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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.stet.spi.ArticleView;
import org.stet.spi.Articles;
import org.stet.spi.DeskSupport;
import org.stet.spi.DeskUser;

/**
 * A commenter's data in the moderation desk, found by e-mail address: every comment kept from it,
 * its export as JSON, and its erasure. Exports and erasures are audited under the address's keyed
 * hash, never the address.
 */
@Path("/desk/plugins/comment-moderation")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"EDITOR", "ADMIN"})
public class CommenterDataDeskResource {

  @CheckedTemplate(basePath = "plugins/comment-moderation")
  static class Templates {
    static native TemplateInstance privacy(
        DeskUser desk, String email, List<CommentRows.Row> rows, String notice, String error);
  }

  private final CommentService service;
  private final CommentStore store;
  private final CommentRows rows;
  private final ReaderKeys readerKeys;
  private final Articles articles;
  private final DeskSupport desk;

  CommenterDataDeskResource(
      CommentService service,
      CommentStore store,
      CommentRows rows,
      ReaderKeys readerKeys,
      Articles articles,
      DeskSupport desk) {
    this.service = service;
    this.store = store;
    this.rows = rows;
    this.readerKeys = readerKeys;
    this.articles = articles;
    this.desk = desk;
  }

  @GET
  @Path("privacy")
  @Transactional
  public String privacy(@QueryParam("email") String email, @QueryParam("done") String done) {
    String address = CommentRows.address(email);
    List<CommentRows.Row> found = address == null ? List.of() : rows.of(store.byEmail(address));
    return Templates.privacy(
            desk.user(),
            address == null ? "" : address,
            found,
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
    String address = typed(email);
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
    String address = typed(email);
    List<Comment> comments = store.byEmail(address);
    if (!"yes".equals(confirm) || comments.isEmpty()) {
      return Response.status(400)
          .entity(
              Templates.privacy(
                      desk.user(),
                      address,
                      rows.of(comments),
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

  /** The address a form names, as comments keep it; empty when none was typed. */
  private static String typed(String email) {
    return Objects.requireNonNullElse(CommentRows.address(email), "");
  }
}
