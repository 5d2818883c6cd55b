package org.stet.plugins.authorprofiles;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.stet.article.ArticleStatus;
import org.stet.identity.DeskBrowser;
import org.stet.identity.Role;
import org.stet.identity.TestAccounts;
import org.stet.site.TestContent;

/**
 * Editing profiles in the desk: who may, what is kept, the photo upload and its refusals, and the
 * photo's removal, asked first.
 */
@QuarkusTest
class ProfileDeskTest {

  private static final String DESK = "/desk/plugins/author-profiles";

  @Inject TestAccounts accounts;
  @Inject TestContent content;

  @Test
  void anAuthorEditsTheirOwnProfileAndTheAuthorPageShowsIt() {
    Author author = author();
    DeskBrowser desk = author.desk();
    assertThat(desk.get(DESK).statusCode()).isEqualTo(303);
    Document form = html(desk.get(author.deskPath()));
    assertThat(form.selectFirst("h1").text()).isEqualTo("Your profile");
    assertThat(form.select("nav a[href=" + DESK + "]").text()).isEqualTo("My profile");

    Response saved =
        desk.post(author.deskPath(), author.profile("0", "Energy analyst", "2019-03-01"));

    assertThat(saved.statusCode()).isEqualTo(303);
    assertThat(saved.header("Location")).endsWith(author.deskPath() + "?saved=1");
    assertThat(html(desk.get(author.deskPath() + "?saved=1")).selectFirst("[role=status]").text())
        .isEqualTo("Saved.");
    Document page = publicPage("/authors/" + author.slug);
    assertThat(page.selectFirst(".author-profile .author-position").text())
        .isEqualTo("Energy analyst");
    assertThat(page.selectFirst(".author-profile .author-affiliation").text())
        .isEqualTo("Eurasian Research Institute");
    assertThat(page.selectFirst(".author-orcid a").attr("href"))
        .isEqualTo("https://orcid.org/0000-0002-1825-0097");
    assertThat(page.selectFirst(".author-links a").attr("href")).isEqualTo("https://example.org");
    assertThat(accounts.auditActions("person:" + author.personId)).contains("PLUGIN_ACTION");
    Document edited = html(desk.get(author.deskPath()));
    assertThat(edited.select("#history li").first().text())
        .startsWith("Profile saved (version 1), by User " + author.name);
  }

  @Test
  void aLongBiographyAndAnUpperCaseAddressAreSavedWhole() {
    Author author = author();
    Map<String, Object> form = author.profile("0", "Analyst", "2018-01-01");
    String biography = "A long life of research. ".repeat(600);
    form.put("biography", biography);
    form.put("linkUrl", List.of("HTTPS://Example.org/Me"));

    assertThat(author.desk().post(author.deskPath(), form).statusCode()).isEqualTo(303);

    Document page = publicPage("/authors/" + author.slug);
    assertThat(page.selectFirst(".author-bio").text()).isEqualTo(biography.strip());
    assertThat(page.selectFirst(".author-links a").attr("href"))
        .isEqualTo("https://Example.org/Me");
  }

  @Test
  void theBylineNameIsEditedWithTheProfileAndTheAddressStays() {
    Author author = author();
    Map<String, Object> form = author.profile("0", "Analyst", "2018-01-01");
    form.put("displayName", "");
    Response refused = author.desk().post(author.deskPath(), form);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(html(refused).selectFirst("#displayName-error").text()).contains("1 to 200");

    form.put("displayName", "Dr. Aliya " + author.name);
    assertThat(author.desk().post(author.deskPath(), form).statusCode()).isEqualTo(303);

    assertThat(publicPage("/authors/" + author.slug).selectFirst("h1").text())
        .isEqualTo("Dr. Aliya " + author.name);
    assertThat(accounts.auditActions("person:" + author.personId)).hasSizeGreaterThanOrEqualTo(2);
  }

