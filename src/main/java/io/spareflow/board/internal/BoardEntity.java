package io.spareflow.board.internal;

import io.spareflow.board.BoardInfo;
import io.spareflow.board.BoardStatus;
import io.spareflow.board.IllegalBoardMoveException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

@Entity
@Table(name = "board")
public class BoardEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String serial;
    @Column(name = "part_number")
    private String partNumber;
    private String revision;
    @Enumerated(EnumType.STRING)
    private BoardStatus status;
    @Column(name = "location_code")
    private String locationCode;
    @Column(name = "site_id")
    private Long siteId;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected BoardEntity() {
    }

    public BoardEntity(String serial, String partNumber, String revision, BoardStatus status, String locationCode,
                       Long siteId, Instant at) {
        this.serial = serial;
        this.partNumber = partNumber;
        this.revision = revision;
        this.status = status;
        this.locationCode = locationCode;
        this.siteId = siteId;
        this.updatedAt = at;
    }

    /** The board as its row was read in SQL ({@link LockedBoards}): not managed by Hibernate. */
    BoardEntity(long id, String serial, String partNumber, String revision, BoardStatus status, String locationCode,
                Long siteId, Instant updatedAt, long version) {
        this(serial, partNumber, revision, status, locationCode, siteId, updatedAt);
        this.id = id;
        this.version = version;
    }

    /** The state machine's single gate: every status change of a board passes here. */
    public void moveTo(BoardStatus target, String newLocationCode, Long newSiteId, Instant at) {
        if (!status.canMoveTo(target)) {
            throw new IllegalBoardMoveException(serial, status, target);
        }
        status = target;
        locationCode = newLocationCode;
        siteId = newSiteId;
        updatedAt = at;
    }

    public Long getId() {
        return id;
    }

    public String getSerial() {
        return serial;
    }

    public long getVersion() {
        return version;
    }

    /** Its row was written with the next version outside Hibernate ({@link BoardWrites#move}). */
    void written() {
        version++;
    }

    public BoardStatus getStatus() {
        return status;
    }

    public BoardInfo toInfo() {
        return new BoardInfo(serial, partNumber, revision, status, locationCode, siteId, updatedAt, version);
    }
}
