package org.stet.browser;

import com.deque.html.axecore.args.AxeRuleOptions;
import com.deque.html.axecore.args.AxeRunOnlyOptions;
import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.WebDriver;

/**
 * axe-core on the page a browser shows, with the rules behind Lighthouse's accessibility score:
 * every WCAG 2.0 and 2.1 A and AA rule, and the best-practice rules Lighthouse switches on.
 */
final class AxeAudit {

  private static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

  /**
   * The rules Lighthouse 12 enables besides its tags (core/gather/gatherers/accessibility.js); the
   * rules it disables there stay on here, which is stricter.
   */
  private static final List<String> LIGHTHOUSE_RULES =
      List.of(
          "accesskeys",
          "aria-allowed-role",
          "aria-conditional-attr",
          "aria-deprecated-role",
          "aria-dialog-name",
          "aria-prohibited-attr",
          "aria-text",
          "aria-treeitem-name",
          "empty-heading",
          "heading-order",
          "html-xml-lang-mismatch",
          "identical-links-same-purpose",
          "image-redundant-alt",
          "input-button-name",
          "label-content-name-mismatch",
          "landmark-one-main",
          "link-in-text-block",
          "meta-viewport",
          "select-name",
          "skip-link",
          "tabindex",
          "table-duplicate-name",
          "table-fake-caption",
          "target-size",
          "td-has-header");

  private AxeAudit() {}

  /**
   * One line per element that breaks a rule: rule, {@code page}, the element's selector, what axe
   * found wrong with it.
   */
  static List<String> violations(WebDriver browser, String page) {
    Results results = new AxeBuilder().withOptions(options()).analyze(browser);
    if (results.isErrored()) {
      throw new AssertionError("axe-core failed on " + page + ": " + results.getErrorMessage());
    }
    List<String> found = new ArrayList<>();
    for (Rule rule : results.getViolations()) {
      for (CheckedNode node : rule.getNodes()) {
        String why = node.getFailureSummary().replace('\n', ' ');
        found.add(rule.getId() + " on " + page + " at " + node.getTarget() + ": " + why);
      }
    }
    return found;
  }

  private static AxeRunOptions options() {
    AxeRunOnlyOptions tags = new AxeRunOnlyOptions();
    tags.setType("tag");
    tags.setValues(TAGS);
    Map<String, AxeRuleOptions> rules = new LinkedHashMap<>();
    for (String id : LIGHTHOUSE_RULES) {
      AxeRuleOptions on = new AxeRuleOptions();
      on.setEnabled(true);
      rules.put(id, on);
    }
    AxeRunOptions options = new AxeRunOptions();
    options.setRunOnly(tags);
    options.setRules(rules);
    return options;
  }
}
