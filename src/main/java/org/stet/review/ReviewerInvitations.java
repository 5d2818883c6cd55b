package org.stet.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.WebApplicationException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import org.stet.article.service.Caller;
import org.stet.identity.Account;
import org.stet.identity.Role;
import org.stet.identity.service.AccountService;
import org.stet.identity.service.AccountService.NewAccount;
import org.stet.identity.service.AccountService.Refused;

/**
 * An editor invites someone without an account to review: an account with the reviewer role is made
 * (its owner is mailed an invitation to choose a password) and assigned, in one transaction.
 */
@ApplicationScoped
public class ReviewerInvitations {

  private final AccountService accounts;
  private final ReviewService reviews;

  ReviewerInvitations(AccountService accounts, ReviewService reviews) {
    this.accounts = accounts;
    this.reviews = reviews;
  }

  /** Makes the reviewer's account unless they have one, and assigns them. */
  @Transactional
  public ReviewView inviteNew(
      Caller editor, long articleId, String name, String email, LocalDate dueOn, String by) {
    if (!editor.is(Role.EDITOR)) {
      throw new WebApplicationException("Only editors invite reviewers.", 403);
    }
    ReviewAccess.handledArticle(editor, articleId, false);
    String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    Account existing = Account.findByEmail(address).orElse(null);
    if (existing != null && (existing.disabled || !existing.roleSet().contains(Role.REVIEWER))) {
      throw new WebApplicationException(
          address
              + " has an account without the reviewer role"
              + (existing.disabled ? " (it is disabled)" : "")
              + "; an administrator can give it the role.",
          409);
    }
    if (existing == null) {
      try {
        accounts.invite(
            editor.auditActor(), new NewAccount(address, name, null, Set.of(Role.REVIEWER)), by);
      } catch (Refused e) {
        throw new BadRequestException(e.getMessage());
      }
    }
    return reviews.assign(editor, articleId, new ReviewService.Assignment(address, dueOn));
  }
}
