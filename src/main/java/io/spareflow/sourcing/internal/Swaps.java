package io.spareflow.sourcing.internal;

import io.spareflow.board.BoardInfo;
import io.spareflow.board.BoardStatus;
import io.spareflow.board.Boards;
import io.spareflow.board.MoveContext;
import io.spareflow.board.MoveReason;
import io.spareflow.board.Serial;
import io.spareflow.common.ConflictException;
import io.spareflow.common.Message;
import io.spareflow.common.NotFoundException;
import io.spareflow.part.Parts;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** At the pick, another AVAILABLE board of a compatible part at the same depot replaces the reserved one. */
@Service
class Swaps {

    private final Boards boards;
    private final Parts parts;
    private final SpareReservationRepository reservations;
    private final DecisionLog decisions;
    private final EntityManager entityManager;

    Swaps(Boards boards, Parts parts, SpareReservationRepository reservations, DecisionLog decisions,
          EntityManager entityManager) {
        this.boards = boards;
        this.parts = parts;
        this.reservations = reservations;
        this.decisions = decisions;
        this.entityManager = entityManager;
    }

    /** Swaps the reserved board of reservation {@code id} for {@code newSerial}; the same board again changes nothing. */
    @Transactional
    SpareReservationEntity swap(long id, String newSerial, String username) {
        SpareReservationEntity request = reservations.findById(id).orElseThrow(() -> new NotFoundException(Message.of("errors.thing.reservation"), id));
        String serial = Serial.parse(newSerial).value();
        if (request.getStatus() != ReservationStatus.RESERVED) {
            throw new ConflictException(Message.of("errors.swap.notReserved", String.valueOf(request.getId()), request.getCaseNumber(),
                    request.getStatus()));
        }
        String reserved = request.getSerial();
        if (serial.equals(reserved)) {
            return request;
        }
        // Both boards locked in serial order, so two swaps crossing each other cannot deadlock.
        Map<String, BoardInfo> locked = new HashMap<>();
        Stream.of(reserved, serial).sorted().forEach(s -> locked.put(s, boards.lock(s)
                .orElseThrow(() -> new NotFoundException(Message.of("errors.thing.board"), s))));
        entityManager.refresh(request, LockModeType.PESSIMISTIC_WRITE);
        if (request.getStatus() != ReservationStatus.RESERVED || !reserved.equals(request.getSerial())) {
            throw new ConflictException(Message.of("errors.swap.changed", String.valueOf(request.getId()), request.getStatus(),
                    request.getSerial()));
        }
        BoardInfo replacement = locked.get(serial);
        List<String> compatible = parts.replacementsFor(request.getRequestedPart());
        if (replacement.status() != BoardStatus.AVAILABLE || !request.getDepotCode().equals(replacement.locationCode())) {
            throw new ConflictException(Message.of("errors.swap.notAvailable", serial, replacement.status(),
                    replacement.locationCode() == null ? Message.of("errors.swap.atSite") : replacement.locationCode(),
                    request.getDepotCode(), reserved));
        }
        if (!compatible.contains(replacement.partNumber())) {
            throw new ConflictException(Message.of("errors.swap.incompatible", serial, replacement.partNumber(),
                    request.getRequestedPart(), request.getCaseNumber(), compatible.toString()));
        }
        String note = "Swap at pick for case " + request.getCaseNumber() + ": " + serial + " replaces " + reserved;
        MoveContext context = new MoveContext(MoveReason.SWAP, username, null, null, request.getCaseNumber(), null, note);
        // The reservation holds the new board before it moves: the case's waiting pick follows it on that move.
        request.swapTo(replacement);
        reservations.saveAndFlush(request);
        boards.move(serial, BoardStatus.RESERVED, request.getDepotCode(), null, context);
        boards.move(reserved, BoardStatus.AVAILABLE, request.getDepotCode(), null, context);
        decisions.record(request, DecisionKind.SWAPPED, username, null,
                Message.of("sourcing.reason.swapped", request.getCaseNumber(), serial, reserved));
        return request;
    }
}
