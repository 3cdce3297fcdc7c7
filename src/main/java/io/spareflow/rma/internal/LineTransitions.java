package io.spareflow.rma.internal;

import io.spareflow.board.BoardInfo;
import io.spareflow.board.Boards;
import io.spareflow.common.ConflictException;
import io.spareflow.common.Message;
import io.spareflow.customer.Customers;
import io.spareflow.part.Parts;
import io.spareflow.repair.RepairOutcome;
import io.spareflow.repair.RepairView;
import io.spareflow.repair.Repairs;
import io.spareflow.rma.CaseMilestone;
import io.spareflow.rma.CaseState;
import io.spareflow.rma.DiagnosisOutcome;
import io.spareflow.rma.EscalationLevel;
import io.spareflow.rma.LineState;
import io.spareflow.rma.SlaStep;
import io.spareflow.rma.TimelineKind;
import io.spareflow.tier.ServiceTier;
import io.spareflow.tier.ServiceTiers;
import io.spareflow.user.StaffUser;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The state changes of a case's lines, one per faulty board: started, added, replaced when the spare is dead on
 * arrival, cancelled, the defective board expected back and received, the repair finished — each with its timeline
 * entry, clocks and the events for the customer's e-mails. The spare's way is {@link SpareTransitions}.
 */
@Service
@Transactional
public class LineTransitions {

    private final CaseRepository cases;
    private final CaseLookup lookup;
    private final CaseClocks clocks;
    private final FaultyBoards faultyBoards;
    private final CaseTexts texts;
    private final CaseAlerts alerts;
    private final CaseChangeRights rights;
    private final Customers customers;
    private final Boards boards;
    private final Parts parts;
    private final ServiceTiers tiers;
    private final Repairs repairs;
    private final Clock clock;

    LineTransitions(CaseRepository cases, CaseLookup lookup, CaseClocks clocks, FaultyBoards faultyBoards, CaseTexts texts,
                    CaseAlerts alerts, CaseChangeRights rights, Customers customers, Boards boards, Parts parts,
                    ServiceTiers tiers, Repairs repairs, Clock clock) {
        this.cases = cases;
        this.lookup = lookup;
        this.clocks = clocks;
        this.faultyBoards = faultyBoards;
        this.texts = texts;
        this.alerts = alerts;
        this.rights = rights;
        this.customers = customers;
        this.boards = boards;
        this.parts = parts;
        this.tiers = tiers;
        this.repairs = repairs;
        this.clock = clock;
    }

    /**
     * The lines whose work starts now, after a diagnosis that needs a spare: every line still only named. Each one
     * shares the case's spare-on-site limit (counted from the report).
     */
    public List<LineStart> startLines(String caseNumber) {
        CaseEntity entity = lookup.lock(caseNumber);
        ServiceTier tier = tiers.require(entity.tier());
        Limit spare = tier.advanceExchange() ? clocks.spareOnSite(tier, entity, entity.createdAt()) : null;
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
        CaseEntity entity = lookup.lock(caseNumber);
        rights.requireMayChangeLines(entity, user);
        if (entity.state() == CaseState.RESOLVED || entity.state() == CaseState.CLOSED) {
            throw new ConflictException(Message.of("case.line.add-resolved", entity.number(), entity.state()));
        }
        Instant now = clock.instant();
        FaultyBoard board = faultyBoards.find(customers.requireSite(entity.siteId()), serial, partNumber, "serial");
        CaseLineEntity line = faultyBoards.name(entity, board, null, user.username(), now);
        cases.flush();
        return linesStarted(entity) ? Optional.of(startNow(entity, line)) : Optional.empty();
    }

    /**
     * The delivered spare of a line is dead on arrival (first owner or supervisor): a new line takes the dead spare as
     * its faulty board, flagged DOA — a new spare is sourced for it at once, and the dead board is expected back and
     * repaired as such.
     */
    public LineStart deadOnArrival(String caseNumber, int lineNo, String reason, StaffUser user) {
        CaseEntity entity = lookup.lock(caseNumber);
        rights.requireMayChangeLines(entity, user);
        CaseLineEntity line = entity.line(lineNo);
        if (line.state() == LineState.CANCELLED || !line.spareDelivered()) {
            throw new ConflictException(Message.of("case.line.doa-not-delivered", String.valueOf(lineNo), entity.number()));
        }
        BoardInfo dead = boards.require(line.spareSerial());
        if (entity.openLineOf(dead.serial()).isPresent()) {
            throw new ConflictException(Message.of("case.line.doa-already", dead.serial(), entity.number()));
        }
        Instant now = clock.instant();
        CaseLineEntity replacement = faultyBoards.name(entity,
                new FaultyBoard(dead.serial(), dead.partNumber(), false), lineNo, user.username(), now);
        Message why = Message.of("case.line.doa", String.valueOf(lineNo), dead.serial(), reason.trim(), String.valueOf(replacement.lineNo()));
        entity.record(now, TimelineKind.DEAD_ON_ARRIVAL, user.username(), why);
        alerts.escalate(entity, SlaStep.SPARE_ON_SITE, EscalationLevel.REMINDER, why, now);
        cases.flush();
        return startNow(entity, replacement);
    }

