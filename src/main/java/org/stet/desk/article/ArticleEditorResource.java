package org.stet.desk.article;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import org.stet.article.Article;
import org.stet.article.service.ArticleAccess;
import org.stet.article.service.Caller;
import org.stet.article.service.DraftService;
import org.stet.article.service.DraftService.DraftText;
import org.stet.desk.DeskChrome;
import org.stet.desk.DeskForm;
import org.stet.desk.DeskHeader;
import org.stet.desk.DeskProblem;
import org.stet.identity.CsrfToken;
import org.stet.identity.Role;
import org.stet.taxonomy.Category;
import org.stet.web.PathNumber;

/**
 * The desk's article editor: a new article or a draft's text (toolbar, live preview, autosave),
 * saved through the same draft service as the JSON API; a refused or conflicting save shows the
 * form again with everything typed, and the other save beside it.
 */
@Path("/desk/articles")
@Produces(MediaType.TEXT_HTML)
public class ArticleEditorResource {

  /**
   * What the editor is for: an author's draft (or revision); an editor copy-editing an accepted
   * article; an editor correcting a published one (saving publishes the correction).
   */
  public enum Mode {
    DRAFT,
    COPY_EDIT,
    CORRECTION;

    /** The mode a form says it was in; a draft when it says nothing known. */
    static Mode named(String name) {
      for (Mode mode : values()) {
        if (mode.name().equals(name)) {
          return mode;
        }
      }
      return DRAFT;
    }
  }

  /**
   * The editor form as shown: the text, and a conflict with someone else's save if there is one.
   */
  public record EditorForm(
      Mode mode,
      String correctionNote,
      Long id,
      long version,
      String title,
      String excerpt,
      String body,
      String category,
      String tags,
      String coAuthors,
      String error,
      String theirBody,
      String theirTitle,
      String conflict,
      List<String> referenceKeys) {}

  @CheckedTemplate(basePath = "ArticleDeskResource")
  static class Templates {
    static native TemplateInstance editor(
        DeskChrome desk, EditorForm form, List<Category> categories, long autosaveMillis);
  }

  private final DraftService drafts;
  private final DeskForm forms;
  private final SecurityIdentity identity;
  private final DeskHeader header;
  private final long autosaveMillis;

  ArticleEditorResource(
      org.stet.article.config.ArticleConfig config,
      DraftService drafts,
      DeskForm forms,
      SecurityIdentity identity,
      DeskHeader header) {
    this.drafts = drafts;
    this.forms = forms;
    this.identity = identity;
    this.header = header;
    this.autosaveMillis = config.autosaveInterval().toMillis();
  }

  @GET
  @Path("new")
  @RolesAllowed(Role.Names.AUTHOR)
  @Transactional
  public String blank() {
    return Templates.editor(
            desk(),
            new EditorForm(
                Mode.DRAFT, "", null, 0, "", "", "", "", "", "", null, null, null, null, List.of()),
            Category.listAll(),
            autosaveMillis)
        .render();
  }

  @POST
  @RolesAllowed(Role.Names.AUTHOR)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Transactional
  public Response create(
      @FormParam("title") String title,
      @FormParam("excerpt") String excerpt,
      @FormParam("body") String body,
      @FormParam("category") String category,
      @FormParam("tags") String tags,
      @FormParam("coAuthors") String coAuthors,
      @FormParam("then") String then,
      @FormParam(CsrfToken.FIELD) String token) {
    DraftText text = text(title, excerpt, body, null, category, tags, coAuthors);
    return forms.submit(
        token,
        () -> {
          Article article = drafts.create(Caller.of(identity), text);
          return afterSave(article.id, then);
        },
        problem -> refusedEdit(problem, new Typed(Mode.DRAFT, "", null, 0, tags, coAuthors), text));
  }

  /** Where a save goes next: the references page when asked (a fixed path, never a given URL). */
  private static String afterSave(long articleId, String then) {
    return "references".equals(then)
        ? "/desk/articles/" + articleId + "/references"
        : "/desk/articles/" + articleId + "/edit?saved";
  }

  @GET
  @Path("{id}/edit")
  @RolesAllowed({Role.Names.AUTHOR, Role.Names.EDITOR})
  @Transactional
  public String edit(@PathParam("id") String id) {
    Caller caller = Caller.of(identity);
    Article article = drafts.read(caller, PathNumber.id(id));
    return Templates.editor(
            desk(), form(mode(caller, article), article), Category.listAll(), autosaveMillis)
        .render();
  }

