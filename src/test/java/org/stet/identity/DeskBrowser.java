package org.stet.identity;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.http.conn.params.ConnRoutePNames;
import org.jsoup.Jsoup;
import org.stet.mail.GreenMailServer;

/**
 * A browser's view of the desk for HTTP tests: keeps the cookies and the CSRF token of the forms,
 * and signs in through the real sign-in form.
 */
public final class DeskBrowser {

  private final Map<String, String> cookies = new HashMap<>();
  private String csrf;
  private InetAddress localAddress;

  /**
   * This browser on another network: its requests leave from {@code address}, a loopback address
   * such as {@code 127.0.0.7} (Linux answers on all of 127.0.0.0/8), which Stet sees as the source.
   */
  public DeskBrowser from(String address) {
    localAddress = loopback(address);
    return this;
  }

  /** REST Assured's settings for requests that leave from {@code address} (see {@link #from}). */
  public static RestAssuredConfig leavingFrom(String address) {
    return RestAssured.config()
        .httpClient(
            HttpClientConfig.httpClientConfig()
                .setParam(ConnRoutePNames.LOCAL_ADDRESS, loopback(address)));
  }

  private static InetAddress loopback(String address) {
    try {
      return InetAddress.getByName(address);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(address, e);
    }
  }

  /** A browser signed in as {@code email}; fails the test when sign-in fails. */
  public static DeskBrowser signedIn(String email, String password) {
    DeskBrowser browser = new DeskBrowser();
    Response response = browser.signIn(email, password, "/desk");
    if (response.statusCode() != 303 || !browser.cookies.containsKey(SessionCookie.NAME)) {
      throw new AssertionError("Sign-in as " + email + " failed: " + response.statusCode());
    }
    return browser;
  }

  /**
   * Creates an account through the admin's desk form, as the first administrator, and chooses its
   * password through the invitation mail, as its owner.
   */
  public static void createAccount(String email, String name, String password, String role) {
    DeskBrowser admin = signedIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
    admin.get("/desk/admin/users");
    int status =
        admin
            .post("/desk/admin/users", Map.of("email", email, "displayName", name, "roles", role))
            .statusCode();
    if (status != 303) {
      throw new AssertionError("Creating " + email + " answered " + status);
    }
    acceptInvitation(email, password);
  }

  /**
   * Follows the newest link mailed to {@code email} (an invitation or a reset) and chooses {@code
   * password}; answers the browser, signed in.
   */
  public static DeskBrowser acceptInvitation(String email, String password) {
    String path = mailedLink(email, "Your account on");
    return choosePassword(path, password);
  }

  /** The path of the set-password link in the newest mail to {@code email} with that subject. */
  public static String mailedLink(String email, String subjectPart) {
    try {
      GreenMailServer.awaitContaining(email, subjectPart);
      List<MimeMessage> mails = GreenMailServer.received(email);
      for (int i = mails.size() - 1; i >= 0; i--) {
        if (mails.get(i).getSubject().contains(subjectPart)) {
          Matcher link = MAILED_LINK.matcher(GreenMailServer.text(mails.get(i)));
          if (link.find()) {
            return link.group(1);
          }
        }
      }
    } catch (Exception e) {
      throw new AssertionError("No link mailed to " + email, e);
    }
    throw new AssertionError("The mail to " + email + " has no link to choose a password");
  }

  /** Opens a set-password link and chooses {@code password}; the browser is then signed in. */
  public static DeskBrowser choosePassword(String path, String password) {
    DeskBrowser owner = new DeskBrowser();
    owner.get(path);
    Response chosen = owner.post(path, Map.of("password", password));
    if (chosen.statusCode() != 303 || !owner.cookies.containsKey(SessionCookie.NAME)) {
      throw new AssertionError(
          "Choosing a password at " + path + " answered " + chosen.statusCode());
    }
    owner.csrf = null;
    return owner;
  }

  private static final Pattern MAILED_LINK =
      Pattern.compile("https?://[^/\\s]+(/desk/password/[A-Za-z0-9_-]{43})");

  /** A JSON API request signed in as {@code email} with the test password. */
  public static RequestSpecification api(String email) {
    return api(email, TestAccounts.PASSWORD);
  }

  /** A JSON API request signed in as {@code email}. */
  public static RequestSpecification api(String email, String password) {
    return given()
        .cookie(SessionCookie.NAME, signedIn(email, password).cookie(SessionCookie.NAME))
        .header("Origin", origin())
        .contentType("application/json")
        .accept("application/json");
  }

