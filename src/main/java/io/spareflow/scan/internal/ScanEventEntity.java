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
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;
import java.time.Instant;

/** One scan as received and answered; never changed once its transaction commits. */
@Entity
@Table(name = "scan_event")
public class ScanEventEntity implements Persistable<Long> {

    private static final int RAW_CODE_LENGTH = 400;

    /** Taken from scan_event_seq before the scan is applied ({@link ScanEventRepository#nextId()}). */
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

    /** Saved once, when answered: an insert, never a merge. */
    @Transient
    private boolean unsaved = true;

    protected ScanEventEntity() {
        unsaved = false;
    }

    public ScanEventEntity(long id, String clientScanId, String fingerprint, String username, ScanAction action,
                           String locationCode, String visibleRawCode, String device, Instant scannedAt) {
        this.id = id;
        this.clientScanId = clientScanId;
        this.fingerprint = fingerprint;
        this.username = username;
        this.action = action;
        this.locationCode = locationCode;
        this.rawCode = visibleRawCode.length() > RAW_CODE_LENGTH
                ? visibleRawCode.substring(0, RAW_CODE_LENGTH - 1) + "…" : visibleRawCode;
        this.device = device;
        this.scannedAt = scannedAt;
    }

    public void identify(String serial, String partNumber) {
        this.serial = serial;
        this.partNumber = partNumber;
    }

    public void answer(ScanResult.Result result, BoardStatus from, BoardStatus to, String reason, boolean flagged,
                       int responseStatus, String responseBody) {
        this.result = result;
        this.fromStatus = from;
        this.toStatus = to;
        this.reason = reason == null || reason.length() <= 1000 ? reason : reason.substring(0, 999) + "…";
        this.flagged = flagged;
        this.responseStatus = responseStatus;
        this.responseBody = responseBody;
    }

    @Override
    public Long getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return unsaved;
    }

    public String getFingerprint() {
        return fingerprint;
    }

    public Instant getScannedAt() {
        return scannedAt;
    }

    public int getResponseStatus() {
        return responseStatus;
    }

    public String getResponseBody() {
        return responseBody;
    }

    public ScanRecord toRecord() {
        return new ScanRecord(id, clientScanId, username, action, locationCode, rawCode, serial, partNumber, device,
                result, fromStatus, toStatus, reason, flagged, scannedAt);
    }
}
