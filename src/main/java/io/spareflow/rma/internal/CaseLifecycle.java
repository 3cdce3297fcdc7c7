package io.spareflow.rma.internal;

import io.spareflow.rma.DiagnosisOutcome;
import io.spareflow.rma.EscalationLevel;
import io.spareflow.rma.SlaStep;
import io.spareflow.rma.StalledStep;
import io.spareflow.rma.TimelineKind;
import io.spareflow.board.BoardInfo;
import io.spareflow.board.BoardStatus;
import io.spareflow.board.Boards;
import io.spareflow.common.ConflictException;
import io.spareflow.common.InvalidInputException;
import io.spareflow.common.NotFoundException;
import io.spareflow.customer.CustomerInfo;
import io.spareflow.customer.Customers;
import io.spareflow.customer.SiteInfo;
import io.spareflow.part.Parts;
import io.spareflow.repair.RepairOutcome;
import io.spareflow.repair.RepairView;
import io.spareflow.repair.Repairs;
import io.spareflow.rma.CaseEscalated;
import io.spareflow.rma.CaseMilestone;
import io.spareflow.rma.CaseMilestoneReached;
import io.spareflow.rma.CaseReport;
import io.spareflow.rma.CaseState;
import io.spareflow.rma.CaseView;
import io.spareflow.sourcing.ReservationLost;
import io.spareflow.sourcing.ReservationOutcome;
import io.spareflow.tier.ServiceTier;
import io.spareflow.tier.ServiceTiers;
import io.spareflow.user.Role;
import io.spareflow.user.StaffUser;
import io.spareflow.user.UserSummary;
import io.spareflow.user.Users;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import io.spareflow.board.MoveContext;
import io.spareflow.board.MoveReason;
import io.spareflow.board.NewBoard;
import io.spareflow.board.Serial;
import io.spareflow.rma.LineState;
import io.spareflow.rma.RmaCaseBpmn;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every state change of a case, with its timeline entry, SLA clocks and the events for the customer's e-mails. Knows
 * nothing of the process engine: the process adapters call it.
 */
@Service
@Transactional
public class CaseLifecycle {

    /** Where a case's spare is once it has left the shelf and before it is on site: it must come back if the case is cancelled. */
    private static final Set<BoardStatus> SPARE_ON_ITS_WAY = EnumSet.of(BoardStatus.PICKED, BoardStatus.PACKED,
            BoardStatus.IN_TRANSIT);

    private final CaseRepository cases;
    private final CaseNumbers numbers;
    private final CaseClocks clocks;
    private final Customers customers;
    private final Boards boards;
    private final Parts parts;
    private final ServiceTiers tiers;
    private final Users users;
    private final Repairs repairs;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final Clock clock;

