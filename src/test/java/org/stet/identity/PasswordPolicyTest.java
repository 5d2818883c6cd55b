package org.stet.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stet.identity.service.PasswordPolicy;

class PasswordPolicyTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "short",
        "password1234",
        "Password1234!",
        "qwertyuiopasdf",
        "123456789012",
        "aaaaaaaaaaaaaaa",
        "ababababababab",
        "Welcome2026!!"
      })
  void refusesShortCommonAndTrivialPasswords(String password) {
    assertThat(PasswordPolicy.problem(password, "someone@example.org", "Some One")).isPresent();
  }

  @Test
  void refusesPasswordsBuiltFromTheEmailOrName() {
    assertThat(PasswordPolicy.problem("lidiya.parkhomchik!", "lidiya@example.org", "Lidiya P"))
        .isPresent();
    assertThat(PasswordPolicy.problem("xxParkhomchik2017", "l@example.org", "Parkhomchik"))
        .isPresent();
  }

  @Test
  void acceptsALongUncommonPassword() {
    assertThat(PasswordPolicy.problem("Amber-violin-kettle-77", "someone@example.org", "Some One"))
        .isEmpty();
  }

  @Test
  void refusesOverLongPasswordsWithAMessage() {
    assertThat(PasswordPolicy.problem("x1-".repeat(100), "a@b.org", "A"))
        .hasValueSatisfying(m -> m.contains("at most"));
  }
}
