package io.spareflow.sourcing.internal;

import io.spareflow.common.Message;
import io.spareflow.common.NotFoundException;
import io.spareflow.sourcing.ReservationOutcome;
import io.spareflow.sourcing.SourcingDecision;
import io.spareflow.sourcing.SpareNeed;
import io.spareflow.sourcing.SpareSourcing;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link SpareSourcing} for other features: each call answered by the part of sourcing that has that one purpose. */
@Service
class SpareSourcingService implements SpareSourcing {

    private final Reservations reservations;
    private final Swaps swaps;
    private final DecisionLog decisions;

    SpareSourcingService(Reservations reservations, Swaps swaps, DecisionLog decisions) {
        this.reservations = reservations;
        this.swaps = swaps;
        this.decisions = decisions;
    }

    @Override
    @Transactional
    public ReservationOutcome reserve(String partNumber, long siteId, String caseNumber, int line, SpareNeed need) {
        return reservations.place(partNumber, siteId, caseNumber, line, need, Reservations.SYSTEM).request().toOutcome();
    }

    @Override
    @Transactional
    public void release(String caseNumber, int line, Message reason) {
        reservations.openOf(caseNumber, line).ifPresent(r -> reservations.release(r.getId(), reason, Reservations.SYSTEM));
    }

    @Override
    @Transactional
    public ReservationOutcome swap(String caseNumber, int line, String newSerial, String username) {
        SpareReservationEntity request = reservations.openOf(caseNumber, line)
                .orElseThrow(() -> new NotFoundException(Message.of("errors.sourcing.noOpenReservation", line, caseNumber)));
        return swaps.swap(request.getId(), newSerial, username).toOutcome();
    }

    @Override
    public Optional<ReservationOutcome> openRequestOf(String caseNumber, int line) {
        return reservations.openOf(caseNumber, line).map(SpareReservationEntity::toOutcome);
    }

    @Override
    public List<SourcingDecision> decisionsOf(String caseNumber) {
        return decisions.decisionsOf(caseNumber);
    }

    @Override
    public List<ReservationOutcome> picksAt(String depotCode) {
        return reservations.picksAt(depotCode);
    }
}