    CaseLifecycle(CaseRepository cases, CaseNumbers numbers, CaseClocks clocks, Customers customers, Boards boards,
                  Parts parts, ServiceTiers tiers, Users users, Repairs repairs, ApplicationEventPublisher events,
                  MessageSource messages, Clock clock) {
        this.cases = cases;
        this.numbers = numbers;
        this.clocks = clocks;
        this.customers = customers;
        this.boards = boards;
        this.parts = parts;
        this.tiers = tiers;
        this.users = users;
        this.repairs = repairs;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Opens a case for a site's fault. The faulty board may be named now (line 1) or found by the diagnosis later; a
     * report naming none opens the case all the same.
     */
    public NewCase report(CaseReport report, String reporter) {
        CustomerInfo customer = customers.find(report.customerCode()).orElseThrow(() -> new InvalidInputException(
                "Customer '" + report.customerCode() + "' does not exist", Map.of("customerCode", "an existing customer code")));
        SiteInfo site = customers.site(report.siteId()).filter(s -> s.customerCode().equals(customer.code()))
                .orElseThrow(() -> new InvalidInputException("Site " + report.siteId() + " is not a site of customer " + customer.code(),
                        Map.of("siteId", "the id of one of the customer's sites")));
        if (customer.tier() == null) {
            throw new InvalidInputException("Customer " + customer.code() + " has no service contract in force",
                    Map.of("customerCode", "a customer with a contract in force"));
        }
        Optional<FaultyBoard> board = report.boardNamed()
                ? Optional.of(faultyBoard(site, report.faultySerial(), null, CaseReport.FAULTY_SERIAL)) : Optional.empty();
        ServiceTier tier = tiers.require(customer.tier());
        Instant now = clock.instant();
        String responsible = clocks.responsibleLocationFor(site.point());
        CaseEntity entity = new CaseEntity(numbers.next(now), numbers.trackingToken(), customer.code(), site.id(),
                report.symptom().trim(), report.channel(), tier.name(), responsible, reporter, now);
        Limit accept = clocks.limit(tier, responsible, now, tier.acceptMinutes());
        entity.startClock(SlaStep.ACCEPT, now, accept.due());
        entity.record(now, TimelineKind.REPORTED, reporter, board.map(b -> "Fault reported by " + report.channel()
                + " for board " + b.serial() + " (" + b.partNumber() + ") at site " + site.name() + ": " + entity.symptom())
                .orElseGet(() -> text("case.line.reported-without-board", report.channel(), site.name(), entity.symptom())));
        board.ifPresent(b -> nameLine(entity, b, null, reporter, now));
        saveNew(entity, board.map(FaultyBoard::serial).orElse(null));
        milestone(entity, CaseMilestone.ACKNOWLEDGED, now);
        return new NewCase(entity.number(), accept, board.map(FaultyBoard::serial).orElse(null), !tier.advanceExchange(),
                tier.advanceExchange() ? spareOnSite(tier, entity) : null);
    }

    private void saveNew(CaseEntity entity, String serial) {
        try {
            cases.saveAndFlush(entity);
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException(text("case.line.open-elsewhere", serial, "?"));
        }
    }

    /** The first one to take the Accept task becomes the first owner; later takers do not change it. */
    public void claimedForAcceptance(String caseNumber, String username) {
        CaseEntity entity = lock(caseNumber);
        if (entity.firstOwner() == null) {
            Instant now = clock.instant();
            entity.accept(username, now);
            entity.record(now, TimelineKind.FIRST_OWNER, username, username + " took the case and is its first owner");
        }
    }

    /** Acceptance done: the remote diagnosis clock starts. Returns its limit. */
    public Limit accepted(String caseNumber, String username) {
        claimedForAcceptance(caseNumber, username);
        CaseEntity entity = lock(caseNumber);
        Instant now = clock.instant();
        entity.meetClock(SlaStep.ACCEPT, now);
        ServiceTier tier = tiers.require(entity.tier());
        Limit diagnosis = clocks.limit(tier, entity.responsibleLocation(), now, tier.remoteDiagnosisMinutes());
        entity.startClock(SlaStep.REMOTE_DIAGNOSIS, now, diagnosis.due());
        entity.record(now, TimelineKind.ACCEPTED, username, "Case accepted; remote diagnosis due by " + diagnosis.due());
        milestone(entity, CaseMilestone.ACCEPTED, now);
        return diagnosis;
    }

    /**
     * The remote diagnosis: its outcome, and the faulty boards it found ({@code faultySerials}: serials installed at
     * the site, or {@code SERIAL=PART} for a board found there that nobody registered). A spare needed for a case
     * that has no open line yet needs at least one board.
     */
    public void diagnosed(String caseNumber, DiagnosisOutcome outcome, String note, List<String> faultySerials, String username) {
        CaseEntity entity = lock(caseNumber);
        Instant now = clock.instant();
        nameLines(entity, outcome, faultySerials, username, now);
        entity.meetClock(SlaStep.REMOTE_DIAGNOSIS, now);
        entity.diagnosed(outcome);
        startSpareClockIfNeeded(entity, outcome);
        entity.record(now, TimelineKind.DIAGNOSED, username, "Remote diagnosis: " + outcome + (note == null || note.isBlank() ? "" : " — " + note));
    }

    public void siteVisited(String caseNumber, DiagnosisOutcome outcome, String note, List<String> faultySerials, String username) {
        CaseEntity entity = lock(caseNumber);
        Instant now = clock.instant();
        nameLines(entity, outcome, faultySerials, username, now);
        entity.diagnosed(outcome);
        startSpareClockIfNeeded(entity, outcome);
        entity.record(now, TimelineKind.SITE_VISITED, username, "Site visit: " + outcome + (note == null || note.isBlank() ? "" : " — " + note));
    }

    private void nameLines(CaseEntity entity, DiagnosisOutcome outcome, List<String> faultySerials, String username, Instant now) {
        if (outcome == DiagnosisOutcome.SPARE_NEEDED && faultySerials.isEmpty() && entity.linesDone()) {
            throw new InvalidInputException(text("case.line.serial-required", entity.number()),
                    Map.of(RmaCaseBpmn.FAULTY_SERIALS, text("case.line.serial-required.field")));
        }
        SiteInfo site = customers.requireSite(entity.siteId());
        for (String named : faultySerials) {
            int separator = named.indexOf('=');
            FaultyBoard board = separator < 0 ? faultyBoard(site, named, null, RmaCaseBpmn.FAULTY_SERIALS)
                    : faultyBoard(site, named.substring(0, separator), named.substring(separator + 1), RmaCaseBpmn.FAULTY_SERIALS);
            if (entity.openLineOf(board.serial()).isEmpty()) {
                nameLine(entity, board, null, username, now);
            }
        }
    }

    /**
     * The spare-on-site limit counts from the report, but its clock shows only on cases that need a spare (a case
     * resolved remotely has no spare step to meet).
     */
    private void startSpareClockIfNeeded(CaseEntity entity, DiagnosisOutcome outcome) {
        ServiceTier tier = tiers.require(entity.tier());
        if (outcome == DiagnosisOutcome.SPARE_NEEDED && tier.advanceExchange()) {
            entity.startClock(SlaStep.SPARE_ON_SITE, entity.createdAt(), spareOnSite(tier, entity).due());
        }
    }

    private Limit spareOnSite(ServiceTier tier, CaseEntity entity) {
        return clocks.limit(tier, entity.responsibleLocation(), entity.createdAt(), tier.spareOnSiteMinutes());
    }


    public void spareSourced(ReservationOutcome outcome) {
        CaseEntity entity = lock(outcome.caseNumber());
        CaseLineEntity line = entity.line(outcome.line());
        Instant now = clock.instant();
        if (outcome.backorder()) {
            line.backordered();
            String reason = "No compatible spare of " + outcome.partNumber() + " in stock anywhere: backordered";
            entity.record(now, TimelineKind.BACKORDER, "system", onLine(entity, line, reason));
            escalation(entity, SlaStep.BACKORDER, EscalationLevel.REMINDER, reason, now);
        } else {
            line.spareReserved(outcome.serial(), outcome.depotCode(), outcome.distanceKm(), outcome.expectedOnSite());
            entity.record(now, TimelineKind.SPARE_RESERVED, "system", onLine(entity, line, String.format(Locale.ROOT,
                    "Spare %s reserved at %s (%.0f km), expected on site %s%s", outcome.serial(), outcome.depotCode(),
                    outcome.distanceKm(), outcome.expectedOnSite(), outcome.predictedBreach() ? " — after the tier's limit" : "")));
        }
        entity.followLines();
    }

    /**
     * A line's reserved spare was lost and the line sourced again ({@code next}: another board, or a backorder):
     * recorded with the cause, and the first owner and their supervisor are told.
     */
    public void spareResourced(ReservationLost lost, ReservationOutcome next) {
        CaseEntity entity = lock(lost.caseNumber());
        CaseLineEntity line = entity.line(lost.line());
        Instant now = clock.instant();
        Locale locale = LocaleContextHolder.getLocale();
        String why = messages.getMessage("case.spare-lost.cause." + lost.cause().name(), null, locale) + ": " + lost.reason();
        String text;
        if (next.backorder()) {
            line.backordered();
            text = messages.getMessage("case.timeline.spare-resourced-backorder",
                    new Object[] {lost.serial(), lost.depotCode(), why, next.partNumber()}, locale);
        } else {
            line.spareReserved(next.serial(), next.depotCode(), next.distanceKm(), next.expectedOnSite());
            text = messages.getMessage("case.timeline.spare-resourced",
                    new Object[] {lost.serial(), lost.depotCode(), why, next.serial(), next.depotCode(),
                            String.valueOf(next.expectedOnSite())}, locale);
        }
        entity.followLines();
        entity.record(now, TimelineKind.SPARE_RESOURCED, "system", onLine(entity, line, text));
        escalation(entity, SlaStep.SPARE_ON_SITE, EscalationLevel.REMINDER, text, now);
    }

    /** The stall audit found a step of the case that can no longer complete: recorded, owner and supervisor told. */
    public void stalled(StalledStep stall) {
        CaseEntity entity = lock(stall.caseNumber());
        Instant now = clock.instant();
        String text = messages.getMessage("case.timeline.stalled",
                new Object[] {stall.step(), stall.expected(), stall.actual()}, LocaleContextHolder.getLocale());
        entity.record(now, TimelineKind.STALLED, "system", text);
        escalation(entity, SlaStep.STALL, EscalationLevel.ESCALATION, text, now);
    }

    public void spareSwapped(String caseNumber, int lineNo, String serial, String depotCode, String username) {
        CaseEntity entity = lock(caseNumber);
        CaseLineEntity line = entity.line(lineNo);
        line.spareSwapped(serial);
        entity.record(clock.instant(), TimelineKind.SPARE_SWAPPED, username,
                onLine(entity, line, "Spare swapped at " + depotCode + ": board " + serial + " is picked instead"));
    }

    public void sparePicked(String caseNumber, int lineNo, String serial, String username) {
        CaseEntity entity = lock(caseNumber);
        entity.record(clock.instant(), TimelineKind.SPARE_PICKED, username, onLine(entity, entity.line(lineNo), "Spare " + serial + " picked"));
    }

    public void sparePacked(String caseNumber, int lineNo, String serial, String username) {
        CaseEntity entity = lock(caseNumber);
        entity.record(clock.instant(), TimelineKind.SPARE_PACKED, username, onLine(entity, entity.line(lineNo), "Spare " + serial + " packed"));
    }

    public void spareShipped(String caseNumber, int lineNo, String serial, String trackingNumber, String username) {
        CaseEntity entity = lock(caseNumber);
        CaseLineEntity line = entity.line(lineNo);
        Instant now = clock.instant();
        line.shipped(trackingNumber);
        entity.record(now, TimelineKind.SPARE_SHIPPED, username, onLine(entity, line,
                "Spare " + serial + " shipped" + (trackingNumber == null ? "" : ", tracking " + trackingNumber)));
        milestone(entity, CaseMilestone.SPARE_DISPATCHED, now);
    }

    /**
     * A line's spare arrived on site; the case's spare-on-site clock is met when every line's spare is. A delivery to
     * another site than the case's is refused (the scan is rolled back).
     */
    public void spareDelivered(String caseNumber, int lineNo, String serial, Long siteId, String username) {
        CaseEntity entity = lock(caseNumber);
        if (siteId == null || siteId != entity.siteId()) {
            SiteInfo site = customers.requireSite(entity.siteId());
            throw new ConflictException(messages.getMessage("case.delivery.wrong-site",
                    new Object[] {serial, caseNumber, site.name(), String.valueOf(site.id()), String.valueOf(siteId)},
                    LocaleContextHolder.getLocale()));
        }
        Instant now = clock.instant();
        CaseLineEntity line = entity.line(lineNo);
        line.delivered(now);
        if (entity.lines().stream().filter(l -> l.state() != LineState.CANCELLED && l.spareSerial() != null)
                .allMatch(CaseLineEntity::spareDelivered)) {
            entity.meetClock(SlaStep.SPARE_ON_SITE, now);
        }
        entity.record(now, TimelineKind.SPARE_DELIVERED, username, onLine(entity, line, "Spare " + serial + " delivered on site"));
        milestone(entity, CaseMilestone.DELIVERED, now);
    }

    /** A line's defective board is now expected back: its due day, the reminder before it and the charge limit. */
    public ReturnLimits returnExpected(String caseNumber, int lineNo) {
        CaseEntity entity = lock(caseNumber);
        CaseLineEntity line = entity.line(lineNo);
        ServiceTier tier = tiers.require(entity.tier());
        Instant now = clock.instant();
        String responsible = entity.responsibleLocation();
        ReturnLimits limits = new ReturnLimits(
                clocks.plusDays(tier, responsible, now, tier.defectiveReturnDays() - tier.defectiveReturnReminderDays()),
                clocks.plusDays(tier, responsible, now, tier.defectiveReturnDays()),
                clocks.plusDays(tier, responsible, now, tier.overdueChargeDays()));
        line.moveTo(LineState.AWAITING_RETURN);
        line.startClock(SlaStep.DEFECTIVE_RETURN, now, limits.due());
        entity.startClock(SlaStep.DEFECTIVE_RETURN, now, limits.due());
        entity.followLines();
        entity.record(now, TimelineKind.RETURN_EXPECTED, "system", onLine(entity, line,
                "Defective board " + line.serial() + " expected back by " + limits.due()));
        if (!tier.advanceExchange()) {
            milestone(entity, CaseMilestone.RETURN_REQUESTED, now);
        }
        return limits;
    }

    /** A line's defective board arrived: its repair order opens and the turnaround clock starts. */
    public Limit defectiveReceived(String caseNumber, int lineNo, String locationCode, String username) {
        CaseEntity entity = lock(caseNumber);
        CaseLineEntity line = entity.line(lineNo);
        Instant now = clock.instant();
        line.meetClock(SlaStep.DEFECTIVE_RETURN, now);
        if (entity.everyLineMet(SlaStep.DEFECTIVE_RETURN)) {
            entity.meetClock(SlaStep.DEFECTIVE_RETURN, now);
        }
        line.moveTo(LineState.IN_REPAIR);
        entity.followLines();
        int days = parts.require(line.partNumber()).repairTurnaroundDays();
        Limit repair = new Limit(now.plus(Duration.ofDays(days)), now.plus(Duration.ofDays(2L * days)));
        line.startClock(SlaStep.REPAIR_TURNAROUND, now, repair.due());
        entity.startClock(SlaStep.REPAIR_TURNAROUND, now, repair.due());
        repairs.expect(caseNumber, line.serial(), line.partNumber(), entity.symptom(), line.deadOnArrival());
        entity.record(now, TimelineKind.DEFECTIVE_RECEIVED, username, onLine(entity, line,
                "Defective board " + line.serial() + " received at " + locationCode));
        milestone(entity, CaseMilestone.DEFECTIVE_RECEIVED, now);
        return repair;
    }

    /**
     * Where a line's faulty board waits as a received defective board — or already taken in for repair — if it was
     * scanned in before the line waited for it (the scan found no process to signal then). The board was installed
     * when it was named, so this is its return.
     */
    @Transactional(readOnly = true)
    public Optional<String> defectiveReceivedAt(String caseNumber, int lineNo) {
        return boards.find(require(caseNumber).line(lineNo).serial())
                .filter(b -> b.status() == BoardStatus.DEFECTIVE_RECEIVED || b.status() == BoardStatus.IN_REPAIR)
                .map(BoardInfo::locationCode);
    }

    /**
     * The case of this customer with a line that waits for the defective return of a board of this part (the oldest,
     * if several): where a stray defective board of the same part from the same customer most likely belongs.
     */
    @Transactional(readOnly = true)
    public Optional<String> awaitingReturnOf(String customerCode, String partNumber) {
        return cases.findAwaitingReturnOf(customerCode, partNumber).stream().findFirst().map(CaseEntity::number);
    }

    /**
     * A board came back for this case with another serial than its faulty ones: flagged on the line awaiting its
     * return (the first one), first owner alerted.
     */
    public void wrongBoardReturned(String caseNumber, String serial, String locationCode, String username) {
        CaseEntity entity = lock(caseNumber);
        Instant now = clock.instant();
        Optional<CaseLineEntity> awaiting = entity.lines().stream().filter(l -> l.state() == LineState.AWAITING_RETURN)
                .findFirst().or(entity::firstLine);
        awaiting.ifPresent(line -> line.wrongBoardReturned(serial));
        String reason = "Board " + serial + " was returned at " + locationCode + " for this case, but the faulty board is "
                + awaiting.map(CaseLineEntity::serial).orElse("not known yet");
        entity.record(now, TimelineKind.WRONG_BOARD_RETURNED, username, reason);
        escalation(entity, SlaStep.DEFECTIVE_RETURN, EscalationLevel.ESCALATION, reason, now);
    }

    /** A line's repair finished: the line is done. Returns whether every line of the case is now finished or cancelled. */
    public boolean repairFinished(String caseNumber, int lineNo) {
        CaseEntity entity = lock(caseNumber);
        CaseLineEntity line = entity.line(lineNo);
        Optional<RepairView> repair = repairs.findByCaseAndSerial(caseNumber, line.serial());
        String result = repair.map(r -> "Repair finished: " + r.outcome() + (r.suspectedRogue() ? " — serial " + r.serial()
                + " returned with no fault found more than once: suspected rogue unit" : "")).orElse("Repair finished");
        return lineDone(entity, line, TimelineKind.REPAIR_FINISHED, result);
    }

    /**
     * A line's repair ended with its board beyond repair in a repair-and-return case: the site is owed a working board,
     * so a replacement spare is sourced and sent like any spare. The line waits for it, and its repair turnaround
     * (repaired or replaced) runs on until the replacement is on site. False — nothing to replace — for any other
     * outcome, and in an advance-exchange case, whose spare is already on site.
     */
    public boolean replacementNeeded(String caseNumber, int lineNo) {
        CaseEntity entity = lock(caseNumber);
        CaseLineEntity line = entity.line(lineNo);
        boolean scrapped = repairs.findByCaseAndSerial(caseNumber, line.serial())
                .filter(r -> r.outcome() == RepairOutcome.SCRAPPED).isPresent();
        if (!scrapped || tiers.require(entity.tier()).advanceExchange()) {
            return false;
        }
        line.moveTo(LineState.SPARE_DISPATCH);
        entity.followLines();
        entity.record(clock.instant(), TimelineKind.REPLACEMENT_NEEDED, "system",
                onLine(entity, line, text("case.replacement.needed", line.serial(), line.partNumber())));
        return true;
    }

    /** The replacement of a line's board beyond repair is on site: the line is done. Returns whether every line now is. */
    public boolean replacementDelivered(String caseNumber, int lineNo) {
        CaseEntity entity = lock(caseNumber);
        CaseLineEntity line = entity.line(lineNo);
        return lineDone(entity, line, TimelineKind.BOARD_REPLACED,
                text("case.replacement.delivered", line.serial(), line.spareSerial()));
    }

    /** The line's board is repaired or replaced: its turnaround is met, the line finished. Returns whether every line is. */
    private boolean lineDone(CaseEntity entity, CaseLineEntity line, TimelineKind kind, String text) {
        Instant now = clock.instant();
        line.meetClock(SlaStep.REPAIR_TURNAROUND, now);
        line.finish(now);
        if (entity.everyLineMet(SlaStep.REPAIR_TURNAROUND)) {
            entity.meetClock(SlaStep.REPAIR_TURNAROUND, now);
        }
        entity.record(now, kind, "system", onLine(entity, line, text));
        milestone(entity, CaseMilestone.REPAIRED_OR_REPLACED, now);
        return linesFinished(entity);
    }

    /** Every line done: the case is resolved and waits for its first owner to close it. */
    private boolean linesFinished(CaseEntity entity) {
        if (!entity.linesDone()) {
            entity.followLines();
            return false;
        }
        entity.moveTo(CaseState.RESOLVED);
        return true;
    }

    public void close(String caseNumber, String resolution, String username) {
        CaseEntity entity = lock(caseNumber);
        Instant now = clock.instant();
        entity.close(resolution, now);
        entity.record(now, TimelineKind.CLOSED, username, "Case closed by " + username + ": " + resolution);
        milestone(entity, CaseMilestone.CLOSED, now);
    }

    /**
     * Cancels the case and every open line with it, by its first owner or a supervisor (AccessDeniedException
     * otherwise; ConflictException once it is closed or cancelled). A line's spare already picked, packed, shipped or
     * received is now expected back in stock at its depot.
     */
    public CaseCancelled cancel(String caseNumber, String reason, StaffUser by) {
        CaseEntity entity = lock(caseNumber);
        Locale locale = LocaleContextHolder.getLocale();
        if (by.role() != Role.SUPERVISOR && !by.username().equals(entity.firstOwner())) {
            throw new AccessDeniedException(messages.getMessage("case.cancel.forbidden",
                    new Object[] {caseNumber, String.valueOf(entity.firstOwner())}, locale));
        }
        if (entity.state().isTerminal()) {
            throw new ConflictException(messages.getMessage("case.cancel.terminal",
                    new Object[] {caseNumber, entity.state()}, locale));
        }
        List<CaseLineEntity> open = entity.lines().stream().filter(l -> l.state().open()).toList();
        Set<String> onItsWay = open.stream().map(CaseLineEntity::spareSerial).filter(Objects::nonNull)
                .flatMap(serial -> boards.find(serial).stream())
                .filter(board -> SPARE_ON_ITS_WAY.contains(board.status())).map(BoardInfo::serial).collect(Collectors.toSet());
        Instant now = clock.instant();
        List<String> returning = entity.cancel(reason.trim(), by.username(), now, onItsWay);
        if (returning.isEmpty()) {
            entity.record(now, TimelineKind.CANCELLED, by.username(),
                    messages.getMessage("case.timeline.cancelled", new Object[] {by.username(), reason.trim()}, locale));
        }
        // One entry per spare on its way, each naming the depot it is expected back at.
        open.stream().filter(line -> returning.contains(line.spareSerial())).forEach(line -> entity.record(now,
                TimelineKind.CANCELLED, by.username(), messages.getMessage("case.timeline.cancelled-spare-returning",
                        new Object[] {by.username(), reason.trim(), line.spareSerial(), line.spareDepot()}, locale)));
        milestone(entity, CaseMilestone.CANCELLED, now);
        return new CaseCancelled(open.stream().map(CaseLineEntity::lineNo).toList(), returning);
    }

    /**
     * A spare on its way back after its case was cancelled may not be delivered to a site: the delivery scan is
     * refused (409, rolled back), the board stays on its way and the cancelled case keeps waiting for it at its depot.
     */
    @Transactional(readOnly = true)
    public void refuseDeliveryOfReturningSpare(String serial) {
        cases.findReturningSpare(serial).ifPresent(entity -> {
            throw new ConflictException(text("case.delivery.cancelled-returning", serial, entity.number(),
                    entity.returnDepotOf(serial).orElse("?")));
        });
    }

    /** A spare that was on its way when the case was cancelled is back in stock at its depot. */
    public void cancelledSpareReturned(String caseNumber, String serial, String locationCode, String username) {
        CaseEntity entity = lock(caseNumber);
        entity.spareReturned(serial);
        entity.record(clock.instant(), TimelineKind.SPARE_RETURNED, username, messages.getMessage("case.timeline.spare-returned",
                new Object[] {serial, locationCode}, LocaleContextHolder.getLocale()));
    }

    /** A supervisor hands the case to another agent or supervisor, with a reason. Returns the previous owner. */
    public String transfer(String caseNumber, String toUser, String reason, StaffUser supervisor) {
        if (supervisor.role() != Role.SUPERVISOR) {
            throw new AccessDeniedException("Only a supervisor may transfer a case's first ownership");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("A transfer needs a reason", Map.of("reason", "why the case changes hands"));
        }
        StaffUser target = users.find(toUser).filter(StaffUser::enabled).orElseThrow(() -> new InvalidInputException(
                "User '" + toUser + "' does not exist or is disabled", Map.of("toUser", "an enabled agent or supervisor")));
        if (target.role() != Role.AGENT && target.role() != Role.SUPERVISOR) {
            throw new InvalidInputException("User " + toUser + " is " + target.role() + "; a case's first owner is an agent or a supervisor",
                    Map.of("toUser", "an agent or a supervisor"));
        }
        CaseEntity entity = lock(caseNumber);
        String previous = entity.firstOwner();
        if (target.username().equals(previous)) {
            throw new ConflictException("Case " + caseNumber + " is already owned by " + previous);
        }
        Instant now = clock.instant();
        entity.transferTo(target.username(), now);
        entity.record(now, TimelineKind.TRANSFERRED, supervisor.username(), "First ownership transferred from " + previous + " to "
                + target.username() + ": " + reason.trim());
        return previous;
    }

    /**
     * A step's limit was missed: breach recorded (once), first owner and supervisor reminded. A step of a board (spare
     * on site, defective return, repair) is marked on that line too; the case's breach is recorded with the first line
     * that misses it.
     */
    public void limitMissed(String caseNumber, SlaStep step, int lineNo) {
        CaseEntity entity = lock(caseNumber);
        Instant now = clock.instant();
        if (entity.lines().stream().anyMatch(l -> l.lineNo() == lineNo)) {
            entity.line(lineNo).breach(step);
        }
        if (entity.breach(step, now)) {
            String reason = step + " limit missed";
            entity.record(now, TimelineKind.BREACH, "system", reason + (entity.firstOwner() == null ? "" : "; owner " + entity.firstOwner() + " reminded"));
            escalation(entity, step, EscalationLevel.REMINDER, reason, now);
        }
    }

    /** The step is still not done well after its limit: the supervisor steps in. Returns the supervisor. */
    public String escalate(String caseNumber, SlaStep step, String reason) {
        CaseEntity entity = lock(caseNumber);
        Instant now = clock.instant();
        entity.record(now, TimelineKind.ESCALATED, "system", reason);
        return escalation(entity, step, EscalationLevel.ESCALATION, reason, now);
    }

    public void returnReminder(String caseNumber, int lineNo) {
        CaseEntity entity = lock(caseNumber);
        CaseLineEntity line = entity.line(lineNo);
        Instant now = clock.instant();
        entity.record(now, TimelineKind.RETURN_REMINDER, "system", onLine(entity, line, "Reminder: defective board " + line.serial() + " is due back soon"));
        milestone(entity, CaseMilestone.RETURN_REMINDER, now);
        escalation(entity, SlaStep.DEFECTIVE_RETURN, EscalationLevel.REMINDER, "Defective board due back soon", now);
    }

    /** Returns the supervisor the overdue return was escalated to. */
    public String returnOverdue(String caseNumber, int lineNo) {
        CaseEntity entity = lock(caseNumber);
        CaseLineEntity line = entity.line(lineNo);
        Instant now = clock.instant();
        line.breach(SlaStep.DEFECTIVE_RETURN);
        entity.breach(SlaStep.DEFECTIVE_RETURN, now);
        String reason = "Defective board " + line.serial() + " is overdue";
        entity.record(now, TimelineKind.RETURN_OVERDUE, "system", onLine(entity, line, reason));
        milestone(entity, CaseMilestone.RETURN_OVERDUE, now);
        return escalation(entity, SlaStep.DEFECTIVE_RETURN, EscalationLevel.ESCALATION, reason, now);
    }

    public void chargeLimitReached(String caseNumber, int lineNo) {
        CaseEntity entity = lock(caseNumber);
        CaseLineEntity line = entity.line(lineNo);
        Instant now = clock.instant();
        line.flagCharge();
        entity.record(now, TimelineKind.CHARGE_FLAGGED, "system", onLine(entity, line, "Defective board not returned by the charge limit: the exchange will be charged"));
        milestone(entity, CaseMilestone.RETURN_CHARGE_WARNING, now);
    }

    // ------------------------------------------------------------------ lines

    /**
     * The lines whose work starts now, after a diagnosis that needs a spare: every line still only named. Each one
     * shares the case's spare-on-site limit (counted from the report).
     */
    public List<LineStart> startLines(String caseNumber) {
        CaseEntity entity = lock(caseNumber);
        ServiceTier tier = tiers.require(entity.tier());
        Limit spare = tier.advanceExchange() ? spareOnSite(tier, entity) : null;
        return entity.lines().stream().filter(l -> l.state() == LineState.NAMED)
                .map(line -> start(entity, line, tier, spare)).toList();
    }

    private LineStart start(CaseEntity entity, CaseLineEntity line, ServiceTier tier, Limit spare) {
        line.moveTo(tier.advanceExchange() ? LineState.SPARE_DISPATCH : LineState.AWAITING_RETURN);
        if (spare != null) {
            line.startClock(SlaStep.SPARE_ON_SITE, clock.instant(), spare.due());
        }
        entity.followLines();
        return new LineStart(entity.number(), line.lineNo(), line.serial(), !tier.advanceExchange(), spare);
    }

    /**
     * Another faulty board found on an open case (by its first owner or a supervisor). Before the diagnosis it is only
     * named (its work starts with the others); after a diagnosis that needed a spare its work starts now, with a
     * spare-on-site limit counted from now. A case resolved without a spare, or whose lines are all done, takes no
     * new line (409): the board needs a case of its own.
     */
    public Optional<LineStart> addLine(String caseNumber, String serial, String partNumber, StaffUser user) {
        CaseEntity entity = lock(caseNumber);
        requireMayChangeLines(entity, user);
        if (entity.state() == CaseState.RESOLVED || entity.state() == CaseState.CLOSED) {
            throw new ConflictException(text("case.line.add-resolved", entity.number(), entity.state()));
        }
        Instant now = clock.instant();
        FaultyBoard board = faultyBoard(customers.requireSite(entity.siteId()), serial, partNumber, "serial");
        CaseLineEntity line = nameLine(entity, board, null, user.username(), now);
        cases.flush();
        return linesStarted(entity) ? Optional.of(startNow(entity, line)) : Optional.empty();
    }

    /**
     * The delivered spare of a line is dead on arrival (first owner or supervisor): a new line takes the dead spare as
     * its faulty board, flagged DOA — a new spare is sourced for it at once, and the dead board is expected back and
     * repaired as such.
     */
    public LineStart deadOnArrival(String caseNumber, int lineNo, String reason, StaffUser user) {
        CaseEntity entity = lock(caseNumber);
        requireMayChangeLines(entity, user);
        CaseLineEntity line = entity.line(lineNo);
        if (line.state() == LineState.CANCELLED || !line.spareDelivered()) {
            throw new ConflictException(text("case.line.doa-not-delivered", lineNo, entity.number()));
        }
        BoardInfo dead = boards.require(line.spareSerial());
        if (entity.openLineOf(dead.serial()).isPresent()) {
            throw new ConflictException(text("case.line.doa-already", dead.serial(), entity.number()));
        }
        Instant now = clock.instant();
        CaseLineEntity replacement = nameLine(entity,
                new FaultyBoard(dead.serial(), dead.partNumber(), false), lineNo, user.username(), now);
        entity.record(now, TimelineKind.DEAD_ON_ARRIVAL, user.username(),
                text("case.line.doa", lineNo, dead.serial(), reason.trim(), replacement.lineNo()));
        escalation(entity, SlaStep.SPARE_ON_SITE, EscalationLevel.REMINDER,
                text("case.line.doa", lineNo, dead.serial(), reason.trim(), replacement.lineNo()), now);
        cases.flush();
        return startNow(entity, replacement);
    }

    /**
     * One line is given up (first owner or supervisor), the others go on. Returns whether every line is now finished
     * or cancelled (a case past its diagnosis then moves on to its close).
     */
    public boolean cancelLine(String caseNumber, int lineNo, String reason, StaffUser user) {
        CaseEntity entity = lock(caseNumber);
        requireMayChangeLines(entity, user);
        CaseLineEntity line = entity.line(lineNo);
        if (!line.state().open()) {
            throw new ConflictException(text("case.line.not-open", lineNo, entity.number(), line.state()));
        }
        Instant now = clock.instant();
        line.cancel(reason.trim(), now);
        entity.record(now, TimelineKind.LINE_CANCELLED, user.username(), text("case.line.cancelled", lineNo, line.serial(), reason.trim()));
        return linesStarted(entity) && linesFinished(entity);
    }

    /** Whether the case's lines run as processes: its diagnosis needed a spare and it is not closed. */
    private static boolean linesStarted(CaseEntity entity) {
        return entity.diagnosisOutcome() == DiagnosisOutcome.SPARE_NEEDED && entity.state() != CaseState.CLOSED;
    }

    /** A line added after the diagnosis: its spare-on-site limit counts from now. */
    private LineStart startNow(CaseEntity entity, CaseLineEntity line) {
        ServiceTier tier = tiers.require(entity.tier());
        Limit spare = tier.advanceExchange()
                ? clocks.limit(tier, entity.responsibleLocation(), clock.instant(), tier.spareOnSiteMinutes()) : null;
        return start(entity, line, tier, spare);
    }

    private void requireMayChangeLines(CaseEntity entity, StaffUser user) {
        if (user.role() != Role.SUPERVISOR && !user.username().equals(entity.firstOwner())) {
            throw new AccessDeniedException(text("case.line.owner-only", entity.firstOwner(), entity.number()));
        }
    }

    /** A faulty board as named: installed at the site, or found there unregistered (then registered on the spot). */
    private record FaultyBoard(String serial, String partNumber, boolean registeredOnSite) {
    }

    /**
     * The board named as faulty at {@code site}: installed there and on no open line. A serial nobody registered is
     * registered as installed there when its part is named ({@code partNumber}), and flagged; without one it is
     * refused, saying how to name it. {@code field} names the input in the 400 answer.
     */
    private FaultyBoard faultyBoard(SiteInfo site, String serialText, String partNumber, String field) {
        String serial = Serial.parse(serialText).value();
        Optional<BoardInfo> found = boards.find(serial);
        FaultyBoard board;
        if (found.isPresent()) {
            BoardInfo known = found.get();
            if (known.status() != BoardStatus.INSTALLED || !Long.valueOf(site.id()).equals(known.siteId())) {
                throw new InvalidInputException(text("case.line.not-installed", serial, site.id(), known.status()),
                        Map.of(field, text("case.line.not-installed.field")));
            }
            board = new FaultyBoard(serial, known.partNumber(), false);
        } else if (partNumber == null || partNumber.isBlank()) {
            throw new InvalidInputException(text("case.line.unregistered", serial, site.id()),
                    Map.of(field, text("case.line.unregistered.field")));
        } else {
            BoardInfo registered = boards.register(new NewBoard(serial, partNumber.trim().toUpperCase(Locale.ROOT), null,
                    BoardStatus.INSTALLED, null, site.id()), MoveContext.system(MoveReason.REGISTER, null,
                    "found at site " + site.id() + " while naming the faulty boards of a case"));
            board = new FaultyBoard(serial, registered.partNumber(), true);
        }
        cases.findOpenBySerial(serial).ifPresent(open -> {
            throw new ConflictException(text("case.line.open-elsewhere", serial, open.number()));
        });
        return board;
    }

    private CaseLineEntity nameLine(CaseEntity entity, FaultyBoard board, Integer doaOfLine, String username, Instant now) {
        CaseLineEntity line = entity.addLine(board.serial(), board.partNumber(), board.registeredOnSite(), doaOfLine, now);
        entity.record(now, TimelineKind.LINE_NAMED, username, text(board.registeredOnSite() ? "case.line.named-registered"
                : "case.line.named", line.lineNo(), board.serial(), board.partNumber()));
        return line;
    }

    /** A timeline text about one line; a one-board case's texts read as before. */
    private String onLine(CaseEntity entity, CaseLineEntity line, String text) {
        return entity.lines().size() > 1 ? text("case.line.prefix", line.lineNo(), text) : text;
    }

    private String text(String key, Object... arguments) {
        Object[] shown = Arrays.stream(arguments).map(a -> a instanceof Number ? a.toString() : a).toArray();
        return messages.getMessage(key, shown, LocaleContextHolder.getLocale());
    }

    @Transactional(readOnly = true)
    public Optional<CaseEntity> findOpenBySerial(String serial) {
        return cases.findOpenBySerial(serial);
    }

    @Transactional(readOnly = true)
    public boolean isOpen(String caseNumber) {
        return cases.findByNumber(caseNumber).filter(c -> !c.state().isTerminal()).isPresent();
    }

    @Transactional(readOnly = true)
    public CaseEntity require(String caseNumber) {
        return cases.findByNumber(caseNumber).orElseThrow(() -> new NotFoundException("Case", caseNumber));
    }

    @Transactional(readOnly = true)
    public CaseView view(CaseEntity entity) {
        return view(entity, repairs.findByCase(entity.number()));
    }

    /** Views of many cases, their repair orders read at once. */
    @Transactional(readOnly = true)
    public List<CaseView> views(List<CaseEntity> entities) {
        Map<String, List<RepairView>> repairsByCase = repairs.findByCases(entities.stream().map(CaseEntity::number).toList());
        return entities.stream().map(entity -> view(entity, repairsByCase.getOrDefault(entity.number(), List.of()))).toList();
    }

    private CaseView view(CaseEntity entity, List<RepairView> repairOrders) {
        StaffUser owner = entity.firstOwner() == null ? null : users.find(entity.firstOwner()).orElse(null);
        Map<String, RepairView> bySerial = repairOrders.stream()
                .collect(Collectors.toMap(RepairView::serial, Function.identity(), (first, later) -> first));
        return entity.toView(owner, bySerial);
    }

    private String escalation(CaseEntity entity, SlaStep step, EscalationLevel level, String reason, Instant at) {
        String supervisor = supervisorOf(entity.firstOwner());
        events.publishEvent(new CaseEscalated(entity.number(), step, level, entity.firstOwner(), supervisor, reason, at));
        return supervisor;
    }

    /** The first owner's supervisor, or the monitoring center's supervisor while nobody owns the case. */
    private String supervisorOf(String owner) {
        return Optional.ofNullable(owner).flatMap(users::find).map(StaffUser::supervisor)
                .or(users::monitoringSupervisor)
                .orElse(null);
    }

    private void milestone(CaseEntity entity, CaseMilestone milestone, Instant at) {
        events.publishEvent(new CaseMilestoneReached(entity.number(), milestone, at));
    }

    private CaseEntity lock(String caseNumber) {
        return cases.lockByNumber(caseNumber).orElseThrow(() -> new NotFoundException("Case", caseNumber));
    }
}
