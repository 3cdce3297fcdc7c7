package io.spareflow.board;

/**
 * The order in which features react to a {@link BoardMoved} inside the moving transaction ({@code @Order} of their
 * listeners). A reaction that needs the board elsewhere asks {@link Boards#followUp} instead of moving it itself, so
 * every reaction to one move sees the same board, and the follow-up runs, with reactions of its own, after them.
 * Listeners that only observe (mail, metrics) need no order.
 */
public final class BoardMoveOrder {

    /** First, sourcing: a pick completes the board's reservation, any other move away from RESERVED voids it. */
    public static final int SOURCING = 100;
    /** Then the case processes: the spare's dispatch steps and the defective board's return. */
    public static final int CASES = 200;
    /** Then the board-repair process: intake, put-away of a repaired board, delivery back to the customer. */
    public static final int REPAIR = 300;

    private BoardMoveOrder() {
    }
}
