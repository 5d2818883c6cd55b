package org.stet.article.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import java.util.Locale;
import org.stet.article.Article;
import org.stet.article.ArticleStatus;
import org.stet.audit.AuditAction;
import org.stet.audit.AuditLog;
import org.stet.identity.Role;
import org.stet.taxonomy.Category;
import org.stet.web.Slug;

/**
 * Editors manage the categories articles are filed under: create, rename, merge one into another,
 * delete one no article uses. A category keeps its address (slug) when renamed, so links to its
 * page stay good; each change is audited and tells the public pages to drop what they cached.
 */
@ApplicationScoped
public class CategoryService {

  /** Longest category name the schema allows. */
  public static final int MAX_NAME = 120;

  /** Fired after a change that readers see: article pages show their category's name. */
  public record CategoriesChanged(long categoryId) {}

  /** A category with how many articles (in any state) and how many published ones it holds. */
  public record Use(Category category, long articles, long published) {}

  private final AuditLog audit;
  private final Event<CategoriesChanged> changed;

  CategoryService(AuditLog audit, Event<CategoriesChanged> changed) {
    this.audit = audit;
    this.changed = changed;
  }

  /** Every category by name, with its article counts, in one query. */
  public List<Use> list() {
    return Article.getEntityManager()
        .createQuery(
            "select c, count(a), count(case when a.status = :published then 1 end)"
                + " from Category c left join Article a on a.category = c"
                + " group by c order by lower(c.name), c.id",
            Object[].class)
        .setParameter("published", ArticleStatus.PUBLISHED)
        .getResultStream()
        .map(row -> new Use((Category) row[0], (Long) row[1], (Long) row[2]))
        .toList();
  }

  /** A new category; {@code slug} blank makes one from the name. */
  @Transactional
  public Category create(Caller caller, String name, String slug) {
    requireEditor(caller);
    String cleanName = name(name);
    String cleanSlug = slug == null || slug.isBlank() ? slugFrom(cleanName) : slug.strip();
    if (!Slug.isValid(cleanSlug) || cleanSlug.length() > MAX_NAME) {
      throw new BadRequestException(
          "An address may use only lower-case letters, digits and single hyphens between them"
              + " (like international-relations), at most "
              + MAX_NAME
              + " characters.");
    }
    requireFreeName(cleanName, null);
    if (Category.findBySlug(cleanSlug).isPresent()) {
      throw new WebApplicationException(
          "Another category already has the address /categories/" + cleanSlug + ".", 409);
    }
    Category category = new Category();
    category.name = cleanName;
    category.slug = cleanSlug;
    category.persist();
    audit.record(caller.auditActor(), AuditAction.CATEGORY_CREATED, cleanSlug, cleanName);
    return category;
  }

  /** Gives a category a new name; its address stays. */
  @Transactional
  public Category rename(Caller caller, long id, String name) {
    requireEditor(caller);
    Category category = find(id);
    String cleanName = name(name);
    if (cleanName.equals(category.name)) {
      return category;
    }
    requireFreeName(cleanName, id);
    String before = category.name;
    category.name = cleanName;
    audit.record(
        caller.auditActor(),
        AuditAction.CATEGORY_RENAMED,
        category.slug,
        before + " → " + cleanName);
    changed.fire(new CategoriesChanged(id));
    return category;
  }

  /**
   * Moves every article of category {@code id} into {@code into} and deletes {@code id}; answers
   * how many articles moved.
   */
  @Transactional
  public int merge(Caller caller, long id, Long into) {
    requireEditor(caller);
    if (into == null) {
      throw new BadRequestException("Choose the category to merge this one into.");
    }
    if (id == into) {
      throw new BadRequestException("Choose another category to merge this one into.");
    }
    Category from = find(id);
    Category target = find(into);
    int moved = Article.update("category = ?1 where category = ?2", target, from);
    from.delete();
    audit.record(
        caller.auditActor(),
        AuditAction.CATEGORY_MERGED,
        from.slug,
        from.name + " into " + target.name + ": " + moved + " article(s) moved");
    changed.fire(new CategoriesChanged(into));
    return moved;
  }

  /** Deletes a category no article (in any state) is filed under. */
  @Transactional
  public void delete(Caller caller, long id) {
    requireEditor(caller);
    Category category = find(id);
    long articles = Article.count("category", category);
    if (articles > 0) {
      throw new WebApplicationException(
          "“"
              + category.name
              + "” is the category of "
              + articles
              + (articles == 1 ? " article" : " articles")
              + ". Merge it into another category instead: its articles move there.",
          409);
    }
    category.delete();
    audit.record(caller.auditActor(), AuditAction.CATEGORY_DELETED, category.slug, category.name);
  }

  /** The category, or 404. */
  public Category find(long id) {
    Category category = Category.findById(id);
    if (category == null) {
      throw new NotFoundException("There is no such category.");
    }
    return category;
  }

  private static void requireEditor(Caller caller) {
    if (!caller.is(Role.EDITOR)) {
      throw new ForbiddenException("Only editors manage categories.");
    }
  }

  private static String name(String name) {
    String clean = name == null ? "" : name.strip().replaceAll("\\s+", " ");
    if (clean.isEmpty()) {
      throw new BadRequestException("Give the category a name.");
    }
    if (clean.length() > MAX_NAME) {
      throw new BadRequestException(
          "A category's name is at most "
              + MAX_NAME
              + " characters; this one has "
              + clean.length()
              + ".");
    }
    return clean;
  }

  private static String slugFrom(String name) {
    try {
      String slug = Slug.from(name);
      return slug.length() <= MAX_NAME ? slug : slug.substring(0, MAX_NAME).replaceAll("-+$", "");
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(
          "No address can be made from this name: type one (like international-relations).");
    }
  }

  private static void requireFreeName(String name, Long except) {
    long other = except == null ? -1 : except;
    if (Category.count("lower(name) = ?1 and id <> ?2", name.toLowerCase(Locale.ROOT), other) > 0) {
      throw new WebApplicationException("There is already a category called “" + name + "”.", 409);
    }
  }
}
