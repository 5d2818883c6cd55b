package org.stet.site.service;

import static jakarta.transaction.Transactional.TxType.SUPPORTS;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stet.article.ArticleStatus;
import org.stet.journal.Journal;
import org.stet.person.Person;
import org.stet.search.SearchCursor;
import org.stet.search.SearchIndex;
import org.stet.search.SearchRequest;
import org.stet.search.SearchResults;
import org.stet.search.SearchText;
import org.stet.settings.SearchConfig;
import org.stet.settings.Site;
import org.stet.site.Links;
import org.stet.site.PageModels.NamedLink;
import org.stet.site.PageModels.SearchChoices;
import org.stet.site.PageModels.SearchHit;
import org.stet.site.PageModels.SearchPage;
import org.stet.taxonomy.Category;
import org.stet.taxonomy.Tag;
import org.stet.web.Slug;

/**
 * The readers' search, for the search page and the JSON API: checks what came in the address
 * (refusing what is not a search with 400 and a reason), asks the {@link SearchIndex} for published
 * articles only, and writes the links of its pages.
 */
@ApplicationScoped
@Transactional(SUPPORTS)
public class SiteSearch {

  /** A search as it came in the address, every value as typed (null when absent). */
  public record Asked(
      String q,
      String category,
      String tag,
      String author,
      String journal,
      String issue,
      String from,
      String to,
      String order,
      String after) {}

  /** The checked search, its results and the address of its page. */
  public record Answer(SearchRequest request, SearchChoices chosen, SearchResults results) {}

  private final SearchIndex index;
  private final int pageSize;

  SiteSearch(SearchIndex index, SearchConfig config) {
    this.index = index;
    this.pageSize = config.pageSize();
  }

  /** The results of {@code asked}; 400 when a value is not one a search takes. */
  public Answer answer(Asked asked) {
    String words = SearchText.checked(asked.q());
    SearchChoices chosen =
        new SearchChoices(
            slug(asked.category(), "category"),
            slug(asked.tag(), "tag"),
            slug(asked.author(), "author"),
            slug(asked.journal(), "journal"),
            issue(asked.issue(), asked.journal()),
            year(asked.from(), "from"),
            year(asked.to(), "to"),
            newest(asked.order()));
    if (!chosen.from().isEmpty()
        && !chosen.to().isEmpty()
        && Integer.parseInt(chosen.from()) > Integer.parseInt(chosen.to())) {
      throw new BadRequestException(
          "The first year (" + chosen.from() + ") is after the last (" + chosen.to() + ").");
    }
    SearchCursor after = SearchCursor.of(asked.after());
    ZoneId zone = Site.current().zone();
    SearchRequest request =
        new SearchRequest(
            words,
            new SearchRequest.Filters(
                blankToNull(chosen.category()),
                blankToNull(chosen.tag()),
                blankToNull(chosen.author()),
                blankToNull(chosen.journal()),
                chosen.issue().isEmpty() ? null : Integer.parseInt(chosen.issue()),
                yearStart(chosen.from(), zone, 0),
                yearStart(chosen.to(), zone, 1)),
            chosen.newest(),
            after,
            SearchRequest.Reader.PUBLIC,
            pageSize);
    SearchResults results = words.isEmpty() ? SearchResults.NONE : index.search(request);
    return new Answer(request, chosen, results);
  }

  /** The search page of {@code asked}. */
  public SearchPage page(Asked asked) {
    Answer answer = answer(asked);
    SearchResults results = answer.results();
    SearchChoices chosen = answer.chosen();
    String query = answer.request().words();
    ZoneId zone = Site.current().zone();
    List<SearchHit> hits =
        results.hits().stream()
            .map(
                hit ->
                    new SearchHit(
                        hit.title(),
                        Links.article(hit.slug()),
                        PublicSiteService.date(hit.publishedAt(), zone),
                        hit.authors().stream()
                            .map(a -> new NamedLink(a.name(), Links.author(a.slug())))
                            .toList(),
                        hit.category() == null
                            ? null
                            : new NamedLink(
                                hit.category().name(), Links.category(hit.category().slug())),
                        hit.snippet()))
            .toList();
    return new SearchPage(
        query,
        !query.isEmpty(),
        results.onlyCommonWords(),
        hits,
        countText(results),
        results.next() == null ? null : href(query, chosen, results.next().toString()),
        answer.request().after() == null ? null : href(query, chosen, null),
        results.suggestion(),
        results.suggestion() == null ? null : href(results.suggestion(), chosen, null),
        chosen,
        narrowing(query, chosen),
        categories());
  }

