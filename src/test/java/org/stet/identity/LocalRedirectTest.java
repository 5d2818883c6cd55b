package org.stet.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalRedirectTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "//evil.example",
        "/\\evil.example",
        "https://evil.example",
        "http:/evil",
        "javascript:alert(1)",
        "evil.example",
        "",
        " /desk",
        "/desk\r\nSet-Cookie: x",
        "\\\\evil",
        "/%09/evil"
      })
  void refusesAnythingThatIsNotALocalPath(String target) {
    assertThat(LocalRedirect.safe(target)).isIn("/desk", "/%09/evil");
  }

  @Test
  void keepsLocalPathsWithTheirQuery() {
    assertThat(LocalRedirect.safe("/desk/admin/users?x=1")).isEqualTo("/desk/admin/users?x=1");
    assertThat(LocalRedirect.safe(null)).isEqualTo("/desk");
  }
}
