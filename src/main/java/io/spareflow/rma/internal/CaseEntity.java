package io.spareflow.rma.internal;

import io.spareflow.common.Message;
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
import io.spareflow.common.NotFoundException;
import io.spareflow.rma.LineState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
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
    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "case_id", nullable = false, updatable = false)
    @OrderBy("at, id")
    @BatchSize(size = LISTED_TOGETHER)
    private List<TimelineEntryEntity> timeline = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "case_id", nullable = false, updatable = false)
    @OrderBy("startedAt, id")
    @BatchSize(size = LISTED_TOGETHER)
    private List<SlaClockEntity> clocks = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "case_id", nullable = false, updatable = false)
    @OrderBy("detectedAt, id")
    @BatchSize(size = LISTED_TOGETHER)
    private List<BreachEntity> breaches = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "case_id", nullable = false, updatable = false)
    @OrderBy("lineNo")
    @BatchSize(size = LISTED_TOGETHER)
    private List<CaseLineEntity> lines = new ArrayList<>();

    protected CaseEntity() {
    }

    CaseEntity(String number, String trackingToken, String customerCode, long siteId, String symptom, CaseChannel channel, String tier, String responsibleLocation,
               String reportedBy, Instant at) {
        this.number = number;
        this.trackingToken = trackingToken;
        this.customerCode = customerCode;
        this.siteId = siteId;
        this.symptom = symptom;
        this.channel = channel;
        this.tier = tier;
        this.responsibleLocation = responsibleLocation;
        this.reportedBy = reportedBy;
        this.state = CaseState.REPORTED;
        this.createdAt = at;
    }

    void record(Instant at, TimelineKind kind, String actor, Message text) {
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
        clock.get().breach();
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
            throw new ConflictException(Message.of("errors.case.noOwner", number));
        }
        firstOwner = username;
        firstOwnerSince = at;
    }

    void diagnosed(DiagnosisOutcome outcome) {
        diagnosisOutcome = outcome;
        state = outcome.next();
    }

    /** Names another faulty board of the case: the next line. */
    CaseLineEntity addLine(String serial, String partNumber, boolean registeredOnSite, Integer doaOfLine, Instant at) {
        requireOpen();
        CaseLineEntity line = new CaseLineEntity(lines.size() + 1, serial, partNumber, registeredOnSite, doaOfLine, at);
        lines.add(line);
        return line;
    }

    public List<CaseLineEntity> lines() {
        return lines;
    }

    public CaseLineEntity line(int lineNo) {
        return lines.stream().filter(l -> l.lineNo() == lineNo).findFirst()
                .orElseThrow(() -> new NotFoundException(Message.of("errors.case.noLine", String.valueOf(lineNo), number)));
    }

    /** The open line of this board, if any. */
    Optional<CaseLineEntity> openLineOf(String serial) {
        return lines.stream().filter(l -> l.state().open() && l.serial().equals(serial)).findFirst();
    }

    /** Whether every line that is not cancelled met its clock of {@code step} (or has none). */
    boolean everyLineMet(SlaStep step) {
        return lines.stream().filter(l -> l.state() != LineState.CANCELLED).allMatch(l -> l.met(step));
    }

    /** Whether every line is finished or cancelled (true for a case without lines). */
    boolean linesDone() {
        return lines.stream().noneMatch(l -> l.state().open());
    }

    /** The lines as the case's state shows them: the least advanced open line's step. */
    void followLines() {
        lines.stream().filter(l -> l.state().open() && l.state() != LineState.NAMED).map(l -> l.state())
                .min(Comparator.naturalOrder()).map(CaseEntity::caseStateOf).ifPresent(next -> state = next);
    }

    private static CaseState caseStateOf(LineState line) {
        return switch (line) {
            case SPARE_DISPATCH -> CaseState.SPARE_DISPATCH;
            case BACKORDERED -> CaseState.BACKORDERED;
            case AWAITING_RETURN -> CaseState.AWAITING_RETURN;
            default -> CaseState.IN_REPAIR;
        };
    }

    void moveTo(CaseState next) {
        requireOpen();
        state = next;
    }

    void close(String resolutionSummary, Instant at) {
        requireOpen();
        lines.forEach(line -> line.finish(at));
        resolution = resolutionSummary;
        state = CaseState.CLOSED;
        closedAt = at;
    }

    /**
     * Cancelled with every open line; the lines whose spare is in {@code onItsWay} now expect it back at its depot.
     * Returns those spares.
     */
    List<String> cancel(String reason, String by, Instant at, Set<String> onItsWay) {
        requireOpen();
        List<String> returning = new ArrayList<>();
        for (CaseLineEntity line : lines) {
            if (line.state().open()) {
                line.cancel(reason, at);
                if (line.spareSerial() != null && onItsWay.contains(line.spareSerial())) {
                    line.spareReturning(true);
                    returning.add(line.spareSerial());
                }
            }
        }
        state = CaseState.CANCELLED;
        cancelledAt = at;
        cancelledBy = by;
        cancelReason = reason;
        return returning;
    }

    /** A spare that was on its way when the case was cancelled is back in stock. */
    void spareReturned(String serial) {
        lines.stream().filter(l -> l.spareReturning() && serial.equals(l.spareSerial())).forEach(l -> l.spareReturning(false));
    }

    private void requireOpen() {
        if (state.isTerminal()) {
            throw new ConflictException(Message.of("errors.case.closed", number, state));
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

    /** The first line, once a board is known. */
    public Optional<CaseLineEntity> firstLine() {
        return lines.stream().findFirst();
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

    public DiagnosisOutcome diagnosisOutcome() {
        return diagnosisOutcome;
    }

    public CaseState state() {
        return state;
    }

    /** The parts the case's lines wait for as spares now (being sourced or on backorder, not shipped yet). */
    public Set<String> partsAwaited() {
        return state == CaseState.CLOSED ? Set.of() : lines.stream().filter(CaseLineEntity::awaitsSpare)
                .map(CaseLineEntity::partNumber).collect(Collectors.toSet());
    }

    /** The spares of its lines still expected back in stock since the case was cancelled. */
    /** The depot a spare of this case that is on its way back returns to. */
    public Optional<String> returnDepotOf(String spareSerial) {
        return lines.stream().filter(l -> l.spareReturning() && spareSerial.equals(l.spareSerial())).findFirst()
                .map(CaseLineEntity::spareDepot);
    }

    public List<String> returningSpares() {
        return lines.stream().filter(CaseLineEntity::spareReturning).map(CaseLineEntity::spareSerial).toList();
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** The case as people see it; {@code repairs} are its repair orders by board serial. */
    CaseView toView(StaffUser owner, Map<String, RepairView> repairs, CaseTexts.Reading reading) {
        CaseView.Owner ownerView = owner == null ? null : new CaseView.Owner(owner.username(), owner.displayName(), owner.email());
        Optional<CaseLineEntity> first = firstLine();
        return new CaseView(number, trackingToken, customerCode, siteId, first.map(CaseLineEntity::serial).orElse(null),
                first.map(CaseLineEntity::partNumber).orElse(null), symptom, channel,
                state, tier, responsibleLocation, reportedBy, ownerView, firstOwnerSince, createdAt, closedAt,
                diagnosisOutcome, first.map(CaseLineEntity::spareView).orElse(null),
                first.map(CaseLineEntity::chargeFlag).orElse(false),
                first.map(CaseLineEntity::wrongBoardReturnedSerial).orElse(null), resolution,
                first.map(l -> repairs.get(l.serial())).orElse(null),
                timeline.stream().map(entry -> entry.toView(reading)).toList(),
                clocks.stream().map(SlaClockEntity::toView).toList(),
                breaches.stream().map(BreachEntity::toView).toList(),
                lines.stream().map(l -> l.toView(repairs.get(l.serial()))).toList(),
                cancelledAt == null ? null : new CaseView.Cancellation(cancelledAt, cancelledBy, cancelReason, returningSpares()));
    }
}
