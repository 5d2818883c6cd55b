package org.stet;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Validates what Stet writes against a published XML Schema from {@code ../shared/schemas}, with
 * the JDK and no network: a schema may import only local files, a document may load nothing.
 */
public final class XmlSchemas {

  private XmlSchemas() {}

  /**
   * The schema at {@code relative} under {@code ../shared/schemas} (see {@link SharedFixtures}).
   */
  public static Schema load(String relative) {
    Path file = SharedFixtures.require("schemas/" + relative);
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    try {
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
      return factory.newSchema(file.toFile());
    } catch (SAXException e) {
      throw new IllegalStateException("The schema " + file + " did not load", e);
    }
  }

  /**
   * One schema of the files at {@code relatives} under {@code ../shared/schemas} and of {@code
   * inline} schema texts (for a namespace no published file describes).
   */
  public static Schema load(List<String> relatives, String... inline) {
    List<javax.xml.transform.Source> sources = new ArrayList<>();
    for (String relative : relatives) {
      sources.add(new StreamSource(SharedFixtures.require("schemas/" + relative).toFile()));
    }
    for (String text : inline) {
      sources.add(new StreamSource(new java.io.StringReader(text)));
    }
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    try {
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
      return factory.newSchema(sources.toArray(javax.xml.transform.Source[]::new));
    } catch (SAXException e) {
      throw new IllegalStateException("The schemas " + relatives + " did not load", e);
    }
  }

  /**
   * Crossref's deposit schema {@code crossref/crossref{version}.xsd}, its imports of W3C schemas
   * (MathML 3, xml.xsd, XLink) resolved to the copies in {@code crossref/standard-modules}; any
   * other address is an error, so nothing is fetched.
   */
  public static Schema crossref(String version) {
    Path main = SharedFixtures.require("schemas/crossref/crossref" + version + ".xsd");
    Path folder = main.getParent();
    Map<String, Path> local =
        Map.of(
            "mathml3.xsd", folder.resolve("standard-modules/mathml3/mathml3.xsd"),
            "xml.xsd", folder.resolve("standard-modules/xml.xsd"),
            "xlink.xsd", folder.resolve("standard-modules/xlink.xsd"));
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    factory.setResourceResolver(
        (type, namespace, publicId, systemId, baseUri) -> {
          if (systemId == null || !systemId.matches("(?i)https?://.*")) {
            return null;
          }
          Path file = local.get(systemId.substring(systemId.lastIndexOf('/') + 1));
          if (file == null) {
            throw new IllegalStateException("The schema wants " + systemId + " from the network");
          }
          return localInput(file, publicId, systemId, baseUri);
        });
    try {
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
      return factory.newSchema(main.toFile());
    } catch (SAXException e) {
      throw new IllegalStateException("The Crossref " + version + " schema did not load", e);
    }
  }

  private static org.w3c.dom.ls.LSInput localInput(
      Path file, String publicId, String systemId, String baseUri) {
    return new org.w3c.dom.ls.LSInput() {
      private String system = file.toUri().toString();

      @Override
      public java.io.Reader getCharacterStream() {
        return null;
      }

      @Override
      public void setCharacterStream(java.io.Reader characterStream) {}

      @Override
      public java.io.InputStream getByteStream() {
        try {
          return java.nio.file.Files.newInputStream(file);
        } catch (java.io.IOException e) {
          throw new IllegalStateException(e);
        }
      }

      @Override
      public void setByteStream(java.io.InputStream byteStream) {}

      @Override
      public String getStringData() {
        return null;
      }

      @Override
      public void setStringData(String stringData) {}

      @Override
      public String getSystemId() {
        return system;
      }

      @Override
      public void setSystemId(String systemId) {
        system = systemId;
      }

      @Override
      public String getPublicId() {
        return publicId;
      }

      @Override
      public void setPublicId(String publicId) {}

      @Override
      public String getBaseURI() {
        return baseUri;
      }

      @Override
      public void setBaseURI(String baseURI) {}

      @Override
      public String getEncoding() {
        return null;
      }

      @Override
      public void setEncoding(String encoding) {}

      @Override
      public boolean getCertifiedText() {
        return false;
      }

      @Override
      public void setCertifiedText(boolean certifiedText) {}
    };
  }

  /** {@code xml} parsed with namespaces; a DOCTYPE is refused and nothing external is loaded. */
  public static org.w3c.dom.Document parse(byte[] xml) throws Exception {
    javax.xml.parsers.DocumentBuilderFactory factory =
        javax.xml.parsers.DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
  }

  /**
   * Every error the DTD named in {@code xml}'s DOCTYPE finds in it, the DTD and its modules read
   * through the OASIS catalog at {@code catalog} under {@code ../shared/schemas} and never from the
   * network (an identifier the catalog does not know is an error).
   */
  public static List<String> dtdErrors(String catalog, byte[] xml) {
    Path file = SharedFixtures.require("schemas/" + catalog);
    List<String> errors = new ArrayList<>();
    try {
      javax.xml.catalog.CatalogResolver resolver =
          javax.xml.catalog.CatalogManager.catalogResolver(
              javax.xml.catalog.CatalogFeatures.builder()
                  .with(javax.xml.catalog.CatalogFeatures.Feature.RESOLVE, "strict")
                  .with(javax.xml.catalog.CatalogFeatures.Feature.PREFER, "public")
                  .build(),
              file.toUri());
      javax.xml.parsers.DocumentBuilderFactory factory =
          javax.xml.parsers.DocumentBuilderFactory.newInstance();
      factory.setValidating(true);
      factory.setNamespaceAware(true);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "file");
      javax.xml.parsers.DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setEntityResolver(resolver);
      builder.setErrorHandler(collector(errors));
      builder.parse(new org.xml.sax.InputSource(new ByteArrayInputStream(xml)));
    } catch (Exception e) {
      errors.add("not valid: " + e.getMessage());
    }
    return errors;
  }

  private static ErrorHandler collector(List<String> errors) {
    return new ErrorHandler() {
      @Override
      public void warning(SAXParseException warning) {}

      @Override
      public void error(SAXParseException error) {
        errors.add(
            error.getLineNumber() + ":" + error.getColumnNumber() + " " + error.getMessage());
      }

      @Override
      public void fatalError(SAXParseException error) {
        error(error);
      }
    };
  }

  /** Every error {@code schema} finds in {@code xml}, one line each; empty when it is valid. */
  public static List<String> errors(Schema schema, byte[] xml) {
    List<String> errors = new ArrayList<>();
    Validator validator = schema.newValidator();
    try {
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      validator.setErrorHandler(collector(errors));
      validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
    } catch (SAXException | java.io.IOException e) {
      errors.add("not valid: " + e.getMessage());
    }
    return errors;
  }
}
