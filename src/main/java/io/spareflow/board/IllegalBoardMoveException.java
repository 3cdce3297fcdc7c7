package io.spareflow.board;

import io.spareflow.common.ConflictException;
import io.spareflow.common.Message;
import java.util.Set;

/** A board was asked to move where its state machine does not allow. */
public class IllegalBoardMoveException extends ConflictException {

    private final String serial;
    private final BoardStatus current;
    private final BoardStatus requested;

    public IllegalBoardMoveException(String serial, BoardStatus current, BoardStatus requested) {
        super(current.next().isEmpty() ? Message.of("errors.board.move.final", serial, current, requested)
                : Message.of("errors.board.move", serial, current, requested, current.next().toString()));
        this.serial = serial;
        this.current = current;
        this.requested = requested;
    }

    public String serial() {
        return serial;
    }

    public BoardStatus current() {
        return current;
    }

    public BoardStatus requested() {
        return requested;
    }

    public Set<BoardStatus> allowed() {
        return current.next();
    }
}
