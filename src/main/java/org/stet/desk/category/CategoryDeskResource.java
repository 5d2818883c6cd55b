package org.stet.desk.category;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.stet.article.service.Caller;
import org.stet.article.service.CategoryService;
import org.stet.desk.Confirmation;
import org.stet.desk.DeskChrome;
import org.stet.desk.DeskForm;
import org.stet.desk.DeskHeader;
import org.stet.identity.CsrfToken;
import org.stet.identity.Role;
import org.stet.taxonomy.Category;
import org.stet.web.PathNumber;

/**
 * Editors manage categories on the desk: add one, rename one (its address stays), merge one into
 * another (its articles move), delete one no article uses. Merging and deleting ask first.
 */
@Path("/desk/categories")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.Names.EDITOR)
public class CategoryDeskResource {

  private static final String LIST = "/desk/categories";

  /**
   * What a refused form had typed, shown again in that form: {@code id} is the renamed category's,
   * or {@code null} for the form that adds one.
   */
  public record Typed(Long id, String name, String slug) {
    static final Typed NOTHING = new Typed(null, "", "");

    /** Whether this is what the rename form of {@code category} had typed. */
    public boolean renames(Category category) {
      return id != null && id.equals(category.id);
    }

    /** Whether this is what the form that adds a category had typed. */
    public boolean adds() {
      return id == null;
    }
  }

  /** The page: every category with its counts, the typed input of a refused form, a message. */
  public record Page(
      List<CategoryService.Use> categories, Typed typed, String error, String notice) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance categories(DeskChrome desk, Page page);
  }

  private final CategoryService categories;
  private final DeskForm forms;
  private final SecurityIdentity identity;
  private final DeskHeader header;

  CategoryDeskResource(
      CategoryService categories, DeskForm forms, SecurityIdentity identity, DeskHeader header) {
    this.categories = categories;
    this.forms = forms;
    this.identity = identity;
    this.header = header;
  }

  @GET
  @Transactional
  public String list(@QueryParam("done") String done) {
    return page(Typed.NOTHING, null, notice(done));
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Transactional
  public Response create(
      @FormParam("name") String name,
      @FormParam("slug") String slug,
      @FormParam(CsrfToken.FIELD) String token) {
    return forms.submit(
        token,
        () -> {
          categories.create(Caller.of(identity), name, slug);
          return LIST + "?done=created";
        },
        problem -> page(new Typed(null, text(name), text(slug)), problem.message(), null));
  }

  @POST
  @Path("{id}/rename")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Transactional
  public Response rename(
      @PathParam("id") String id,
      @FormParam("name") String name,
      @FormParam(CsrfToken.FIELD) String token) {
    long categoryId = PathNumber.id(id);
    return forms.submit(
        token,
        () -> {
          categories.rename(Caller.of(identity), categoryId, name);
          return LIST + "?done=renamed";
        },
        problem -> page(new Typed(categoryId, text(name), ""), problem.message(), null));
  }

  @POST
  @Path("{id}/merge")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Transactional
  public Response merge(
      @PathParam("id") String id,
      @FormParam("into") String into,
      @FormParam(Confirmation.FIELD) String confirmed,
      @FormParam(CsrfToken.FIELD) String token) {
    long categoryId = PathNumber.id(id);
    Long intoId = into == null || into.isBlank() ? null : PathNumber.id(into);
    if (intoId != null && !Confirmation.given(confirmed)) {
      Category from = categories.find(categoryId);
      Category target = categories.find(intoId);
      return forms.ask(
          token,
          header.chrome(),
          new Confirmation.Ask(
              "Merge “" + from.name + "” into “" + target.name + "”?",
              List.of(
                  "Every article filed under “"
                      + from.name
                      + "” moves to “"
                      + target.name
                      + "”, drafts and published ones alike.",
                  "“"
                      + from.name
                      + "” is deleted, and its page /categories/"
                      + from.slug
                      + " is gone. This cannot be undone."),
              LIST + "/" + categoryId + "/merge",
              List.of(new Confirmation.Field("into", String.valueOf(intoId))),
              "Yes, merge them",
              LIST));
    }
    return forms.submit(
        token,
        () -> {
          categories.merge(Caller.of(identity), categoryId, intoId);
          return LIST + "?done=merged";
        },
        problem -> page(Typed.NOTHING, problem.message(), null));
  }

  @POST
  @Path("{id}/delete")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Transactional
  public Response delete(
      @PathParam("id") String id,
      @FormParam(Confirmation.FIELD) String confirmed,
      @FormParam(CsrfToken.FIELD) String token) {
    long categoryId = PathNumber.id(id);
    if (!Confirmation.given(confirmed)) {
      Category category = categories.find(categoryId);
      return forms.ask(
          token,
          header.chrome(),
          new Confirmation.Ask(
              "Delete the category “" + category.name + "”?",
              List.of(
                  "No article is filed under it; it is deleted for good.",
                  "A category that articles use cannot be deleted: merge it instead."),
              LIST + "/" + categoryId + "/delete",
              List.of(),
              "Yes, delete it",
              LIST));
    }
    return forms.submit(
        token,
        () -> {
          categories.delete(Caller.of(identity), categoryId);
          return LIST + "?done=deleted";
        },
        problem -> page(Typed.NOTHING, problem.message(), null));
  }

  private String page(Typed typed, String error, String notice) {
    return Templates.categories(header.chrome(), new Page(categories.list(), typed, error, notice))
        .render();
  }

  private static String notice(String done) {
    if (done == null) {
      return null;
    }
    return switch (done) {
      case "created" -> "Category added. Choose it in an article's editor.";
      case "renamed" -> "Category renamed. Its address stays the same.";
      case "merged" -> "Categories merged. The articles moved.";
      case "deleted" -> "Category deleted.";
      default -> null;
    };
  }

  private static String text(String typed) {
    return typed == null ? "" : typed;
  }
}
