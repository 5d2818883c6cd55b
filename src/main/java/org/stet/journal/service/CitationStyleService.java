package org.stet.journal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import java.util.List;
import org.stet.article.Article;
import org.stet.audit.AuditAction;
import org.stet.audit.AuditLog;
import org.stet.citation.CitationStyles;
import org.stet.citation.ReferenceProblem;
import org.stet.journal.IssuePlacement;
import org.stet.journal.Journal;
import org.stet.settings.Site;

/**
 * Which citation style an article is shown in, and changing it: the style of the journal whose
 * issue holds the article, else of the journal it is considered for, else the site's (APA 7th by
 * default). A change is audited and drops every cached page; stored references are not touched.
 */
@ApplicationScoped
@Transactional
public class CitationStyleService {

  /** The citation style of the site or of a journal changed: every article page may differ. */
  public record StyleChanged(String style) {}

  /**
   * The style picker's state: the offered styles, the chosen id when it is one of them (empty
   * otherwise, or for "the site's style"), the id of another chosen style (or empty), and for a
   * journal the site's style's name (empty for the site itself).
   */
  public record Picker(
      List<CitationStyles.Style> featured, String current, String other, String siteStyle) {}

  private final CitationStyles styles;
  private final AuditLog audit;
  private final Event<StyleChanged> changed;

  CitationStyleService(CitationStyles styles, AuditLog audit, Event<StyleChanged> changed) {
    this.styles = styles;
    this.audit = audit;
    this.changed = changed;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public String styleOf(Article article) {
    return styleOf(
        article,
        article.id == null ? java.util.Optional.empty() : IssuePlacement.findByArticle(article));
  }

  /** {@link #styleOf(Article)} when the caller has read the article's issue placement already. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public String styleOf(Article article, java.util.Optional<IssuePlacement> placement) {
    String placed = placement.map(p -> p.issue.journal.citationStyle).orElse(null);
    String considered = article.journal == null ? null : article.journal.citationStyle;
    for (String style : java.util.Arrays.asList(placed, considered)) {
      if (style != null && styles.exists(style)) {
        return style;
      }
    }
    return siteStyle();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public String siteStyle() {
    String style = Site.current().citationStyle;
    return styles.exists(style) ? style : CitationStyles.DEFAULT;
  }

  /** The picker for {@code chosen} (a style id, or null for the site's); for a journal or not. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Picker picker(String chosen, boolean journal) {
    String id = chosen == null ? "" : chosen.strip();
    boolean featured = CitationStyles.FEATURED.stream().anyMatch(s -> s.id().equals(id));
    String siteName =
        journal ? styles.find(siteStyle()).map(CitationStyles.Style::title).orElse("") : "";
    return new Picker(CitationStyles.FEATURED, featured ? id : "", featured ? "" : id, siteName);
  }

  /** The id a picker's form chose: {@code style}, or {@code other} when it is "other". */
  public static String chosen(String style, String other) {
    String id = "other".equals(style) ? other : style;
    return id == null ? "" : id.strip();
  }

  /**
   * Refuses (400) an id that is not in the collection. Static, so a desk form checks it before
   * calling this service: a refusal from inside the service would mark the request's transaction
   * for rollback, and the refused page could no longer be read from the database.
   */
  public static void check(CitationStyles styles, String id) {
    if (!id.isEmpty()) {
      try {
        styles.require(id);
      } catch (ReferenceProblem e) {
        throw new BadRequestException(e.getMessage());
      }
    }
  }

  public void setSiteStyle(AuditLog.Actor actor, String style) {
    String id = checked(style);
    Site site = Site.current();
    if (!id.equals(site.citationStyle)) {
      site.citationStyle = id;
      audit.record(actor, AuditAction.CITATION_STYLE_CHANGED, "site", id);
      changed.fire(new StyleChanged(id));
    }
  }

  /** Sets a journal's own style; an empty {@code style} makes it use the site's again. */
  public void setJournalStyle(AuditLog.Actor actor, String slug, String style) {
    Journal journal = Journal.findBySlug(slug).orElseThrow(NotFoundException::new);
    String id = style == null || style.isBlank() ? null : checked(style);
    if (!java.util.Objects.equals(id, journal.citationStyle)) {
      journal.citationStyle = id;
      audit.record(
          actor,
          AuditAction.CITATION_STYLE_CHANGED,
          "journal " + slug,
          id == null ? "the site's style" : id);
      changed.fire(new StyleChanged(id));
    }
  }

  private String checked(String style) {
    try {
      return styles.require(style);
    } catch (ReferenceProblem e) {
      throw new BadRequestException(e.getMessage());
    }
  }
}
