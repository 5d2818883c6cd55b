package org.stet.identity;

/** The desk's session cookie. */
public final class SessionCookie {

  /** Name of the cookie that holds the session token. */
  public static final String NAME = "stet_session";

  private SessionCookie() {}
}
