package io.spareflow.scan.internal;

import io.spareflow.board.BoardStatus;
import io.spareflow.scan.ScanAction;
import io.spareflow.scan.ScanResult;
import java.time.Instant;

/** A scan as listed to staff: the code as read (control characters made visible), what it did or why it was refused. */
public record ScanRecord(long id, String clientScanId, String username, ScanAction action, String location,
                         String rawCode, String serial, String partNumber, String device, ScanResult.Result result,
                         BoardStatus from, BoardStatus to, String reason, boolean flagged, Instant scannedAt) {
}
