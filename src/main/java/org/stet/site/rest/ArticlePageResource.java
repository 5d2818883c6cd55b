package org.stet.site.rest;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.stet.site.ArticlePageCache;
import org.stet.site.ArticlePageCache.CachedPage;
import org.stet.site.ViewCounter;
import org.stet.web.Slug;

/**
 * The public article page when it is not cached yet; {@link ArticlePageFastPath} answers cached
 * pages without entering the REST layer.
 */
@PermitAll
@Path("/articles")
public class ArticlePageResource {

  private final ArticlePageCache cache;
  private final ViewCounter views;
  private final PublicCaching caching;

  ArticlePageResource(ArticlePageCache cache, ViewCounter views, PublicCaching caching) {
    this.cache = cache;
    this.views = views;
    this.caching = caching;
  }

  @GET
  @Path("{slug}")
  @Produces(MediaType.TEXT_HTML)
  public Response article(@PathParam("slug") String slug) {
    CachedPage page = Slug.isValid(slug) ? cache.get(slug) : null;
    if (page == null) {
      throw new NotFoundException();
    }
    views.record(page.articleId());
    ByteBuf html = page.view();
    return caching.publicPage(Response.ok(ByteBufUtil.getBytes(html), PublicCaching.HTML)).build();
  }
}
