package org.stet.desk.article;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stet.article.Article;
import org.stet.article.ArticleRevision;
import org.stet.article.service.ArticleAccess;
import org.stet.article.service.Caller;
import org.stet.article.service.DraftService;
import org.stet.article.service.DraftService.DraftText;
import org.stet.citation.CitationProcessor;
import org.stet.citation.CitationStyles;
import org.stet.citation.ReferenceForm;
import org.stet.citation.References;
import org.stet.desk.DeskChrome;
import org.stet.desk.DeskForm;
import org.stet.desk.DeskHeader;
import org.stet.desk.DeskProblem;
import org.stet.identity.CsrfToken;
import org.stet.identity.Role;
import org.stet.journal.service.CitationStyleService;
import org.stet.web.FormVersion;
import org.stet.web.PathNumber;

/**
 * An article's references on the desk: the list in the writer's order, each shown as the article's
 * citation style prints it; a form per kind of work to add or edit one; moving and removing (with
 * undo); and pasting many at once as BibTeX, RIS, CSL-JSON, DOIs or URLs, shown before they are
 * added. Every change is a save of the article (a new revision), with the version the writer
 * started from, so nothing is saved over someone else's change.
 */
@Path("/desk/articles/{id}/references")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.Names.AUTHOR, Role.Names.EDITOR})
public class ReferenceDeskResource {

  /** A reference as the list shows it. */
  public record Row(
      int position, String key, String kind, String html, boolean first, boolean last) {}

  /** The add/edit form: the key it edits (null for a new reference), its type and values. */
  public record EditForm(String editing, ReferenceForm.Type type, Map<String, String> values) {}

  /** What a paste read, before it is added: the entries and what they do. */
  public record PasteRow(String key, String html, boolean replaces) {}

  /** The paste form or its preview. */
  public record Paste(
      String text, String format, List<PasteRow> rows, List<String> notes, boolean preview) {}

  /** The page. {@code undo} is set right after a removal: the key and the revision before it. */
  public record Page(
      long articleId,
      String title,
      long version,
      String style,
      List<Row> rows,
      EditForm form,
      Paste paste,
      String error,
      String notice,
      Undo undo,
      List<ReferenceForm.Type> types) {}

  /** What "Undo" puts back. */
  public record Undo(String key, int revision) {}

  @CheckedTemplate
  static class Templates {
    static native io.quarkus.qute.TemplateInstance references(DeskChrome desk, Page page);
  }

  private final DraftService drafts;
  private final CitationProcessor processor;
  private final CitationStyleService styleChoice;
  private final CitationStyles styles;
  private final DeskForm forms;
  private final SecurityIdentity identity;
  private final DeskHeader header;

  ReferenceDeskResource(
      DraftService drafts,
      CitationProcessor processor,
      CitationStyleService styleChoice,
      CitationStyles styles,
      DeskForm forms,
      SecurityIdentity identity,
      DeskHeader header) {
    this.drafts = drafts;
    this.processor = processor;
    this.styleChoice = styleChoice;
    this.styles = styles;
    this.forms = forms;
    this.identity = identity;
    this.header = header;
  }