  /** The adversarial test renamed an author's byline "Eddie Editor"; the desk believed it. */
  @Test
  void aBylineCannotTakeAnotherAccountsName() {
    Author author = author();
    Author other = author();
    Map<String, Object> form = author.profile("0", "Analyst", "2018-01-01");
    form.put("displayName", " user  " + other.name.toUpperCase(java.util.Locale.ROOT) + " ");

    Response refused = author.desk().post(author.deskPath(), form);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(html(refused).selectFirst("#displayName-error").text())
        .contains("Another account's byline has this name");
    assertThat(publicPage("/authors/" + author.slug).selectFirst("h1").text())
        .isEqualTo("User " + author.name);
  }

  @Test
  void aLockedBylineNameStaysWhoeverTriesToChangeIt() {
    Author author = author();
    DeskBrowser admin = DeskBrowser.signedIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
    long accountId = accounts.find(author.email).id;
    assertThat(
            admin
                .post("/desk/admin/users/" + accountId + "/byline-lock", Map.of("locked", "true"))
                .statusCode())
        .isEqualTo(303);
    Map<String, Object> form = author.profile("0", "Analyst", "2018-01-01");
    form.put("displayName", "Eddie Editor");

    Response refused = author.desk().post(author.deskPath(), form);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(html(refused).selectFirst("#displayName-error").text()).contains("locked");
    assertThat(accounts.auditActions(author.email)).contains("BYLINE_LOCKED");
    form.put("displayName", "User " + author.name);
    assertThat(author.desk().post(author.deskPath(), form).statusCode())
        .as("the rest of the profile still saves")
        .isEqualTo(303);
    admin.post("/desk/admin/users/" + accountId + "/byline-lock", Map.of("locked", "false"));
    form.put("displayName", "Dr. " + author.name);
    form.put("version", "1");
    assertThat(author.desk().post(author.deskPath(), form).statusCode()).isEqualTo(303);
  }

  @Test
  void anAuthorCannotEditAnotherAuthorsProfile() {
    Author owner = author();
    Author other = author();
    owner.desk().post(owner.deskPath(), owner.profile("0", "Economist", "2020-01-01"));
    DeskBrowser intruder = other.desk();

    assertThat(intruder.get(owner.deskPath()).statusCode()).isEqualTo(403);
    assertThat(
            intruder
                .post(owner.deskPath(), owner.profile("1", "Hacked", "2020-01-01"))
                .statusCode())
        .isEqualTo(403);
    assertThat(
            intruder
                .upload(owner.deskPath() + "/photo", "photo", "p.png", png(), "image/png")
                .statusCode())
        .isEqualTo(403);
    assertThat(intruder.post(owner.deskPath() + "/photo/delete", Map.of()).statusCode())
        .as("not even the question is shown")
        .isEqualTo(403);
    assertThat(
            intruder
                .post(owner.deskPath() + "/photo/delete", Map.of("confirmed", "yes"))
                .statusCode())
        .isEqualTo(403);
    assertThat(intruder.get(DESK).header("Location")).endsWith(other.deskPath());
    assertThat(publicPage("/authors/" + owner.slug).selectFirst(".author-position").text())
        .isEqualTo("Economist");
  }

  @Test
  void editorsEditAnyonesProfileAndSeeEveryone() {
    Author author = author();
    String editor = "editor-" + UUID.randomUUID() + "@stet.test";
    accounts.create(editor, Role.EDITOR);
    DeskBrowser desk = DeskBrowser.signedIn(editor, TestAccounts.PASSWORD);

    Document list = html(desk.get(DESK));
    assertThat(list.select("nav a[href=" + DESK + "]").text()).isEqualTo("Profiles");
    assertThat(list.select("#people a").eachText()).isNotEmpty();
    assertThat(
            desk.post(author.deskPath(), author.profile("0", "Fellow", "2018-01-01")).statusCode())
        .isEqualTo(303);
    assertThat(publicPage("/authors/" + author.slug).selectFirst(".author-position").text())
        .isEqualTo("Fellow");
  }

