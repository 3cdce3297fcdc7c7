package io.spareflow.scan.internal;

import io.spareflow.board.BoardStatus;
import io.spareflow.scan.ScanAction;
import io.spareflow.scan.ScanResult;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The scan_event rows as scans write them, in SQL of their own (no entity): a scan is recorded with its answer in one
 * statement, the last of the scan's transaction, unless a scan with its clientScanId is there already. The unique
 * key on client_scan_id decides which of two scans with one id is the first: the second one's insert waits until the
 * first one's transaction ends, then finds its row (or, if the first rolled back, goes in).
 */
@Component
public class ScanEventLog {

    private static final int RAW_CODE_LENGTH = 400;
    private static final int REASON_LENGTH = 1000;

    private final JdbcTemplate jdbc;

    ScanEventLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A scan as received: its id ({@link ScanIds}) and what was sent. */
    public record Received(long id, String clientScanId, String fingerprint, String username, ScanAction action,
                           String locationCode, String visibleRawCode, String device, Instant scannedAt) {
    }

    /** A scan answered earlier, as a retry of it is answered again. */
    public record Answered(long id, String fingerprint, int responseStatus, String responseBody) {
    }

    /** The answer a scan's row keeps. */
    public record Answer(String serial, String partNumber, ScanResult.Result result, BoardStatus from, BoardStatus to,
                         String reason, boolean flagged, int responseStatus, String responseBody) {
    }

    /**
     * Records the scan with its answer; false, and nothing written, when a scan with its clientScanId has been
     * recorded already (waiting first for a transaction that is recording the same id to end).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean record(Received scan, Answer answer) {
        String rawCode = scan.visibleRawCode().length() > RAW_CODE_LENGTH
                ? scan.visibleRawCode().substring(0, RAW_CODE_LENGTH - 1) + "…" : scan.visibleRawCode();
        String reason = answer.reason() == null || answer.reason().length() <= REASON_LENGTH ? answer.reason()
                : answer.reason().substring(0, REASON_LENGTH - 1) + "…";
        return jdbc.update("""
                        insert into scan_event (id, client_scan_id, fingerprint, username, action, location_code, raw_code,
                                                device, scanned_at, serial, part_number, result, from_status, to_status,
                                                reason, flagged, response_status, response_body)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (client_scan_id) do nothing""",
                scan.id(), scan.clientScanId(), scan.fingerprint(), scan.username(), scan.action().name(),
                scan.locationCode(), rawCode, scan.device(), OffsetDateTime.ofInstant(scan.scannedAt(), ZoneOffset.UTC),
                answer.serial(), answer.partNumber(), answer.result().name(), name(answer.from()), name(answer.to()),
                reason, answer.flagged(), answer.responseStatus(), answer.responseBody()) == 1;
    }

    /** The scan answered with this clientScanId, if any. */
    public Optional<Answered> answered(String clientScanId) {
        return jdbc.query("select id, fingerprint, response_status, response_body from scan_event where client_scan_id = ?",
                (rs, row) -> new Answered(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4)), clientScanId)
                .stream().findFirst();
    }

    private static String name(BoardStatus status) {
        return status == null ? null : status.name();
    }
}
