package io.spareflow.rma.internal;

import io.spareflow.common.InvalidInputException;
import io.spareflow.common.Message;
import io.spareflow.rma.CaseReport;
import io.spareflow.rma.CaseState;
import io.spareflow.rma.CaseView;
import io.spareflow.rma.Cases;
import io.spareflow.rma.StalledStep;
import io.spareflow.user.Users;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import org.springframework.http.HttpStatus;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cases")
@Tag(name = "Cases", description = "RMA cases: fault reports, first owner, SLA clocks, breaches, timeline")
class CaseController {

    private final Cases cases;

    CaseController(Cases cases) {
        this.cases = cases;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR', 'ADMIN')")
    @Operation(summary = "Report a fault: opens a case (number and tracking token in the answer); 409 if the board is on an open case",
            description = "'faultySerial' may be left out when nobody knows the failed board yet: the diagnosis names it.")
    ResponseEntity<CaseView> report(@Valid @RequestBody CaseReport report) {
        CaseView created = cases.report(report);
        return ResponseEntity.created(URI.create("/api/cases/" + created.number())).body(created);
    }

    @GetMapping("/stalled")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    @Operation(summary = "Open cases whose waiting step can no longer complete",
            description = "The stall audit, run now: for each violation the case, the BPMN step it waits in, what the "
                    + "step needs and what is true instead. Empty when every case can move on.")
    List<StalledStep> stalled() {
        return cases.stalled();
    }

    @GetMapping("/{number}")
    @Operation(summary = "One case: state, tier, first owner, SLA clocks, breaches, spare, repair, timeline",
            description = "Depot staff read the cases whose spare leaves or repaired board returns to their depot,"
                    + " technicians those repaired at their repair center (403 otherwise); only agents, supervisors"
                    + " and admins see the tracking token.")
    CaseView get(@PathVariable String number) {
        return cases.read(number, Users.current().orElseThrow());
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR', 'ADMIN')")
    @Operation(summary = "Cases by state, first owner and customer, newest first (at most 'limit', default 100)",
            description = "For agents, supervisors and admins; depot staff and technicians read single cases of their location.")
    List<CaseView> search(@RequestParam(required = false) CaseState state, @RequestParam(required = false) String owner,
                          @RequestParam(required = false) String customer, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 500) {
            throw new InvalidInputException(Message.of("errors.case.limit"), Map.of("limit", Message.of("errors.case.limit.field")));
        }
        return cases.search(state, owner, customer, limit);
    }

    @PostMapping("/{number}/transfer")
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Operation(summary = "Transfer first ownership to another agent, with a reason (supervisors only; recorded in the timeline)")
    CaseView transfer(@PathVariable String number, @Valid @RequestBody Transfer transfer) {
        return cases.transfer(number, transfer.toUser(), transfer.reason());
    }

    @PostMapping("/{number}/lines")
    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR')")
    @Operation(summary = "Add a faulty board (a line) to an open case: the first owner or a supervisor",
            description = "The board is installed at the case's site, or found there unregistered (then give its "
                    + "'partNumber': it is registered on the spot and flagged). Before the diagnosis the line waits; "
                    + "after a diagnosis that needed a spare its spare and return start now. 409 when the board is on "
                    + "an open case, or the case is resolved or closed.")
    ResponseEntity<CaseView> addLine(@PathVariable String number, @Valid @RequestBody NewLine line) {
        CaseView updated = cases.addLine(number, line.serial(), line.partNumber());
        return ResponseEntity.status(HttpStatus.CREATED).body(updated);
    }

    @PostMapping("/{number}/lines/{line}/cancel")
    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR')")
    @Operation(summary = "Cancel one line (first owner or supervisor); the other lines go on",
            description = "Its spare request is released and its process ends; the last open line cancelled lets the "
                    + "case move on to its close. 409 when the line is already finished or cancelled.")
    CaseView cancelLine(@PathVariable String number, @PathVariable @Positive int line, @Valid @RequestBody Reason reason) {
        return cases.cancelLine(number, line, reason.reason());
    }

    @PostMapping("/{number}/lines/{line}/doa")
    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR')")
    @Operation(summary = "Report the line's delivered spare dead on arrival (first owner or supervisor)",
            description = "A new line takes the dead spare as its faulty board, flagged DOA: a new spare is sourced "
                    + "and dispatched at once, the dead board is expected back and repaired as DOA. 409 before the "
                    + "line's spare is delivered.")
    CaseView deadOnArrival(@PathVariable String number, @PathVariable @Positive int line, @Valid @RequestBody Reason reason) {
        return cases.deadOnArrival(number, line, reason.reason());
    }

    /** A board to add: its serial, and its part when nobody registered it yet. */
    record NewLine(@NotBlank @Size(max = 40) String serial, @Size(max = 30) String partNumber) {
    }

    @PostMapping("/{number}/cancel")
    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR')")
    @Operation(summary = "Cancel a case, with a reason (its first owner or a supervisor; 409 once closed or cancelled)",
            description = "The case becomes CANCELLED, terminal like CLOSED; its process steps and open tasks end, so do "
                    + "its open lines (cancelled, their processes ended, their reservations or backorders released) and "
                    + "the customer is told. Each line's spare already picked, packed or shipped is expected back in "
                    + "stock at its depot (listed in cancellation.returningSpares until then).")
    CaseView cancel(@PathVariable String number, @Valid @RequestBody Reason reason) {
        return cases.cancel(number, reason.reason());
    }

    record Reason(@NotBlank @Size(max = 1000) String reason) {
    }

    record Transfer(@NotBlank @Size(max = 40) String toUser, @NotBlank @Size(max = 1000) String reason) {
    }
}