    /**
     * One line is given up (first owner or supervisor), the others go on. Returns whether every line is now finished
     * or cancelled (a case past its diagnosis then moves on to its close).
     */
    public boolean cancelLine(String caseNumber, int lineNo, String reason, StaffUser user) {
        CaseEntity entity = lookup.lock(caseNumber);
        rights.requireMayChangeLines(entity, user);
        CaseLineEntity line = entity.line(lineNo);
        if (!line.state().open()) {
            throw new ConflictException(Message.of("case.line.not-open", String.valueOf(lineNo), entity.number(), line.state()));
        }
        Instant now = clock.instant();
        line.cancel(reason.trim(), now);
        entity.record(now, TimelineKind.LINE_CANCELLED, user.username(),
                texts.text("case.line.cancelled", lineNo, line.serial(), reason.trim()));
        return linesStarted(entity) && linesFinished(entity);
    }

    /** Whether the case's lines run as processes: its diagnosis needed a spare and it is not closed. */
    private static boolean linesStarted(CaseEntity entity) {
        return entity.diagnosisOutcome() == DiagnosisOutcome.SPARE_NEEDED && entity.state() != CaseState.CLOSED;
    }

    /** A line added after the diagnosis: its spare-on-site limit counts from now. */
    private LineStart startNow(CaseEntity entity, CaseLineEntity line) {
        ServiceTier tier = tiers.require(entity.tier());
        Limit spare = tier.advanceExchange() ? clocks.spareOnSite(tier, entity, clock.instant()) : null;
        return start(entity, line, tier, spare);
    }

    /** A line's defective board is now expected back: its due day, the reminder before it and the charge limit. */
    public ReturnLimits returnExpected(String caseNumber, int lineNo) {
        CaseEntity entity = lookup.lock(caseNumber);
        CaseLineEntity line = entity.line(lineNo);
        ServiceTier tier = tiers.require(entity.tier());
        Instant now = clock.instant();
        ReturnLimits limits = clocks.defectiveReturn(tier, entity, now);
        line.moveTo(LineState.AWAITING_RETURN);
        line.startClock(SlaStep.DEFECTIVE_RETURN, now, limits.due());
        clocks.startClock(entity, tier, SlaStep.DEFECTIVE_RETURN, now, limits.due());
        entity.followLines();
        entity.record(now, TimelineKind.RETURN_EXPECTED, "system", texts.onLine(entity, line,
                texts.text("case.timeline.return-expected", line.serial(), limits.due())));
        if (!tier.advanceExchange()) {
            alerts.milestone(entity, CaseMilestone.RETURN_REQUESTED, now);
        }
        return limits;
    }

    /** A line's defective board arrived: its repair order opens and the turnaround clock starts. */
    public Limit defectiveReceived(String caseNumber, int lineNo, String locationCode, String username) {
        CaseEntity entity = lookup.lock(caseNumber);
        CaseLineEntity line = entity.line(lineNo);
        Instant now = clock.instant();
        line.meetClock(SlaStep.DEFECTIVE_RETURN, now);
        if (entity.everyLineMet(SlaStep.DEFECTIVE_RETURN)) {
            entity.meetClock(SlaStep.DEFECTIVE_RETURN, now);
        }
        line.moveTo(LineState.IN_REPAIR);
        entity.followLines();
        Limit repair = CaseClocks.repairTurnaround(now, parts.require(line.partNumber()).repairTurnaroundDays());
        line.startClock(SlaStep.REPAIR_TURNAROUND, now, repair.due());
        entity.startClock(SlaStep.REPAIR_TURNAROUND, now, repair.due());
        repairs.expect(caseNumber, line.serial(), line.partNumber(), entity.symptom(), line.deadOnArrival());
        entity.record(now, TimelineKind.DEFECTIVE_RECEIVED, username, texts.onLine(entity, line,
                texts.text("case.timeline.defective-received", line.serial(), locationCode)));
        alerts.milestone(entity, CaseMilestone.DEFECTIVE_RECEIVED, now);
        return repair;
    }

