package io.spareflow.notify.internal;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * RFC 3834: which mail must never get an automatic answer, so the service neither loops with another robot nor
 * sends backscatter to a forged sender. Such mail is recorded, not answered and not acted on.
 */
@Component
class AutoReplyPolicy {

    /** The headers by which a mail says it was sent by a program, a list or a bounce. */
    record Signals(String autoSubmitted, String precedence, boolean listId, String returnPath, String autoResponseSuppress) {
    }

    private static final Set<String> BULK_PRECEDENCE = Set.of("bulk", "list", "junk");
    /** Mailboxes of mail systems and list software (RFC 3834 section 2, RFC 2142). */
    private static final Set<String> SYSTEM_MAILBOXES = Set.of("mailer-daemon", "postmaster", "listserv", "majordomo",
            "noreply", "no-reply", "do-not-reply", "donotreply", "bounce", "bounces");

    private final Set<String> ownAddresses;

    AutoReplyPolicy(MailSettings settings) {
        this.ownAddresses = Stream.of(settings.from(), settings.imap().username()).filter(Objects::nonNull)
                .map(address -> address.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** Why the mail must not be answered automatically, or empty when it may be. */
    Optional<String> reasonNotToAnswer(InboundMail mail) {
        Signals s = mail.signals();
        if (s.autoSubmitted() != null && !s.autoSubmitted().toLowerCase(Locale.ROOT).startsWith("no")) {
            return Optional.of("sent automatically (Auto-Submitted: " + s.autoSubmitted() + ")");
        }
        if (s.precedence() != null && BULK_PRECEDENCE.contains(s.precedence().trim().toLowerCase(Locale.ROOT))) {
            return Optional.of("bulk or list mail (Precedence: " + s.precedence() + ")");
        }
        if (s.listId()) {
            return Optional.of("mailing-list mail (List-Id)");
        }
        if (s.returnPath() != null && s.returnPath().replaceAll("\\s", "").equals("<>")) {
            return Optional.of("empty return path: a bounce or notification");
        }
        if (s.autoResponseSuppress() != null && suppressesAutoReplies(s.autoResponseSuppress())) {
            return Optional.of("the sender asks for no automatic replies (X-Auto-Response-Suppress)");
        }
        if (mail.sender() == null) {
            return Optional.of("no usable sender address: nobody to answer");
        }
        if (ownAddresses.contains(mail.sender())) {
            return Optional.of("sent from the service's own address");
        }
        String local = mail.sender().substring(0, mail.sender().indexOf('@'));
        if (SYSTEM_MAILBOXES.contains(local) || local.startsWith("owner-") || local.endsWith("-request")) {
            return Optional.of("sent by a mail system or list (" + local + "@)");
        }
        return Optional.empty();
    }

    private static boolean suppressesAutoReplies(String value) {
        for (String token : value.toLowerCase(Locale.ROOT).split("[,\\s]+")) {
            if (token.equals("all") || token.equals("autoreply") || token.equals("oof")) {
                return true;
            }
        }
        return false;
    }
}
