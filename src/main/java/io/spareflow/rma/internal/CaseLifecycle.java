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
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    public NewCase report(CaseReport report, String reporter) {
        CustomerInfo customer = customers.find(report.customerCode()).orElseThrow(() -> new InvalidInputException(
                "Customer '" + report.customerCode() + "' does not exist", Map.of("customerCode", "an existing customer code")));
        SiteInfo site = customers.site(report.siteId()).filter(s -> s.customerCode().equals(customer.code()))
                .orElseThrow(() -> new InvalidInputException("Site " + report.siteId() + " is not a site of customer " + customer.code(),
                        Map.of("siteId", "the id of one of the customer's sites")));
        BoardInfo board = boards.find(report.faultySerial()).orElseThrow(() -> new InvalidInputException(
                "No board has serial '" + report.faultySerial() + "'", Map.of("faultySerial", "the serial of a registered board")));
        if (board.status() != BoardStatus.INSTALLED || !Long.valueOf(site.id()).equals(board.siteId())) {
            throw new InvalidInputException("Board " + board.serial() + " is not installed at site " + site.id()
                    + " (it is " + board.status() + ")", Map.of("faultySerial", "a board installed at the reported site"));
        }
        if (customer.tier() == null) {
            throw new InvalidInputException("Customer " + customer.code() + " has no service contract in force",
                    Map.of("customerCode", "a customer with a contract in force"));
        }
        cases.findOpenBySerial(board.serial()).ifPresent(open -> {
            throw new ConflictException("Board " + board.serial() + " is already on open case " + open.number());
        });
        ServiceTier tier = tiers.require(customer.tier());
        Instant now = clock.instant();
        String responsible = clocks.responsibleLocationFor(site.point());
        CaseEntity entity = new CaseEntity(numbers.next(now), numbers.trackingToken(), customer.code(), site.id(),
                board.serial(), board.partNumber(), report.symptom().trim(), report.channel(), tier.name(), responsible,
                reporter, now);
        Limit accept = clocks.limit(tier, responsible, now, tier.acceptMinutes());
        entity.startClock(SlaStep.ACCEPT, now, accept.due());
        Limit spare = tier.advanceExchange() ? spareOnSite(tier, entity) : null;
        entity.record(now, TimelineKind.REPORTED, reporter, "Fault reported by " + report.channel() + " for board " + board.serial()
                + " (" + board.partNumber() + ") at site " + site.name() + ": " + entity.symptom());
        try {
            cases.saveAndFlush(entity);
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("Board " + board.serial() + " is already on an open case");
        }
        milestone(entity, CaseMilestone.ACKNOWLEDGED, now);
        return new NewCase(entity.number(), entity.faultySerial(), !tier.advanceExchange(), accept, spare);
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

    public void diagnosed(String caseNumber, DiagnosisOutcome outcome, String note, String username) {
        CaseEntity entity = lock(caseNumber);
        Instant now = clock.instant();
        entity.meetClock(SlaStep.REMOTE_DIAGNOSIS, now);
        entity.diagnosed(outcome);
        startSpareClockIfNeeded(entity, outcome);
        entity.record(now, TimelineKind.DIAGNOSED, username, "Remote diagnosis: " + outcome + (note == null || note.isBlank() ? "" : " — " + note));
    }

    public void siteVisited(String caseNumber, DiagnosisOutcome outcome, String note, String username) {
        CaseEntity entity = lock(caseNumber);
        entity.diagnosed(outcome);
        startSpareClockIfNeeded(entity, outcome);
        entity.record(clock.instant(), TimelineKind.SITE_VISITED, username, "Site visit: " + outcome + (note == null || note.isBlank() ? "" : " — " + note));
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
        Instant now = clock.instant();
        if (outcome.backorder()) {
            entity.backordered();
            String reason = "No compatible spare of " + outcome.partNumber() + " in stock anywhere: backordered";
            entity.record(now, TimelineKind.BACKORDER, "system", reason);
            escalation(entity, SlaStep.BACKORDER, EscalationLevel.REMINDER, reason, now);
        } else {
            entity.spareReserved(outcome.serial(), outcome.depotCode(), outcome.distanceKm(), outcome.expectedOnSite());
            entity.record(now, TimelineKind.SPARE_RESERVED, "system", String.format(Locale.ROOT,
                    "Spare %s reserved at %s (%.0f km), expected on site %s%s", outcome.serial(), outcome.depotCode(),
                    outcome.distanceKm(), outcome.expectedOnSite(), outcome.predictedBreach() ? " — after the tier's limit" : ""));
        }
    }

    /**
     * The case's reserved spare was lost and the case sourced again ({@code next}: another board, or a backorder):
     * recorded with the cause, and the first owner and their supervisor are told.
     */
    public void spareResourced(ReservationLost lost, ReservationOutcome next) {
        CaseEntity entity = lock(lost.caseNumber());
        Instant now = clock.instant();
        Locale locale = LocaleContextHolder.getLocale();
        String why = messages.getMessage("case.spare-lost.cause." + lost.cause().name(), null, locale) + ": " + lost.reason();
        String text;
        if (next.backorder()) {
            entity.backordered();
            text = messages.getMessage("case.timeline.spare-resourced-backorder",
                    new Object[] {lost.serial(), lost.depotCode(), why, next.partNumber()}, locale);
        } else {
            entity.spareReserved(next.serial(), next.depotCode(), next.distanceKm(), next.expectedOnSite());
            text = messages.getMessage("case.timeline.spare-resourced",
                    new Object[] {lost.serial(), lost.depotCode(), why, next.serial(), next.depotCode(),
                            String.valueOf(next.expectedOnSite())}, locale);
        }
        entity.record(now, TimelineKind.SPARE_RESOURCED, "system", text);
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

    public void spareSwapped(String caseNumber, String serial, String depotCode, String username) {
        CaseEntity entity = lock(caseNumber);
        entity.spareSwapped(serial);
        entity.record(clock.instant(), TimelineKind.SPARE_SWAPPED, username, "Spare swapped at " + depotCode + ": board " + serial + " is picked instead");
    }

    public void sparePicked(String caseNumber, String serial, String username) {
        lock(caseNumber).record(clock.instant(), TimelineKind.SPARE_PICKED, username, "Spare " + serial + " picked");
    }

    public void sparePacked(String caseNumber, String serial, String username) {
        lock(caseNumber).record(clock.instant(), TimelineKind.SPARE_PACKED, username, "Spare " + serial + " packed");
    }

    public void spareShipped(String caseNumber, String serial, String trackingNumber, String username) {
        CaseEntity entity = lock(caseNumber);
        Instant now = clock.instant();
        entity.shipped(trackingNumber);
        entity.record(now, TimelineKind.SPARE_SHIPPED, username, "Spare " + serial + " shipped" + (trackingNumber == null ? "" : ", tracking " + trackingNumber));
        milestone(entity, CaseMilestone.SPARE_DISPATCHED, now);
    }

    /** The spare arrived on site; a delivery to another site than the case's is refused (the scan is rolled back). */
    public void spareDelivered(String caseNumber, String serial, Long siteId, String username) {
        CaseEntity entity = lock(caseNumber);
        if (siteId == null || siteId != entity.siteId()) {
            SiteInfo site = customers.requireSite(entity.siteId());
            throw new ConflictException(messages.getMessage("case.delivery.wrong-site",
                    new Object[] {serial, caseNumber, site.name(), String.valueOf(site.id()), String.valueOf(siteId)},
                    LocaleContextHolder.getLocale()));
        }
        Instant now = clock.instant();
        entity.meetClock(SlaStep.SPARE_ON_SITE, now);
        entity.record(now, TimelineKind.SPARE_DELIVERED, username, "Spare " + serial + " delivered on site");
        milestone(entity, CaseMilestone.DELIVERED, now);
    }

    /** The defective board is now expected back: its due day, the reminder before it and the charge limit. */
    public ReturnLimits returnExpected(String caseNumber) {
        CaseEntity entity = lock(caseNumber);
        ServiceTier tier = tiers.require(entity.tier());
        Instant now = clock.instant();
        String responsible = entity.responsibleLocation();
        ReturnLimits limits = new ReturnLimits(
                clocks.plusDays(tier, responsible, now, tier.defectiveReturnDays() - tier.defectiveReturnReminderDays()),
                clocks.plusDays(tier, responsible, now, tier.defectiveReturnDays()),
                clocks.plusDays(tier, responsible, now, tier.overdueChargeDays()));
        entity.moveTo(CaseState.AWAITING_RETURN);
        entity.startClock(SlaStep.DEFECTIVE_RETURN, now, limits.due());
        entity.record(now, TimelineKind.RETURN_EXPECTED, "system", "Defective board " + entity.faultySerial() + " expected back by " + limits.due());
        if (!tier.advanceExchange()) {
            milestone(entity, CaseMilestone.RETURN_REQUESTED, now);
        }
        return limits;
    }

    /** The expected defective board arrived: the repair order opens and the turnaround clock starts. */
    public Limit defectiveReceived(String caseNumber, String locationCode, String username) {
        CaseEntity entity = lock(caseNumber);
        Instant now = clock.instant();
        entity.meetClock(SlaStep.DEFECTIVE_RETURN, now);
        entity.moveTo(CaseState.IN_REPAIR);
        int days = parts.require(entity.partNumber()).repairTurnaroundDays();
        Limit repair = new Limit(now.plus(Duration.ofDays(days)), now.plus(Duration.ofDays(2L * days)));
        entity.startClock(SlaStep.REPAIR_TURNAROUND, now, repair.due());
        repairs.expect(caseNumber, entity.faultySerial(), entity.partNumber(), entity.symptom());
        entity.record(now, TimelineKind.DEFECTIVE_RECEIVED, username, "Defective board " + entity.faultySerial() + " received at " + locationCode);
        milestone(entity, CaseMilestone.DEFECTIVE_RECEIVED, now);
        return repair;
    }

    /**
     * Where the faulty board waits as a received defective board — or already taken in for repair — if it was scanned
     * in before the case waited for it (the scan found no process to signal then). The board was installed when the
     * case opened, so this is its return.
     */
    @Transactional(readOnly = true)
    public Optional<String> defectiveReceivedAt(String caseNumber) {
        return boards.find(require(caseNumber).faultySerial())
                .filter(b -> b.status() == BoardStatus.DEFECTIVE_RECEIVED || b.status() == BoardStatus.IN_REPAIR)
                .map(BoardInfo::locationCode);
    }

    /**
     * The case of this customer that waits for the defective return of a board of this part (the oldest, if several):
     * where a stray defective board of the same part from the same customer most likely belongs.
     */
    @Transactional(readOnly = true)
    public Optional<String> awaitingReturnOf(String customerCode, String partNumber) {
        return cases.findByCustomerCodeAndPartNumberAndStateOrderByIdAsc(customerCode, partNumber, CaseState.AWAITING_RETURN)
                .stream().findFirst().map(CaseEntity::number);
    }

    /** A board came back for this case with another serial than the faulty one: flagged, first owner alerted. */
    public void wrongBoardReturned(String caseNumber, String serial, String locationCode, String username) {
        CaseEntity entity = lock(caseNumber);
        Instant now = clock.instant();
        entity.wrongBoardReturned(serial);
        String reason = "Board " + serial + " was returned at " + locationCode + " for this case, but the faulty board is " + entity.faultySerial();
        entity.record(now, TimelineKind.WRONG_BOARD_RETURNED, username, reason);
        escalation(entity, SlaStep.DEFECTIVE_RETURN, EscalationLevel.ESCALATION, reason, now);
    }

    public void repairFinished(String caseNumber) {
        CaseEntity entity = lock(caseNumber);
        Instant now = clock.instant();
        entity.meetClock(SlaStep.REPAIR_TURNAROUND, now);
        entity.moveTo(CaseState.RESOLVED);
        Optional<RepairView> repair = repairs.findByCase(caseNumber);
        String result = repair.map(r -> "Repair finished: " + r.outcome() + (r.suspectedRogue() ? " — serial " + r.serial()
                + " returned with no fault found more than once: suspected rogue unit" : "")).orElse("Repair finished");
        entity.record(now, TimelineKind.REPAIR_FINISHED, "system", result);
        milestone(entity, CaseMilestone.REPAIRED_OR_REPLACED, now);
    }

    public void close(String caseNumber, String resolution, String username) {
        CaseEntity entity = lock(caseNumber);
        Instant now = clock.instant();
        entity.close(resolution, now);
        entity.record(now, TimelineKind.CLOSED, username, "Case closed by " + username + ": " + resolution);
        milestone(entity, CaseMilestone.CLOSED, now);
    }

    /**
     * Cancels the case for {@code reason}, by its first owner or a supervisor (AccessDeniedException otherwise;
     * ConflictException once it is closed or cancelled, so a repeated cancel is not applied twice). A spare already
     * picked, packed or on the road is expected back at its depot: returned so the process can wait for it.
     */
    public Optional<String> cancel(String caseNumber, String reason, StaffUser by) {
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
        Optional<String> returning = Optional.ofNullable(entity.spareSerial()).flatMap(boards::find)
                .filter(board -> SPARE_ON_ITS_WAY.contains(board.status())).map(BoardInfo::serial);
        Instant now = clock.instant();
        entity.cancel(reason.trim(), by.username(), now, returning.orElse(null));
        entity.record(now, TimelineKind.CANCELLED, by.username(), returning
                .map(serial -> messages.getMessage("case.timeline.cancelled-spare-returning",
                        new Object[] {by.username(), reason.trim(), serial, entity.spareDepot()}, locale))
                .orElseGet(() -> messages.getMessage("case.timeline.cancelled", new Object[] {by.username(), reason.trim()}, locale)));
        milestone(entity, CaseMilestone.CANCELLED, now);
        return returning;
    }

    /** The spare that was on its way when the case was cancelled is back in stock at its depot. */
    public void cancelledSpareReturned(String caseNumber, String serial, String locationCode, String username) {
        CaseEntity entity = lock(caseNumber);
        entity.spareReturned();
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

    /** A step's limit was missed: breach recorded (once), first owner and supervisor reminded. */
    public void limitMissed(String caseNumber, SlaStep step) {
        CaseEntity entity = lock(caseNumber);
        Instant now = clock.instant();
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

    public void returnReminder(String caseNumber) {
        CaseEntity entity = lock(caseNumber);
        Instant now = clock.instant();
        entity.record(now, TimelineKind.RETURN_REMINDER, "system", "Reminder: defective board " + entity.faultySerial() + " is due back soon");
        milestone(entity, CaseMilestone.RETURN_REMINDER, now);
        escalation(entity, SlaStep.DEFECTIVE_RETURN, EscalationLevel.REMINDER, "Defective board due back soon", now);
    }

    /** Returns the supervisor the overdue return was escalated to. */
    public String returnOverdue(String caseNumber) {
        CaseEntity entity = lock(caseNumber);
        Instant now = clock.instant();
        entity.breach(SlaStep.DEFECTIVE_RETURN, now);
        String reason = "Defective board " + entity.faultySerial() + " is overdue";
        entity.record(now, TimelineKind.RETURN_OVERDUE, "system", reason);
        milestone(entity, CaseMilestone.RETURN_OVERDUE, now);
        return escalation(entity, SlaStep.DEFECTIVE_RETURN, EscalationLevel.ESCALATION, reason, now);
    }

    public void chargeLimitReached(String caseNumber) {
        CaseEntity entity = lock(caseNumber);
        Instant now = clock.instant();
        entity.flagCharge();
        entity.record(now, TimelineKind.CHARGE_FLAGGED, "system", "Defective board not returned by the charge limit: the exchange will be charged");
        milestone(entity, CaseMilestone.RETURN_CHARGE_WARNING, now);
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
        return view(entity, repairs.findByCase(entity.number()).orElse(null));
    }

    /** Views of many cases, their repair orders read at once. */
    @Transactional(readOnly = true)
    public List<CaseView> views(List<CaseEntity> entities) {
        Map<String, RepairView> repairsByCase = repairs.findByCases(entities.stream().map(CaseEntity::number).toList());
        return entities.stream().map(entity -> view(entity, repairsByCase.get(entity.number()))).toList();
    }

    private CaseView view(CaseEntity entity, RepairView repair) {
        StaffUser owner = entity.firstOwner() == null ? null : users.find(entity.firstOwner()).orElse(null);
        return entity.toView(owner, repair);
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
