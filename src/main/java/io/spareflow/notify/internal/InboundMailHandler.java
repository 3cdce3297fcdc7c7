package io.spareflow.notify.internal;

import io.spareflow.common.CaseNumber;
import io.spareflow.board.Serial;
import io.spareflow.board.BoardInfo;
import io.spareflow.board.BoardStatus;
import io.spareflow.board.Boards;
import io.spareflow.common.ConflictException;
import io.spareflow.common.Columns;
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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides what an inbound mail means, once per mail: a customer contact asking about their case gets its status;
 * a contact reporting a faulty board of theirs gets a new case, or the case the board is already on; anybody else
 * gets a polite answer that reveals nothing. Mail sent by programs, lists and bounces is recorded and left alone
 * ({@link AutoReplyPolicy}); answers are sent through {@link AutoReplies}, which stays silent rather than loop.
 * The mail is recorded in the same transaction as what it causes, so a restart never handles it twice.
 */
@Component
class InboundMailHandler {

    private static final Pattern SERIAL_CANDIDATE = Pattern.compile("\\b[A-Za-z0-9][A-Za-z0-9-]{5,39}\\b");
    private static final int SYMPTOM_LENGTH = 2000;
    private static final int DETAIL_LENGTH = 1000;

    private final InboundRepository inbound;
    private final Customers customers;
    private final Boards boards;
    private final Cases cases;
    private final MailRenderer renderer;
    private final CaseMailContext context;
    private final AutoReplyPolicy policy;
    private final AutoReplies replies;
    private final TransactionTemplate transactions;
    private final Clock clock;

    InboundMailHandler(InboundRepository inbound, Customers customers, Boards boards, Cases cases, MailRenderer renderer,
                       CaseMailContext context, AutoReplyPolicy policy, AutoReplies replies,
                       TransactionTemplate transactions, Clock clock) {
        this.inbound = inbound;
        this.customers = customers;
        this.boards = boards;
        this.cases = cases;
        this.renderer = renderer;
        this.context = context;
        this.policy = policy;
        this.replies = replies;
        this.transactions = transactions;
        this.clock = clock;
    }

    Outcome handle(InboundMail mail) {
        try {
            return transactions.execute(tx -> decide(mail));
        } catch (ConflictException raced) {
            // The board got its case between our look-up and our report (the hotline was quicker): the mail rolled
            // back with the report, and now gets the answer about that case.
            return transactions.execute(tx -> decide(mail));
        }
    }

