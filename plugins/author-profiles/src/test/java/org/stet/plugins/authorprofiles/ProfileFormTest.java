package org.stet.plugins.authorprofiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stet.spi.WebAddress;

/** Reading and checking the profile form. */
class ProfileFormTest {

  @Test
  void aFilledFormBecomesTheDataToSaveWithBlankRowsLeftOut() {
    ProfileForm form =
        ProfileForm.read(
            "Lidiya Parkhomchik",
            " Eurasian Research Institute ",
            "Writes on *energy*.\r\nSecond line.",
            "https://orcid.org/0000-0002-1694-233x",
            "",
            List.of("Research assistant", "Senior Research fellow", ""),
            List.of("2012-01-01", "2015-09-01", ""),
            List.of("2015-08-31", "", ""),
            List.of("Blog", ""),
            List.of("https://example.org/blog", ""),
            "3");

    assertThat(form.errors()).isEmpty();
    ProfileStore.ProfileData data = form.toData();
    assertThat(data.affiliation()).isEqualTo("Eurasian Research Institute");
    assertThat(data.biography()).isEqualTo("Writes on *energy*.\nSecond line.");
    assertThat(data.orcid()).isEqualTo("0000-0002-1694-233X");
    assertThat(data.publicEmail()).isNull();
    assertThat(data.positions())
        .containsExactly(
            new ProfileStore.Position(
                "Research assistant", LocalDate.of(2012, 1, 1), LocalDate.of(2015, 8, 31)),
            new ProfileStore.Position("Senior Research fellow", LocalDate.of(2015, 9, 1), null));
    assertThat(data.links())
        .containsExactly(new ProfileStore.Link("Blog", "https://example.org/blog"));
    assertThat(form.version()).isEqualTo(3);
  }

  @Test
  void eachWrongFieldGetsItsOwnMessageAndTheTypedTextIsKept() {
    String longBiography = "word ".repeat(4_001);
    ProfileForm form =
        ProfileForm.read(
            "Lidiya Parkhomchik",
            "",
            longBiography,
            "0000-0002-1825-0098",
            "not-an-address",
            List.of("Director", "", "Fellow"),
            List.of("2020-01-01", "2019-01-01", "someday"),
            List.of("2019-12-31", "", ""),
            List.of("Evil", "", "No label"),
            List.of("javascript:alert(1)", "https://example.org", "https://example.org/x"),
            "1");

    assertThat(form.error("biography")).contains("20,005 characters").contains("nothing was saved");
    assertThat(form.biography()).isEqualTo(longBiography);
    assertThat(form.error("orcid")).contains("not a valid ORCID iD");
    assertThat(form.error("publicEmail")).contains("e-mail address");
    assertThat(form.error("position-0")).isEqualTo("The position ends before it begins.");
    assertThat(form.error("position-1")).contains("title");
    assertThat(form.error("position-2")).contains("date the position began");
    assertThat(form.error("link-0")).contains("https://");
    assertThat(form.error("link-1")).contains("label");
    assertThat(form.error("link-2")).isNull();
    assertThat(form.positions().get(2).startsOn()).isEqualTo("someday");
  }

  @Test
  void onlyAbsoluteWebAddressesAreLinks() {
    assertThat(WebAddress.isHttp("https://example.org/a?b=c")).isTrue();
    assertThat(WebAddress.isHttp("http://example.org")).isTrue();
    assertThat(WebAddress.isHttp("javascript:alert(1)")).isFalse();
    assertThat(WebAddress.isHttp("data:text/html,<script>")).isFalse();
    assertThat(WebAddress.isHttp("//example.org")).isFalse();
    assertThat(WebAddress.isHttp("https:/example.org")).isFalse();
    assertThat(WebAddress.isHttp("https://example.org/\"onmouseover=\"x")).isFalse();
    assertThat(WebAddress.isHttp("ftp://example.org")).isFalse();
  }

  @Test
  void aFormWithoutItsVersionIsRefused() {
    ProfileForm form =
        ProfileForm.read("Ann", null, null, null, null, null, null, null, null, null, "x");
    assertThat(form.error("form")).contains("version");
  }

  @Test
  void nulCharactersAreRefusedNotStripped() {
    ProfileForm form =
        ProfileForm.read("Ann", "A\0B", "", "", "", null, null, null, null, null, "0");
    assertThat(form.error("affiliation")).contains("NUL");
    assertThat(form.affiliation()).isEqualTo("A\0B");
  }
}
