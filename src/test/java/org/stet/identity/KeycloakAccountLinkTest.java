package org.stet.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.stet.identity.service.AccountService;

/** Keycloak users become Stet accounts keyed on the token's subject, never on the e-mail. */
@QuarkusTest
class KeycloakAccountLinkTest {

  @Inject AccountService accounts;

  @Test
  @Transactional
  void theSameSubjectIsTheSameAccountEvenWithANewEmailAndRoles() {
    Account first =
        accounts.linkExternal("sub-1", "Old@Example.org", true, "Jane Doe", Set.of("AUTHOR"));
    Account again =
        accounts.linkExternal(
            "sub-1",
            "new@example.org",
            true,
            "Jane Doe",
            Set.of("AUTHOR", "EDITOR", "offline_access"));

    assertThat(again.id).isEqualTo(first.id);
    assertThat(again.email).isEqualTo("new@example.org");
    assertThat(again.roleSet()).containsExactlyInAnyOrder(Role.AUTHOR, Role.EDITOR);
    assertThat(again.person).isNotNull();
  }

  @Test
  @Transactional
  void anotherSubjectWithAnUnverifiedTakenEmailGetsItsOwnAccount() {
    Account builtIn =
        accounts.linkExternal("sub-owner", "shared@example.org", true, "Owner", Set.of());
    Account other =
        accounts.linkExternal(
            "sub-intruder", "shared@example.org", false, "Intruder", Set.of("ADMIN"));

    assertThat(other.id).isNotEqualTo(builtIn.id);
    assertThat(other.email).isEqualTo("sub-intruder@keycloak.invalid");
  }
}
