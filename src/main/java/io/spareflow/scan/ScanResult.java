package io.spareflow.scan;

import io.spareflow.board.BoardStatus;
import java.time.Instant;

/**
 * An accepted scan: the board's move ({@code from} → {@code to}; {@code from} is null for a board found at receiving
 * and registered in quarantine) and {@code next}, what to do with the board now, in a depot worker's words. A return
 * label's scan is {@code BOUND}: it moved no board, it bound the box to its case ({@code serial}: the board expected).
 */
public record ScanResult(long scanId, String clientScanId, Result result, String serial, String partNumber,
                         ScanAction action, BoardStatus from, BoardStatus to, String location, Long siteId, String next,
                         boolean flaggedForSupervisor, Instant scannedAt) {

    public enum Result { ACCEPTED, QUARANTINED, REFUSED, BOUND }
}
