package org.stet.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.stet.audit.AuditLog;
import org.stet.identity.DeskBrowser;
import org.stet.identity.Role;
import org.stet.identity.SessionCookie;
import org.stet.identity.TestAccounts;
import org.stet.identity.service.AccountService;
import org.stet.site.TestContent;

/**
 * The adversarial test's high finding, swept for the class: hostile labels, ids, link texts, titles
 * and attribute-breaking strings in every Markdown construct (footnotes, links, images, headings,
 * tables, citations, code, raw HTML), read on the desk pages of every role, in the live preview and
 * on the public page. In every body only what the body policy allows appears (the policy is written
 * out here again, independently of the code), and every page has exactly the forms, head elements
 * and scripts it has for a plain article.
 */
@QuarkusTest
class HostileMarkupSweepTest {

  /** Strings that try to leave an attribute, a text or a URL, or to look like Stet's own. */
  static final List<String> HOSTILE =
      List.of(
          "\"><form/action=\"/desk/articles/7/transition\"/method=\"post\"><input/type=\"hidden\""
              + "/name=\"action\"/value=\"ACCEPT\">",
          "\"><meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
          "<meta http-equiv=refresh content=0;url=https://evil.example>",
          "\"><meta/http-equiv=\"refresh\"/content=\"0;url=https://evil.example/\">",
          "' autofocus onfocus='alert(1)",
          "\" onmouseover=\"alert(1)",
          "javascript:alert(1)",
          "JaVaScRiPt&colon;alert(1)",
          "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
          "</textarea><script>alert(1)</script>",
          "</title><base href=\"https://evil.example/\">",
          "<style>form{display:none}</style>",
          "<svg/onload=alert(1)>",
          "<a href=\"/desk/admin/users/1/roles\" class=\"danger\">Reject</a>",
          "<button form=\"decision\" formaction=\"/desk/sign-out\">Send decision</button>",
          "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
          "main",
          "fn-1",
          "comments\" id=\"state",
          "{inject:csrf.token}{#if true}qute{/if}",
          "&#x22;&#x3e;&#x3c;form&#x3e;",
          "\u202Egnp.exe\u202C",
          "`</code><form>`",
          "]]><!--",
          "[x](javascript:alert(1))");

  /** The body policy, written out for this test. */
  private static final Set<String> BODY_TAGS =
      Set.of(
          "p",
          "br",
          "hr",
          "em",
          "strong",
          "code",
          "pre",
          "blockquote",
          "ul",
          "ol",
          "li",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "table",
          "thead",
          "tbody",
          "tr",
          "th",
          "td",
          "sup",
          "sub",
          "a",
          "img",
          "del",
          "i",
          "b",
          "mark");

  private static final Map<String, Set<String>> BODY_ATTRIBUTES =
      Map.ofEntries(
          Map.entry("a", Set.of("href", "title", "id", "class")),
          Map.entry("sup", Set.of("class", "id")),
          Map.entry("ol", Set.of("start", "class")),
          Map.entry("li", Set.of("id")),
          Map.entry("h2", Set.of("id")),
          Map.entry("h3", Set.of("id")),
          Map.entry("h4", Set.of("id")),
          Map.entry("h5", Set.of("id")),
          Map.entry("h6", Set.of("id")),
          Map.entry("th", Set.of("align")),
          Map.entry("td", Set.of("align")),
          Map.entry("img", Set.of("src", "alt", "title")),
          Map.entry("mark", Set.of("class", "title")));

  private static final Pattern OWN_ID = Pattern.compile("(fn|sec)-\\d+|fnref-\\d+(-\\d+)?");
  private static final Set<String> OWN_CLASSES =
      Set.of("footnote-ref", "footnotes", "footnote-back", "citation", "citation-missing");
  private static final Pattern SAFE_TARGET = Pattern.compile("(https?://|mailto:|/(?!/)|#).*");

