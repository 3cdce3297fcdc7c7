package io.spareflow.rma;

import io.spareflow.board.Serial;
import io.spareflow.common.CaseNumber;
import io.spareflow.common.Message;
import io.spareflow.rma.internal.CaseCancelled;
import io.spareflow.rma.internal.CaseEntity;
import io.spareflow.common.NotFoundException;
import io.spareflow.rma.internal.CaseLookup;
import io.spareflow.rma.internal.CaseTransitions;
import io.spareflow.rma.internal.CaseViews;
import io.spareflow.rma.internal.LineTransitions;
import io.spareflow.rma.internal.CaseReadScope;
import io.spareflow.rma.internal.CaseRepository;
import io.spareflow.rma.internal.NewCase;
import io.spareflow.rma.internal.process.CaseDiagrams;
import io.spareflow.rma.internal.process.CaseLineProcesses;
import io.spareflow.rma.internal.process.RmaCaseProcess;
import io.spareflow.rma.internal.process.StallWatch;
import io.spareflow.sourcing.SpareSourcing;
import io.spareflow.user.StaffUser;
import io.spareflow.user.Users;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * RMA cases: report one (its lifecycle process starts), look cases up, transfer first ownership, cancel one, add,
 * cancel or replace (dead on arrival) a line.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class Cases {

    private final CaseTransitions transitions;
    private final LineTransitions lineTransitions;
    private final CaseLookup lookup;
    private final CaseViews views;
    private final CaseRepository repository;
    private final RmaCaseProcess process;
    private final CaseDiagrams diagrams;
    private final CaseReadScope readScope;
    private final StallWatch stalls;
    private final CaseLineProcesses lines;
    private final SpareSourcing sourcing;

    Cases(CaseTransitions transitions, LineTransitions lineTransitions, CaseLookup lookup, CaseViews views,
          CaseRepository repository, RmaCaseProcess process, CaseDiagrams diagrams,
          CaseReadScope readScope, StallWatch stalls, CaseLineProcesses lines, SpareSourcing sourcing) {
        this.lines = lines;
        this.sourcing = sourcing;
        this.transitions = transitions;
        this.lineTransitions = lineTransitions;
        this.lookup = lookup;
        this.views = views;
        this.repository = repository;
        this.process = process;
        this.diagrams = diagrams;
        this.readScope = readScope;
        this.stalls = stalls;
    }

    /**
     * Opens a case for a site's fault, with its faulty board when the caller knows it, and starts its lifecycle; the
     * customer is acknowledged ({@link CaseMilestone#ACKNOWLEDGED}). A board can be on only one open case
     * (ConflictException otherwise).
     * The reporter is the signed-in user, or the channel when the report comes in unattended (e-mail).
     */
    @Transactional
    public CaseView report(@Valid CaseReport report) {
        String reporter = Users.current().map(StaffUser::username).orElse(report.channel().name().toLowerCase(Locale.ROOT));
        NewCase created = transitions.report(report, reporter);
        process.start(created);
        return views.of(lookup.require(created.caseNumber()));
    }

    public Optional<CaseView> find(String caseNumber) {
        return CaseNumber.tryParse(caseNumber).flatMap(number -> lookup.find(number.value())).map(views::of);
    }

    /**
     * The case as {@code reader} may read it ({@link CaseReadScope}): NotFoundException when there is none,
     * AccessDeniedException when it does not pass through the reader's location.
     */
    public CaseView read(String caseNumber, StaffUser reader) {
        return readScope.visibleTo(reader, find(caseNumber).orElseThrow(() -> new NotFoundException(Message.of("errors.thing.case"), caseNumber)));
    }

    public Optional<CaseView> findByTrackingToken(String token) {
        return token == null || token.isBlank() ? Optional.empty() : repository.findByTrackingToken(token.trim()).map(views::of);
    }

    /** The open case the board (serial, normalized) is on, if any: a board can be on only one open case. */
    public Optional<String> openCaseOf(String serial) {
        return Serial.tryParse(serial).flatMap(s -> repository.findOpenBySerial(s.value())).map(CaseEntity::number);
    }

    /** Cases filtered by state, first owner and customer (any may be null), newest first. */
    public List<CaseView> search(CaseState state, String owner, String customer, int limit) {
        List<CaseEntity> found = repository.search(state, blankToNull(owner), blankToNull(customer) == null ? null
                : customer.trim().toUpperCase(Locale.ROOT), PageRequest.of(0, limit));
        return views.of(found);
    }

    /** Open cases (not closed), newest first; of one first owner when {@code owner} is given. */
    public List<CaseView> open(String owner, int limit) {
        return views.of(repository.findOpen(blankToNull(owner), PageRequest.of(0, limit)));
    }

    /** The waiting steps of open cases that can no longer complete (the stall audit, run now). */
    public List<StalledStep> stalled() {
        return stalls.current();
    }

    /** The case's processes as diagrams with their active steps: the lifecycle first, then the called process running. */
    public List<ProcessDiagram> diagrams(String caseNumber) {
        return diagrams.of(lookup.require(CaseNumber.parse(caseNumber).value()).number());
    }

    /** A supervisor hands the case to another agent, with a reason; the open tasks of the old owner move along. */
    @Transactional
    public CaseView transfer(String caseNumber, String toUser, String reason) {
        StaffUser supervisor = Users.signedIn();
        String number = lookup.require(CaseNumber.parse(caseNumber).value()).number();
        String previous = transitions.transfer(number, toUser.trim(), reason, supervisor);
        process.ownerChanged(number, previous, toUser.trim());
        return views.of(lookup.require(number));
    }

    /**
     * Adds a faulty board to an open case (a second board found): before the diagnosis it waits with the others; after
     * a diagnosis that needed a spare its line process starts now.
     */
    @Transactional
    public CaseView addLine(String caseNumber, String serial, String partNumber) {
        StaffUser user = Users.signedIn();
        String number = lookup.require(CaseNumber.parse(caseNumber).value()).number();
        lineTransitions.addLine(number, serial, partNumber, user).ifPresent(lines::start);
        return views.of(lookup.require(number));
    }

    /**
     * Gives up one line while the others go on: its process (and its spare dispatch or repair) ends, its spare request
     * is released; when it was the last open line, the case moves on to its close.
     */
    @Transactional
    public CaseView cancelLine(String caseNumber, int line, String reason) {
        StaffUser user = Users.signedIn();
        String number = lookup.require(CaseNumber.parse(caseNumber).value()).number();
        boolean allDone = lineTransitions.cancelLine(number, line, reason, user);
        lines.cancel(number, line, reason);
        sourcing.release(number, line, Message.of("sourcing.reason.given", reason));
        if (allDone) {
            lines.finished(number);
        }
        return views.of(lookup.require(number));
    }

    /**
     * The delivered spare of a line is dead on arrival: a new line sends another spare at once and expects the dead
     * one back (its own return and repair, flagged DOA).
     */
    @Transactional
    public CaseView deadOnArrival(String caseNumber, int line, String reason) {
        StaffUser user = Users.signedIn();
        String number = lookup.require(CaseNumber.parse(caseNumber).value()).number();
        lines.start(lineTransitions.deadOnArrival(number, line, reason, user));
        return views.of(lookup.require(number));
    }

    /**
     * Cancels the case, by its first owner or a supervisor, for {@code reason}: the customer is told, its process ends
     * every step, so do its open lines' processes (each spare already on its way is then awaited back at its depot),
     * and their reservations or backorders are released — after the process moved to its cancellation, so a lost
     * reservation sources nothing anew.
     */
    @Transactional
    public CaseView cancel(String caseNumber, String reason) {
        StaffUser by = Users.signedIn();
        String number = lookup.require(CaseNumber.parse(caseNumber).value()).number();
        CaseCancelled cancelled = transitions.cancel(number, reason, by);
        process.cancelled(number, cancelled.returningSpares());
        Message why = Message.of("sourcing.reason.caseCancelled", by.username(), reason.trim());
        for (int line : cancelled.lines()) {
            lines.cancel(number, line, why.english());
            sourcing.release(number, line, why);
        }
        return views.of(lookup.require(number));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
