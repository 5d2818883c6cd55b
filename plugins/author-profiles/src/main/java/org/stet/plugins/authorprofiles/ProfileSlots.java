package org.stet.plugins.authorprofiles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stet.spi.ArticleView;
import org.stet.spi.PersonView;
import org.stet.spi.PluginContext;
import org.stet.spi.SafeMarkdown;
import org.stet.spi.Slot;
import org.stet.spi.SlotContributor;

/**
 * The author box under each article (one per author: the position held when the article was
 * published, the name linked to the author page, the biography) and the profile on author pages.
 * Everything people typed is escaped; biographies are Markdown, sanitised.
 */
@ApplicationScoped
public class ProfileSlots implements SlotContributor {

  /** A photo as the templates show it: {@code pixels} wide, shown at {@code shown} CSS pixels. */
  @TemplateData
  public record Photo(String key, int pixels, int shown, String alt, boolean lazy) {}

  /** One author box: the position held when the article appeared, and the biography. */
  @TemplateData
  public record Box(String name, String slug, Photo photo, String position, RawString biography) {}

  /** The profile on an author page. */
  @TemplateData
  public record Card(
      Photo photo,
      String position,
      String affiliation,
      RawString biography,
      String orcid,
      List<ProfileStore.Link> links,
      String email) {}

  @CheckedTemplate(basePath = "plugins/author-profiles")
  static class Templates {
    static native TemplateInstance boxes(List<Box> boxes);

    static native TemplateInstance card(Card card, RawString jsonLd);

    static native TemplateInstance jsonLd(RawString json);

    static native TemplateInstance nav(String label);
  }

  private final ProfileStore store;
  private final ObjectMapper json = new ObjectMapper();

  private final PluginContext context;
  private final SafeMarkdown markdown;

  ProfileSlots(ProfileStore store, PluginContext context, SafeMarkdown markdown) {
    this.store = store;
    this.context = context;
    this.markdown = markdown;
  }

  @Override
  public String pluginId() {
    return AuthorProfilesPlugin.ID;
  }

  @Override
  public String renderArticleSlot(Slot slot, ArticleView article) {
    if (slot != Slot.ARTICLE_ASIDE || article.publishedAt() == null) {
      return "";
    }
    LocalDate published = article.publishedAt().atZone(siteZone()).toLocalDate();
    List<Box> boxes = new ArrayList<>();
    for (PersonView author : article.authors()) {
      store
          .profile(author.id())
          .ifPresent(
              profile ->
                  boxes.add(
                      new Box(
                          author.displayName(),
                          author.slug(),
                          photo(profile, AuthorProfilesPlugin.SMALL, ""),
                          ProfileStore.heldOn(store.positions(author.id()), published)
                              .map(ProfileStore.Position::title)
                              .orElse(null),
                          biography(profile))));
    }
    return boxes.isEmpty() ? "" : Templates.boxes(boxes).render();
  }

  @Override
  public String renderPersonSlot(Slot slot, PersonView person) {
    if (slot != Slot.AUTHOR_PROFILE) {
      return "";
    }
    Optional<ProfileStore.Profile> found = store.profile(person.id());
    if (found.isEmpty()) {
      return "";
    }
    ProfileStore.Profile profile = found.get();
    Optional<ProfileStore.Position> current =
        ProfileStore.heldOn(store.positions(person.id()), LocalDate.now(siteZone()));
    List<ProfileStore.Link> links = store.links(person.id());
    Card card =
        new Card(
            photo(profile, AuthorProfilesPlugin.LARGE, "Portrait of " + person.displayName()),
            current.map(ProfileStore.Position::title).orElse(null),
            profile.affiliation(),
            biography(profile),
            orcidUrl(profile),
            links.stream().filter(link -> shownLink(link.url())).toList(),
            profile.publicEmail());
    return Templates.card(card, new RawString(jsonLd(person, profile, current, links))).render();
  }

  /**
   * Schema.org {@code Person} for search engines, as a JSON-LD data block (not executed, so the
   * content security policy's no-inline-script rule does not apply). Every {@code <} is escaped, so
   * no text can close the block.
   */
  private String jsonLd(
      PersonView person,
      ProfileStore.Profile profile,
      Optional<ProfileStore.Position> current,
      List<ProfileStore.Link> links) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("@context", "https://schema.org");
    data.put("@type", "Person");
    data.put("name", person.displayName());
    current.ifPresent(position -> data.put("jobTitle", position.title()));
    if (profile.affiliation() != null) {
      data.put("affiliation", Map.of("@type", "Organization", "name", profile.affiliation()));
    }
    List<String> sameAs = new ArrayList<>();
    String orcid = orcidUrl(profile);
    if (orcid != null) {
      sameAs.add(orcid);
    }
    links.stream().map(ProfileStore.Link::url).filter(ProfileSlots::shownLink).forEach(sameAs::add);
    if (!sameAs.isEmpty()) {
      data.put("sameAs", sameAs);
    }
    try {
      return Templates.jsonLd(new RawString(json.writeValueAsString(data).replace("<", "\\u003c")))
          .render();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Links stored before the form checked them are shown only when they are http(s). */
  private static boolean shownLink(String url) {
    return url.startsWith("https://") || url.startsWith("http://");
  }

  private static String orcidUrl(ProfileStore.Profile profile) {
    return profile.orcid() != null && Orcid.isValid(profile.orcid())
        ? "https://orcid.org/" + profile.orcid()
        : null;
  }

  /** The photo at half its pixel size (sharp on dense screens), sized so nothing shifts. */
  private static Photo photo(ProfileStore.Profile profile, int pixels, String alt) {
    return profile.photoKey() == null
        ? null
        : new Photo(
            profile.photoKey(), pixels, pixels / 2, alt, pixels == AuthorProfilesPlugin.SMALL);
  }

  private RawString biography(ProfileStore.Profile profile) {
    return profile.biography() == null || profile.biography().isBlank()
        ? null
        : new RawString(markdown.toHtml(profile.biography()));
  }

  /** Positions are dated as the site's readers date things: in the site's time zone. */
  private ZoneId siteZone() {
    return ZoneId.of(context.site().timeZone());
  }
}
