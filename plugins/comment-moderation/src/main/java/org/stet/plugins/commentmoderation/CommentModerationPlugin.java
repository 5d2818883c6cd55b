package org.stet.plugins.commentmoderation;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.stet.spi.Plugin;
import org.stet.spi.PluginDescriptor;
import org.stet.spi.SettingField;
import org.stet.spi.Spi;

/** Reader comments under articles, with a moderation desk, rules and a spam filter that learns. */
@ApplicationScoped
public class CommentModerationPlugin implements Plugin {

  static final String ID = "comment-moderation";

  @Override
  public PluginDescriptor descriptor() {
    return new PluginDescriptor(
        ID,
        "Comment moderation",
        "0.1.0",
        "Reader comments under articles: a moderation queue, rules, rate limits, a spam filter"
            + " that learns from moderators, reports, and e-mail notices.",
        Spi.VERSION,
        true,
        List.of(
            SettingField.choice(
                CommentSettings.MODERATION,
                "Hold for moderation",
                "Every comment, or only those of people never approved before.",
                "all",
                List.of("all", "first-time")),
            SettingField.integer(
                CommentSettings.MAX_LINKS,
                "Hold comments with this many links",
                "A comment with at least this many links waits for a moderator.",
                2,
                1,
                100),
            SettingField.multiline(
                CommentSettings.BLOCKED_WORDS,
                "Blocked words",
                "One word or phrase a line; a comment containing one is spam.",
                "",
                20_000),
            SettingField.multiline(
                CommentSettings.BLOCKED_EMAILS,
                "Blocked e-mail addresses",
                "One a line: an address (name@example.org) or a domain (@example.org).",
                "",
                20_000),
            SettingField.multiline(
                CommentSettings.BLOCKED_IPS,
                "Blocked IP addresses and ranges",
                "One a line: 203.0.113.7, 203.0.113.0/24 or 2001:db8::/32.",
                "",
                20_000),
            SettingField.integer(
                CommentSettings.CLOSE_AFTER_DAYS,
                "Close comments after (days)",
                "Days after publication; 0 keeps them open. Editors close single articles too.",
                0,
                0,
                36_500),
            SettingField.integer(
                CommentSettings.MAX_DEPTH,
                "Reply depth",
                "How many levels a thread may have (1: no replies).",
                3,
                1,
                10),
            SettingField.integer(
                CommentSettings.MAX_LENGTH,
                "Longest comment (characters)",
                "A longer comment is refused with a message, never cut.",
                5_000,
                100,
                50_000),
            SettingField.integer(
                CommentSettings.RATE_SECONDS,
                "Seconds between comments",
                "Per reader address and per e-mail address; 0 for no limit.",
                15,
                0,
                3_600),
            SettingField.integer(
                CommentSettings.MIN_SECONDS,
                "Fastest plausible writing (seconds)",
                "A comment sent sooner after the page was shown is taken for a robot's (spam).",
                3,
                0,
                600),
            SettingField.integer(
                CommentSettings.SPAM_THRESHOLD,
                "Spam score that marks spam (%)",
                "Once the filter has learnt from 10 spam and 10 approved comments.",
                90,
                50,
                100),
            SettingField.integer(
                CommentSettings.REPORTS_TO_HOLD,
                "Reports that send a comment back to moderation",
                "",
                3,
                1,
                100),
            SettingField.integer(
                CommentSettings.KEEP_IP_DAYS,
                "Keep commenters' IP addresses (days)",
                "Then they are erased; 0 never stores them.",
                30,
                0,
                3_650),
            SettingField.integer(
                CommentSettings.DIGEST_HOURS,
                "Editors' digest of pending comments (hours)",
                "How often editors get an e-mail listing comments that wait; 0 for none.",
                24,
                0,
                720),
            SettingField.integer(
                CommentSettings.STAMP_HOURS,
                "Hours a comment form stays good",
                "A form opened longer ago asks the reader to send again; each form sends one"
                    + " comment.",
                6,
                1,
                CommentSettings.MOST_STAMP_HOURS)));
  }

  @Override
  public List<String> migrations() {
    return List.of(
        "db/plugins/comment-moderation/V1__comments.sql",
        "db/plugins/comment-moderation/V2__stamps_used_once.sql");
  }
}
