package io.spareflow.rma.internal;

import io.spareflow.board.BoardInfo;
import io.spareflow.board.BoardStatus;
import io.spareflow.board.Boards;
import io.spareflow.common.ConflictException;
import io.spareflow.common.InvalidInputException;
import io.spareflow.common.Message;
import io.spareflow.customer.CustomerInfo;
import io.spareflow.customer.Customers;
import io.spareflow.customer.SiteInfo;
import io.spareflow.rma.CaseChannel;
import io.spareflow.rma.CaseMilestone;
import io.spareflow.rma.CaseReport;
import io.spareflow.rma.DiagnosisOutcome;
import io.spareflow.rma.SlaStep;
import io.spareflow.rma.TimelineKind;
import io.spareflow.tier.ServiceTier;
import io.spareflow.tier.ServiceTiers;
import io.spareflow.user.Role;
import io.spareflow.user.StaffUser;
import io.spareflow.user.Users;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The state changes of a case as a whole — report, acceptance, diagnosis, close, cancel, transfer of its first
 * ownership — each with its timeline entry, SLA clocks and the events for the customer's e-mails. Knows nothing of the
 * process engine: the process adapters call it. A line's changes are {@link LineTransitions} and
 * {@link SpareTransitions}; late and stalled steps {@link CaseDeadlines}.
 */
@Service
@Transactional
public class CaseTransitions {

    /** Where a case's spare is once it has left the shelf and before it is on site: it must come back if the case is cancelled. */
    private static final Set<BoardStatus> SPARE_ON_ITS_WAY = EnumSet.of(BoardStatus.PICKED, BoardStatus.PACKED,
            BoardStatus.IN_TRANSIT);

    private final CaseRepository cases;
    private final CaseLookup lookup;
    private final CaseNumbers numbers;
    private final CaseClocks clocks;
    private final FaultyBoards faultyBoards;
    private final CaseTexts texts;
    private final CaseAlerts alerts;
    private final CaseChangeRights rights;
    private final Customers customers;
    private final Boards boards;
    private final ServiceTiers tiers;
    private final Users users;
    private final Clock clock;

    CaseTransitions(CaseRepository cases, CaseLookup lookup, CaseNumbers numbers, CaseClocks clocks,
                    FaultyBoards faultyBoards, CaseTexts texts, CaseAlerts alerts, CaseChangeRights rights,
                    Customers customers, Boards boards, ServiceTiers tiers, Users users, Clock clock) {
        this.cases = cases;
        this.lookup = lookup;
        this.numbers = numbers;
        this.clocks = clocks;
        this.faultyBoards = faultyBoards;
        this.texts = texts;
        this.alerts = alerts;
        this.rights = rights;
        this.customers = customers;
        this.boards = boards;
        this.tiers = tiers;
        this.users = users;
        this.clock = clock;
    }

    /**
     * Opens a case for a site's fault. The faulty board may be named now (line 1) or found by the diagnosis later; a
     * report naming none opens the case all the same.
     */
    public NewCase report(CaseReport report, String reporter) {
        CustomerInfo customer = customers.find(report.customerCode()).orElseThrow(() -> new InvalidInputException(
                Message.of("errors.case.customer", report.customerCode()), Map.of("customerCode", Message.of("errors.case.customer.field"))));
        SiteInfo site = customers.site(report.siteId()).filter(s -> s.customerCode().equals(customer.code()))
                .orElseThrow(() -> new InvalidInputException(Message.of("errors.case.site", String.valueOf(report.siteId()), customer.code()),
                        Map.of("siteId", Message.of("errors.case.site.field"))));
        if (customer.tier() == null) {
            throw new InvalidInputException(Message.of("errors.case.noContract", customer.code()),
                    Map.of("customerCode", Message.of("errors.case.noContract.field")));
        }
        Optional<FaultyBoard> board = report.boardNamed()
                ? Optional.of(faultyBoards.find(site, report.faultySerial(), null, CaseReport.FAULTY_SERIAL)) : Optional.empty();
        ServiceTier tier = tiers.require(customer.tier());
        Instant now = clock.instant();
        String responsible = clocks.responsibleLocationFor(site.point());
        CaseEntity entity = new CaseEntity(numbers.next(now), numbers.trackingToken(), customer.code(), site.id(),
                report.symptom().trim(), report.channel(), tier.name(), responsible, reporter, now);
        Limit accept = clocks.limit(tier, responsible, now, tier.acceptMinutes());
        clocks.startClock(entity, tier, SlaStep.ACCEPT, now, accept.due());
        entity.record(now, TimelineKind.REPORTED, reporter, board.map(b -> texts.text("case.timeline.reported", channel(report.channel()),
                        b.serial(), b.partNumber(), site.name(), entity.symptom()))
                .orElseGet(() -> texts.text("case.line.reported-without-board", channel(report.channel()), site.name(),
                        entity.symptom())));
        board.ifPresent(b -> faultyBoards.name(entity, b, null, reporter, now));
        saveNew(entity, board.map(FaultyBoard::serial).orElse(null));
        alerts.milestone(entity, CaseMilestone.ACKNOWLEDGED, now);
        return new NewCase(entity.number(), accept, board.map(FaultyBoard::serial).orElse(null), !tier.advanceExchange(),
                tier.advanceExchange() ? clocks.spareOnSite(tier, entity, entity.createdAt()) : null);
    }

