package io.spareflow.sourcing.internal;

import io.spareflow.common.CaseNumber;
import io.spareflow.common.ConflictException;
import io.spareflow.common.ForbiddenException;
import io.spareflow.common.Message;
import io.spareflow.common.NotFoundException;
import io.spareflow.sourcing.SpareDemand;
import io.spareflow.sourcing.SpareDemands;
import io.spareflow.user.Role;
import io.spareflow.user.StaffUser;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who may hold a board for a case: its first owner or a supervisor, and only while the case waits for a spare of that
 * part at that site. Without this check anyone could park boards for made-up case numbers for hours.
 */
@Component
class ReservationAuthorization {

    private final SpareDemands demands;

    ReservationAuthorization(SpareDemands demands) {
        this.demands = demands;
    }

    /** The case's number as recorded, when {@code user} may reserve a spare of the part at the site for it. */
    String requireMayReserve(StaffUser user, String caseNumber, String partNumber, long siteId) {
        String number = CaseNumber.parse(caseNumber).value();
        SpareDemand demand = demands.of(number).orElseThrow(() -> new NotFoundException(Message.of("errors.thing.case"), number));
        requireAnswersFor(user, demand);
        if (!demand.awaits(partNumber, siteId)) {
            throw new ConflictException(demand.partsAwaited().isEmpty()
                    ? Message.of("scope.reservation.notAwaiting", demand.caseNumber(), demand.state())
                    : Message.of("scope.reservation.otherSpare", demand.caseNumber(), String.join(", ", demand.partsAwaited()),
                            String.valueOf(demand.siteId()), partNumber, String.valueOf(siteId)));
        }
        return demand.caseNumber();
    }

    /** Releasing a case's reservation is for the same people; one of a case that does not exist, for supervisors. */
    void requireMayRelease(StaffUser user, ReservationView reservation) {
        Optional<SpareDemand> demand = demands.of(reservation.caseNumber());
        if (demand.isPresent()) {
            requireAnswersFor(user, demand.get());
        } else if (user.role() != Role.SUPERVISOR) {
            throw new ForbiddenException(Message.of("scope.reservation.orphan", String.valueOf(reservation.id()), reservation.caseNumber()));
        }
    }

    private void requireAnswersFor(StaffUser user, SpareDemand demand) {
        if (user.role() != Role.SUPERVISOR && !user.username().equals(demand.firstOwner())) {
            throw new ForbiddenException(demand.firstOwner() == null
                    ? Message.of("scope.reservation.unowned", demand.caseNumber())
                    : Message.of("scope.reservation.notOwner", demand.caseNumber(), demand.firstOwner()));
        }
    }
}
