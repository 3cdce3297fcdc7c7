package io.spareflow.notify.internal;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Sends the service's automatic answers to inbound mail, and decides when to stay silent instead: never the same kind
 * of answer about the same case into a thread that already has it (a robot answering our answer gets nothing more),
 * and never more than {@link AutoReplySettings#maxPerSender()} answers to one address per window.
 */
@Component
class AutoReplies {

    private final AutoReplyLog log;
    private final Outbox outbox;
    private final AutoReplySettings settings;
    private final Clock clock;

    AutoReplies(AutoReplyLog log, Outbox outbox, AutoReplySettings settings, Clock clock) {
        this.log = log;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    /** Queues the answer, or says why it stays unsent. */
    Optional<String> answer(InboundMail mail, String caseNumber, ReplyKind kind, RenderedMail rendered) {
        Optional<String> silence = reasonForSilence(mail, caseNumber, kind);
        if (silence.isEmpty()) {
            outbox.enqueueReply(mail, caseNumber, kind.name(), rendered);
        }
        return silence;
    }

    private Optional<String> reasonForSilence(InboundMail mail, String caseNumber, ReplyKind kind) {
        if (!mail.references().isEmpty()) {
            Optional<OutboxMessage> repeated = log.repliesAmong(mail.references(), mail.sender()).stream()
                    .filter(earlier -> earlier.kind().equals(kind.name()) && Objects.equals(earlier.caseNumber(), caseNumber))
                    .findFirst();
            if (repeated.isPresent()) {
                return Optional.of("answers our automatic reply " + repeated.get().messageId()
                        + " and would get the same answer again: not answered, so no loop");
            }
        }
        long recent = log.countSince(mail.sender(), clock.instant().minus(settings.window()));
        if (recent >= settings.maxPerSender()) {
            return Optional.of(recent + " automatic replies to " + mail.sender() + " within " + settings.window()
                    + " (limit " + settings.maxPerSender() + "): not answered");
        }
        return Optional.empty();
    }
}
