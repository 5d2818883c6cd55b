package org.stet.settings;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Direct deposit of DOI metadata with Crossref ({@code stet.crossref.*}). Off by default: editors
 * download the deposit XML and upload it themselves. The credentials are the Crossref account's (or
 * a role's, "user/role"); keep them in the environment, never in the database.
 */
@ConfigMapping(prefix = "stet.crossref")
public interface CrossrefConfig {

  /** Whether the desk offers "Deposit with Crossref". */
  @WithDefault("false")
  boolean depositEnabled();

  /** Crossref's deposit address; {@code https://test.crossref.org/servlet/deposit} for trials. */
  @WithDefault("https://doi.crossref.org/servlet/deposit")
  String depositUrl();

  /** The Crossref login ({@code login_id}). */
  Optional<String> username();

  /** The Crossref password ({@code login_passwd}). */
  Optional<String> password();

  /** How long to wait for Crossref to take a deposit. */
  @WithDefault("60s")
  Duration timeout();
}
