package org.stet.plugins.commentmoderation;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.stet.audit.AuditLog;
import org.stet.identity.DeskBrowser;
import org.stet.identity.Role;
import org.stet.identity.TestAccounts;
import org.stet.pluginhost.PluginRegistry;
import org.stet.site.TestContent;

/** Articles, settings, readers and an editor for the comment tests. */
@ApplicationScoped
public class CommentFixture {

  private final PluginRegistry registry;
  private final TestContent content;
  private final TestAccounts accounts;
  private final CommentStore store;
  private DeskBrowser editor;
  private String editorEmail;

  CommentFixture(
      PluginRegistry registry, TestContent content, TestAccounts accounts, CommentStore store) {
    this.registry = registry;
    this.content = content;
    this.accounts = accounts;
    this.store = store;
  }

  /**
   * The plugin's defaults, except that tests post at once and as often as they like (the clock and
   * rate-limit rules have tests of their own), with {@code overrides} on top.
   */
  public void settings(Map<String, String> overrides) {
    Map<String, String> values = new LinkedHashMap<>();
    registry
        .entry(CommentModerationPlugin.ID)
        .descriptor()
        .settings()
        .forEach(field -> values.put(field.key(), field.defaultValue()));
    values.put(CommentSettings.MIN_SECONDS, "0");
    values.put(CommentSettings.RATE_SECONDS, "0");
    values.putAll(overrides);
    registry.saveSettings(AuditLog.Actor.system(), CommentModerationPlugin.ID, values);
  }

  /** A new published article; answers its slug. */
  public String article() {
    return article(Instant.now().minusSeconds(3600));
  }

  public String article(Instant publishedAt) {
    String slug = "commented-" + UUID.randomUUID().toString().substring(0, 8);
    content.publish(slug, "Text to discuss.", null, publishedAt);
    return slug;
  }

  /** Posts the article page's comment form as a browser would, with these fields. */
  public static Response post(String slug, Map<String, String> fields) {
    return postForm(page("/articles/" + slug), fields);
  }

  /**
   * Posts the comment form of {@code page} with its hidden fields and these, as a new reader: from
   * a loopback address of its own (a form's stamp is good for one comment per reader network).
   */
  public static Response postForm(Document page, Map<String, String> fields) {
    return postFormFrom(newReader(), page, fields);
  }

  /** {@link #post} from the reader network {@code address} (a loopback address). */
  public static Response postFrom(String address, String slug, Map<String, String> fields) {
    return postFormFrom(address, page("/articles/" + slug), fields);
  }

  /** A loopback address no reader of this test run has used yet. */
  public static String newReader() {
    int n = READERS.incrementAndGet();
    return "127.3." + (n / 250 % 250) + "." + (n % 250 + 1);
  }

  private static final java.util.concurrent.atomic.AtomicInteger READERS =
      new java.util.concurrent.atomic.AtomicInteger();

  /** {@link #postForm} from the reader network {@code address}. */
  public static Response postFormFrom(String address, Document page, Map<String, String> fields) {
    Element form = page.selectFirst("form.comment-form");
    if (form == null) {
      throw new AssertionError("The page has no comment form: " + page.title());
    }
    Map<String, Object> sent = new HashMap<>();
    form.select("input[type=hidden]").forEach(input -> sent.put(input.attr("name"), input.val()));
    sent.put("name", "Reader");
    sent.put("email", "reader-" + UUID.randomUUID() + "@example.org");
    sent.put("text", "A thought " + UUID.randomUUID());
    sent.putAll(fields);
    return given()
        .config(DeskBrowser.leavingFrom(address))
        .redirects()
        .follow(false)
        .contentType("application/x-www-form-urlencoded; charset=UTF-8")
        .formParams(sent)
        .post(form.attr("action"));
  }

  /** The comment a post created, from where it redirected to. */
  public Comment posted(Response response) {
    String location = response.header("Location");
    if (location == null) {
      throw new AssertionError("No redirect: " + response.statusCode() + " " + response.asString());
    }
    if (location.contains("/posted/")) {
      return store.findByToken(location.substring(location.lastIndexOf('/') + 1)).orElseThrow();
    }
    return store
        .find(Long.parseLong(location.substring(location.lastIndexOf("#comment-") + 9)))
        .orElseThrow();
  }

  /** An editor signed in to the desk (one for all tests). */
  public synchronized DeskBrowser editor() {
    if (editor == null) {
      editorEmail = "comment-editor-" + UUID.randomUUID() + "@stet.test";
      accounts.create(editorEmail, Role.EDITOR);
      editor = DeskBrowser.signedIn(editorEmail, TestAccounts.PASSWORD);
      editor.get("/desk/plugins/comment-moderation");
    }
    return editor;
  }

  /** The address of the editor {@link #editor()} signs in as. */
  public String editorEmail() {
    editor();
    return editorEmail;
  }

  /** The editor takes a moderation step on one comment through the desk. */
  public Response moderate(long id, String action) {
    return editor()
        .post(
            "/desk/plugins/comment-moderation/" + id + "/moderate",
            Map.of("action", action, "back", "status=PENDING"));
  }

  public Comment comment(long id) {
    return store.find(id).orElseThrow();
  }

  public static Document page(String path) {
    return Jsoup.parse(given().get(path).then().statusCode(200).extract().asString());
  }
}
