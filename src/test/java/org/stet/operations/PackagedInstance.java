package org.stet.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged application ({@code target/quarkus-app}, built by {@code ./mvnw verify}) as its own
 * process on free 127.0.0.1 ports, as operators run it; its output goes to a log file.
 */
public final class PackagedInstance implements AutoCloseable {

  private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

  private final Process process;
  private final Path log;
  private final int port;
  private final int managementPort;

  private PackagedInstance(Process process, Path log, int port, int managementPort) {
    this.process = process;
    this.log = log;
    this.port = port;
    this.managementPort = managementPort;
  }

  /** Starts an instance with these system properties and environment variables. */
  public static PackagedInstance start(Map<String, String> properties, Map<String, String> env)
      throws IOException {
    assertThat(JAR).as("the packaged application (./mvnw verify builds it)").exists();
    int port = freePort();
    int managementPort = freePort();
    Path log = Files.createTempFile("stet-instance-", ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-Dquarkus.http.host=127.0.0.1");
    command.add("-Dquarkus.http.port=" + port);
    command.add("-Dquarkus.management.port=" + managementPort);
    properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
    command.add("-jar");
    command.add(JAR.toString());
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(env);
    return new PackagedInstance(builder.start(), log, port, managementPort);
  }

  /** Waits until the instance is ready (its database reached); fails if it stops first. */
  public PackagedInstance awaitReady() throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    URI ready = URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready");
    while (System.nanoTime() < deadline) {
      assertThat(process.isAlive()).as("instance running; its log: " + log()).isTrue();
      try {
        if (http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          return this;
        }
      } catch (IOException e) {
        // not up yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the instance did not become ready; its log: " + log());
  }

  /** Waits for the process to end by itself; its exit status. */
  public int awaitExit(Duration within) throws InterruptedException {
    assertThat(process.waitFor(within.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS))
        .as("the instance ended within " + within)
        .isTrue();
    return process.exitValue();
  }

  /** What the instance wrote so far. */
  public String log() throws IOException {
    return Files.readString(log);
  }

  /** The management interface's address, e.g. {@code http://127.0.0.1:PORT}. */
  public String managementUrl() {
    return "http://127.0.0.1:" + managementPort;
  }

  /** The public address, e.g. {@code http://127.0.0.1:PORT}. */
  public String url() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
