package org.stet.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.BadRequestException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stet.identity.service.AccountService.Refused;
import org.stet.pluginhost.PluginRegistryProbe;

/** What a desk form's refusal shows, and where a form may send the browser next. */
class DeskFormTest {

  @Test
  void anAccountRefusalNamesItsFieldAndAStatusForWhatItIsAbout() {
    DeskProblem typo = DeskProblem.of(new Refused("email", "Enter an e-mail address."));
    assertThat(typo.status()).isEqualTo(400);
    assertThat(typo.field()).isEqualTo("email");
    assertThat(typo.message()).isEqualTo("Enter an e-mail address.");

    assertThat(DeskProblem.of(new Refused("account", "It is disabled.")).status()).isEqualTo(409);
    assertThat(DeskProblem.of(new Refused("link", "It has expired.")).status()).isEqualTo(410);
  }

  @Test
  void aPlainRefusalKeepsItsMessageAndHasNoField() {
    DeskProblem problem = DeskProblem.of(new BadRequestException("Choose a reviewer."));
    assertThat(problem.status()).isEqualTo(400);
    assertThat(problem.message()).isEqualTo("Choose a reviewer.");
    assertThat(problem.field()).isNull();
    assertThat(problem.section("problems")).isEmpty();
  }

  @Test
  void theProblemOfEachSettingComesWithTheRefusal() {
    DeskProblem problem =
        DeskProblem.of(PluginRegistryProbe.settingsRefused(Map.of("limit", "Enter a number.")));
    assertThat(problem.detail("problems", "limit")).isEqualTo("Enter a number.");
  }

  @Test
  void aFormOnlyEverRedirectsToADeskPage() {
    assertThat(DeskForm.deskPage("/desk/articles/4?done=SAVED"))
        .isEqualTo("/desk/articles/4?done=SAVED");
    for (String away :
        new String[] {"https://evil.example/", "//evil.example/desk", "/articles/x", null}) {
      assertThatThrownBy(() -> DeskForm.deskPage(away)).isInstanceOf(IllegalStateException.class);
    }
  }
}