  @Test
  void aStaleSaveIsRefusedWith409AndKeepsWhatWasTyped() {
    Author author = author();
    DeskBrowser desk = author.desk();
    desk.post(author.deskPath(), author.profile("0", "First", "2018-01-01"));
    desk.post(author.deskPath(), author.profile("1", "Second", "2018-01-01"));

    Map<String, Object> stale = author.profile("1", "Typed in an old tab", "2018-01-01");
    Response refused = desk.post(author.deskPath(), stale);

    assertThat(refused.statusCode()).isEqualTo(409);
    Document page = html(refused);
    assertThat(page.selectFirst("[role=alert]").text()).contains("Someone saved this profile");
    assertThat(page.selectFirst("#position-title-0").val()).isEqualTo("Typed in an old tab");
    assertThat(publicPage("/authors/" + author.slug).selectFirst(".author-position").text())
        .isEqualTo("Second");
  }

  @Test
  void aWrongFieldIsMarkedBesideItAndNothingIsSaved() {
    Author author = author();
    DeskBrowser desk = author.desk();
    Map<String, Object> form = author.profile("0", "Analyst", "2018-01-01");
    form.put("orcid", "0000-0002-1825-0098");
    form.put("linkUrl", List.of("javascript:alert(1)"));

    Response refused = desk.post(author.deskPath(), form);

    assertThat(refused.statusCode()).isEqualTo(400);
    Document page = html(refused);
    assertThat(page.selectFirst("#orcid").attr("aria-invalid")).isEqualTo("true");
    assertThat(page.selectFirst("#orcid-error").text()).contains("not a valid ORCID iD");
    assertThat(page.selectFirst("#link-error-0").text()).contains("https://");
    assertThat(page.selectFirst("#biography").text()).isEqualTo("Writes on *energy*.");
    assertThat(publicPage("/authors/" + author.slug).select(".author-profile")).isEmpty();
  }

  @Test
  void anEarlierVersionCanBeRestored() {
    Author author = author();
    DeskBrowser desk = author.desk();
    desk.post(author.deskPath(), author.profile("0", "Original title", "2018-01-01"));
    desk.post(author.deskPath(), author.profile("1", "Mistaken title", "2018-01-01"));
    Document page = html(desk.get(author.deskPath()));
    String first = page.select("#history a").last().attr("href");
    Document version = html(desk.get(first));
    assertThat(version.text()).contains("Original title, from 2018-01-01");

    Response restored =
        desk.post(
            first + "/restore",
            Map.of("version", version.selectFirst("input[name=version]").val()));

    assertThat(restored.statusCode()).isEqualTo(303);
    assertThat(publicPage("/authors/" + author.slug).selectFirst(".author-position").text())
        .isEqualTo("Original title");
    assertThat(html(desk.get(author.deskPath())).select("#history li").first().text())
        .startsWith("Restored version 1 (version 3)");
  }

  @Test
  void anUploadedPhotoIsServedReencodedOnTheAuthorPage() throws IOException {
    Author author = author();
    DeskBrowser desk = author.desk();
    Response uploaded =
        desk.upload(author.deskPath() + "/photo", "photo", "me.png", png(), "image/png");
    assertThat(uploaded.statusCode()).isEqualTo(303);

    Element photo = publicPage("/authors/" + author.slug).selectFirst("img.author-photo");
    assertThat(photo.attr("width")).isEqualTo("200");
    assertThat(photo.attr("alt")).isEqualTo("Portrait of User " + author.name);
    Response image = given().get(photo.attr("src"));
    assertThat(image.statusCode()).isEqualTo(200);
    assertThat(image.contentType()).isEqualTo("image/jpeg");
    assertThat(image.header("Cache-Control")).contains("immutable");
    BufferedImage served = ImageIO.read(new ByteArrayInputStream(image.asByteArray()));
    assertThat(served.getWidth()).isEqualTo(400);

    desk.post(author.deskPath() + "/photo/delete", Map.of("confirmed", "yes"));
    assertThat(publicPage("/authors/" + author.slug).select("img.author-photo")).isEmpty();
    assertThat(given().get(photo.attr("src")).statusCode()).isEqualTo(404);
  }

