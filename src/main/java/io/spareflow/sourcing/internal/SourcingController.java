package io.spareflow.sourcing.internal;

import io.spareflow.common.ForbiddenException;
import io.spareflow.common.Message;
import io.spareflow.sourcing.SpareNeed;
import io.spareflow.user.StaffUser;
import io.spareflow.user.Users;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/sourcing")
@Tag(name = "Spare sourcing", description = "Which depot sends the spare, the board reserved for a case, and why")
class SourcingController {

    private final Quotes quotes;
    private final Reservations reservations;
    private final Swaps swaps;
    private final DecisionLog decisions;
    private final ReservationAuthorization authorization;

    SourcingController(Quotes quotes, Reservations reservations, Swaps swaps, DecisionLog decisions,
                       ReservationAuthorization authorization) {
        this.quotes = quotes;
        this.reservations = reservations;
        this.swaps = swaps;
        this.decisions = decisions;
        this.authorization = authorization;
    }

    /** Either {@code siteId} or {@code lat} and {@code lon}; {@code tier} defaults to the site's contract tier. */
    record QuoteRequest(@NotBlank @Size(max = 30) String partNumber, @Positive Long siteId,
                        @DecimalMin("-90") @DecimalMax("90") Double lat, @DecimalMin("-180") @DecimalMax("180") Double lon,
                        @Size(max = 20) String tier) {
    }

    record ReservationRequest(@NotBlank @Size(max = 30) String partNumber, @NotNull @Positive Long siteId,
                              @NotBlank @Size(max = 40) String caseNumber, @Positive Integer line) {

        /** The line of the case the spare is for; a one-board case's is 1. */
        int lineOrFirst() {
            return line == null ? 1 : line;
        }
    }

    record SwapRequest(@NotBlank @Size(max = 40) String serial) {
    }

    @PostMapping("/quotes")
    @Operation(summary = "Rank the depots that could send a compatible spare to a site or a point, and choose one",
            description = "Nearest depot within the tier's spare-on-site limit wins; none within → the fastest, flagged "
                    + "PREDICTED_BREACH; no compatible AVAILABLE board anywhere → BACKORDER. Nothing is reserved.")
    SpareQuote quote(@Valid @RequestBody QuoteRequest request) {
        return quotes.quote(request.partNumber(), request.siteId(), request.lat(), request.lon(), request.tier());
    }

    @PostMapping("/reservations")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'AGENT')")
    @Operation(summary = "Reserve one board for a case at the chosen depot, or put the case on backorder",
            description = "For an open case waiting for a spare of this part at this site, by its first owner or a "
                    + "supervisor (403 otherwise; 404 no such case; 409 the case waits for no such spare). "
                    + "201 with the new reservation or backorder; 200 with the case's existing one when the case "
                    + "already holds one for this part and site (repeated request). The decision is recorded.")
    ResponseEntity<ReservationView> reserve(@Valid @RequestBody ReservationRequest request) {
        StaffUser user = signedIn();
        String caseNumber = authorization.requireMayReserve(user, request.caseNumber(), request.partNumber(),
                request.siteId());
        Reservations.Placed placed = reservations.place(request.partNumber(), request.siteId(), caseNumber,
                request.lineOrFirst(), SpareNeed.ADVANCE_EXCHANGE, user.username());
        return ResponseEntity.status(placed.created() ? HttpStatus.CREATED : HttpStatus.OK).body(placed.request().toView());
    }

    @GetMapping(value = "/reservations", params = "caseNumber")
    @Operation(summary = "A case's reservations and backorders, current and past, oldest first",
            description = "Each with its status and, once it ended, when and why (closeReason): picked, released, "
                    + "expired, or void because its board was moved away.")
    List<ReservationView> reservationsOf(@RequestParam String caseNumber) {
        return reservations.historyOf(caseNumber).stream().map(SpareReservationEntity::toView).toList();
    }

    @GetMapping("/reservations/{id}")
    @Operation(summary = "One reservation or backorder")
    ReservationView reservation(@PathVariable long id) {
        return reservations.require(id).toView();
    }

    @DeleteMapping("/reservations/{id}")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'AGENT')")
    @Operation(summary = "Release a reservation (board back to AVAILABLE) or cancel a backorder",
            description = "By the case's first owner or a supervisor (403 otherwise). Answers the reservation as it ends "
                    + "up; releasing it again changes nothing. 409 once picked.")
    ReservationView release(@PathVariable long id, @RequestParam(required = false) String reason) {
        StaffUser user = signedIn();
        authorization.requireMayRelease(user, reservations.require(id).toView());
        return reservations.release(id, reason, user.username()).toView();
    }

    @PostMapping("/reservations/{id}/swap")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'DEPOT')")
    @Operation(summary = "At the pick, replace the reserved board by another AVAILABLE compatible board of the same depot",
            description = "Depot staff only at their own depot.")
    ReservationView swap(@PathVariable long id, @Valid @RequestBody SwapRequest request) {
        SpareReservationEntity reservation = reservations.require(id);
        StaffUser user = signedIn();
        if (reservation.getDepotCode() != null && !user.mayActAt(reservation.getDepotCode())) {
            throw new ForbiddenException(Message.of("errors.reservation.elsewhere", user.locationCode(), String.valueOf(id),
                    reservation.getDepotCode()));
        }
        return swaps.swap(id, request.serial(), user.username()).toView();
    }

    @GetMapping("/decisions/{caseNumber}")
    @Operation(summary = "The sourcing decisions of a case, oldest first: candidates, distances, ETAs, stock, choice and why")
    List<DecisionView> decisions(@PathVariable String caseNumber) {
        return decisions.requireViews(caseNumber);
    }

    private static StaffUser signedIn() {
        return Users.signedIn();
    }
}
