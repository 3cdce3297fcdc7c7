package io.spareflow.board;

/** A board to register: at a location or installed at a customer site (exactly one of the two). */
public record NewBoard(String serial, String partNumber, String revision, BoardStatus status, String locationCode,
                       Long siteId) {
}