  /** How the caller may change the article's text now; 409 when they may not. */
  private static Mode mode(Caller caller, Article article) {
    if (ArticleAccess.canCorrect(caller, article)) {
      return Mode.CORRECTION;
    }
    if (!ArticleAccess.canEditText(caller, article)) {
      throw new WebApplicationException(
          "This article is "
              + article.status.words()
              + "; its authors edit it as a draft or when revisions are requested, and editors"
              + " copy-edit it once it is accepted.",
          409);
    }
    return ArticleAccess.editsAsEditor(caller, article) ? Mode.COPY_EDIT : Mode.DRAFT;
  }

  @POST
  @Path("{id}/edit")
  @RolesAllowed({Role.Names.AUTHOR, Role.Names.EDITOR})
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Transactional
  public Response save(
      @PathParam("id") String id,
      @FormParam("version") String version,
      @FormParam("title") String title,
      @FormParam("excerpt") String excerpt,
      @FormParam("body") String body,
      @FormParam("category") String category,
      @FormParam("tags") String tags,
      @FormParam("coAuthors") String coAuthors,
      @FormParam("then") String then,
      @FormParam("mode") String mode,
      @FormParam("correctionNote") String correctionNote,
      @FormParam(CsrfToken.FIELD) String token) {
    long articleId = PathNumber.id(id);
    Long started = org.stet.web.FormVersion.parse(version);
    DraftText text = text(title, excerpt, body, started, category, tags, coAuthors);
    Mode typed = Mode.named(mode);
    return forms.submit(
        token,
        () -> {
          if (typed == Mode.CORRECTION) {
            drafts.correct(Caller.of(identity), articleId, text, correctionNote);
            return "/desk/articles/" + articleId + "?done=CORRECTED";
          }
          drafts.edit(Caller.of(identity), articleId, text);
          return afterSave(articleId, then);
        },
        problem ->
            refusedEdit(
                problem,
                new Typed(
                    typed,
                    correctionNote == null ? "" : correctionNote,
                    articleId,
                    started == null ? 0 : started,
                    tags,
                    coAuthors),
                text));
  }

  /** What a refused form had beyond its text: the mode, the note, the version it started from. */
  private record Typed(
      Mode mode, String correctionNote, Long id, long version, String tags, String coAuthors) {}

  private String refusedEdit(DeskProblem problem, Typed typed, DraftText text) {
    Object theirVersion = problem.detail("current", "version");
    // Someone else saved first: the refusal carries their version (EditConflict).
    boolean conflict = problem.status() == 409 && theirVersion instanceof Number;
    Long articleId = typed.id();
    EditorForm form =
        new EditorForm(
            typed.mode(),
            typed.correctionNote(),
            articleId,
            conflict ? ((Number) theirVersion).longValue() : typed.version(),
            text.title() == null ? "" : text.title(),
            text.excerpt() == null ? "" : text.excerpt(),
            text.body() == null ? "" : text.body(),
            text.category() == null ? "" : text.category(),
            typed.tags() == null ? "" : typed.tags(),
            typed.coAuthors() == null ? "" : typed.coAuthors(),
            problem.message(),
            conflict ? (String) problem.detail("current", "body") : null,
            conflict ? (String) problem.detail("current", "title") : null,
            conflict ? "yes" : null,
            articleId == null ? List.of() : referenceKeys(Article.findById(articleId)));
    return Templates.editor(desk(), form, Category.listAll(), autosaveMillis).render();
  }

  private static EditorForm form(Mode mode, Article article) {
    return new EditorForm(
        mode,
        "",
        article.id,
        article.version,
        article.title,
        article.excerpt == null ? "" : article.excerpt,
        article.body == null ? "" : article.body,
        article.category == null ? "" : article.category.slug,
        String.join(", ", article.tags.stream().map(tag -> tag.name).toList()),
        "",
        null,
        null,
        null,
        null,
        referenceKeys(article));
  }

  private static List<String> referenceKeys(Article article) {
    return article == null
        ? List.of()
        : article.references.stream().map(org.stet.citation.References::key).toList();
  }

  private static DraftText text(
      String title,
      String excerpt,
      String body,
      Long version,
      String category,
      String tags,
      String coAuthors) {
    return new DraftText(
        title,
        body == null ? "" : body.replace("\r\n", "\n"),
        excerpt == null || excerpt.isBlank() ? null : excerpt,
        version,
        category == null ? "" : category,
        list(tags),
        coAuthors == null || coAuthors.isBlank() ? null : list(coAuthors),
        null);
  }

  private static List<String> list(String commaSeparated) {
    if (commaSeparated == null || commaSeparated.isBlank()) {
      return List.of();
    }
    return Arrays.stream(commaSeparated.split(","))
        .map(String::strip)
        .filter(part -> !part.isEmpty())
        .toList();
  }

  private DeskChrome desk() {
    return header.chrome();
  }
}
