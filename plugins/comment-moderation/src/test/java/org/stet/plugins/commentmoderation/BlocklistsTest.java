package org.stet.plugins.commentmoderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The settings' block lists. */
class BlocklistsTest {

  @Test
  void ipRangesMatchIpv4AndIpv6AndSkipBadLines() {
    List<String> ranges =
        CommentSettings.lines(
            "203.0.113.0/24\n# a note\n2001:db8::/32\n198.51.100.7\nnot-an-ip\n10.0.0.0/99");
    assertThat(Blocklists.blockedIp(ranges, "203.0.113.200")).isTrue();
    assertThat(Blocklists.blockedIp(ranges, "203.0.114.1")).isFalse();
    assertThat(Blocklists.blockedIp(ranges, "2001:db8:1::5")).isTrue();
    assertThat(Blocklists.blockedIp(ranges, "2001:db9::5")).isFalse();
    assertThat(Blocklists.blockedIp(ranges, "198.51.100.7")).isTrue();
    assertThat(Blocklists.blockedIp(ranges, "198.51.100.8")).isFalse();
    assertThat(Blocklists.blockedIp(ranges, "localhost")).as("never a name lookup").isFalse();
    assertThat(Blocklists.badLines(ranges)).containsExactly("not-an-ip", "10.0.0.0/99");
  }

  @Test
  void readersAreCountedByIpv4AddressOrByIpv6Network() {
    assertThat(ReaderKeys.network("2001:db8:1:2::1"))
        .isEqualTo(ReaderKeys.network("2001:db8:1:2:ffff:ffff:ffff:fffe"))
        .isNotEqualTo(ReaderKeys.network("2001:db8:1:3::1"));
    assertThat(ReaderKeys.network("203.0.113.7")).isEqualTo("203.0.113.7");
    assertThat(ReaderKeys.network("203.0.113.7")).isNotEqualTo(ReaderKeys.network("203.0.113.8"));
  }

  @Test
  void emailsMatchExactlyOrByDomain() {
    List<String> blocked = List.of("spammer@example.org", "@junk.example");
    assertThat(Blocklists.blockedEmail(blocked, "Spammer@Example.org")).isTrue();
    assertThat(Blocklists.blockedEmail(blocked, "anyone@junk.example")).isTrue();
    assertThat(Blocklists.blockedEmail(blocked, "friend@example.org")).isFalse();
    assertThat(Blocklists.blockedEmail(blocked, "someone@notjunk.example")).isFalse();
  }

  @Test
  void wordsMatchAnyFieldIgnoringCase() {
    assertThat(Blocklists.blockedWord(List.of("casino"), "Visit our CASINO", "Ann"))
        .contains("casino");
    assertThat(Blocklists.blockedWord(List.of("casino"), "On energy", "Ann")).isEmpty();
  }
}
