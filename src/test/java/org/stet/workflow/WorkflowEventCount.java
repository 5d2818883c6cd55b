package org.stet.workflow;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Counts an article's workflow events in a transaction of its own. */
final class WorkflowEventCount {

  private WorkflowEventCount() {}

  static long of(long articleId) {
    return QuarkusTransaction.requiringNew()
        .call(() -> WorkflowEvent.count("articleId", articleId));
  }
}
