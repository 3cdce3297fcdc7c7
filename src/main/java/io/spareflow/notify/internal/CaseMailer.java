package io.spareflow.notify.internal;

import io.spareflow.customer.ContactInfo;
import io.spareflow.customer.Customers;
import io.spareflow.rma.CaseEscalated;
import io.spareflow.rma.CaseMilestone;
import io.spareflow.rma.CaseMilestoneReached;
import io.spareflow.rma.CaseView;
import io.spareflow.rma.Cases;
import io.spareflow.user.StaffReader;
import io.spareflow.user.Users;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns case events into mail, queued in the same transaction as the change that caused them: milestones to the
 * customer's contacts, escalations to the first owner and their supervisor, each in the reader's language.
 */
@Component
class CaseMailer {

    /** The mails that ask for the defective board back carry its return label. */
    private static final Set<CaseMilestone> RETURN_LABEL_MILESTONES = EnumSet.of(CaseMilestone.SPARE_DISPATCHED,
            CaseMilestone.RETURN_REQUESTED);

    private final Cases cases;
    private final Customers customers;
    private final Users users;
    private final MailRenderer renderer;
    private final CaseMailContext context;
    private final Outbox outbox;
    private final MailAttachments attachments;
    private final MessageSource messages;

    CaseMailer(Cases cases, Customers customers, Users users, MailRenderer renderer, CaseMailContext context, Outbox outbox,
               MailAttachments attachments, MessageSource messages) {
        this.attachments = attachments;
        this.messages = messages;
        this.cases = cases;
        this.customers = customers;
        this.users = users;
        this.renderer = renderer;
        this.context = context;
        this.outbox = outbox;
    }

    @EventListener
    void on(CaseMilestoneReached event) {
        CaseView c = cases.find(event.caseNumber()).orElseThrow();
        String template = templateOf(event.milestone());
        MailAttachment attachment = RETURN_LABEL_MILESTONES.contains(event.milestone())
                && attachments.available(MailAttachment.RETURN_LABEL_PDF) ? MailAttachment.RETURN_LABEL_PDF : null;
        for (ContactInfo contact : customers.require(c.customerCode()).contacts()) {
            Map<String, Object> vars = context.of(c, contact.language());
            vars.put("contactName", contact.name());
            vars.put("returnLabelAttached", attachment != null);
            outbox.enqueue(c.number(), "MILESTONE_" + event.milestone(),
                    "milestone:" + c.number() + ":" + event.milestone() + ":" + contact.email().toLowerCase(Locale.ROOT),
                    contact.email(), renderer.render(template, contact.language(), vars), null, attachment);
        }
    }

    @EventListener
    void on(CaseEscalated event) {
        CaseView c = cases.find(event.caseNumber()).orElseThrow();
        Map<String, StaffReader> readers = new LinkedHashMap<>();
        for (String username : Arrays.asList(event.firstOwner(), event.supervisor())) {
            users.reader(username).ifPresent(reader -> readers.putIfAbsent(reader.email(), reader));
        }
        for (StaffReader reader : readers.values()) {
            Map<String, Object> vars = context.of(c, reader.locale(), reader.zone());
            vars.put("step", event.step());
            vars.put("level", event.level());
            vars.put("reason", event.reason().in(messages, reader.locale(), reader.zone()));
            outbox.enqueue(c.number(), "ESCALATION", "escalation:" + c.number() + ":" + event.step() + ":" + event.level()
                    + ":" + event.at().toEpochMilli() + ":" + reader.email(), reader.email(),
                    renderer.render("escalation", reader.locale(), vars), null);
        }
    }

    /** ACKNOWLEDGED → "acknowledged", RETURN_CHARGE_WARNING → "return-charge-warning". */
    static String templateOf(CaseMilestone milestone) {
        return milestone.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
