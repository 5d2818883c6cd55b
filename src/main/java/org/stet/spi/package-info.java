/**
 * The plugin contract: the only Stet package a plugin may import.
 *
 * <p>Types here are small and stable. Plugins see immutable views ({@link
 * org.stet.spi.ArticleView}, {@link org.stet.spi.PersonView}), never entities.
 *
 * @since 0.1
 */
package org.stet.spi;
