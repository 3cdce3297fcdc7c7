package io.spareflow.sourcing.internal;

import io.spareflow.board.BoardInfo;
import io.spareflow.common.Message;
import io.spareflow.location.LocationCode;
import io.spareflow.part.Parts;
import io.spareflow.scan.ScanAction;
import io.spareflow.scan.ScanAttempt;
import io.spareflow.scan.ScanGuard;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** At a pick, the depot must take the board reserved for the case, not another board that would also fit. */
@Component
class ReservedBoardScanGuard implements ScanGuard {

    private final SpareReservationRepository reservations;
    private final Parts parts;

    ReservedBoardScanGuard(SpareReservationRepository reservations, Parts parts) {
        this.reservations = reservations;
        this.parts = parts;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Message> refuse(ScanAttempt attempt) {
        if (attempt.action() != ScanAction.PICK) {
            return Optional.empty();
        }
        return wrongBoard(attempt.board(), attempt.locationCode());
    }

    /** Why the depot must pick another board: an open reservation at it for a part this board could also serve. */
    private Optional<Message> wrongBoard(BoardInfo board, String depotCode) {
        List<SpareReservationEntity> open = reservations.findByDepotCodeAndStatusOrderByReservedAt(
                LocationCode.tryParse(depotCode).map(LocationCode::value).orElse(""), ReservationStatus.RESERVED);
        if (open.stream().anyMatch(r -> r.getSerial().equals(board.serial()))) {
            return Optional.empty();
        }
        Map<String, List<String>> compatibleByPart = new HashMap<>();
        return open.stream()
                .filter(r -> compatibleByPart.computeIfAbsent(r.getRequestedPart(), parts::replacementsFor)
                        .contains(board.partNumber()))
                .findFirst()
                .map(r -> Message.of("errors.scan.pickReserved", r.getSerial(), r.getCaseNumber(), r.getBoardPart()));
    }
}
