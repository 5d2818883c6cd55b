package org.stet.article.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.stet.article.Article;
import org.stet.article.ArticleChanged;
import org.stet.article.ArticleCorrection;
import org.stet.article.ArticleRevision;
import org.stet.article.config.ArticleConfig;
import org.stet.audit.AuditAction;
import org.stet.audit.AuditLog;
import org.stet.citation.ReferenceProblem;
import org.stet.citation.References;
import org.stet.identity.Account;
import org.stet.identity.Role;
import org.stet.person.Person;
import org.stet.taxonomy.Category;
import org.stet.taxonomy.Tag;
import org.stet.web.Slug;

/** Authors' drafts: create, read and edit, each behind {@link ArticleAccess}. */
@ApplicationScoped
@Transactional
public class DraftService {

  /**
   * The editable text of a draft; {@code version} is the version the writer started from (needed to
   * save over an existing draft, ignored when creating one). {@code category} (a slug), {@code
   * tags} (names), {@code coAuthors} (e-mails of author accounts) and {@code references} (CSL-JSON
   * items, see {@link References}) are left as they are when null; the writer always stays an
   * author.
   */
  public record DraftText(
      String title,
      String body,
      String excerpt,
      Long version,
      String category,
      List<String> tags,
      List<String> coAuthors,
      List<Object> references) {

    public DraftText(String title, String body, String excerpt, Long version) {
      this(title, body, excerpt, version, null, null, null, null);
    }

    /** This text with {@code references} instead of its own. */
    public DraftText withReferences(List<?> references) {
      return new DraftText(
          title,
          body,
          excerpt,
          version,
          category,
          tags,
          coAuthors,
          references == null ? null : List.copyOf(references));
    }
  }

  private static final int MAX_TAGS = 20;
  private static final int MAX_AUTHORS = 20;

  private final SecureRandom random = new SecureRandom();
  private final int maxBody;
  private final AuditLog audit;
  private final Event<ArticleChanged> changed;

  DraftService(ArticleConfig config, AuditLog audit, Event<ArticleChanged> changed) {
    this.maxBody = config.maxBodyLength();
    this.audit = audit;
    this.changed = changed;
  }