  /** The address of the search {@code words} narrowed by {@code chosen}, from {@code after}. */
  public static String href(String words, SearchChoices chosen, String after) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("q", words);
    parameters.put("category", chosen.category());
    parameters.put("tag", chosen.tag());
    parameters.put("author", chosen.author());
    parameters.put("journal", chosen.journal());
    parameters.put("issue", chosen.issue());
    parameters.put("from", chosen.from());
    parameters.put("to", chosen.to());
    parameters.put("order", chosen.newest() ? "newest" : "");
    parameters.put("after", after == null ? "" : after);
    StringBuilder href = new StringBuilder("/search");
    char separator = '?';
    for (Map.Entry<String, String> parameter : parameters.entrySet()) {
      if (!parameter.getValue().isEmpty()) {
        href.append(separator)
            .append(parameter.getKey())
            .append('=')
            .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
        separator = '&';
      }
    }
    return href.toString();
  }

  /** "23 articles", "1 article", "More than 1,000 articles"; empty before a search. */
  static String countText(SearchResults results) {
    if (results.moreThanCounted()) {
      return String.format("More than %,d articles", SearchResults.COUNTED);
    }
    return results.count() == 1 ? "1 article" : String.format("%,d articles", results.count());
  }

  /** The filters that came with a link, each with the search without it. */
  private static List<NamedLink> narrowing(String query, SearchChoices chosen) {
    List<NamedLink> narrowing = new ArrayList<>();
    if (!chosen.tag().isEmpty()) {
      String name = Tag.findBySlug(chosen.tag()).map(t -> t.name).orElse(chosen.tag());
      narrowing.add(new NamedLink("Tag: " + name, href(query, chosen.withoutTag(), null)));
    }
    if (!chosen.author().isEmpty()) {
      String name =
          Person.findBySlug(chosen.author()).map(p -> p.displayName).orElse(chosen.author());
      narrowing.add(new NamedLink("Author: " + name, href(query, chosen.withoutAuthor(), null)));
    }
    if (!chosen.journal().isEmpty()) {
      String name =
          Journal.<Journal>find("slug", chosen.journal())
              .firstResultOptional()
              .map(j -> j.name)
              .orElse(chosen.journal());
      String issue = chosen.issue().isEmpty() ? "" : ", No. " + chosen.issue();
      narrowing.add(
          new NamedLink("Journal: " + name + issue, href(query, chosen.withoutJournal(), null)));
    }
    return narrowing;
  }

  /** Categories with a published article, by name: what the filter offers. */
  private static List<NamedLink> categories() {
    return Category.<Category>find(
            "select c from Category c where exists (select 1 from Article a where a.category = c"
                + " and a.status = ?1 and a.publishedAt <= ?2) order by lower(c.name)",
            ArticleStatus.PUBLISHED,
            Instant.now())
        .list()
        .stream()
        .map(c -> new NamedLink(c.name, c.slug))
        .toList();
  }

  private static String slug(String given, String name) {
    if (given == null || given.isEmpty()) {
      return "";
    }
    if (!Slug.isValid(given)) {
      throw new BadRequestException(
          "The " + name + " in this address is not one of this site's. Choose it from the list.");
    }
    return given;
  }

  private static String issue(String given, String journal) {
    if (given == null || given.isEmpty()) {
      return "";
    }
    if (!given.matches("[1-9][0-9]{0,5}")) {
      throw new BadRequestException("The issue number is not a number: search with 1, 2, 3 ...");
    }
    if (journal == null || journal.isEmpty()) {
      throw new BadRequestException("An issue number needs the journal it belongs to.");
    }
    return given;
  }

  private static String year(String given, String name) {
    if (given == null || given.isBlank()) {
      return "";
    }
    String year = given.strip();
    if (!year.matches("[12][0-9]{3}")) {
      throw new BadRequestException(
          "The year in '" + name + "' is not a year: write it with four digits, like 2024.");
    }
    return year;
  }

  private static boolean newest(String order) {
    if (order == null || order.isEmpty() || order.equals("relevance")) {
      return false;
    }
    if (order.equals("newest")) {
      return true;
    }
    throw new BadRequestException(
        "A search is ordered by 'relevance' (the best match first) or 'newest'.");
  }

  private static Instant yearStart(String year, ZoneId zone, int plus) {
    return year.isEmpty()
        ? null
        : LocalDate.of(Integer.parseInt(year) + plus, 1, 1).atStartOfDay(zone).toInstant();
  }

  private static String blankToNull(String value) {
    return value.isEmpty() ? null : value;
  }
}
