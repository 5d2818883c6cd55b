package org.stet.plugins.commentmoderation;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.stet.plugins.commentmoderation.CommentStore.Status;

/**
 * Screens a reader's comment before it is stored: spam (a robot's signs, a blocked word, address or
 * IP, a high spam score), waiting for a moderator (many links, every comment held, a first comment
 * from the address), or shown at once.
 */
@ApplicationScoped
public class CommentScreening {

  private final CommentStore store;
  private final SpamCorpus spam;

  CommentScreening(CommentStore store, SpamCorpus spam) {
    this.store = store;
    this.spam = spam;
  }

  /** Why a comment is spam, waits, or is shown at once. */
  record Verdict(Status status, String reason, OptionalDouble score) {}

  /**
   * What becomes of submission {@code s} from {@code email}, its form shown at {@code shown}: the
   * first rule that holds decides, in the order below.
   */
  Verdict verdict(
      CommentService.Submission s, String email, Instant shown, CommentSettings settings) {
    CommentText.Typed typed = s.typed();
    Set<String> tokens = SpamFilter.tokens(typed.name(), email, typed.website(), typed.text());
    int[] corpus = spam.corpus();
    OptionalDouble score = SpamFilter.score(tokens, spam.counts(tokens), corpus[0], corpus[1]);
    long seconds = Duration.between(shown, Instant.now()).getSeconds();
    // Invisible characters cannot hide a blocked word (v\u200Biagra).
    Optional<String> word =
        Blocklists.blockedWord(
            settings.blockedWords(),
            CommentText.visible(typed.text()),
            CommentText.visible(typed.name()),
            typed.website(),
            email);
    int links = CommentText.links(typed.text()).size();
    if (s.honeypot() != null && !s.honeypot().isEmpty()) {
      return new Verdict(Status.SPAM, "Robot: filled in the hidden field", score);
    }
    if (seconds < settings.minSeconds()) {
      return new Verdict(
          Status.SPAM, "Robot: sent " + seconds + " s after the page was shown", score);
    }
    if (word.isPresent()) {
      return new Verdict(Status.SPAM, "Blocked word: " + word.get(), score);
    }
    if (Blocklists.blockedEmail(settings.blockedEmails(), email)) {
      return new Verdict(Status.SPAM, "Blocked e-mail address", score);
    }
    if (s.ip() != null && Blocklists.blockedIp(settings.blockedIps(), s.ip())) {
      return new Verdict(Status.SPAM, "Blocked IP address", score);
    }
    if (score.isPresent() && score.getAsDouble() * 100 >= settings.spamThreshold()) {
      return new Verdict(
          Status.SPAM, "Spam score " + Math.round(score.getAsDouble() * 100) + "%", score);
    }
    if (links >= settings.maxLinks()) {
      return new Verdict(Status.PENDING, links + " links", score);
    }
    if (settings.holdAll()) {
      return new Verdict(Status.PENDING, "Every comment is moderated", score);
    }
    if (!store.knownCommenter(email)) {
      return new Verdict(Status.PENDING, "First comment from this address", score);
    }
    return new Verdict(Status.APPROVED, null, score);
  }
}
