package io.spareflow.board.internal;

import io.spareflow.board.BoardStatus;
import io.spareflow.board.CustodyRecord;
import io.spareflow.board.MoveReason;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One hand-off of a board (an accepted scan or a system step), as the history reads it; written by {@link CustodyLog}. */
@Entity
@Immutable
@Table(name = "board_custody")
public class CustodyEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "board_id")
    private long boardId;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    private BoardStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    private BoardStatus toStatus;
    @Enumerated(EnumType.STRING)
    private MoveReason action;
    @Column(name = "location_code")
    private String locationCode;
    @Column(name = "site_id")
    private Long siteId;
    private String username;
    private String device;
    @Column(name = "scan_id")
    private Long scanId;
    @Column(name = "case_number")
    private String caseNumber;
    @Column(name = "tracking_number")
    private String trackingNumber;
    private String note;
    @Column(name = "moved_at")
    private Instant movedAt;

    protected CustodyEntity() {
    }

    public CustodyRecord toRecord() {
        return new CustodyRecord(fromStatus, toStatus, action, locationCode, siteId, username, device, scanId, caseNumber,
                trackingNumber, note, movedAt);
    }
}
