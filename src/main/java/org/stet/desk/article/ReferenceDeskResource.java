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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stet.article.Article;
import org.stet.article.ArticleRevision;
import org.stet.article.service.ArticleAccess;
import org.stet.article.service.Caller;
import org.stet.article.service.DraftService;
import org.stet.article.service.DraftService.DraftText;
import org.stet.citation.CitationProcessor;
import org.stet.citation.CitationStyles;
import org.stet.citation.Csl;
import org.stet.citation.ReferenceForm;
import org.stet.citation.ReferenceProblem;
import org.stet.citation.ReferenceReader;
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
@RolesAllowed(Role.Names.AUTHOR)
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
      Map<String, Object> item = find(article.references, edit).orElseThrow(NotFoundException::new);
      form =
          new EditForm(
              edit, ReferenceForm.type((String) item.get("type")), ReferenceForm.values(item));
    } else if (add != null) {
      form = new EditForm(null, ReferenceForm.type(known(add)), Map.of());
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
              String type = known(value(form, "type"));
              Map<String, String> values = new HashMap<>();
              ReferenceForm.type(type)
                  .fields()
                  .forEach(f -> values.put(f.name(), value(form, f.name())));
              values.put("id", value(form, "id"));
              int index = key.isEmpty() ? -1 : indexOf(list, key);
              if (!key.isEmpty() && index < 0) {
                throw new NotFoundException();
              }
              Map<String, Object> item =
                  ReferenceForm.apply(index < 0 ? Map.of() : list.get(index), type, values);
              if (value(form, "id").isEmpty()) {
                item.remove("id");
                Set<String> taken = keys(list);
                if (index >= 0) {
                  taken.remove(key);
                }
                References.assignKeys(List.of(item), taken);
              }
              if (index < 0) {
                list.add(item);
              } else {
                list.set(index, item);
              }
              done = index < 0 ? "added" : "saved";
            }
            case "remove" -> {
              int index = indexOf(list, key);
              if (index < 0) {
                throw new NotFoundException();
              }
              list.remove(index);
              Integer revision = ArticleRevision.latestNumber(articleId);
              done = "removed";
              extra = "&removed=" + key + "&before=" + revision;
            }
            case "up", "down" -> {
              int index = indexOf(list, key);
              int other = action.equals("up") ? index - 1 : index + 1;
              if (index < 0 || other < 0 || other >= list.size()) {
                throw new BadRequestException("That reference cannot move further.");
              }
              list.set(index, list.set(other, list.get(index)));
              done = "moved";
            }
            case "undo" -> {
              ArticleRevision old =
                  ArticleRevision.findById(
                      new ArticleRevision.Key(
                          articleId, PathNumber.small(value(form, "revision"))));
              if (old == null || indexOf(list, key) >= 0) {
                throw new BadRequestException("There is nothing to undo.");
              }
              int position = indexOf(old.references, key);
              if (position < 0) {
                throw new BadRequestException("There is nothing to undo.");
              }
              list.add(Math.min(position, list.size()), old.references.get(position));
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
            Paste preview = pastePreview(article, text, merge(article.references, text));
            return page(article, null, preview, null, null, null);
          },
          problem -> unread(editable(articleId), text, problem));
    }
    return forms.submit(
        token,
        () -> {
          Article article = editable(articleId);
          save(article, merge(article.references, text).list(), version);
          return "/desk/articles/" + articleId + "/references?done=pasted";
        },
        problem -> unread(editable(articleId), text, problem));
  }

  /** The page again with the paste as typed and why it was not added. */
  private String unread(Article article, String text, DeskProblem problem) {
    Paste paste = new Paste(text == null ? "" : text, null, List.of(), List.of(), false);
    return page(article, null, paste, problem.message(), null, null);
  }

  /** The article's list with a paste merged in: same key replaces, new keys are appended. */
  private record Merge(
      List<Map<String, Object>> list,
      List<Map<String, Object>> read,
      Set<String> replaced,
      String format,
      List<String> notes) {}

  private static Merge merge(List<Map<String, Object>> current, String text) {
    try {
      ReferenceReader.Reading reading = ReferenceReader.read(text, keys(current));
      References.Checked checked = References.check(reading.items());
      List<Map<String, Object>> read = checked.items();
      List<Map<String, Object>> list = new ArrayList<>(current);
      Set<String> replaced = new HashSet<>();
      for (Map<String, Object> item : read) {
        int index = indexOf(list, References.key(item));
        if (index >= 0) {
          list.set(index, item);
          replaced.add(References.key(item));
        } else {
          list.add(item);
        }
      }
      List<String> notes = new ArrayList<>(reading.notes());
      notes.addAll(checked.notes());
      References.check(list);
      return new Merge(list, read, replaced, reading.format(), notes);
    } catch (ReferenceProblem e) {
      throw new BadRequestException(e.getMessage() + " Nothing was added; your paste is below.");
    }
  }

  private Paste pastePreview(Article article, String text, Merge merge) {
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
      Map<String, String> values = new LinkedHashMap<>();
      values.put("id", value(form, "id"));
      ReferenceForm.type(type).fields().forEach(f -> values.put(f.name(), value(form, f.name())));
      shown = new EditForm(key.isEmpty() ? null : key, ReferenceForm.type(type), values);
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
          "This article cannot be changed now: only its authors change its references, while it is"
              + " a draft or revisions are requested.",
          409);
    }
    return article;
  }

  private static String known(String type) {
    String id = type == null ? "" : type.strip();
    if (!Csl.TYPES.contains(id)) {
      throw new BadRequestException("Choose what kind of work it is.");
    }
    return id;
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

  private static java.util.Optional<Map<String, Object>> find(
      List<Map<String, Object>> list, String key) {
    int index = indexOf(list, key);
    return index < 0 ? java.util.Optional.empty() : java.util.Optional.of(list.get(index));
  }

  private static int indexOf(List<Map<String, Object>> list, String key) {
    for (int i = 0; i < list.size(); i++) {
      if (References.key(list.get(i)).equals(key)) {
        return i;
      }
    }
    return -1;
  }

  private static Set<String> keys(List<Map<String, Object>> list) {
    Set<String> keys = new HashSet<>();
    list.forEach(item -> keys.add(References.key(item)));
    return keys;
  }

  private static String value(MultivaluedMap<String, String> form, String name) {
    String value = form.getFirst(name);
    return value == null ? "" : value.replace("\r\n", "\n").strip();
  }
}