  private static final String AUTHOR = "sweep-author@stet.test";
  private static final String EDITOR = "sweep-editor@stet.test";
  private static final String REVIEWER = "sweep-reviewer@stet.test";
  private static final String DUE = LocalDate.now().plusDays(30).toString();

  @Inject TestAccounts accounts;
  @Inject TestContent content;
  @Inject AccountService accountService;

  @Test
  void hostileMarkupInEveryConstructStaysInsideThePolicyOnEveryPage() {
    accounts.create(AUTHOR, Role.AUTHOR);
    accounts.create(EDITOR, Role.EDITOR);
    accounts.create(REVIEWER, Role.REVIEWER);
    DeskBrowser author = DeskBrowser.signedIn(AUTHOR, TestAccounts.PASSWORD);
    DeskBrowser editor = DeskBrowser.signedIn(EDITOR, TestAccounts.PASSWORD);
    DeskBrowser reviewer = DeskBrowser.signedIn(REVIEWER, TestAccounts.PASSWORD);
    DeskBrowser admin = DeskBrowser.signedIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);

    Pages plain =
        pages(author, editor, reviewer, "Plain", "A plain *paragraph*.[^1]\n\n[^1]: Note.");
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < HOSTILE.size(); i++) {
      String hostile = HOSTILE.get(i);
      Pages pages = pages(author, editor, reviewer, "Sweep " + i + " " + hostile, body(hostile));
      pages.compareWith(plain, hostile, problems);
      try {
        accountService.create(
            AuditLog.Actor.system(),
            new AccountService.NewAccount(
                "sweep-" + i + "@stet.test", hostile, TestAccounts.PASSWORD, Set.of(Role.AUTHOR)));
      } catch (AccountService.Refused refused) {
        // a name the form refuses is refused here too
      }
    }
    Document users = Jsoup.parse(admin.get("/desk/admin/users").asString());
    checkPage("admin: users", users, problems);

    assertThat(problems).isEmpty();
  }

  private static List<String> citedKeys(String body) {
    List<String> keys = new ArrayList<>();
    org.stet.markdown.MarkdownRenderer.citations(body)
        .forEach(cluster -> cluster.cites().forEach(cite -> keys.add(cite.key())));
    return keys;
  }

  /** Every Markdown construct, each carrying {@code h} where a writer can put text. */
  static String body(String h) {
    String line = h.replace("\n", " ");
    return String.join(
        "\n\n",
        "Claim[^" + line + "] and again[^" + line + "] and [@" + line + "] [@ref].",
        "[^" + line + "]: The note: " + line,
        "[" + line + "](https://example.org \"" + line + "\") [text](" + line + ")",
        "[reference][" + line + "]",
        "[" + line + "]: https://example.org/ref \"" + line + "\"",
        "![Figure " + line + "](https://example.org/i.png \"" + line + "\") ![alt](" + line + ")",
        "# " + line + " {#" + line + "}",
        line + "\n---",
        "| " + line + " | b |\n|---|---|\n| x | " + line + " |",
        "`" + line + "` and\n\n```" + line + "\n" + line + "\n```",
        "<div id=\"" + line + "\">" + line + "</div>",
        "> " + line,
        "- " + line + "\n- [" + line + "](#" + line + ")");
  }

  /** What each role sees of one article, from draft to review, and the preview and public page. */
  private Pages pages(
      DeskBrowser author, DeskBrowser editor, DeskBrowser reviewer, String title, String body) {
    String shownTitle = title.length() > 200 ? title.substring(0, 200) : title;
    Response created =
        api(author).body(Map.of("title", shownTitle, "body", body)).post("/api/v1/articles");
    if (created.statusCode() == 400) {
      created = api(author).body(Map.of("title", "Sweep", "body", body)).post("/api/v1/articles");
    }
    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    int id = created.path("id");
    long version = ((Number) created.path("version")).longValue();
    Map<String, Object> edit = new java.util.HashMap<>();
    edit.put("title", created.path("title"));
    edit.put("body", body + "\n\nA second revision.");
    edit.put("version", version);
    // The body cites [@ref]: its reference carries the hostile string in every text field.
    String text = created.path("title");
    List<Map<String, Object>> references = new ArrayList<>();
    references.add(
        Map.of(
            "id",
            "ref",
            "type",
            "article-journal",
            "author",
            List.of(Map.of("family", text, "given", text)),
            "title",
            text,
            "container-title",
            text,
            "page",
            text,
            "URL",
            "https://example.org/"
                + java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8)));
    // Hostile lines that happen to be keys are cited too: each gets a reference, so it can go on.
    for (String key : new TreeSet<>(citedKeys(body))) {
      if (!key.equals("ref")) {
        references.add(Map.of("id", key, "type", "book", "title", text));
      }
    }
    edit.put("references", references);
    api(author).body(edit).put("/api/v1/articles/" + id).then().statusCode(200);
    api(author)
        .body(Map.of("action", "SUBMIT"))
        .post("/api/v1/articles/" + id + "/transitions")
        .then()
        .statusCode(200);
    int review =
        api(editor)
            .body(Map.of("reviewer", REVIEWER, "dueOn", DUE))
            .post("/api/v1/articles/" + id + "/reviews")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    api(reviewer).post("/api/v1/reviews/" + review + "/accept").then().statusCode(200);
    String preview =
        api(author)
            .body(Map.of("body", body))
            .post("/api/v1/preview")
            .then()
            .statusCode(200)
            .extract()
            .path("html");
    String slug = "sweep-" + java.util.UUID.randomUUID();
    content.publish(slug, body, null, Instant.now().minusSeconds(60));

    Pages pages = new Pages();
    pages.add("author: article", author.get("/desk/articles/" + id).asString(), ".article-text");
    pages.add("author: editor", author.get("/desk/articles/" + id + "/edit").asString(), null);
    pages.add("author: list", author.get("/desk/articles").asString(), null);
    pages.add(
        "author: diff", author.get("/desk/articles/" + id + "/diff?from=1&to=2").asString(), null);
    pages.add("editor: article", editor.get("/desk/articles/" + id).asString(), ".article-text");
    pages.add("editor: queue", editor.get("/desk/queue?state=IN_REVIEW").asString(), null);
    pages.add(
        "editor: diff", editor.get("/desk/articles/" + id + "/diff?from=1&to=2").asString(), null);
    pages.add(
        "reviewer: review", reviewer.get("/desk/reviews/" + review).asString(), ".article-text");
    pages.add("reviewer: list", reviewer.get("/desk/reviews").asString(), null);
    pages.add(
        "public: article",
        given().get("/articles/" + slug).then().statusCode(200).extract().asString(),
        ".article-body, section.footnotes li");
    pages.preview = preview;
    return pages;
  }

  private static RequestSpecification api(DeskBrowser browser) {
    return given()
        .cookie(SessionCookie.NAME, browser.cookie(SessionCookie.NAME))
        .header("Origin", DeskBrowser.origin())
        .contentType("application/json")
        .accept("application/json");
  }

  /** The pages of one article, by name, with the selector of their body (null: no body). */
  private static final class Pages {
    final Map<String, Document> documents = new java.util.LinkedHashMap<>();
    final Map<String, String> bodies = new java.util.HashMap<>();
    String preview;

    void add(String name, String html, String body) {
      documents.put(name, Jsoup.parse(html));
      if (body != null) {
        bodies.put(name, body);
      }
    }

    void compareWith(Pages plain, String hostile, List<String> problems) {
      for (var page : documents.entrySet()) {
        String what = page.getKey() + " with " + hostile;
        Document document = page.getValue();
        checkPage(what, document, problems);
        if (!signature(document).equals(signature(plain.documents.get(page.getKey())))) {
          problems.add(
              what
                  + ": the page's forms, head or scripts differ from a plain article's: "
                  + signature(document));
        }
        String body = bodies.get(page.getKey());
        if (body != null) {
          List<Element> containers = document.select(body);
          if (containers.isEmpty()) {
            problems.add(what + ": no body (" + body + ")");
          }
          containers.forEach(container -> checkBody(what, container, problems));
        }
      }
      Document fragment = Jsoup.parseBodyFragment(preview);
      checkBody("preview with " + hostile, fragment.body(), problems);
    }
  }

  /** Nothing on the page runs, refreshes, re-bases or styles what a writer typed. */
  static void checkPage(String what, Document page, List<String> problems) {
    if (!page.select(
            "script:not([src]):not([type=application/ld+json]), iframe, object, embed, svg, math,"
                + " body base, body meta, body link, body style, head style")
        .isEmpty()) {
      problems.add(what + ": active element " + page.select("body base, body meta, iframe, svg"));
    }
    for (Element element : page.getAllElements()) {
      for (Attribute attribute : element.attributes()) {
        String name = attribute.getKey();
        String value = attribute.getValue().strip().toLowerCase(java.util.Locale.ROOT);
        if (name.startsWith("on") || name.equals("style") || name.equals("formaction")) {
          problems.add(what + ": attribute " + name + " on " + element.tagName());
        }
        if ((name.equals("href") || name.equals("src") || name.equals("action"))
            && (value.startsWith("javascript:") || value.startsWith("data:"))) {
          problems.add(what + ": " + name + "=" + value);
        }
      }
    }
  }

  /** Every element and attribute in a body is one the body policy allows. */
  static void checkBody(String what, Element container, List<String> problems) {
    for (Element element : container.getAllElements()) {
      if (element == container
          || (element.parent() == container && element.hasClass("footnote-back"))) {
        continue; // the page's own back link beside a footnote, written by its template
      }
      String tag = element.tagName();
      if (!BODY_TAGS.contains(tag)) {
        problems.add(what + ": element " + tag);
        continue;
      }
      for (Attribute attribute : element.attributes()) {
        String name = attribute.getKey();
        String value = attribute.getValue();
        if (!BODY_ATTRIBUTES.getOrDefault(tag, Set.of()).contains(name)) {
          problems.add(what + ": attribute " + name + " on " + tag);
        } else if (name.equals("id") && !OWN_ID.matcher(value).matches()) {
          problems.add(what + ": id " + value);
        } else if (name.equals("class") && !OWN_CLASSES.containsAll(element.classNames())) {
          problems.add(what + ": class " + value);
        } else if ((name.equals("href") || name.equals("src"))
            && !SAFE_TARGET.matcher(value).matches()) {
          problems.add(what + ": " + name + "=" + value);
        }
      }
    }
  }

  /**
   * What a page offers to do and load: its forms (action without numbers, method, field names and
   * hidden values' names), the elements of its head, and its scripts.
   */
  static Set<String> signature(Document page) {
    Set<String> signature = new TreeSet<>();
    for (Element form : page.select("form")) {
      List<String> fields = new ArrayList<>();
      form.select("input, textarea, select, button")
          .forEach(f -> fields.add(f.tagName() + ":" + f.attr("name")));
      signature.add(
          "form "
              + form.attr("method")
              + " "
              + form.attr("action").replaceAll("[0-9]+", "N")
              + " "
              + fields);
    }
    for (Element element : page.head().children()) {
      if (!element.tagName().equals("title")) {
        Element copy = element.clone();
        copy.removeAttr("content"); // the page's description and the CSRF token vary by page
        if (copy.attr("rel").equals("canonical")) {
          copy.removeAttr("href"); // the page's own address (CitationMetadataTest checks it)
        }
        if (copy.tagName().equals("script")) {
          copy.empty(); // the JSON-LD names the article; its escaping is ArticlePageResourceTest's
        }
        signature.add("head " + copy.outerHtml());
      }
    }
    page.select("script").forEach(script -> signature.add("script " + script.attr("src")));
    return signature;
  }
}
