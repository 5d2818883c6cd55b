package org.stet.article.service;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.stet.article.Article;
import org.stet.article.ArticleRevision;
import org.stet.identity.Account;

/**
 * A save based on an older version than the stored one (409). Nothing is overwritten and nothing is
 * lost: the answer says who saved last and when, and carries both the stored text and the writer's
 * own, so they can merge.
 */
public class EditConflict extends WebApplicationException {

  public EditConflict(Article stored, DraftService.DraftText yours) {
    super("Edited meanwhile", response(stored, yours));
  }

  private static Response response(Article stored, DraftService.DraftText yours) {
    ArticleRevision last =
        ArticleRevision.find("articleId = ?1 order by number desc", stored.id).firstResult();
    Account by = last == null || last.savedBy == null ? null : Account.findById(last.savedBy);
    String who = by == null ? "Someone" : by.displayName;
    String when = last == null ? "earlier" : last.savedAt.toString();
    Map<String, Object> current = new LinkedHashMap<>();
    current.put("version", stored.version);
    current.put("title", stored.title);
    current.put("body", stored.body);
    current.put("excerpt", stored.excerpt);
    current.put("savedBy", who);
    current.put("savedAt", when);
    Map<String, Object> mine = new LinkedHashMap<>();
    mine.put("version", yours.version());
    mine.put("title", yours.title());
    mine.put("body", yours.body());
    mine.put("excerpt", yours.excerpt());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", 409);
    body.put("title", "Edited meanwhile");
    body.put(
        "message",
        who
            + " saved this draft at "
            + when
            + ", after the version you started from. Your text was not saved; it is returned"
            + " here so you can merge it with theirs.");
    body.put("current", current);
    body.put("yours", mine);
    return Response.status(409).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }
}
