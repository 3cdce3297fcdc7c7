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
 * The scan_event rows as scans write them, in SQL of their own (two statements per scan, no entity): a scan first
 * <em>claims</em> its clientScanId — the row goes in at once, so the unique key on client_scan_id is the scan's lock:
 * the same scan sent twice at once waits in the second transaction's insert until the first ends, then finds the
 * first one's answer — and takes its id from the sequence in the same statement; when answered, the row gets the
 * answer. Both in the scan's transaction: a claim that is not answered is rolled back with it, so a committed row
 * always holds its answer (the claim's placeholders, response status 0, are never seen outside the transaction).
 * The claim names the board as far as the code does; when the answer names the same, no indexed column changes and
 * PostgreSQL writes the answer as a heap-only tuple in the claim's page (the table leaves room for it, V225), without
 * new index entries.
 */
@Component
public class ScanEventLog {

    private static final int RAW_CODE_LENGTH = 400;
    private static final int REASON_LENGTH = 1000;

    private final JdbcTemplate jdbc;

    ScanEventLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What is known of a scan before it is applied (serial and part number as far as the code names them). */
    public record Received(String clientScanId, String fingerprint, String username, ScanAction action,
                           String locationCode, String visibleRawCode, String device, String serial, String partNumber,
                           Instant scannedAt) {
    }

    /** A scan answered earlier, as a retry of it is answered again. */
    public record Answered(long id, String fingerprint, int responseStatus, String responseBody) {
    }

    /** The answer a scan's row keeps. */
    public record Answer(String serial, String partNumber, ScanResult.Result result, BoardStatus from, BoardStatus to,
                         String reason, boolean flagged, int responseStatus, String responseBody) {
    }

    /**
     * The new scan's id, its clientScanId held for the rest of the transaction; empty when a scan with this id has
     * been answered already (waiting first for a transaction that holds the same id to end).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Long> claim(Received scan) {
        String rawCode = scan.visibleRawCode().length() > RAW_CODE_LENGTH
                ? scan.visibleRawCode().substring(0, RAW_CODE_LENGTH - 1) + "…" : scan.visibleRawCode();
        return jdbc.query("""
                        insert into scan_event (id, client_scan_id, fingerprint, username, action, location_code, raw_code,
                                                device, serial, part_number, scanned_at, result, response_status, response_body)
                        values (nextval('scan_event_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'REFUSED', 0, '')
                        on conflict (client_scan_id) do nothing
                        returning id""",
                (rs, row) -> rs.getLong(1), scan.clientScanId(), scan.fingerprint(), scan.username(), scan.action().name(),
                scan.locationCode(), rawCode, scan.device(), scan.serial(), scan.partNumber(), OffsetDateTime.ofInstant(scan.scannedAt(), ZoneOffset.UTC)).stream().findFirst();
    }

    /** The scan answered with this clientScanId, if any. */
    public Optional<Answered> answered(String clientScanId) {
        return jdbc.query("select id, fingerprint, response_status, response_body from scan_event where client_scan_id = ?",
                (rs, row) -> new Answered(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4)), clientScanId)
                .stream().findFirst();
    }

    /** Writes the answer into the row this transaction claimed. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void answer(long id, Answer answer) {
        String reason = answer.reason() == null || answer.reason().length() <= REASON_LENGTH ? answer.reason()
                : answer.reason().substring(0, REASON_LENGTH - 1) + "…";
        int updated = jdbc.update("""
                        update scan_event set serial = ?, part_number = ?, result = ?, from_status = ?, to_status = ?, reason = ?,
                                              flagged = ?, response_status = ?, response_body = ?
                        where id = ?""",
                answer.serial(), answer.partNumber(), answer.result().name(), name(answer.from()), name(answer.to()),
                reason, answer.flagged(), answer.responseStatus(), answer.responseBody(), id);
        if (updated != 1) {
            throw new IllegalStateException("scan " + id + " was not claimed in this transaction");
        }
    }

    private static String name(BoardStatus status) {
        return status == null ? null : status.name();
    }
}
