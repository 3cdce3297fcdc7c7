package io.spareflow.board;

import java.time.Instant;

/** Published, inside the moving transaction, each time a board changes status or place. */
public record BoardMoved(String serial, String partNumber, BoardStatus from, BoardStatus to, String locationCode,
                         Long siteId, Instant at, MoveContext context) {
}