  @Test
  void removingThePhotoAsksFirstAndOnlyTheConfirmedPostRemovesIt() {
    Author author = author();
    DeskBrowser desk = author.desk();
    desk.upload(author.deskPath() + "/photo", "photo", "me.png", png(), "image/png");
    String delete = author.deskPath() + "/photo/delete";
    Element button = html(desk.get(author.deskPath())).selectFirst("form[action=" + delete + "]");
    assertThat(button.hasAttr("data-may-ask")).as("the desk's script asks in a dialog").isTrue();

    Response asked = desk.post(delete, Map.of());

    assertThat(asked.statusCode()).isEqualTo(200);
    Element confirm = html(asked).selectFirst("section.confirm");
    assertThat(confirm.selectFirst("h1").text())
        .isEqualTo("Remove the photo of User " + author.name + "?");
    assertThat(confirm.select(".consequences li").eachText())
        .anyMatch(line -> line.startsWith("The photo of User " + author.name + " is removed"))
        .anyMatch(line -> line.contains("cannot be undone"));
    assertThat(confirm.selectFirst("a").attr("href")).isEqualTo(author.deskPath());
    Element form = confirm.selectFirst("form");
    assertThat(form.attr("action")).isEqualTo(delete);
    assertThat(form.selectFirst("input[name=_csrf]").val()).isNotBlank();
    assertThat(hasPhoto(author)).as("asking removed nothing").isTrue();

    Response script = desk.askFirst(delete, Map.of());
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(html(script).select("section.confirm h1").text())
        .isEqualTo("Remove the photo of User " + author.name + "?");
    assertThat(desk.askFirst(delete, Map.of("confirmed", "yes")).statusCode())
        .as("a post that only asks first does nothing, even confirmed")
        .isEqualTo(204);
    assertThat(desk.askFirst(delete, Map.of("_csrf", "forged")).statusCode()).isEqualTo(403);
    assertThat(desk.postRaw(delete, Map.of("confirmed", "yes")).statusCode())
        .as("confirmed without the token")
        .isEqualTo(403);
    assertThat(hasPhoto(author)).as("asking first removed nothing").isTrue();

    Map<String, Object> confirmed = new HashMap<>();
    form.select("input[type=hidden]")
        .forEach(input -> confirmed.put(input.attr("name"), input.val()));
    Response removed = desk.postRaw(form.attr("action"), confirmed);

    assertThat(removed.statusCode()).isEqualTo(303);
    assertThat(removed.header("Location")).endsWith(author.deskPath() + "?saved=1");
    assertThat(hasPhoto(author)).isFalse();
    assertThat(html(desk.get(author.deskPath())).select("#history li").first().text())
        .startsWith("Photo removed, by User " + author.name);
  }

  private static boolean hasPhoto(Author author) {
    return !publicPage("/authors/" + author.slug).select("img.author-photo").isEmpty();
  }

  @Test
  void aPhotoFirstThenTheTextIsNoConflict() {
    Author author = author();
    DeskBrowser desk = author.desk();
    desk.upload(author.deskPath() + "/photo", "photo", "me.png", png(), "image/png");
    Document form = html(desk.get(author.deskPath()));
    String version = form.selectFirst("input[name=version]").val();

    Response saved = desk.post(author.deskPath(), author.profile(version, "Analyst", "2018-01-01"));

    assertThat(saved.statusCode()).isEqualTo(303);
    Document history = html(desk.get(author.deskPath()));
    assertThat(history.select("#history li").eachText())
        .anyMatch(
            entry -> entry.startsWith("Profile saved (version 1), by User " + author.name + ","))
        .anyMatch(entry -> entry.startsWith("Photo uploaded (PNG)"))
        .noneMatch(entry -> entry.contains("@"));
  }

