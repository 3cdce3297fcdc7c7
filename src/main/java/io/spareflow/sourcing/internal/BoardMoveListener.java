package io.spareflow.sourcing.internal;

import io.spareflow.board.BoardMoveOrder;
import io.spareflow.board.BoardMoved;
import io.spareflow.board.BoardStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** Keeps reservations in step with their boards, and serves backorders when stock appears. */
@Component
class BoardMoveListener {

    private static final Logger log = LoggerFactory.getLogger(BoardMoveListener.class);

    private final Reservations reservations;
    private final Backorders backorders;

    BoardMoveListener(Reservations reservations, Backorders backorders) {
        this.reservations = reservations;
        this.backorders = backorders;
    }

    /** In the moving transaction: a pick completes the reservation, any other move away from RESERVED voids it. */
    @EventListener
    @Order(BoardMoveOrder.SOURCING)
    void onMove(BoardMoved moved) {
        boolean ownMove = moved.context() != null && Reservations.OWN_ACTIONS.contains(moved.context().action());
        if (moved.from() == BoardStatus.RESERVED && !ownMove) {
            reservations.boardLeftReserved(moved);
        }
    }

    /**
     * After the move committed (so the board can be claimed), each waiting backorder the board's part can serve is
     * tried, oldest first, each in its own transaction. A failure leaves the backorder waiting for the next board.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onAvailable(BoardMoved moved) {
        if (moved.to() != BoardStatus.AVAILABLE) {
            return;
        }
        for (Long id : backorders.servableBy(moved.partNumber())) {
            try {
                backorders.serve(id);
            } catch (RuntimeException e) {
                log.warn("Backorder {} could not be served after board {} became AVAILABLE: {}", id, moved.serial(), e.toString());
            }
        }
    }
}
