package org.stet.citation;

/** References that cannot be stored or read, with a message for the writer naming the entry. */
public class ReferenceProblem extends RuntimeException {

  public ReferenceProblem(String message) {
    super(message);
  }
}
