package io.spareflow.scan.internal;

import io.spareflow.board.BoardStatus;
import io.spareflow.scan.ScanAction;
import io.spareflow.scan.ScanResult;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * One scan as received and answered, as the scan list reads it; written only by {@link ScanEventLog}, never changed
 * once its transaction commits.
 */
@Entity
@Immutable
@Table(name = "scan_event")
public class ScanEventEntity {

    @Id
    private Long id;
    @Column(name = "client_scan_id")
    private String clientScanId;
    private String fingerprint;
    private String username;
    @Enumerated(EnumType.STRING)
    private ScanAction action;
    @Column(name = "location_code")
    private String locationCode;
    @Column(name = "raw_code")
    private String rawCode;
    private String serial;
    @Column(name = "part_number")
    private String partNumber;
    private String device;
    @Enumerated(EnumType.STRING)
    private ScanResult.Result result;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    private BoardStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    private BoardStatus toStatus;
    private String reason;
    private boolean flagged;
    @Column(name = "response_status")
    private int responseStatus;
    @Column(name = "response_body")
    private String responseBody;
    @Column(name = "scanned_at")
    private Instant scannedAt;

    protected ScanEventEntity() {
    }

    public ScanRecord toRecord() {
        return new ScanRecord(id, clientScanId, username, action, locationCode, rawCode, serial, partNumber, device,
                result, fromStatus, toStatus, reason, flagged, scannedAt);
    }
}