    private void saveNew(CaseEntity entity, String serial) {
        try {
            cases.saveAndFlush(entity);
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException(Message.of("case.line.open-elsewhere", serial, "?"));
        }
    }

    /** The first one to take the Accept task becomes the first owner; later takers do not change it. */
    public void claimedForAcceptance(String caseNumber, String username) {
        CaseEntity entity = lookup.lock(caseNumber);
        if (entity.firstOwner() == null) {
            Instant now = clock.instant();
            entity.accept(username, now);
            entity.record(now, TimelineKind.FIRST_OWNER, username, texts.text("case.timeline.first-owner", username));
        }
    }

    /** Acceptance done: the remote diagnosis clock starts. Returns its limit. */
    public Limit accepted(String caseNumber, String username) {
        claimedForAcceptance(caseNumber, username);
        CaseEntity entity = lookup.lock(caseNumber);
        Instant now = clock.instant();
        entity.meetClock(SlaStep.ACCEPT, now);
        ServiceTier tier = tiers.require(entity.tier());
        Limit diagnosis = clocks.limit(tier, entity.responsibleLocation(), now, tier.remoteDiagnosisMinutes());
        clocks.startClock(entity, tier, SlaStep.REMOTE_DIAGNOSIS, now, diagnosis.due());
        entity.record(now, TimelineKind.ACCEPTED, username, texts.text("case.timeline.accepted", diagnosis.due()));
        alerts.milestone(entity, CaseMilestone.ACCEPTED, now);
        return diagnosis;
    }

    /**
     * The remote diagnosis: its outcome, and the faulty boards it found ({@link FaultyBoards#nameFromDiagnosis}).
     */
    public void diagnosed(String caseNumber, DiagnosisOutcome outcome, String note, List<String> faultySerials, String username) {
        CaseEntity entity = lookup.lock(caseNumber);
        Instant now = clock.instant();
        faultyBoards.nameFromDiagnosis(entity, outcome, faultySerials, username, now);
        entity.meetClock(SlaStep.REMOTE_DIAGNOSIS, now);
        entity.diagnosed(outcome);
        startSpareClockIfNeeded(entity, outcome);
        entity.record(now, TimelineKind.DIAGNOSED, username, found("case.timeline.diagnosed", outcome, note));
    }

    public void siteVisited(String caseNumber, DiagnosisOutcome outcome, String note, List<String> faultySerials, String username) {
        CaseEntity entity = lookup.lock(caseNumber);
        Instant now = clock.instant();
        faultyBoards.nameFromDiagnosis(entity, outcome, faultySerials, username, now);
        entity.diagnosed(outcome);
        startSpareClockIfNeeded(entity, outcome);
        entity.record(now, TimelineKind.SITE_VISITED, username, found("case.timeline.site-visited", outcome, note));
    }

    /** What a diagnosis or site visit found, the outcome by its name, with the note when one was given. */
    private Message found(String key, DiagnosisOutcome outcome, String note) {
        Message named = Message.of("pages.diagnosis." + outcome.name());
        return note == null || note.isBlank() ? texts.text(key, named) : texts.text(key + "-noted", named, note);
    }

    private static Message channel(CaseChannel channel) {
        return Message.of("pages.channel." + channel.name());
    }

