package org.stet.site.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleObjectStateException;
import org.junit.jupiter.api.Test;

class ErrorPagesTest {

  @Test
  void recognisesConcurrentChangesHoweverTheyAreWrapped() {
    RuntimeException atCommit =
        new RuntimeException(
            "Error invoking subclass method",
            new IllegalStateException("rollback", new OptimisticLockException("row changed")));

    assertThat(ErrorPages.concurrentChange(atCommit)).isTrue();
    assertThat(ErrorPages.concurrentChange(new StaleObjectStateException("Article", 1L))).isTrue();
    assertThat(ErrorPages.concurrentChange(new IllegalStateException("something else"))).isFalse();
  }
}
