package org.stet.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** A real SMTP server (GreenMail) on a free 127.0.0.1 port for the tests' mails. */
public class GreenMailServer implements QuarkusTestResourceLifecycleManager {

  static volatile GreenMail greenMail;

  @Override
  public Map<String, String> start() {
    int port = freePort();
    greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    greenMail.start();
    return Map.of(
        "quarkus.mailer.mock", "false",
        "quarkus.mailer.host", "127.0.0.1",
        "quarkus.mailer.port", String.valueOf(port),
        "quarkus.mailer.start-tls", "DISABLED",
        "quarkus.mailer.tls", "false");
  }

  @Override
  public void stop() {
    if (greenMail != null) {
      greenMail.stop();
    }
  }

  /**
   * The first mail to {@code to} with {@code subject}, waiting up to 45 s for it (a hung attempt is
   * given up after 15 s).
   */
  public static MimeMessage await(String to, String subject) throws Exception {
    return await(to, subject::equals, subject);
  }

  /** The first mail to {@code to} whose subject contains {@code part}, waiting up to 45 s. */
  public static MimeMessage awaitContaining(String to, String part) throws Exception {
    return await(to, subject -> subject.contains(part), "…" + part + "…");
  }

  private static MimeMessage await(String to, Predicate<String> wanted, String subject)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
    while (System.nanoTime() < deadline) {
      for (MimeMessage message : received(to)) {
        if (wanted.test(message.getSubject())) {
          return message;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "No mail '"
            + subject
            + "' to "
            + to
            + " arrived; got "
            + greenMail.getReceivedMessages().length
            + " mails");
  }

  /** Every mail to {@code to} so far. */
  public static List<MimeMessage> received(String to) throws Exception {
    List<MimeMessage> mails = new ArrayList<>();
    for (MimeMessage message : greenMail.getReceivedMessages()) {
      if (Arrays.stream(message.getRecipients(Message.RecipientType.TO))
          .anyMatch(address -> address.toString().equals(to))) {
        mails.add(message);
      }
    }
    return mails;
  }

  /** A mail's text, decoded (unlike the raw quoted-printable body). */
  public static String text(MimeMessage message) throws Exception {
    return String.valueOf(message.getContent());
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
