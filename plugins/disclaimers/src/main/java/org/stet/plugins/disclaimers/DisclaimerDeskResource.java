package org.stet.plugins.disclaimers;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.stet.spi.ArticleView;
import org.stet.spi.DeskSupport;
import org.stet.spi.DeskUser;
import org.stet.spi.PluginContext;

/**
 * Editors and admins manage disclaimers: text (Markdown, every version kept), placement, rule,
 * priority; per article, opt out or add by hand; and see which version each recently published
 * article was published under.
 */
@Path("/desk/plugins/disclaimers")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"EDITOR", "ADMIN"})
public class DisclaimerDeskResource {

  static final List<String> SLOTS =
      List.of("article.footer", "article.before-body", "article.after-body", "article.aside");
  static final List<String> RULES = List.of("ALL", "CATEGORY", "TAG", "AUTHOR", "JOURNAL", "NONE");

  /** A recent article and the version of this disclaimer current when it was published. */
  public record Published(ArticleView article, String override, Integer versionThen) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance list(
        DeskUser desk,
        List<DisclaimerStore.Disclaimer> disclaimers,
        DisclaimerStore.Form form,
        List<String> slots,
        List<String> rules,
        String error);

    static native TemplateInstance edit(
        DeskUser desk,
        long id,
        DisclaimerStore.Form form,
        List<DisclaimerStore.Version> versions,
        List<Published> published,
        List<String> slots,
        List<String> rules,
        String error,
        String done);
  }

  private final DisclaimerStore store;
  private final DeskSupport desk;
  private final PluginContext context;

  DisclaimerDeskResource(DisclaimerStore store, DeskSupport desk, PluginContext context) {
    this.store = store;
    this.desk = desk;
    this.context = context;
  }

  @GET
  @Transactional
  public String list() {
    return Templates.list(
            desk.user(),
            store.all(),
            new DisclaimerStore.Form("", "", "article.footer", "ALL", "", 100, true),
            SLOTS,
            RULES,
            null)
        .render();
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Transactional
  public Response create(
      @FormParam("title") String title,
      @FormParam("body") String body,
      @FormParam("slot") String slot,
      @FormParam("rule") String rule,
      @FormParam("ruleValue") String ruleValue,
      @FormParam("priority") String priority,
      @FormParam("_csrf") String token) {
    desk.verifyForm(token);
    DisclaimerStore.Form form = form(title, body, slot, rule, ruleValue, priority, "true");
    String error = problem(form);
    if (error != null) {
      return Response.status(400)
          .entity(Templates.list(desk.user(), store.all(), form, SLOTS, RULES, error).render())
          .build();
    }
    long id = store.create(clean(form), desk.accountId());
    desk.audit(DisclaimersPlugin.ID, "created disclaimer " + id, "disclaimer:" + id);
    context.pagesChanged(DisclaimersPlugin.ID);
    return Response.seeOther(URI.create("/desk/plugins/disclaimers/" + id + "?saved=1")).build();
  }

  @GET
  @Path("{id}")
  @Transactional
  public String edit(@PathParam("id") long id, @jakarta.ws.rs.QueryParam("saved") String saved) {
    DisclaimerStore.Disclaimer disclaimer = store.find(id).orElseThrow(NotFoundException::new);
    return page(id, toForm(disclaimer), null, saved != null ? "Saved." : null).render();
  }

  @POST
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Transactional
  public Response update(
      @PathParam("id") long id,
      @FormParam("title") String title,
      @FormParam("body") String body,
      @FormParam("slot") String slot,
      @FormParam("rule") String rule,
      @FormParam("ruleValue") String ruleValue,
      @FormParam("priority") String priority,
      @FormParam("active") String active,
      @FormParam("_csrf") String token) {
    desk.verifyForm(token);
    store.find(id).orElseThrow(NotFoundException::new);
    DisclaimerStore.Form form = form(title, body, slot, rule, ruleValue, priority, active);
    String error = problem(form);
    if (error != null) {
      return Response.status(400).entity(page(id, form, error, null).render()).build();
    }
    store.update(id, clean(form), desk.accountId());
    desk.audit(DisclaimersPlugin.ID, "changed disclaimer " + id, "disclaimer:" + id);
    context.pagesChanged(DisclaimersPlugin.ID);
    return Response.seeOther(URI.create("/desk/plugins/disclaimers/" + id + "?saved=1")).build();
  }

  /** Opts an article out of this disclaimer, adds it by hand, or clears either ("RULE"). */
  @POST
  @Path("{id}/articles")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Transactional
  public Response override(
      @PathParam("id") long id,
      @FormParam("slug") String slug,
      @FormParam("mode") String mode,
      @FormParam("_csrf") String token) {
    desk.verifyForm(token);
    DisclaimerStore.Disclaimer disclaimer = store.find(id).orElseThrow(NotFoundException::new);
    ArticleView article = slug == null ? null : desk.publishedArticle(slug.strip()).orElse(null);
    if (article == null || mode == null || !List.of("OPT_OUT", "ADD", "RULE").contains(mode)) {
      return Response.status(400)
          .entity(
              page(
                      id,
                      toForm(disclaimer),
                      "Give the address name (slug) of a published article and what to do.",
                      null)
                  .render())
          .build();
    }
    store.override(article.id(), id, "RULE".equals(mode) ? null : mode);
    desk.audit(
        DisclaimersPlugin.ID,
        mode + " of disclaimer " + id + " for article " + article.id(),
        "disclaimer:" + id);
    context.pagesChanged(DisclaimersPlugin.ID);
    return Response.seeOther(URI.create("/desk/plugins/disclaimers/" + id + "?saved=1")).build();
  }

  private TemplateInstance page(long id, DisclaimerStore.Form form, String error, String done) {
    List<DisclaimerStore.Version> versions = store.versions(id);
    Map<Long, String> overrides = store.overridesOf(id);
    DisclaimerStore.Disclaimer current = store.find(id).orElseThrow(NotFoundException::new);
    List<Published> published = new ArrayList<>();
    for (ArticleView article : desk.recentlyPublished(20)) {
      String override = overrides.get(article.id());
      boolean shows =
          current.active()
              && !"OPT_OUT".equals(override)
              && (current.matches(article) || "ADD".equals(override));
      if (shows) {
        published.add(new Published(article, override, versionAt(versions, article.publishedAt())));
      }
    }
    return Templates.edit(desk.user(), id, form, versions, published, SLOTS, RULES, error, done);
  }

  /** The version that was current at {@code when}; null if the disclaimer did not exist yet. */
  static Integer versionAt(List<DisclaimerStore.Version> newestFirst, Instant when) {
    for (DisclaimerStore.Version version : newestFirst) {
      if (!version.savedAt().isAfter(when)) {
        return version.number();
      }
    }
    return null;
  }

  private static DisclaimerStore.Form toForm(DisclaimerStore.Disclaimer d) {
    return new DisclaimerStore.Form(
        d.title(),
        d.body(),
        d.slot(),
        d.rule(),
        d.ruleValue() == null ? "" : d.ruleValue(),
        d.priority(),
        d.active());
  }

  private static DisclaimerStore.Form form(
      String title,
      String body,
      String slot,
      String rule,
      String ruleValue,
      String priority,
      String active) {
    int order;
    try {
      order = Integer.parseInt(priority == null ? "" : priority.strip());
    } catch (NumberFormatException e) {
      order = Integer.MIN_VALUE; // refused by problem(), with the rest of the form kept
    }
    return new DisclaimerStore.Form(
        title == null ? "" : title.strip(),
        body == null ? "" : body.replace("\r\n", "\n"),
        slot == null ? "" : slot,
        rule == null ? "" : rule,
        ruleValue == null ? "" : ruleValue.strip(),
        order,
        "true".equals(active));
  }

  /** What is wrong with the form, or null. */
  private static String problem(DisclaimerStore.Form form) {
    if (form.title().isEmpty() || form.title().length() > 200) {
      return "Give a title of 1 to 200 characters.";
    }
    if (form.body().isBlank() || form.body().length() > 10_000) {
      return "Write the text (1 to 10,000 characters); nothing was saved.";
    }
    if (form.title().indexOf('\0') >= 0 || form.body().indexOf('\0') >= 0) {
      return "The text contains a NUL character; nothing was saved.";
    }
    if (!SLOTS.contains(form.slot()) || !RULES.contains(form.rule())) {
      return "Choose a placement and a rule from the lists.";
    }
    boolean needsValue = !form.rule().equals("ALL") && !form.rule().equals("NONE");
    if (needsValue && !form.ruleValue().matches("[a-z0-9]+(-[a-z0-9]+)*")) {
      return "Give the address name (slug) of the " + form.rule().toLowerCase() + ", e.g. energy.";
    }
    if (form.priority() < -1000 || form.priority() > 1000) {
      return "The priority is a whole number between -1000 and 1000; lower comes first.";
    }
    return null;
  }

  private static DisclaimerStore.Form clean(DisclaimerStore.Form form) {
    boolean needsValue = !form.rule().equals("ALL") && !form.rule().equals("NONE");
    return new DisclaimerStore.Form(
        form.title(),
        form.body(),
        form.slot(),
        form.rule(),
        needsValue ? form.ruleValue() : null,
        form.priority(),
        form.active());
  }
}
