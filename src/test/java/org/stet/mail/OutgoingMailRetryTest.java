package org.stet.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OutgoingMailRetryTest {

  @Test
  void aSendThatFailsOnceIsTriedAgainAndArrives() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    CountDownLatch sent = new CountDownLatch(1);
    OutgoingMail.deliver(
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
  void aSendThatKeepsFailingIsTriedThreeTimesInAll() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    CountDownLatch third = new CountDownLatch(3);
    OutgoingMail.deliver(
        () -> {
          attempts.incrementAndGet();
          third.countDown();
          return Uni.createFrom().failure(new IllegalStateException("server away"));
        },
        "Your account on Stet",
        1);
    assertThat(third.await(15, TimeUnit.SECONDS)).isTrue();
    Thread.sleep(3000);
    assertThat(attempts).as("no fourth attempt").hasValue(3);
  }
}
