package org.stet.browser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nu.validator.validation.SimpleDocumentValidator;
import org.apache.log4j.LogManager;
import org.apache.log4j.varia.NullAppender;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The Nu HTML Checker (the engine of validator.w3.org/nu) in this JVM, with the schema and checks
 * {@code vnu.jar} uses by default. Building the schema takes seconds: make one and check every page
 * with it. Not thread-safe.
 */
public final class HtmlChecker {

  /** vnu's default: HTML with SVG, MathML and RDFa, plus the assertions no schema can say. */
  private static final String SCHEMA = "http://s.validator.nu/html5-all.rnc";

  private final List<String> errors = new ArrayList<>();
  private final SimpleDocumentValidator validator;
  private String[] lines = new String[0];

  public HtmlChecker() {
    ErrorHandler collecting =
        new ErrorHandler() {
          @Override
          public void warning(SAXParseException warning) {
            // vnu --errors-only leaves warnings and info out too
          }

          @Override
          public void error(SAXParseException error) {
            errors.add(describe(error));
          }

          @Override
          public void fatalError(SAXParseException error) {
            errors.add(describe(error));
          }
        };
    // The checker logs through log4j 1, which is not set up here: its messages would only be noise.
    LogManager.getRootLogger().addAppender(new NullAppender());
    // (false, false, false): leave log4j alone, log no URLs, detect no language (it only warns)
    validator = new SimpleDocumentValidator(false, false, false);
    try {
      validator.setUpMainSchema(SCHEMA, collecting);
      // buffered (not streaming) parsing reports every error instead of stopping at a fatal one;
      // no external entities are loaded
      validator.setUpValidatorAndParsers(collecting, true, false);
    } catch (Exception e) {
      throw new IllegalStateException("The Nu HTML Checker could not load its schema", e);
    }
  }

  /** The errors in a served UTF-8 page, one line each: line, column, message and that line. */
  public List<String> errors(byte[] html) {
    errors.clear();
    lines = new String(html, StandardCharsets.UTF_8).split("\n", -1);
    InputSource source = new InputSource(new ByteArrayInputStream(html));
    source.setEncoding("UTF-8");
    try {
      validator.checkHtmlInputSource(source);
    } catch (IOException | SAXException e) {
      errors.add("not checked: " + e);
    }
    return List.copyOf(errors);
  }

  private String describe(SAXParseException error) {
    int line = error.getLineNumber();
    String text = line >= 1 && line <= lines.length ? lines[line - 1] : "";
    if (text.length() > 160) {
      int from = Math.max(0, Math.min(text.length(), error.getColumnNumber()) - 120);
      text = "…" + text.substring(from, Math.min(text.length(), from + 160)) + "…";
    }
    return line
        + ":"
        + error.getColumnNumber()
        + " "
        + error.getMessage()
        + " ["
        + text.strip()
        + "]";
  }
}
