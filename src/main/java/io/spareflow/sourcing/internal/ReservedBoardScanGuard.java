package io.spareflow.sourcing.internal;

import io.spareflow.scan.ScanAction;
import io.spareflow.scan.ScanAttempt;
import io.spareflow.scan.ScanGuard;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** At a pick, the depot must take the board reserved for the case, not another board that would also fit. */
@Component
class ReservedBoardScanGuard implements ScanGuard {

    private final SourcingService sourcing;

    ReservedBoardScanGuard(SourcingService sourcing) {
        this.sourcing = sourcing;
    }

    @Override
    public Optional<String> refuse(ScanAttempt attempt) {
        if (attempt.action() != ScanAction.PICK) {
            return Optional.empty();
        }
        return sourcing.wrongBoardAtPick(attempt.board(), attempt.locationCode());
    }
}