  public Article create(Caller caller, DraftText text) {
    validate(text);
    List<Map<String, Object>> references = references(text);
    if (caller.personId() == null) {
      throw new WebApplicationException("Your account has no byline (person) yet.", 409);
    }
    Article article = new Article();
    apply(article, text, references);
    article.slug = provisionalSlug(text.title());
    article.authors.add(Person.findById(caller.personId()));
    applyMetadata(caller, article, text);
    article.persist();
    ArticleRevision.record(article, caller.accountId());
    return article;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Article read(Caller caller, long id) {
    Article article = ArticleAccess.visible(caller, id, false);
    article.authors.size();
    return article;
  }

  public Article edit(Caller caller, long id, DraftText text) {
    validate(text);
    List<Map<String, Object>> references = references(text);
    // Locked, so two saves of one draft are checked one after the other.
    Article article = ArticleAccess.visible(caller, id, true);
    if (!ArticleAccess.canEditText(caller, article)) {
      throw notEditable(article, ArticleAccess.whyNotEditable(caller, article));
    }
    save(caller, article, text, references);
    return article;
  }

  /**
   * Corrects a published article: its text becomes {@code text} at once, recorded as a new revision
   * and as a correction with {@code note} (shown to readers with its date; may be empty). Editors
   * only; the page caches drop it when the transaction commits.
   */
  public Article correct(Caller caller, long id, DraftText text, String note) {
    validate(text);
    String shownNote = note == null || note.isBlank() ? null : note.strip();
    if (shownNote != null
        && (shownNote.length() > ArticleCorrection.MAX_NOTE || shownNote.indexOf('\0') >= 0)) {
      throw new BadRequestException(
          "The correction note is longer than "
              + ArticleCorrection.MAX_NOTE
              + " characters or holds a NUL character; nothing was saved.");
    }
    List<Map<String, Object>> references = references(text);
    Article article = ArticleAccess.visible(caller, id, true);
    if (!ArticleAccess.canCorrect(caller, article)) {
      throw notEditable(
          article,
          "This article is "
              + article.status.words()
              + "; only editors correct an article, and only once it is published.");
    }
    int revision = save(caller, article, text, references);
    ArticleCorrection correction = new ArticleCorrection();
    correction.articleId = article.id;
    correction.revision = revision;
    correction.note = shownNote;
    correction.correctedBy = caller.accountId();
    correction.correctedAt = Instant.now();
    correction.persist();
    audit.record(
        caller.auditActor(),
        AuditAction.ARTICLE_CORRECTED,
        "article " + article.id,
        "revision " + revision);
    changed.fire(new ArticleChanged(article.id, article.slug));
    return article;
  }

  /** The text saved over {@code article} as its next revision, when the version matches. */
  private int save(
      Caller caller, Article article, DraftText text, List<Map<String, Object>> references) {
    if (text.version() == null) {
      throw new BadRequestException(
          "Send the version you started from (\"version\" from the last read or save).");
    }
    if (article.version != text.version()) {
      throw new EditConflict(article, text);
    }
    apply(article, text, references);
    applyMetadata(caller, article, text);
    return ArticleRevision.record(article, caller.accountId());
  }

  private static WebApplicationException notEditable(Article article, String message) {
    return new WebApplicationException(
        Response.status(409)
            .entity(Map.of("status", 409, "title", "Not editable", "message", message))
            .type("application/json")
            .build());
  }

  /** The references sent, checked; null when none were sent (the article keeps its own). */
  private static List<Map<String, Object>> references(DraftText text) {
    if (text.references() == null) {
      return null;
    }
    try {
      return References.check(text.references()).items();
    } catch (ReferenceProblem e) {
      throw new BadRequestException(e.getMessage() + " Nothing was saved.");
    }
  }

  /** Category, tags and co-authors, each only when sent; all checked before any is set. */
  private static void applyMetadata(Caller caller, Article article, DraftText text) {
    Category category = null;
    if (text.category() != null && !text.category().isEmpty()) {
      category =
          (Slug.isValid(text.category())
                  ? Category.findBySlug(text.category())
                  : Optional.<Category>empty())
              .orElseThrow(
                  () -> new BadRequestException("There is no category " + text.category() + "."));
    }
    List<Tag> tags = text.tags() == null ? null : tags(text.tags());
    List<Person> authors = text.coAuthors() == null ? null : authors(caller, text.coAuthors());
    if (authors != null && !authors.equals(article.authors)) {
      if (!article.authors.isEmpty() && !article.authors.get(0).id.equals(caller.personId())) {
        throw new WebApplicationException(
            "Only the first author changes who the co-authors are.", 403);
      }
      for (Person person : authors) {
        if (article.id != null && reviewsIt(person, article.id)) {
          throw new WebApplicationException(
              person.displayName + " reviews this article and cannot become one of its authors.",
              409);
        }
      }
    }
    if (text.category() != null) {
      article.category = category;
    }
    if (tags != null) {
      article.tags.clear();
      article.tags.addAll(tags);
    }
    if (authors != null) {
      article.authors.clear();
      article.authors.addAll(authors);
    }
  }

  private static boolean reviewsIt(Person person, long articleId) {
    return ((Number)
                Article.getEntityManager()
                    .createNativeQuery(
                        "select count(*) from review_assignment r join account a on a.id ="
                            + " r.reviewer_id where a.person_id = ?1 and r.article_id = ?2")
                    .setParameter(1, person.id)
                    .setParameter(2, articleId)
                    .getSingleResult())
            .longValue()
        > 0;
  }

  private static List<Tag> tags(List<String> names) {
    if (names.size() > MAX_TAGS) {
      throw new BadRequestException("Give at most " + MAX_TAGS + " tags.");
    }
    Map<String, Tag> tags = new LinkedHashMap<>();
    for (String raw : names) {
      String name = raw == null ? "" : raw.strip();
      if (name.isEmpty() || name.length() > 60 || name.indexOf('\0') >= 0) {
        throw new BadRequestException("A tag is 1 to 60 characters: \"" + name + "\" is not.");
      }
      if (name.indexOf(',') >= 0) {
        throw new BadRequestException("A tag cannot contain a comma: \"" + name + "\".");
      }
      String slug;
      try {
        slug = Slug.from(name);
      } catch (IllegalArgumentException e) {
        throw new BadRequestException("The tag \"" + name + "\" has no letters or digits.");
      }
      tags.computeIfAbsent(
          slug,
          key ->
              Tag.findBySlug(key)
                  .orElseGet(
                      () -> {
                        Tag tag = new Tag();
                        tag.name = name;
                        tag.slug = key;
                        tag.persist();
                        return tag;
                      }));
    }
    return new ArrayList<>(tags.values());
  }

  /** The writer first, then each co-author: accounts with the AUTHOR role and a byline. */
  private static List<Person> authors(Caller caller, List<String> emails) {
    if (emails.size() > MAX_AUTHORS) {
      throw new BadRequestException("Give at most " + MAX_AUTHORS + " co-authors.");
    }
    List<Person> authors = new ArrayList<>();
    authors.add(Person.findById(caller.personId()));
    for (String email : emails) {
      String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
      Person person =
          Account.findByEmail(address)
              .filter(a -> !a.disabled && a.roleSet().contains(Role.AUTHOR) && a.person != null)
              .map(a -> a.person)
              .orElseThrow(
                  () ->
                      new BadRequestException(
                          "There is no author account for \""
                              + address
                              + "\"; ask an"
                              + " administrator to create one."));
      if (!authors.contains(person)) {
        authors.add(person);
      }
    }
    return authors;
  }

  private static void apply(Article article, DraftText text, List<Map<String, Object>> references) {
    article.title = text.title().strip();
    article.body = text.body() == null ? "" : text.body();
    article.excerpt = text.excerpt();
    if (references != null) {
      article.references = new ArrayList<>(references);
    }
  }

  private void validate(DraftText text) {
    if (text == null || text.title() == null || text.title().isBlank()) {
      throw new BadRequestException("A draft needs a title.");
    }
    if (text.title().length() > 300) {
      throw new BadRequestException("The title is longer than 300 characters; nothing was saved.");
    }
    if (text.excerpt() != null && text.excerpt().length() > 1000) {
      throw new BadRequestException(
          "The excerpt is longer than 1000 characters; nothing was saved.");
    }
    if (text.body() != null && text.body().length() > maxBody) {
      throw new WebApplicationException(
          "The body is longer than " + maxBody + " characters; nothing was saved.", 413);
    }
    for (String field : new String[] {text.title(), text.body(), text.excerpt()}) {
      if (field != null && field.indexOf('\0') >= 0) {
        throw new BadRequestException("The text contains a NUL character; nothing was saved.");
      }
    }
  }

  /** A unique slug until the editor sets the final one at publication. */
  private String provisionalSlug(String title) {
    String base;
    try {
      base = Slug.from(title);
    } catch (IllegalArgumentException e) {
      base = "draft";
    }
    if (base.length() > 140) {
      base = base.substring(0, 140).replaceAll("-+$", "");
    }
    byte[] suffix = new byte[4];
    random.nextBytes(suffix);
    return base + "-" + HexFormat.of().formatHex(suffix);
  }
}
