package org.stet.pluginhost;

import jakarta.enterprise.context.ApplicationScoped;
import org.stet.media.ImageChecks;
import org.stet.media.UploadRefused;
import org.stet.spi.Images;

/** The SPI's image checks: core's {@link ImageChecks}, with its refusals in SPI terms. */
@ApplicationScoped
public class PluginImages implements Images {

  @Override
  public Squares squareJpegs(String fileName, byte[] bytes, long maxBytes, int... sides)
      throws Refused {
    try {
      ImageChecks.checkSize(bytes.length, maxBytes);
      ImageChecks.Squares squares = ImageChecks.squareJpegs(fileName, bytes, maxBytes, sides);
      return new Squares(squares.sourceType(), squares.jpegs());
    } catch (UploadRefused refused) {
      throw new Refused(refused.status(), refused.getMessage());
    }
  }
}
