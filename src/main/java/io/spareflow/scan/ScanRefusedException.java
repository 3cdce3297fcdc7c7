package io.spareflow.scan;

import io.spareflow.board.BoardInfo;
import io.spareflow.common.Message;
import java.util.Set;
import org.springframework.http.HttpStatus;

/** Why a scan is refused: the answer's status and words, and the board as it stands when known. */
class ScanRefusedException extends RuntimeException {

    private final transient Message reason;

    private final HttpStatus status;
    private final transient BoardInfo board;
    private final String serial;
    private final boolean flagged;

    ScanRefusedException(HttpStatus status, Message reason, String serial, BoardInfo board, boolean flagged) {
        this.reason = reason;
        this.status = status;
        this.serial = serial;
        this.board = board;
        this.flagged = flagged;
    }

    Message reason() {
        return reason;
    }

    @Override
    public String getMessage() {
        return reason.english();
    }

    HttpStatus status() {
        return status;
    }

    String serial() {
        return serial;
    }

    BoardInfo board() {
        return board;
    }

    boolean flagged() {
        return flagged;
    }

    Set<ScanAction> allowedNow() {
        return board == null ? Set.of() : ScanAction.allowedFrom(board.status());
    }
}
