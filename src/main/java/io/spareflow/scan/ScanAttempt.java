package io.spareflow.scan;

import io.spareflow.board.BoardInfo;

/** A parsed, authenticated scan about to be applied to a known board; {@link ScanGuard}s may still refuse it. */
public record ScanAttempt(BoardInfo board, ScanAction action, String locationCode, String username) {
}