    /**
     * A board came back for this case with another serial than its faulty ones: flagged on the line awaiting its
     * return (the first one), first owner alerted.
     */
    public void wrongBoardReturned(String caseNumber, String serial, String locationCode, String username) {
        CaseEntity entity = lookup.lock(caseNumber);
        Instant now = clock.instant();
        Optional<CaseLineEntity> awaiting = entity.lines().stream().filter(l -> l.state() == LineState.AWAITING_RETURN)
                .findFirst().or(entity::firstLine);
        awaiting.ifPresent(line -> line.wrongBoardReturned(serial));
        Message reason = Message.of("escalation.wrongBoard", serial, locationCode,
                awaiting.map(CaseLineEntity::serial).<Object>map(s -> s).orElse(Message.of("escalation.wrongBoard.unknown")));
        entity.record(now, TimelineKind.WRONG_BOARD_RETURNED, username, reason);
        alerts.escalate(entity, SlaStep.DEFECTIVE_RETURN, EscalationLevel.ESCALATION, reason, now);
    }

    /** A line's repair finished: the line is done. Returns whether every line of the case is now finished or cancelled. */
    public boolean repairFinished(String caseNumber, int lineNo) {
        CaseEntity entity = lookup.lock(caseNumber);
        CaseLineEntity line = entity.line(lineNo);
        Optional<RepairView> repair = repairs.findByCaseAndSerial(caseNumber, line.serial());
        Message result = repair.map(r -> texts.text(r.suspectedRogue() ? "case.timeline.repair-finished-rogue"
                        : "case.timeline.repair-finished", Message.of("case.repair-outcome." + r.outcome().name()), r.serial()))
                .orElseGet(() -> texts.text("case.timeline.repair-finished-unknown"));
        return lineDone(entity, line, TimelineKind.REPAIR_FINISHED, result);
    }

    /**
     * A line's repair ended with its board beyond repair in a repair-and-return case: the site is owed a working board,
     * so a replacement spare is sourced and sent like any spare. The line waits for it, and its repair turnaround
     * (repaired or replaced) runs on until the replacement is on site. False — nothing to replace — for any other
     * outcome, and in an advance-exchange case, whose spare is already on site.
     */
    public boolean replacementNeeded(String caseNumber, int lineNo) {
        CaseEntity entity = lookup.lock(caseNumber);
        CaseLineEntity line = entity.line(lineNo);
        boolean scrapped = repairs.findByCaseAndSerial(caseNumber, line.serial())
                .filter(r -> r.outcome() == RepairOutcome.SCRAPPED).isPresent();
        if (!scrapped || tiers.require(entity.tier()).advanceExchange()) {
            return false;
        }
        line.moveTo(LineState.SPARE_DISPATCH);
        entity.followLines();
        entity.record(clock.instant(), TimelineKind.REPLACEMENT_NEEDED, "system",
                texts.onLine(entity, line, texts.text("case.replacement.needed", line.serial(), line.partNumber())));
        return true;
    }

    /** The replacement of a line's board beyond repair is on site: the line is done. Returns whether every line now is. */
    public boolean replacementDelivered(String caseNumber, int lineNo) {
        CaseEntity entity = lookup.lock(caseNumber);
        CaseLineEntity line = entity.line(lineNo);
        return lineDone(entity, line, TimelineKind.BOARD_REPLACED,
                texts.text("case.replacement.delivered", line.serial(), line.spareSerial()));
    }

    /** The line's board is repaired or replaced: its turnaround is met, the line finished. Returns whether every line is. */
    private boolean lineDone(CaseEntity entity, CaseLineEntity line, TimelineKind kind, Message text) {
        Instant now = clock.instant();
        line.meetClock(SlaStep.REPAIR_TURNAROUND, now);
        line.finish(now);
        if (entity.everyLineMet(SlaStep.REPAIR_TURNAROUND)) {
            entity.meetClock(SlaStep.REPAIR_TURNAROUND, now);
        }
        entity.record(now, kind, "system", texts.onLine(entity, line, text));
        alerts.milestone(entity, CaseMilestone.REPAIRED_OR_REPLACED, now);
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
}