  /**
   * A multipart JSON API request signed in as {@code email}, with the session's CSRF token in
   * {@code X-CSRF-Token} as the desk's scripts send it (multipart is refused without it).
   */
  public static RequestSpecification apiUpload(String email) {
    DeskBrowser browser = signedIn(email, TestAccounts.PASSWORD);
    return given()
        .cookie(SessionCookie.NAME, browser.cookie(SessionCookie.NAME))
        .header("Origin", origin())
        .header("X-CSRF-Token", browser.csrfToken())
        .contentType("multipart/form-data")
        .accept("application/json");
  }

  /** This server's origin, as a browser sends it with a request from one of its pages. */
  public static String origin() {
    return RestAssured.baseURI + ":" + RestAssured.port;
  }

  /** Opens the sign-in form (for its CSRF token) and submits it. */
  public Response signIn(String email, String password, String next) {
    get("/desk/sign-in");
    Response response =
        post("/desk/sign-in", Map.of("email", email, "password", password, "next", next));
    if (response.statusCode() == 303) {
      csrf = null; // a new session has a new token: the next page shows it
    }
    return response;
  }

  public Response get(String path) {
    Response response = request().get(path);
    keep(response);
    String html = response.asString();
    if (html.contains("name=\"_csrf\"")) {
      csrf = Jsoup.parse(html).selectFirst("input[name=_csrf]").attr("value");
    }
    return response;
  }

  /** Posts a form with this browser's CSRF token. */
  public Response post(String path, Map<String, ?> form) {
    Map<String, Object> fields = new HashMap<>(form);
    if (csrf == null) {
      freshToken();
    }
    fields.putIfAbsent("_csrf", csrf);
    return postRaw(path, fields);
  }

  /**
   * Posts a form as the desk's script does before posting it for real (header {@code
   * X-Stet-Ask-First}): the confirmation page, or 204 when the form would act at once.
   */
  public Response askFirst(String path, Map<String, ?> form) {
    Map<String, Object> fields = new HashMap<>(form);
    if (csrf == null) {
      freshToken();
    }
    fields.putIfAbsent("_csrf", csrf);
    Response response =
        request()
            .header("X-Stet-Ask-First", "yes")
            .contentType("application/x-www-form-urlencoded")
            .formParams(fields)
            .post(path);
    keep(response);
    return response;
  }

  /** Posts exactly these fields (no CSRF token added). */
  public Response postRaw(String path, Map<String, ?> form) {
    Response response =
        request().contentType("application/x-www-form-urlencoded").formParams(form).post(path);
    keep(response);
    return response;
  }

  /** Posts a multipart form with one file and this browser's CSRF token, as a file input does. */
  public Response upload(
      String path, String field, String fileName, byte[] content, String mimeType) {
    if (csrf == null) {
      freshToken();
    }
    Response response =
        request().multiPart("_csrf", csrf).multiPart(field, fileName, content, mimeType).post(path);
    keep(response);
    return response;
  }

  /** Posts a multipart form with text fields, one file and this browser's CSRF token. */
  public Response upload(
      String path,
      Map<String, String> fields,
      String field,
      String fileName,
      byte[] content,
      String mimeType) {
    if (csrf == null) {
      freshToken();
    }
    RequestSpecification request = request().multiPart("_csrf", csrf);
    for (Map.Entry<String, String> text : fields.entrySet()) {
      request = request.multiPart(text.getKey(), text.getValue());
    }
    Response response = request.multiPart(field, fileName, content, mimeType).post(path);
    keep(response);
    return response;
  }

  /** Reads the token from a page: the start page when signed in, else the sign-in form. */
  private void freshToken() {
    get(cookies.containsKey(SessionCookie.NAME) ? "/desk" : "/desk/sign-in");
  }

  /** The CSRF token this browser's forms carry now. */
  public String csrfToken() {
    if (csrf == null) {
      freshToken();
    }
    return csrf;
  }

  public String cookie(String name) {
    return cookies.get(name);
  }

  public void setCookie(String name, String value) {
    cookies.put(name, value);
  }

  private RequestSpecification request() {
    RequestSpecification request = given().redirects().follow(false).cookies(cookies);
    return localAddress == null
        ? request
        : request.config(leavingFrom(localAddress.getHostAddress()));
  }

  private void keep(Response response) {
    response
        .getDetailedCookies()
        .forEach(
            cookie -> {
              if (cookie.getMaxAge() == 0 || cookie.getValue().isEmpty()) {
                cookies.remove(cookie.getName());
              } else {
                cookies.put(cookie.getName(), cookie.getValue());
              }
            });
  }
}
