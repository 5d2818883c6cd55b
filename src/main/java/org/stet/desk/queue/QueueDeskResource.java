package org.stet.desk.queue;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.stet.article.ArticleStatus;
import org.stet.desk.DeskChrome;
import org.stet.desk.DeskHeader;
import org.stet.identity.Account;
import org.stet.identity.Role;
import org.stet.journal.Journal;
import org.stet.taxonomy.Category;
import org.stet.workflow.QueueService;
import org.stet.workflow.QueueService.Filter;

/**
 * The editors' board: a tab per state with its count, and the state's queue, oldest first, narrowed
 * by a search (title, author, number) and filters (journal, category, the editor who assigned its
 * reviewers, overdue reviews). A search looks through every state unless a tab is chosen.
 */
@Path("/desk/queue")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.Names.EDITOR)
public class QueueDeskResource {

  /** A choice of a filter's list: its value in the address and its words. */
  public record Option(String value, String label) {}

  /** The filter form as sent, the address of its current narrowing, and the lists it offers. */
  public record Filters(
      Filter chosen,
      String handledBy,
      String query,
      List<Option> journals,
      List<Option> categories,
      List<Option> editors) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance queue(
        DeskChrome desk,
        ArticleStatus state,
        Map<ArticleStatus, Long> counts,
        QueueService.Page page,
        boolean first,
        Filters filters);
  }

  /** Longest search text, in characters. */
  private static final int MAX_SEARCH = 200;

  private final QueueService queue;
  private final DeskHeader header;

  QueueDeskResource(QueueService queue, DeskHeader header) {
    this.queue = queue;
    this.header = header;
  }

  @GET
  @Transactional
  public TemplateInstance board(
      @QueryParam("state") String state,
      @QueryParam("after") String after,
      @QueryParam("q") String text,
      @QueryParam("journal") String journal,
      @QueryParam("category") String category,
      @QueryParam("editor") String editor,
      @QueryParam("overdue") String overdue) {
    Filter filter =
        new Filter(
            limited(text), slug(journal), slug(category), editor(editor), "yes".equals(overdue));
    Map<ArticleStatus, Long> counts = queue.counts();
    boolean everyState = "ALL".equals(state) || (blank(state) && filter.any());
    ArticleStatus chosen =
        everyState ? null : blank(state) ? firstWaiting(counts) : QueueService.state(state);
    return Templates.queue(
        header.chrome(),
        chosen,
        counts,
        queue.queue(chosen, filter, QueueService.cursor(after), QueueService.PAGE_SIZE),
        after == null || after.isEmpty(),
        filters(filter));
  }

  private static Filters filters(Filter filter) {
    StringBuilder query = new StringBuilder();
    append(query, "q", filter.text());
    append(query, "journal", filter.journal());
    append(query, "category", filter.category());
    append(query, "editor", filter.handledBy() == null ? "" : filter.handledBy().toString());
    append(query, "overdue", filter.overdue() ? "yes" : "");
    return new Filters(
        filter,
        filter.handledBy() == null ? "" : filter.handledBy().toString(),
        query.toString(),
        Journal.<Journal>listAll().stream()
            .map(j -> new Option(j.slug, j.name))
            .sorted(java.util.Comparator.comparing(Option::label))
            .toList(),
        Category.<Category>listAll().stream()
            .map(c -> new Option(c.slug, c.name))
            .sorted(java.util.Comparator.comparing(Option::label))
            .toList(),
        editors());
  }

  @SuppressWarnings("unchecked")
  private static List<Option> editors() {
    List<Object[]> rows =
        Account.getEntityManager()
            .createNativeQuery(
                "select id, display_name from account where not disabled"
                    + " and 'EDITOR' = any (roles) order by lower(display_name), id")
            .getResultList();
    return rows.stream().map(row -> new Option(row[0].toString(), (String) row[1])).toList();
  }

  /** {@code &name=value} for a filter that narrows, URL-encoded. */
  private static void append(StringBuilder query, String name, String value) {
    if (!value.isEmpty()) {
      query
          .append('&')
          .append(name)
          .append('=')
          .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  private static String limited(String text) {
    String value = text == null ? "" : text.strip();
    if (value.length() > MAX_SEARCH || value.indexOf('\0') >= 0) {
      throw new BadRequestException(
          "Search with at most " + MAX_SEARCH + " characters, without control characters.");
    }
    return value;
  }

  private static String slug(String value) {
    String slug = value == null ? "" : value.strip();
    if (!slug.isEmpty() && !slug.matches("[a-z0-9-]{1,200}")) {
      throw new BadRequestException("There is no such journal or category: " + slug + ".");
    }
    return slug;
  }

  private static Long editor(String value) {
    if (blank(value)) {
      return null;
    }
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new BadRequestException("Choose an editor from the list.");
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  /** The states that wait for an editor, the most pressing first. */
  private static final List<ArticleStatus> EDITORS_FIRST =
      List.of(
          ArticleStatus.SUBMITTED,
          ArticleStatus.IN_REVIEW,
          ArticleStatus.ACCEPTED,
          ArticleStatus.SCHEDULED,
          ArticleStatus.REVISIONS_REQUESTED);

  /** The most pressing tab with something in it, so the queue never opens on an empty list. */
  private static ArticleStatus firstWaiting(Map<ArticleStatus, Long> counts) {
    return EDITORS_FIRST.stream()
        .filter(state -> counts.getOrDefault(state, 0L) > 0)
        .findFirst()
        .orElse(ArticleStatus.SUBMITTED);
  }
}
