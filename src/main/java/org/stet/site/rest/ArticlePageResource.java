package org.stet.site.rest;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.stet.article.Slug;
import org.stet.site.ArticlePageCache;
import org.stet.site.ArticlePageCache.CachedPage;
import org.stet.site.PageModels.ArticleDetail;
import org.stet.site.PageModels.Chrome;
import org.stet.site.ViewCounter;
import org.stet.site.service.PublicSiteService;

/**
 * The public article page. Renders on a cache miss; {@link ArticlePageFastPath} answers hits
 * without entering this resource.
 */
@Path("/articles")
public class ArticlePageResource {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance article(Chrome chrome, ArticleDetail article);
  }

  private final PublicSiteService site;
  private final ArticlePageCache cache;
  private final ViewCounter views;
  private final PublicCaching caching;

  ArticlePageResource(
      PublicSiteService site, ArticlePageCache cache, ViewCounter views, PublicCaching caching) {
    this.site = site;
    this.cache = cache;
    this.views = views;
    this.caching = caching;
  }

  @GET
  @Path("{slug}")
  @Produces(MediaType.TEXT_HTML)
  public Response article(@PathParam("slug") String slug) {
    if (!Slug.isValid(slug)) {
      throw new NotFoundException();
    }
    ArticleDetail article = site.article(slug).orElseThrow(NotFoundException::new);
    byte[] html = Templates.article(site.chrome(), article).render().getBytes(UTF_8);
    cache.put(slug, new CachedPage(article.view().id(), html));
    views.record(article.view().id());
    return caching.publicPage(Response.ok(html, PublicCaching.HTML)).build();
  }
}
