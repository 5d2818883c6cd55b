package org.stet.desk.plugins;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.stet.article.Article;
import org.stet.article.ArticleScope;
import org.stet.audit.AuditAction;
import org.stet.audit.AuditLog;
import org.stet.desk.Confirmation;
import org.stet.desk.DeskChrome;
import org.stet.desk.DeskForm;
import org.stet.desk.DeskHeader;
import org.stet.identity.Account;
import org.stet.identity.CsrfToken;
import org.stet.identity.SessionAuthenticationMechanism;
import org.stet.pluginhost.PluginViews;
import org.stet.spi.ArticleView;
import org.stet.spi.DeskSupport;
import org.stet.spi.DeskUser;
import org.stet.spi.PersonView;

/** The desk's services for plugins' desk pages, through the SPI. */
@RequestScoped
public class PluginDeskSupport implements DeskSupport {

  private final CsrfToken csrf;
  private final SecurityIdentity identity;
  private final DeskHeader header;
  private final AuditLog audit;
  private final DeskForm forms;

  PluginDeskSupport(
      CsrfToken csrf,
      SecurityIdentity identity,
      DeskHeader header,
      AuditLog audit,
      DeskForm forms) {
    this.csrf = csrf;
    this.identity = identity;
    this.header = header;
    this.audit = audit;
    this.forms = forms;
  }

  @Override
  public void verifyForm(String csrfToken) {
    csrf.verify(csrfToken);
  }

  @Override
  public DeskUser user() {
    DeskChrome chrome = header.chrome();
    return new DeskUser(chrome.siteName(), chrome.displayName(), chrome.email(), chrome.roles());
  }

  @Override
  public long accountId() {
    Long id = identity.getAttribute(SessionAuthenticationMechanism.ACCOUNT_ID);
    if (id == null) {
      throw new IllegalStateException("No one is signed in");
    }
    return id;
  }

  @Override
  @Transactional
  public PersonView person() {
    Account account = Account.findById(accountId());
    if (account == null || account.person == null) {
      throw new IllegalStateException("The signed-in account has no person");
    }
    return PluginViews.view(account.person);
  }

  @Override
  public void audit(String pluginId, String what, String target) {
    audit.record(
        new AuditLog.Actor(accountId(), identity.getPrincipal().getName(), null),
        AuditAction.PLUGIN_ACTION,
        target,
        pluginId + ": " + what);
  }

  @Override
  @Transactional
  public Optional<ArticleView> publishedArticle(String slug) {
    return Article.findPublishedBySlug(slug).map(PluginViews::view);
  }

  @Override
  @Transactional
  public List<ArticleView> recentlyPublished(int limit) {
    return Article.slicePublished(ArticleScope.all(), null, true, limit).articles().stream()
        .map(PluginViews::view)
        .toList();
  }

  /** The desk's own confirmation page and answer, so plugins' steps ask as Stet's own do. */
  @Override
  public Response confirmFirst(String csrfToken, String confirmed, Ask ask, Supplier<String> step) {
    if (!Confirmation.given(confirmed)) {
      return forms.ask(
          csrfToken,
          header.chrome(),
          new Confirmation.Ask(
              ask.question(),
              ask.consequences(),
              ask.action(),
              ask.fields().entrySet().stream()
                  .sorted(Map.Entry.comparingByKey())
                  .map(field -> new Confirmation.Field(field.getKey(), field.getValue()))
                  .toList(),
              ask.confirmLabel(),
              ask.backHref()));
    }
    return forms.submit(csrfToken, step::get);
  }
}
