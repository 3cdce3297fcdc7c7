package io.spareflow.rma.internal;

import io.spareflow.common.ConflictException;
import io.spareflow.common.Message;
import io.spareflow.repair.RepairView;
import io.spareflow.rma.CaseView;
import io.spareflow.rma.LineState;
import io.spareflow.rma.SlaStep;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One faulty board of a case, with its own spare, defective return, repair and clocks. */
@Entity
@Table(name = "case_line")
public class CaseLineEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "line_no")
    private int lineNo;
    private String serial;
    @Column(name = "part_number")
    private String partNumber;
    @Enumerated(EnumType.STRING)
    private LineState state;
    @Column(name = "registered_on_site")
    private boolean registeredOnSite;
    @Column(name = "doa_of_line")
    private Integer doaOfLine;
    @Column(name = "spare_serial")
    private String spareSerial;
    @Column(name = "spare_depot")
    private String spareDepot;
    @Column(name = "spare_distance_km")
    private Double spareDistanceKm;
    @Column(name = "spare_expected_on_site")
    private Instant spareExpectedOnSite;
    @Column(name = "spare_tracking_number")
    private String spareTrackingNumber;
    /** The spare was on its way when the case was cancelled and is not back in stock yet. */
    @Column(name = "spare_returning")
    private boolean spareReturning;
    @Column(name = "spare_delivered_at")
    private Instant spareDeliveredAt;
    private boolean backordered;
    @Column(name = "charge_flag")
    private boolean chargeFlag;
    @Column(name = "wrong_board_returned")
    private String wrongBoardReturned;
    @Column(name = "cancel_reason")
    private String cancelReason;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "ended_at")
    private Instant endedAt;
    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "line_id", nullable = false, updatable = false)
    @OrderBy("startedAt, id")
    private List<LineClockEntity> clocks = new ArrayList<>();

    protected CaseLineEntity() {
    }

    CaseLineEntity(int lineNo, String serial, String partNumber, boolean registeredOnSite, Integer doaOfLine, Instant at) {
        this.lineNo = lineNo;
        this.serial = serial;
        this.partNumber = partNumber;
        this.registeredOnSite = registeredOnSite;
        this.doaOfLine = doaOfLine;
        this.state = LineState.NAMED;
        this.createdAt = at;
    }

    void startClock(SlaStep step, Instant startedAt, Instant dueAt) {
        if (clock(step).isEmpty()) {
            clocks.add(new LineClockEntity(step, startedAt, dueAt));
        }
    }

    void meetClock(SlaStep step, Instant at) {
        clock(step).ifPresent(c -> c.met(at));
    }

    /** Marks the step's limit missed on this line; false when there is no such clock, it was met or already marked. */
    boolean breach(SlaStep step) {
        return clock(step).map(LineClockEntity::breach).orElse(false);
    }

    /** Whether this line's step is done (a line without a clock for it has nothing to meet). */
    boolean met(SlaStep step) {
        return clock(step).map(LineClockEntity::isMet).orElse(true);
    }

    private Optional<LineClockEntity> clock(SlaStep step) {
        return clocks.stream().filter(c -> c.step() == step).findFirst();
    }

    void spareReserved(String spare, String depot, double distanceKm, Instant expectedOnSite) {
        requireOpen();
        spareSerial = spare;
        spareDepot = depot;
        spareDistanceKm = distanceKm;
        spareExpectedOnSite = expectedOnSite;
        backordered = false;
        state = LineState.SPARE_DISPATCH;
    }

    void spareSwapped(String spare) {
        spareSerial = spare;
    }

    void backordered() {
        requireOpen();
        spareSerial = null;
        spareDepot = null;
        spareDistanceKm = null;
        spareExpectedOnSite = null;
        backordered = true;
        state = LineState.BACKORDERED;
    }

    void shipped(String trackingNumber) {
        spareTrackingNumber = trackingNumber;
    }

    void delivered(Instant at) {
        spareDeliveredAt = at;
        meetClock(SlaStep.SPARE_ON_SITE, at);
    }

    void moveTo(LineState next) {
        requireOpen();
        state = next;
    }

    void finish(Instant at) {
        if (state.open()) {
            state = LineState.FINISHED;
            endedAt = at;
        }
    }

    void cancel(String reason, Instant at) {
        requireOpen();
        state = LineState.CANCELLED;
        cancelReason = reason;
        endedAt = at;
    }

    boolean spareReturning() {
        return spareReturning;
    }

    void spareReturning(boolean returning) {
        spareReturning = returning;
    }

    void flagCharge() {
        chargeFlag = true;
    }

    void wrongBoardReturned(String returned) {
        wrongBoardReturned = returned;
    }

    private void requireOpen() {
        if (!state.open()) {
            throw new ConflictException(Message.of("errors.case.lineClosed", String.valueOf(lineNo), serial, state));
        }
    }

    public int lineNo() {
        return lineNo;
    }

    public String serial() {
        return serial;
    }

    public String partNumber() {
        return partNumber;
    }

    public LineState state() {
        return state;
    }

    public String spareSerial() {
        return spareSerial;
    }

    public boolean deadOnArrival() {
        return doaOfLine != null;
    }

    boolean spareDelivered() {
        return spareDeliveredAt != null;
    }

    String spareDepot() {
        return spareDepot;
    }

    /** Open and waiting for its spare: being sourced or on backorder, not shipped yet. */
    public boolean awaitsSpare() {
        return (state == LineState.SPARE_DISPATCH || state == LineState.BACKORDERED) && spareTrackingNumber == null;
    }

    CaseView.Spare spareView() {
        return spareSerial == null && !backordered ? null
                : new CaseView.Spare(spareSerial, spareDepot, spareDistanceKm, spareExpectedOnSite, spareTrackingNumber, backordered);
    }

    boolean chargeFlag() {
        return chargeFlag;
    }

    String wrongBoardReturnedSerial() {
        return wrongBoardReturned;
    }

    CaseView.Line toView(RepairView repair) {
        CaseView.Return expectedBack = clock(SlaStep.DEFECTIVE_RETURN)
                .map(c -> new CaseView.Return(c.toView().dueAt(), c.toView().metAt(), wrongBoardReturned, chargeFlag))
                .orElse(null);
        return new CaseView.Line(lineNo, serial, partNumber, state, registeredOnSite, doaOfLine, spareView(),
                spareDeliveredAt, expectedBack, repair, cancelReason, createdAt, endedAt,
                clocks.stream().map(LineClockEntity::toView).toList());
    }
}
