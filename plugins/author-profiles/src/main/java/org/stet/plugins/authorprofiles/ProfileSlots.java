package org.stet.plugins.authorprofiles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Entities;
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
    StringBuilder html = new StringBuilder();
    for (PersonView author : article.authors()) {
      Optional<ProfileStore.Profile> profile = store.profile(author.id());
      if (profile.isEmpty()) {
        continue;
      }
      html.append("<aside class=\"author-box\" aria-label=\"About ")
          .append(escape(author.displayName()))
          .append("\">");
      appendPhoto(html, profile.get(), PhotoProcessor.SMALL, "");
      appendPosition(html, ProfileStore.heldOn(store.positions(author.id()), published));
      html.append("<p class=\"author-name\"><a rel=\"author\" href=\"/authors/")
          .append(escape(author.slug()))
          .append("\">")
          .append(escape(author.displayName()))
          .append("</a></p>");
      appendBiography(html, profile.get());
      html.append("</aside>");
    }
    return html.toString();
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
    StringBuilder html =
        new StringBuilder("<section class=\"author-profile\" aria-label=\"Profile\">");
    appendPhoto(html, profile, PhotoProcessor.LARGE, "Portrait of " + person.displayName());
    Optional<ProfileStore.Position> current =
        ProfileStore.heldOn(store.positions(person.id()), LocalDate.now(siteZone()));
    appendPosition(html, current);
    if (profile.affiliation() != null) {
      html.append("<p class=\"author-affiliation\">")
          .append(escape(profile.affiliation()))
          .append("</p>");
    }
    appendBiography(html, profile);
    if (profile.orcid() != null && Orcid.isValid(profile.orcid())) {
      String url = "https://orcid.org/" + profile.orcid();
      html.append("<p class=\"author-orcid\">ORCID iD: <a href=\"")
          .append(url)
          .append("\">")
          .append(url)
          .append("</a></p>");
    }
    List<ProfileStore.Link> links = store.links(person.id());
    if (!links.isEmpty()) {
      html.append("<ul class=\"author-links\">");
      for (ProfileStore.Link link : links) {
        if (shownLink(link.url())) {
          html.append("<li><a rel=\"me noopener\" href=\"")
              .append(escape(link.url()))
              .append("\">")
              .append(escape(link.label()))
              .append("</a></li>");
        }
      }
      html.append("</ul>");
    }
    if (profile.publicEmail() != null) {
      html.append("<p class=\"author-email\">E-mail: <a href=\"mailto:")
          .append(escape(profile.publicEmail()))
          .append("\">")
          .append(escape(profile.publicEmail()))
          .append("</a></p>");
    }
    html.append(jsonLd(person, profile, current, links));
    return html.append("</section>").toString();
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
    if (profile.orcid() != null && Orcid.isValid(profile.orcid())) {
      sameAs.add("https://orcid.org/" + profile.orcid());
    }
    links.stream().map(ProfileStore.Link::url).filter(ProfileSlots::shownLink).forEach(sameAs::add);
    if (!sameAs.isEmpty()) {
      data.put("sameAs", sameAs);
    }
    try {
      return "<script type=\"application/ld+json\">"
          + json.writeValueAsString(data).replace("<", "\\u003c")
          + "</script>";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Links stored before the form checked them are shown only when they are http(s). */
  private static boolean shownLink(String url) {
    return url.startsWith("https://") || url.startsWith("http://");
  }

  private static void appendPosition(StringBuilder html, Optional<ProfileStore.Position> held) {
    held.ifPresent(
        position ->
            html.append("<p class=\"author-position\">")
                .append(escape(position.title()))
                .append("</p>"));
  }

  /** The photo at half its pixel size (sharp on dense screens), sized so nothing shifts. */
  private static void appendPhoto(
      StringBuilder html, ProfileStore.Profile profile, int pixels, String alt) {
    if (profile.photoKey() == null) {
      return;
    }
    int shown = pixels / 2;
    html.append("<img class=\"author-photo\" src=\"/plugins/author-profiles/photos/")
        .append(profile.photoKey())
        .append('/')
        .append(pixels)
        .append(".jpg\" width=\"")
        .append(shown)
        .append("\" height=\"")
        .append(shown)
        .append("\" alt=\"")
        .append(escape(alt))
        .append("\"")
        .append(pixels == PhotoProcessor.SMALL ? " loading=\"lazy\"" : "")
        .append('>');
  }

  private void appendBiography(StringBuilder html, ProfileStore.Profile profile) {
    if (profile.biography() != null && !profile.biography().isBlank()) {
      html.append("<div class=\"author-bio\">")
          .append(markdown.toHtml(profile.biography()))
          .append("</div>");
    }
  }

  /** Positions are dated as the site's readers date things: in the site's time zone. */
  private ZoneId siteZone() {
    return ZoneId.of(context.site().timeZone());
  }

  private static String escape(String text) {
    return Entities.escape(text);
  }
}
