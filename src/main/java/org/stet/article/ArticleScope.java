package org.stet.article;

import io.quarkus.panache.common.Parameters;
import org.stet.person.Person;
import org.stet.taxonomy.Category;
import org.stet.taxonomy.Tag;

/** Which published articles a listing shows: a JPQL condition on the article and its values. */
public record ArticleScope(String condition, Parameters parameters) {

  public static ArticleScope all() {
    return new ArticleScope("", new Parameters());
  }

  public static ArticleScope inCategory(Category category) {
    return new ArticleScope("category = :category", Parameters.with("category", category));
  }

  public static ArticleScope withTag(Tag tag) {
    return new ArticleScope(":tag member of tags", Parameters.with("tag", tag));
  }

  public static ArticleScope byAuthor(Person person) {
    return new ArticleScope(":person member of authors", Parameters.with("person", person));
  }

  /** Articles in the published issues of the journal with id {@code journalId}. */
  public static ArticleScope inJournal(long journalId) {
    return new ArticleScope(
        "id in (select p.article.id from IssuePlacement p where p.issue.journal.id = :journal"
            + " and p.issue.status = org.stet.journal.IssueStatus.PUBLISHED)",
        Parameters.with("journal", journalId));
  }

  Parameters copyOfParameters() {
    Parameters copy = new Parameters();
    parameters.map().forEach(copy::and);
    return copy;
  }
}
