package io.spareflow.notify.internal;

import io.spareflow.common.CaseNumber;
import io.spareflow.board.Serial;
import io.spareflow.board.BoardInfo;
import io.spareflow.board.BoardStatus;
import io.spareflow.board.Boards;
import io.spareflow.common.ConflictException;
import io.spareflow.customer.ContactInfo;
import io.spareflow.customer.Customers;
import io.spareflow.customer.SiteInfo;
import io.spareflow.notify.internal.InboundRecord.Outcome;
import io.spareflow.rma.CaseChannel;
import io.spareflow.rma.CaseReport;
import io.spareflow.rma.CaseView;
import io.spareflow.rma.Cases;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides what an inbound mail means, once per mail: a customer contact asking about their case gets its status;
 * a contact reporting a faulty board of theirs gets a new case; anybody else gets a polite answer that reveals nothing.
 * The mail is recorded in the same transaction as what it causes, so a restart never handles it twice.
 */
@Component
class InboundMailHandler {

    private static final Pattern SERIAL_CANDIDATE = Pattern.compile("\\b[A-Za-z0-9][A-Za-z0-9-]{5,39}\\b");

    private final InboundRepository inbound;
    private final Customers customers;
    private final Boards boards;
    private final Cases cases;
    private final MailRenderer renderer;
    private final CaseMailContext context;
    private final Outbox outbox;
    private final Clock clock;

    InboundMailHandler(InboundRepository inbound, Customers customers, Boards boards, Cases cases, MailRenderer renderer,
                       CaseMailContext context, Outbox outbox, Clock clock) {
        this.inbound = inbound;
        this.customers = customers;
        this.boards = boards;
        this.cases = cases;
        this.renderer = renderer;
        this.context = context;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    Outcome handle(InboundMail mail) {
        if (inbound.existsByMessageKey(mail.key())) {
            return Outcome.IGNORED;
        }
        if (mail.sender() == null) {
            return record(mail, Outcome.IGNORED, null, "no usable sender address: nobody to answer");
        }
        List<ContactInfo> contacts = customers.contactsByEmail(mail.sender());
        Optional<String> caseNumber = caseNumberIn(mail);
        if (caseNumber.isPresent()) {
            Optional<CaseView> known = cases.find(caseNumber.get());
            Optional<ContactInfo> contact = known.flatMap(c -> contacts.stream()
                    .filter(x -> x.customerCode().equals(c.customerCode())).findFirst());
            if (contact.isPresent()) {
                CaseView c = known.get();
                Map<String, Object> vars = context.of(c);
                vars.put("contactName", contact.get().name());
                reply(mail, c.number(), "STATUS_REPLY", renderer.render("status-reply", contact.get().locale(), vars));
                return record(mail, Outcome.STATUS_REPLY, c.number(), "status sent: " + c.state());
            }
            refuse(mail);
            return record(mail, Outcome.REFUSED, null, "case " + caseNumber.get()
                    + (known.isPresent() ? " belongs to another customer" : " does not exist"));
        }
        if (contacts.isEmpty()) {
            refuse(mail);
            return record(mail, Outcome.REFUSED, null, "sender is not a contact of any customer");
        }
        return report(mail, contacts);
    }

    /** Records a mail that could not be processed at all, in its own transaction, so it is not retried forever. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void recordFailure(InboundMail mail, String reason) {
        if (!inbound.existsByMessageKey(mail.key())) {
            record(mail, Outcome.FAILED, null, reason);
        }
    }

    private Outcome report(InboundMail mail, List<ContactInfo> contacts) {
        ContactInfo contact = contacts.get(0);
        Optional<BoardInfo> board = installedBoardOf(contact.customerCode(), mail.subject() + "\n" + mail.text());
        Map<String, Object> vars = new HashMap<>();
        vars.put("contactName", contact.name());
        vars.put("originalSubject", mail.subject().isBlank() ? "your message" : mail.subject());
        if (board.isEmpty()) {
            reply(mail, null, "REPORT_NEEDS_DETAILS", renderer.render("report-needs-details", contact.locale(), vars));
            return record(mail, Outcome.NEEDS_DETAILS, null, "no serial of a board installed at the customer's sites");
        }
        String symptom = (mail.subject() + "\n\n" + mail.text()).trim();
        try {
            CaseView created = cases.report(new CaseReport(contact.customerCode(), board.get().siteId(),
                    board.get().serial(), symptom.length() > 2000 ? symptom.substring(0, 2000) : symptom, CaseChannel.EMAIL));
            return record(mail, Outcome.CASE_CREATED, created.number(), "reported by " + contact.email());
        } catch (ConflictException e) {
            vars.put("serial", board.get().serial());
            reply(mail, null, "SERIAL_ALREADY_OPEN", renderer.render("serial-already-open", contact.locale(), vars));
            return record(mail, Outcome.SERIAL_ALREADY_OPEN, null, e.getMessage());
        }
    }

    /** The first word of the mail that is the serial of a board installed at one of the customer's sites. */
    private Optional<BoardInfo> installedBoardOf(String customerCode, String text) {
        Matcher m = SERIAL_CANDIDATE.matcher(text);
        while (m.find()) {
            Optional<Serial> candidate = Serial.tryParse(m.group()).filter(s -> !CaseNumber.isIssued(s.value()));
            if (candidate.isEmpty()) {
                continue;
            }
            Optional<BoardInfo> board = boards.find(candidate.get().value()).filter(b -> b.status() == BoardStatus.INSTALLED && b.siteId() != null);
            if (board.isPresent() && customers.site(board.get().siteId()).map(SiteInfo::customerCode)
                    .filter(customerCode::equals).isPresent()) {
                return board;
            }
        }
        return Optional.empty();
    }

    private void refuse(InboundMail mail) {
        Map<String, Object> vars = Map.of("originalSubject", mail.subject().isBlank() ? "your message" : mail.subject());
        reply(mail, null, "NO_CASE_INFORMATION", renderer.render("no-case-information", "en", vars));
    }

    private void reply(InboundMail mail, String caseNumber, String kind, RenderedMail rendered) {
        outbox.enqueue(caseNumber, kind, "reply:" + mail.key(), mail.sender(), rendered, mail.messageId());
    }

    private Outcome record(InboundMail mail, Outcome outcome, String caseNumber, String detail) {
        String notes = detail + (mail.truncated() ? "; body truncated" : "")
                + (mail.attachments() > 0 ? "; " + mail.attachments() + " attachment(s) ignored" : "");
        inbound.save(new InboundRecord(mail, outcome, caseNumber, notes, clock.instant()));
        return outcome;
    }

    private static Optional<String> caseNumberIn(InboundMail mail) {
        return CaseNumber.findIn(mail.subject()).or(() -> CaseNumber.findIn(mail.text())).map(CaseNumber::value);
    }
}
