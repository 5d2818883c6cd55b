package org.stet.site;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for Crossref's deposit endpoint on a free 127.0.0.1 port: it records every request
 * (its content type and body) and answers what the test chose, by default Crossref's "SUCCESS"
 * page. The site's direct deposit points here in tests.
 */
public class CrossrefStub implements QuarkusTestResourceLifecycleManager {

  /** A request as the stub received it. */
  public record Received(String contentType, byte[] body) {

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  static final String USERNAME = "stet-test/stet-role";
  static final String PASSWORD = "s3cret&pass";

  private static final String SUCCESS =
      "<html><head><title>SUCCESS</title></head><body><h2>SUCCESS</h2><p>Your batch submission"
          + " was successfully received.</p></body></html>";

  static final List<Received> received = new CopyOnWriteArrayList<>();
  private static volatile int status = 200;
  private static volatile String answer = SUCCESS;
  private HttpServer server;

  @Override
  public Map<String, String> start() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.createContext(
        "/servlet/deposit",
        exchange -> {
          received.add(
              new Received(
                  exchange.getRequestHeaders().getFirst("Content-Type"),
                  exchange.getRequestBody().readAllBytes()));
          byte[] page = answer.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "text/html;charset=UTF-8");
          exchange.sendResponseHeaders(status, page.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(page);
          }
        });
    server.start();
    return Map.of(
        "stet.crossref.deposit-enabled",
        "true",
        "stet.crossref.deposit-url",
        "http://127.0.0.1:" + server.getAddress().getPort() + "/servlet/deposit",
        "stet.crossref.username",
        USERNAME,
        "stet.crossref.password",
        PASSWORD);
  }

  /** The next answers: {@code code} with this page. */
  static void answer(int code, String page) {
    status = code;
    answer = page;
  }

  /** Back to Crossref's "SUCCESS". */
  static void succeed() {
    answer(200, SUCCESS);
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop(0);
    }
  }
}