    /**
     * The spare-on-site limit counts from the report, but its clock shows only on cases that need a spare (a case
     * resolved remotely has no spare step to meet).
     */
    private void startSpareClockIfNeeded(CaseEntity entity, DiagnosisOutcome outcome) {
        ServiceTier tier = tiers.require(entity.tier());
        if (outcome == DiagnosisOutcome.SPARE_NEEDED && tier.advanceExchange()) {
            clocks.startClock(entity, tier, SlaStep.SPARE_ON_SITE, entity.createdAt(),
                    clocks.spareOnSite(tier, entity, entity.createdAt()).due());
        }
    }

    public void close(String caseNumber, String resolution, String username) {
        CaseEntity entity = lookup.lock(caseNumber);
        Instant now = clock.instant();
        entity.close(resolution, now);
        entity.record(now, TimelineKind.CLOSED, username, texts.text("case.timeline.closed", username, resolution));
        alerts.milestone(entity, CaseMilestone.CLOSED, now);
    }

    /**
     * Cancels the case and every open line with it, by its first owner or a supervisor (AccessDeniedException
     * otherwise; ConflictException once it is closed or cancelled). A line's spare already picked, packed, shipped or
     * received is now expected back in stock at its depot.
     */
    public CaseCancelled cancel(String caseNumber, String reason, StaffUser by) {
        CaseEntity entity = lookup.lock(caseNumber);
        rights.requireMayCancel(entity, by);
        if (entity.state().isTerminal()) {
            throw new ConflictException(Message.of("case.cancel.terminal", caseNumber, entity.state()));
        }
        List<CaseLineEntity> open = entity.lines().stream().filter(l -> l.state().open()).toList();
        Set<String> onItsWay = open.stream().map(CaseLineEntity::spareSerial).filter(Objects::nonNull)
                .flatMap(serial -> boards.find(serial).stream())
                .filter(board -> SPARE_ON_ITS_WAY.contains(board.status())).map(BoardInfo::serial).collect(Collectors.toSet());
        Instant now = clock.instant();
        List<String> returning = entity.cancel(reason.trim(), by.username(), now, onItsWay);
        if (returning.isEmpty()) {
            entity.record(now, TimelineKind.CANCELLED, by.username(),
                    texts.text("case.timeline.cancelled", by.username(), reason.trim()));
        }
        // One entry per spare on its way, each naming the depot it is expected back at.
        open.stream().filter(line -> returning.contains(line.spareSerial())).forEach(line -> entity.record(now,
                TimelineKind.CANCELLED, by.username(), texts.text("case.timeline.cancelled-spare-returning",
                        by.username(), reason.trim(), line.spareSerial(), line.spareDepot())));
        alerts.milestone(entity, CaseMilestone.CANCELLED, now);
        return new CaseCancelled(open.stream().map(CaseLineEntity::lineNo).toList(), returning);
    }

    /** A spare that was on its way when the case was cancelled is back in stock at its depot. */
    public void cancelledSpareReturned(String caseNumber, String serial, String locationCode, String username) {
        CaseEntity entity = lookup.lock(caseNumber);
        entity.spareReturned(serial);
        entity.record(clock.instant(), TimelineKind.SPARE_RETURNED, username,
                texts.text("case.timeline.spare-returned", serial, locationCode));
    }

    /** A supervisor hands the case to another agent or supervisor, with a reason. Returns the previous owner. */
    public String transfer(String caseNumber, String toUser, String reason, StaffUser supervisor) {
        rights.requireMayTransfer(supervisor);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException(Message.of("errors.case.transferReason"), Map.of("reason", Message.of("errors.case.transferReason.field")));
        }
        StaffUser target = users.find(toUser).filter(StaffUser::enabled).orElseThrow(() -> new InvalidInputException(
                Message.of("errors.case.transferUser", toUser), Map.of("toUser", Message.of("errors.case.transferUser.field"))));
        if (target.role() != Role.AGENT && target.role() != Role.SUPERVISOR) {
            throw new InvalidInputException(Message.of("errors.case.transferRole", toUser, target.role()),
                    Map.of("toUser", Message.of("errors.case.transferRole.field")));
        }
        CaseEntity entity = lookup.lock(caseNumber);
        String previous = entity.firstOwner();
        if (target.username().equals(previous)) {
            throw new ConflictException(Message.of("errors.case.alreadyOwned", caseNumber, previous));
        }
        Instant now = clock.instant();
        entity.transferTo(target.username(), now);
        entity.record(now, TimelineKind.TRANSFERRED, supervisor.username(),
                texts.text("case.timeline.transferred", previous, target.username(), reason.trim()));
        return previous;
    }
}
