package org.stet.site.service;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.stet.article.ArticleChanged;
import org.stet.article.service.CategoryService;
import org.stet.settings.SiteConfig;
import org.stet.site.Links;
import org.stet.web.ContentTags;
import org.stet.web.XmlOut;

/**
 * The sitemap files as written, gzipped, kept in memory: a crawler reading a part of a large
 * archive (50,000 URLs) is answered from memory, and each file is written once however many
 * crawlers ask at the same moment. A published, corrected or retracted article drops the index, the
 * pages part, its own article part and the author and tag parts; a category change drops the index
 * and the pages part; anything else (a new journal issue, a renamed tag) shows after {@code
 * stet.site.sitemap-index-refresh} at the latest.
 */
@ApplicationScoped
public class SitemapFiles {

  /** Gzipped bytes kept at most (about 30 files of 50,000 URLs); the least used go first. */
  private static final long KEPT_BYTES = 32L * 1024 * 1024;

  private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
  private static final String INDEX = "index";
  private static final String PAGES = "pages";

  /** A written file: the document gzipped and a tag that changes when the document does. */
  public record File(byte[] gzipped, String tag) {}

  private final Sitemaps sitemaps;
  private final String site;
  private final LoadingCache<String, Optional<File>> files;

  SitemapFiles(Sitemaps sitemaps, SiteConfig config) {
    this.sitemaps = sitemaps;
    this.site = Links.site(config);
    this.files =
        Caffeine.newBuilder()
            .maximumWeight(KEPT_BYTES)
            .<String, Optional<File>>weigher(
                (name, file) -> name.length() + file.map(f -> f.gzipped().length).orElse(0))
            .expireAfterWrite(config.sitemapIndexRefresh())
            .build(this::write);
  }

  /** {@code /sitemap.xml}: the index of the parts. */
  public File index() {
    return files.get(INDEX).orElseThrow();
  }

  /** {@code /sitemaps/pages.xml}: home, indexes, categories, journals and issues. */
  public File pages() {
    return files.get(PAGES).orElseThrow();
  }

  /** Part {@code number} of {@code kind} ({@code articles}, {@code authors}, {@code tags}). */
  public Optional<File> part(String kind, int number) {
    if (Sitemaps.Kind.ofFile(kind).isEmpty() || number < 0) {
      return Optional.empty();
    }
    return files.get(kind + "-" + number);
  }

  void onArticle(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticleChanged change) {
    files.invalidate(INDEX);
    files.invalidate(PAGES);
    files.invalidate("articles-" + change.articleId() / Sitemaps.PER_FILE);
    files
        .asMap()
        .keySet()
        .removeIf(name -> name.startsWith("authors-") || name.startsWith("tags-"));
  }

  void onCategories(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) CategoryService.CategoriesChanged change) {
    files.invalidate(INDEX);
    files.invalidate(PAGES);
  }

  private Optional<File> write(String name) {
    if (name.equals(INDEX)) {
      return Optional.of(gzipped("sitemapindex", xml -> index(xml)));
    }
    if (name.equals(PAGES)) {
      return Optional.of(gzipped("urlset", xml -> sitemaps.pages(entry -> url(xml, entry))));
    }
    int dash = name.lastIndexOf('-');
    String kind = name.substring(0, dash);
    int number = Integer.parseInt(name.substring(dash + 1));
    if (!sitemaps.exists(kind, number)) {
      return Optional.empty();
    }
    return Optional.of(
        gzipped("urlset", xml -> sitemaps.part(kind, number, entry -> url(xml, entry))));
  }

  private void index(XMLStreamWriter xml) throws XMLStreamException {
    for (Sitemaps.Part part : sitemaps.index()) {
      xml.writeStartElement("sitemap");
      element(xml, "loc", site + part.path());
      lastModified(xml, part.lastModified());
      xml.writeEndElement();
    }
  }

  private void url(XMLStreamWriter xml, Sitemaps.Entry entry) throws IOException {
    try {
      xml.writeStartElement("url");
      element(xml, "loc", site + entry.path());
      lastModified(xml, entry.lastModified());
      xml.writeEndElement();
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }

  private static File gzipped(String root, XmlOut.Body body) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes, 64 * 1024)) {
      XmlOut.write(
          out,
          xml -> {
            xml.writeStartElement(root);
            xml.writeDefaultNamespace(NS);
            body.write(xml);
            xml.writeEndElement();
          });
    } catch (IOException e) {
      throw new UncheckedIOException("Writing a sitemap to memory failed", e);
    }
    byte[] gzipped = bytes.toByteArray();
    return new File(gzipped, ContentTags.of(gzipped));
  }

  private static void element(XMLStreamWriter xml, String name, String text)
      throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeCharacters(text);
    xml.writeEndElement();
  }

  private static void lastModified(XMLStreamWriter xml, Instant at) throws XMLStreamException {
    if (at != null) {
      element(xml, "lastmod", XmlOut.seconds(at));
    }
  }
}
