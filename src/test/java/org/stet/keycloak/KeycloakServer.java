package org.stet.keycloak;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real Keycloak for the integration tests: the Maven Central distribution (unpacked by the build
 * into {@code target/keycloak}), started in dev mode on a free 127.0.0.1 port with the test realm
 * imported, and stopped afterwards. One server serves every test of the profile.
 */
public class KeycloakServer implements QuarkusTestResourceLifecycleManager {

  static final String CLIENT_SECRET = "stet-test-secret";
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

  static volatile String realmUrl;
  private Process process;

  @Override
  public Map<String, String> start() {
    String home = System.getProperty("keycloak.home");
    if (home == null || !Files.isDirectory(Path.of(home))) {
      throw new IllegalStateException(
          "Keycloak is not unpacked at " + home + "; run the tests with ./mvnw verify");
    }
    try {
      Path dir = Path.of(home);
      deleteRecursively(dir.resolve("data"));
      Path imports = Files.createDirectories(dir.resolve("data/import"));
      try (InputStream realm = getClass().getResourceAsStream("/keycloak/stet-test-realm.json")) {
        Files.copy(realm, imports.resolve("stet-realm.json"), StandardCopyOption.REPLACE_EXISTING);
      }
      int port = freePort();
      int managementPort = freePort();
      ProcessBuilder builder =
          new ProcessBuilder(
                  "bash",
                  dir.resolve("bin/kc.sh").toString(),
                  "start-dev",
                  "--http-host=127.0.0.1",
                  "--http-port=" + port,
                  "--http-management-port=" + managementPort,
                  "--import-realm")
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("keycloak.log").toFile());
      builder.environment().put("JAVA_OPTS_APPEND", "-Xms64m -Xmx512m");
      process = builder.start();
      realmUrl = "http://127.0.0.1:" + port + "/realms/stet";
      waitUntilReady(dir);
      return Map.of(
          "quarkus.oidc.tenant-enabled",
          "true",
          "quarkus.oidc.auth-server-url",
          realmUrl,
          "quarkus.oidc.client-id",
          "stet",
          "quarkus.oidc.credentials.secret",
          CLIENT_SECRET);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot start Keycloak", e);
    }
  }

  private void waitUntilReady(Path dir) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Keycloak exited; see " + dir.resolve("keycloak.log"));
      }
      try {
        HttpRequest request =
            HttpRequest.newBuilder(URI.create(realmUrl + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5))
                .build();
        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
      }
      sleep(1000);
    }
    throw new IllegalStateException(
        "Keycloak was not ready within " + READY_TIMEOUT + "; see " + dir.resolve("keycloak.log"));
  }

  @Override
  public void stop() {
    if (process != null) {
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroy();
      try {
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (Files.exists(root)) {
      try (Stream<Path> paths = Files.walk(root)) {
        paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }
}