  @GET
  @Transactional
  public String show(
      @PathParam("id") String id,
      @QueryParam("edit") String edit,
      @QueryParam("add") String add,
      @QueryParam("done") String done,
      @QueryParam("removed") String removed,
      @QueryParam("before") String before) {
    Article article = editable(PathNumber.id(id));
    EditForm form = null;
    if (edit != null) {
      Map<String, Object> item =
          ReferenceList.find(article.references, edit).orElseThrow(NotFoundException::new);
      form =
          new EditForm(
              edit, ReferenceForm.type((String) item.get("type")), ReferenceForm.values(item));
    } else if (add != null) {
      form = new EditForm(null, ReferenceForm.type(ReferenceList.type(add)), Map.of());
    }
    Undo undo = null;
    if (removed != null && before != null) {
      undo = new Undo(removed, PathNumber.small(before));
    }
    return page(article, form, null, null, notice(done), undo);
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Transactional
  public Response change(
      @PathParam("id") String id,
      MultivaluedMap<String, String> form,
      @FormParam(CsrfToken.FIELD) String token) {
    long articleId = PathNumber.id(id);
    String action = value(form, "action");
    String key = value(form, "key");
    String version = form.getFirst("version");
    return forms.submit(
        token,
        () -> {
          Article article = editable(articleId);
          List<Map<String, Object>> list = new ArrayList<>(article.references);
          String done;
          String extra = "";
          switch (action) {
            case "save" -> {
              String type = ReferenceList.type(value(form, "type"));
              done = ReferenceList.save(list, key, type, typed(form, type)) ? "added" : "saved";
            }
            case "remove" -> {
              ReferenceList.remove(list, key);
              Integer revision = ArticleRevision.latestNumber(articleId);
              done = "removed";
              extra = "&removed=" + key + "&before=" + revision;
            }
            case "up", "down" -> {
              ReferenceList.move(list, key, action.equals("up"));
              done = "moved";
            }
            case "undo" -> {
              ArticleRevision old =
                  ArticleRevision.findById(
                      new ArticleRevision.Key(
                          articleId, PathNumber.small(value(form, "revision"))));
              if (old == null) {
                throw new BadRequestException("There is nothing to undo.");
              }
              ReferenceList.restore(list, key, old.references);
              done = "restored";
            }
            default -> throw new BadRequestException("Choose what to do with the reference.");
          }
          save(article, list, version);
          return "/desk/articles/" + articleId + "/references?done=" + done + extra;
        },
        problem -> refused(articleId, problem, action, key, form));
  }

  @POST
  @Path("paste")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Transactional
  public Response paste(
      @PathParam("id") String id,
      @FormParam("text") String text,
      @FormParam("version") String version,
      @FormParam("confirm") String confirm,
      @FormParam(CsrfToken.FIELD) String token) {
    long articleId = PathNumber.id(id);
    if (confirm == null) {
      return forms.show(
          token,
          () -> {
            Article article = editable(articleId);
            Paste preview =
                pastePreview(article, text, ReferenceList.merge(article.references, text));
            return page(article, null, preview, null, null, null);
          },
          problem -> unread(editable(articleId), text, problem));
    }
    return forms.submit(
        token,
        () -> {
          Article article = editable(articleId);
          save(article, ReferenceList.merge(article.references, text).list(), version);
          return "/desk/articles/" + articleId + "/references?done=pasted";
        },
        problem -> unread(editable(articleId), text, problem));
  }

  /** The page again with the paste as typed and why it was not added. */
  private String unread(Article article, String text, DeskProblem problem) {
    Paste paste = new Paste(text == null ? "" : text, null, List.of(), List.of(), false);
    return page(article, null, paste, problem.message(), null, null);
  }

  private Paste pastePreview(Article article, String text, ReferenceList.Merge merge) {
    Map<String, String> shown = entries(article, merge.list());
    List<PasteRow> rows = new ArrayList<>();
    for (Map<String, Object> item : merge.read()) {
      String key = References.key(item);
      rows.add(new PasteRow(key, shown.get(key), merge.replaced().contains(key)));
    }
    return new Paste(text, merge.format(), rows, merge.notes(), true);
  }

  private void save(Article article, List<Map<String, Object>> list, String version) {
    long started = FormVersion.parse(version);
    drafts.edit(
        Caller.of(identity),
        article.id,
        new DraftText(article.title, article.body, article.excerpt, started).withReferences(list));
  }

  private String refused(
      long articleId,
      DeskProblem problem,
      String action,
      String key,
      MultivaluedMap<String, String> form) {
    Article article = editable(articleId);
    EditForm shown = null;
    if (action.equals("save")) {
      String type = ReferenceForm.type(value(form, "type")).id();
      shown = new EditForm(key.isEmpty() ? null : key, ReferenceForm.type(type), typed(form, type));
    }
    return page(article, shown, null, problem.message(), null, null);
  }

  private String page(
      Article article, EditForm form, Paste paste, String error, String notice, Undo undo) {
    Map<String, String> shown = entries(article, article.references);
    List<Row> rows = new ArrayList<>();
    List<Map<String, Object>> list = article.references;
    for (int i = 0; i < list.size(); i++) {
      Map<String, Object> item = list.get(i);
      String key = References.key(item);
      rows.add(
          new Row(
              i,
              key,
              ReferenceForm.type((String) item.get("type")).label(),
              shown.get(key),
              i == 0,
              i == list.size() - 1));
    }
    String style = styleChoice.styleOf(article);
    Page page =
        new Page(
            article.id,
            article.title,
            article.version,
            styles.find(style).map(CitationStyles.Style::title).orElse(style),
            rows,
            form,
            paste == null ? new Paste("", null, List.of(), List.of(), false) : paste,
            error,
            notice,
            undo,
            ReferenceForm.TYPES);
    return Templates.references(header.chrome(), page).render();
  }

  /** Each reference as the article's style prints it, by key. */
  private Map<String, String> entries(Article article, List<Map<String, Object>> list) {
    Map<String, String> shown = new HashMap<>();
    for (CitationProcessor.Entry entry :
        processor.process(styleChoice.styleOf(article), list, List.of()).entries()) {
      shown.put(entry.key(), entry.html());
    }
    return shown;
  }

  private Article editable(long articleId) {
    Caller caller = Caller.of(identity);
    Article article = drafts.read(caller, articleId);
    if (!ArticleAccess.canEditText(caller, article)) {
      throw new jakarta.ws.rs.WebApplicationException(
          ArticleAccess.whyNotEditable(caller, article), 409);
    }
    return article;
  }

  private static String notice(String done) {
    if (done == null) {
      return null;
    }
    return switch (done) {
      case "added" -> "Reference added. Cite it in the text with its key in brackets.";
      case "saved" -> "Reference saved.";
      case "removed" -> "Reference removed.";
      case "moved" -> "Reference moved.";
      case "restored" -> "Reference put back.";
      case "pasted" -> "References added.";
      default -> null;
    };
  }

  /** The reference as typed in the form: its key ({@code id}) and the fields of its type. */
  private static Map<String, String> typed(MultivaluedMap<String, String> form, String type) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("id", value(form, "id"));
    ReferenceForm.type(type).fields().forEach(f -> values.put(f.name(), value(form, f.name())));
    return values;
  }

  private static String value(MultivaluedMap<String, String> form, String name) {
    String value = form.getFirst(name);
    return value == null ? "" : value.replace("\r\n", "\n").strip();
  }
}
