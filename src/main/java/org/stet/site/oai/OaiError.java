package org.stet.site.oai;

/**
 * An OAI-PMH error: one of the protocol's codes and a message in words. Answered inside an ordinary
 * 200 response, as the protocol wants.
 */
final class OaiError extends RuntimeException {

  /** The protocol's error codes (section 3.6 of the OAI-PMH 2.0 specification). */
  enum Code {
    badArgument,
    badResumptionToken,
    badVerb,
    cannotDisseminateFormat,
    idDoesNotExist,
    noRecordsMatch,
    noMetadataFormats,
    noSetHierarchy
  }

  private final Code code;

  OaiError(Code code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  Code code() {
    return code;
  }
}
