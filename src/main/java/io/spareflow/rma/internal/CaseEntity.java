package io.spareflow.rma.internal;

import io.spareflow.rma.DiagnosisOutcome;
import io.spareflow.rma.SlaStep;
import io.spareflow.rma.TimelineKind;
import io.spareflow.common.ConflictException;
import io.spareflow.rma.CaseChannel;
import io.spareflow.rma.CaseState;
import io.spareflow.rma.CaseView;
import io.spareflow.repair.RepairView;
import io.spareflow.user.StaffUser;
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
import org.hibernate.annotations.BatchSize;

@Entity
@Table(name = "rma_case")
public class CaseEntity {

    /** A listing of cases loads the timelines, clocks and breaches of this many cases in one query each. */
    private static final int LISTED_TOGETHER = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String number;
    @Column(name = "tracking_token")
    private String trackingToken;
    @Column(name = "customer_code")
    private String customerCode;
    @Column(name = "site_id")
    private long siteId;
    @Column(name = "faulty_serial")
    private String faultySerial;
    @Column(name = "part_number")
    private String partNumber;
    private String symptom;
    @Enumerated(EnumType.STRING)
    private CaseChannel channel;
    @Enumerated(EnumType.STRING)
    private CaseState state;
    private String tier;
    @Column(name = "responsible_location")
    private String responsibleLocation;
    @Column(name = "reported_by")
    private String reportedBy;
    @Column(name = "first_owner")
    private String firstOwner;
    @Column(name = "first_owner_since")
    private Instant firstOwnerSince;
    @Column(name = "diagnosis_outcome")
    @Enumerated(EnumType.STRING)
    private DiagnosisOutcome diagnosisOutcome;
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
    private boolean backordered;
    @Column(name = "charge_flag")
    private boolean chargeFlag;
    @Column(name = "wrong_board_returned")
    private String wrongBoardReturned;
    private String resolution;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Column(name = "cancelled_at")
    private Instant cancelledAt;
    @Column(name = "cancelled_by")
    private String cancelledBy;
    @Column(name = "cancel_reason")
    private String cancelReason;
    @Column(name = "returning_spare")
    private String returningSpare;
    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "case_id", nullable = false)
    @OrderBy("at, id")
    @BatchSize(size = LISTED_TOGETHER)
    private List<TimelineEntryEntity> timeline = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "case_id", nullable = false)
    @OrderBy("startedAt, id")
    @BatchSize(size = LISTED_TOGETHER)
    private List<SlaClockEntity> clocks = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "case_id", nullable = false)
    @OrderBy("detectedAt, id")
    @BatchSize(size = LISTED_TOGETHER)
    private List<BreachEntity> breaches = new ArrayList<>();

    protected CaseEntity() {
    }

    CaseEntity(String number, String trackingToken, String customerCode, long siteId, String faultySerial,
               String partNumber, String symptom, CaseChannel channel, String tier, String responsibleLocation,
               String reportedBy, Instant at) {
        this.number = number;
        this.trackingToken = trackingToken;
        this.customerCode = customerCode;
        this.siteId = siteId;
        this.faultySerial = faultySerial;
        this.partNumber = partNumber;
        this.symptom = symptom;
        this.channel = channel;
        this.tier = tier;
        this.responsibleLocation = responsibleLocation;
        this.reportedBy = reportedBy;
        this.state = CaseState.REPORTED;
        this.createdAt = at;
    }

    void record(Instant at, TimelineKind kind, String actor, String text) {
        timeline.add(new TimelineEntryEntity(at, kind, actor, text));
    }

    void startClock(SlaStep step, Instant startedAt, Instant dueAt) {
        if (clock(step).isEmpty()) {
            clocks.add(new SlaClockEntity(step, startedAt, dueAt));
        }
    }

    /** The step was done: its clock stops, and an open breach of it gets its actual time. */
    void meetClock(SlaStep step, Instant at) {
        clock(step).ifPresent(c -> c.met(at));
        breaches.stream().filter(b -> b.step() == step).forEach(b -> b.met(at));
    }

    /** Records that the step's limit was missed; false when it was already recorded or the step was already met. */
    boolean breach(SlaStep step, Instant at) {
        Optional<SlaClockEntity> clock = clock(step);
        if (clock.isEmpty() || clock.get().isMet() || breaches.stream().anyMatch(b -> b.step() == step)) {
            return false;
        }
        clock.get().breached();
        breaches.add(new BreachEntity(step, clock.get().dueAt(), at, firstOwner));
        return true;
    }

    Optional<SlaClockEntity> clock(SlaStep step) {
        return clocks.stream().filter(c -> c.step() == step).findFirst();
    }

    void accept(String username, Instant at) {
        if (firstOwner == null) {
            firstOwner = username;
            firstOwnerSince = at;
            state = CaseState.DIAGNOSING;
        }
    }

    void transferTo(String username, Instant at) {
        requireOpen();
        if (firstOwner == null) {
            throw new ConflictException("Case " + number + " has no first owner yet: it is transferred by accepting it");
        }
        firstOwner = username;
        firstOwnerSince = at;
    }

    void diagnosed(DiagnosisOutcome outcome) {
        diagnosisOutcome = outcome;
        state = outcome.next();
    }

    void spareReserved(String serial, String depot, double distanceKm, Instant expectedOnSite) {
        spareSerial = serial;
        spareDepot = depot;
        spareDistanceKm = distanceKm;
        spareExpectedOnSite = expectedOnSite;
        backordered = false;
        state = CaseState.SPARE_DISPATCH;
    }

    void spareSwapped(String serial) {
        spareSerial = serial;
    }

    void backordered() {
        spareSerial = null;
        spareDepot = null;
        spareDistanceKm = null;
        spareExpectedOnSite = null;
        backordered = true;
        state = CaseState.BACKORDERED;
    }

    void shipped(String trackingNumber) {
        spareTrackingNumber = trackingNumber;
    }

    void moveTo(CaseState next) {
        requireOpen();
        state = next;
    }

    void flagCharge() {
        chargeFlag = true;
    }

    void wrongBoardReturned(String serial) {
        wrongBoardReturned = serial;
    }

    void close(String resolutionSummary, Instant at) {
        requireOpen();
        resolution = resolutionSummary;
        state = CaseState.CLOSED;
        closedAt = at;
    }

    /** Cancelled; {@code returning} names the spare that was on its way and is now expected back at its depot. */
    void cancel(String reason, String by, Instant at, String returning) {
        requireOpen();
        state = CaseState.CANCELLED;
        cancelledAt = at;
        cancelledBy = by;
        cancelReason = reason;
        returningSpare = returning;
    }

    /** The spare that was on its way when the case was cancelled is back in stock. */
    void spareReturned() {
        returningSpare = null;
    }

    private void requireOpen() {
        if (state.isTerminal()) {
            throw new ConflictException("Case " + number + " is " + state);
        }
    }

    public String number() {
        return number;
    }

    public String trackingToken() {
        return trackingToken;
    }

    public String customerCode() {
        return customerCode;
    }

    public long siteId() {
        return siteId;
    }

    public String faultySerial() {
        return faultySerial;
    }

    public String partNumber() {
        return partNumber;
    }

    public String symptom() {
        return symptom;
    }

    public String tier() {
        return tier;
    }

    public String responsibleLocation() {
        return responsibleLocation;
    }

    public String firstOwner() {
        return firstOwner;
    }

    public CaseState state() {
        return state;
    }

    /** Open and waiting for its spare: being sourced or on backorder, not shipped yet. */
    public boolean awaitsSpare() {
        return (state == CaseState.SPARE_DISPATCH || state == CaseState.BACKORDERED) && spareTrackingNumber == null;
    }

    public String spareSerial() {
        return spareSerial;
    }

    public String spareDepot() {
        return spareDepot;
    }

    public String returningSpare() {
        return returningSpare;
    }

    public Instant createdAt() {
        return createdAt;
    }

    CaseView toView(StaffUser owner, RepairView repair) {
        CaseView.Owner ownerView = owner == null ? null : new CaseView.Owner(owner.username(), owner.displayName(), owner.email());
        CaseView.Spare spare = spareSerial == null && !backordered ? null
                : new CaseView.Spare(spareSerial, spareDepot, spareDistanceKm, spareExpectedOnSite, spareTrackingNumber, backordered);
        return new CaseView(number, trackingToken, customerCode, siteId, faultySerial, partNumber, symptom, channel,
                state, tier, responsibleLocation, reportedBy, ownerView, firstOwnerSince, createdAt, closedAt,
                diagnosisOutcome, spare, chargeFlag, wrongBoardReturned, resolution, repair,
                timeline.stream().map(TimelineEntryEntity::toView).toList(),
                clocks.stream().map(SlaClockEntity::toView).toList(),
                breaches.stream().map(BreachEntity::toView).toList(),
                cancelledAt == null ? null : new CaseView.Cancellation(cancelledAt, cancelledBy, cancelReason, returningSpare));
    }
}