    /** Records a mail that could not be processed at all, in its own transaction, so it is not retried forever. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void recordFailure(InboundMail mail, String reason) {
        if (!inbound.existsByMessageKey(mail.key())) {
            record(mail, Outcome.FAILED, null, reason);
        }
    }

    private Outcome decide(InboundMail mail) {
        if (inbound.existsByMessageKey(mail.key())) {
            return Outcome.IGNORED;
        }
        Optional<String> automatic = policy.reasonNotToAnswer(mail);
        if (automatic.isPresent()) {
            return record(mail, Outcome.AUTOMATIC, null, automatic.get() + ": not answered (RFC 3834)");
        }
        List<ContactInfo> contacts = customers.contactsByEmail(mail.sender());
        Optional<String> caseNumber = caseNumberIn(mail);
        if (caseNumber.isPresent()) {
            Optional<CaseView> known = cases.find(caseNumber.get());
            Optional<ContactInfo> contact = known.flatMap(c -> contacts.stream()
                    .filter(x -> x.customerCode().equals(c.customerCode())).findFirst());
            if (contact.isPresent()) {
                return statusReply(mail, known.get(), contact.get());
            }
            return refuse(mail, "case " + caseNumber.get() + (known.isPresent() ? " belongs to another customer" : " does not exist"));
        }
        if (contacts.isEmpty()) {
            return refuse(mail, "sender is not a contact of any customer");
        }
        return report(mail, contacts.get(0));
    }

    private Outcome statusReply(InboundMail mail, CaseView c, ContactInfo contact) {
        Map<String, Object> vars = context.of(c, contact.language());
        vars.put("contactName", contact.name());
        return answer(mail, c.number(), ReplyKind.STATUS_REPLY, renderer.render("status-reply", contact.language(), vars),
                Outcome.STATUS_REPLY, "status sent: " + c.state());
    }

    private Outcome report(InboundMail mail, ContactInfo contact) {
        Optional<BoardInfo> board = installedBoardOf(contact.customerCode(), mail.subject() + "\n" + mail.text());
        Map<String, Object> vars = new HashMap<>();
        vars.put("contactName", contact.name());
        vars.put("originalSubject", originalSubject(mail));
        String symptom = Columns.cut((mail.subject() + "\n\n" + mail.text()).trim(), SYMPTOM_LENGTH);
        if (board.isEmpty()) {
            // No board named: the fault is reported all the same when the site is clear; the diagnosis finds the board.
            Optional<SiteInfo> site = siteOf(contact.customerCode(), mail.subject() + "\n" + mail.text());
            if (site.isEmpty()) {
                return answer(mail, null, ReplyKind.REPORT_NEEDS_DETAILS, renderer.render("report-needs-details", contact.language(), vars),
                        Outcome.NEEDS_DETAILS, "no serial of a board installed at the customer's sites, and no site named");
            }
            CaseView created = cases.report(new CaseReport(contact.customerCode(), site.get().id(), null, symptom, CaseChannel.EMAIL));
            return record(mail, Outcome.CASE_CREATED, created.number(), "reported by " + contact.email() + " without a board");
        }
        Optional<CaseView> open = cases.openCaseOf(board.get().serial()).flatMap(cases::find);
        if (open.isPresent()) {
            vars.put("serial", board.get().serial());
            vars.put("openCase", open.get().number());
            vars.put("trackingUrl", context.trackingUrl(open.get()));
            return answer(mail, open.get().number(), ReplyKind.SERIAL_ALREADY_OPEN,
                    renderer.render("serial-already-open", contact.language(), vars), Outcome.SERIAL_ALREADY_OPEN,
                    "board " + board.get().serial() + " is already on open case " + open.get().number());
        }
        CaseView created = cases.report(new CaseReport(contact.customerCode(), board.get().siteId(), board.get().serial(),
                symptom, CaseChannel.EMAIL));
        return record(mail, Outcome.CASE_CREATED, created.number(), "reported by " + contact.email());
    }

    /** The customer's site the mail names (its name, ignoring case), or its only site; empty when that is not clear. */
    private Optional<SiteInfo> siteOf(String customerCode, String text) {
        List<SiteInfo> sites = customers.require(customerCode).sites();
        String lower = text.toLowerCase(Locale.ROOT);
        List<SiteInfo> named = sites.stream().filter(site -> lower.contains(site.name().toLowerCase(Locale.ROOT))).toList();
        return named.size() == 1 ? Optional.of(named.get(0)) : sites.size() == 1 ? Optional.of(sites.get(0)) : Optional.empty();
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

    private Outcome refuse(InboundMail mail, String why) {
        Map<String, Object> vars = Map.of("originalSubject", originalSubject(mail));
        return answer(mail, null, ReplyKind.NO_CASE_INFORMATION, renderer.render("no-case-information", languageOf(mail), vars),
                Outcome.REFUSED, why);
    }

    /** Sends the answer unless {@link AutoReplies} keeps silent; either way the mail is recorded, with the reason. */
    private Outcome answer(InboundMail mail, String caseNumber, ReplyKind kind, RenderedMail rendered, Outcome outcome,
                           String detail) {
        Optional<String> silence = replies.answer(mail, caseNumber, kind, rendered);
        return silence.isPresent()
                ? record(mail, Outcome.SILENCED, caseNumber, detail + "; " + kind + " " + silence.get())
                : record(mail, outcome, caseNumber, detail);
    }

    private Outcome record(InboundMail mail, Outcome outcome, String caseNumber, String detail) {
        String notes = mail.readingNotes().isEmpty() ? detail : detail + "; " + String.join("; ", mail.readingNotes());
        inbound.save(new InboundRecord(mail, outcome, caseNumber, Columns.cut(notes, DETAIL_LENGTH), clock.instant()));
        return outcome;
    }

    /** A stranger has no language on record: answer in Chinese when they wrote Chinese, else in English. */
    private static Locale languageOf(InboundMail mail) {
        return (mail.subject() + mail.text()).codePoints()
                .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }

    private static String originalSubject(InboundMail mail) {
        return mail.subject().isBlank() ? "your message" : mail.subject();
    }

    private static Optional<String> caseNumberIn(InboundMail mail) {
        return CaseNumber.findIn(mail.subject()).or(() -> CaseNumber.findIn(mail.text())).map(CaseNumber::value);
    }
}
