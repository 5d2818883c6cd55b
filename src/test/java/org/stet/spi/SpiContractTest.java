package org.stet.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpiContractTest {

  @Test
  void pluginsForThisMajorAndAnOlderOrEqualMinorRun() {
    assertThat(Spi.supports(Spi.VERSION)).isTrue();
    assertThat(Spi.supports("0.1")).isTrue();
    assertThat(Spi.supports("0.99")).isFalse();
    assertThat(Spi.supports("1.0")).isFalse();
    assertThat(Spi.supports("latest")).isFalse();
    assertThat(Spi.supports(null)).isFalse();
  }

  @Test
  void descriptorsNeedAKebabCaseIdAndUniqueSettings() {
    assertThatThrownBy(() -> descriptor("Disclaimers", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> descriptor("../etc", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                descriptor(
                    "twice",
                    List.of(
                        SettingField.bool("on", "On", "", true),
                        SettingField.bool("on", "On", "", false))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(descriptor("comment-moderation", List.of()).id()).isEqualTo("comment-moderation");
  }

  @Test
  void settingFieldsExplainWhatIsWrong() {
    SettingField limit = SettingField.integer("limit", "Limit", "", 5, 1, 10);
    assertThat(limit.problem("7")).isNull();
    assertThat(limit.problem("0")).isEqualTo("Limit must be between 1 and 10.");
    assertThat(limit.problem("seven")).isEqualTo("Limit must be a whole number.");
    assertThat(limit.problem("99999999999999999999")).isEqualTo("Limit must be a whole number.");
    SettingField name = SettingField.text("name", "Name", "", "x", 3);
    assertThat(name.problem("abcd")).isEqualTo("Name is longer than 3 characters.");
    assertThat(name.problem("a\0")).isEqualTo("Name contains a NUL character.");
    SettingField mode = SettingField.choice("mode", "Mode", "", "all", List.of("all", "first"));
    assertThat(mode.problem("some")).isEqualTo("Mode must be one of [all, first].");
    assertThat(SettingField.bool("on", "On", "", true).problem("yes"))
        .isEqualTo("On is yes or no.");
  }

  private static PluginDescriptor descriptor(String id, List<SettingField> settings) {
    return new PluginDescriptor(id, "Name", "1", "Description.", Spi.VERSION, true, settings);
  }
}
