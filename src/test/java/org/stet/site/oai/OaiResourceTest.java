package org.stet.site.oai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What OAI-PMH's Identify names as the repository's contact, from the configured address. */
class OaiResourceTest {

  @Test
  void theContactIsTheConfiguredAddressOrAReservedInvalidOne() {
    assertThat(OaiResource.adminEmail("Editors <editors@institute.org>"))
        .isEqualTo("editors@institute.org");
    assertThat(OaiResource.adminEmail(" editors@institute.org "))
        .isEqualTo("editors@institute.org");
    assertThat(OaiResource.adminEmail("stet@localhost")).isEqualTo("stet@example.invalid");
    assertThat(OaiResource.adminEmail("not an address")).isEqualTo("stet@example.invalid");
  }
}