  @Test
  void datesOutsideTheYears1000To9999AreRefused() {
    Author author = author();
    Response refused =
        author.desk().post(author.deskPath(), author.profile("0", "Analyst", "+999999999-12-31"));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(html(refused).selectFirst("#position-error-0").text()).contains("began");
  }

  @Test
  void badUploadsAreRefusedWithAMessageOnTheProfilePage() throws IOException {
    Author author = author();
    DeskBrowser desk = author.desk();
    String path = author.deskPath() + "/photo";

    Response html = desk.upload(path, "photo", "photo.jpg", bytes("<html>hi</html>"), "image/jpeg");
    assertThat(html.statusCode()).isEqualTo(400);
    assertThat(html(html).selectFirst("[role=alert]").text()).contains("JPEG, PNG and WebP");

    byte[] polyglot = concat(png(), bytes("PK\3\4zip"));
    Response both = desk.upload(path, "photo", "a.png", polyglot, "image/png");
    assertThat(both.statusCode()).isEqualTo(400);

    Response traversal = desk.upload(path, "photo", "../../x.png", png(), "image/png");
    assertThat(traversal.statusCode()).isEqualTo(400);
    assertThat(html(traversal).selectFirst("[role=alert]").text()).contains("folders");

    byte[] big = concat(png(), new byte[6 * 1024 * 1024]);
    Response tooBig = desk.upload(path, "photo", "big.png", big, "image/png");
    assertThat(tooBig.statusCode()).isEqualTo(413);
    assertThat(html(tooBig).selectFirst("[role=alert]").text())
        .contains("largest accepted is 5.0 MB");

    assertThat(publicPage("/authors/" + author.slug).select("img.author-photo")).isEmpty();
  }

  @Test
  void formsWithoutTheCsrfTokenAreRefused() {
    Author author = author();
    Map<String, Object> form = author.profile("0", "Forged", "2018-01-01");
    assertThat(author.desk().postRaw(author.deskPath(), form).statusCode()).isEqualTo(403);
  }

  /** A new author with a published article (so they have an author page), signed in. */
  private Author author() {
    String name = "author-" + UUID.randomUUID().toString().substring(0, 8);
    String email = name + "@stet.test";
    accounts.create(email, Role.AUTHOR);
    content.articleInState(email, ArticleStatus.PUBLISHED);
    var account = accounts.find(email);
    return new Author(name, email, account.person.slug, account.person.id);
  }

  private record Author(String name, String email, String slug, long personId) {
    DeskBrowser desk() {
      return DeskBrowser.signedIn(email, TestAccounts.PASSWORD);
    }

    String deskPath() {
      return DESK + "/people/" + slug;
    }

    Map<String, Object> profile(String version, String position, String from) {
      Map<String, Object> form = new HashMap<>();
      form.put("version", version);
      form.put("displayName", "User " + name);
      form.put("affiliation", "Eurasian Research Institute");
      form.put("biography", "Writes on *energy*.");
      form.put("orcid", "0000-0002-1825-0097");
      form.put("publicEmail", "");
      form.put("positionTitle", List.of(position, ""));
      form.put("positionStart", List.of(from, ""));
      form.put("positionEnd", List.of("", ""));
      form.put("linkLabel", List.of("Blog"));
      form.put("linkUrl", List.of("https://example.org"));
      return form;
    }
  }

  private static byte[] png() {
    BufferedImage image = new BufferedImage(500, 600, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.ORANGE);
    g.fillRect(0, 0, 500, 600);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return out.toByteArray();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  private static Document html(Response response) {
    return Jsoup.parse(response.asString());
  }

  private static Document publicPage(String path) {
    return Jsoup.parse(given().get(path).then().statusCode(200).extract().asString());
  }
}
