package io.spareflow.sourcing.internal;

import io.spareflow.board.BoardInfo;
import io.spareflow.sourcing.ReservationOutcome;
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
@Table(name = "spare_reservation")
class SpareReservationEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "case_number")
    private String caseNumber;
    @Column(name = "line_no")
    private int line;
    @Column(name = "requested_part")
    private String requestedPart;
    @Column(name = "site_id")
    private long siteId;
    private String tier;
    @Enumerated(EnumType.STRING)
    private ReservationStatus status;
    private String serial;
    @Column(name = "board_part")
    private String boardPart;
    @Column(name = "depot_code")
    private String depotCode;
    @Column(name = "distance_km")
    private Double distanceKm;
    @Column(name = "expected_on_site")
    private Instant expectedOnSite;
    @Column(name = "predicted_breach")
    private boolean predictedBreach;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "reserved_at")
    private Instant reservedAt;
    @Column(name = "expires_at")
    private Instant expiresAt;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Column(name = "close_reason")
    private String closeReason;
    @Version
    private long version;

    protected SpareReservationEntity() {
    }

    SpareReservationEntity(String caseNumber, int line, String requestedPart, long siteId, String tier, Instant at) {
        this.caseNumber = caseNumber;
        this.line = line;
        this.requestedPart = requestedPart;
        this.siteId = siteId;
        this.tier = tier;
        this.status = ReservationStatus.BACKORDER;
        this.createdAt = at;
    }

    /** Holds {@code board} for the case, as {@code candidate} (its depot) promised, until {@code expiresAt}. */
    void reserve(BoardInfo board, Candidate candidate, Instant at, Instant expires) {
        status = ReservationStatus.RESERVED;
        serial = board.serial();
        boardPart = board.partNumber();
        depotCode = candidate.depotCode();
        distanceKm = candidate.distanceKm();
        expectedOnSite = candidate.expectedOnSite();
        predictedBreach = !candidate.meetsLimit();
        reservedAt = at;
        expiresAt = expires;
    }

    void swapTo(BoardInfo board) {
        serial = board.serial();
        boardPart = board.partNumber();
    }

    /** The depot picked the board: nothing more to hold or expire. */
    void picked(String reason, Instant at) {
        close(ReservationStatus.PICKED, reason, at);
    }

    void close(ReservationStatus closedAs, String reason, Instant at) {
        status = closedAs;
        closeReason = reason;
        closedAt = at;
    }

    ReservationOutcome toOutcome() {
        return new ReservationOutcome(status == ReservationStatus.BACKORDER || serial == null
                ? ReservationOutcome.Status.BACKORDER : ReservationOutcome.Status.RESERVED, id, caseNumber, line, serial,
                boardPart == null ? requestedPart : boardPart, depotCode, distanceKm == null ? 0 : distanceKm,
                expectedOnSite, predictedBreach);
    }

    ReservationView toView() {
        return new ReservationView(id, caseNumber, line, status, requestedPart, siteId, tier, serial, boardPart, depotCode,
                distanceKm, expectedOnSite, predictedBreach, createdAt, reservedAt, expiresAt, closedAt, closeReason);
    }

    Long getId() {
        return id;
    }

    String getCaseNumber() {
        return caseNumber;
    }

    int getLine() {
        return line;
    }

    String getRequestedPart() {
        return requestedPart;
    }

    long getSiteId() {
        return siteId;
    }

    String getTier() {
        return tier;
    }

    ReservationStatus getStatus() {
        return status;
    }

    String getSerial() {
        return serial;
    }

    String getBoardPart() {
        return boardPart;
    }

    String getDepotCode() {
        return depotCode;
    }
}
