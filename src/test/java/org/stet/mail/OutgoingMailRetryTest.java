package org.stet.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OutgoingMailRetryTest {

  private final MailQueue queue = new MailQueue(Duration.ofMillis(50), Duration.ofMillis(500));

  @AfterEach
  void close() {
    queue.close();
  }

  @Test
  void aSendThatFailsOnceIsTriedAgainAndArrives() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    CountDownLatch sent = new CountDownLatch(1);
    queue.deliver(
        () -> {
          if (attempts.incrementAndGet() == 1) {
            return Uni.createFrom().failure(new IllegalStateException("connection closed"));
          }
          sent.countDown();
          return Uni.createFrom().voidItem();
        },
        "Your account on Stet",
        1);
    assertThat(sent.await(10, TimeUnit.SECONDS)).as("the second attempt sent the mail").isTrue();
    assertThat(attempts).hasValue(2);
  }

  @Test
  void aSendThatHangsIsGivenUpAndTriedAfresh() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    CountDownLatch sent = new CountDownLatch(1);
    queue.deliver(
        () -> {
          if (attempts.incrementAndGet() == 1) {
            return Uni.createFrom().nothing();
          }
          sent.countDown();
          return Uni.createFrom().voidItem();
        },
        "Review invitation",
        1);
    assertThat(sent.await(10, TimeUnit.SECONDS)).as("the hung attempt was replaced").isTrue();
    assertThat(attempts).hasValue(2);
  }

  @Test
  void aSendThatKeepsFailingIsTriedThreeTimesInAll() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    CountDownLatch next = new CountDownLatch(1);
    queue.deliver(
        () -> {
          attempts.incrementAndGet();
          return Uni.createFrom().failure(new IllegalStateException("server away"));
        },
        "Your account on Stet",
        1);
    queue.deliver(sentBy(next), "The next mail", 1);
    assertThat(next.await(10, TimeUnit.SECONDS)).as("the queue went on").isTrue();
    assertThat(attempts).as("no fourth attempt").hasValue(MailQueue.ATTEMPTS);
  }

  @Test
  void mailsHandedOverAtOnceAreSentOneAfterAnotherInOrder() throws Exception {
    List<String> order = new CopyOnWriteArrayList<>();
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    CountDownLatch all = new CountDownLatch(20);
    for (int i = 0; i < 20; i++) {
      String subject = "Mail " + i;
      queue.deliver(
          () ->
              Uni.createFrom()
                  .item(
                      () -> {
                        mostAtOnce.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                        order.add(subject);
                        inFlight.decrementAndGet();
                        all.countDown();
                        return null;
                      })
                  .replaceWithVoid(),
          subject,
          1);
    }
    assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(mostAtOnce).hasValue(1);
    assertThat(order).startsWith("Mail 0", "Mail 1").endsWith("Mail 19").hasSize(20);
  }

  private static Supplier<Uni<Void>> sentBy(CountDownLatch latch) {
    return () -> {
      latch.countDown();
      return Uni.createFrom().voidItem();
    };
  }
}
