package io.spareflow.repair.internal;

import io.spareflow.common.Message;
import io.spareflow.repair.HistoricRepair;
import io.spareflow.repair.TestResult;
import io.spareflow.repair.RepairDiagnosis;
import io.spareflow.common.ConflictException;
import io.spareflow.repair.RepairOutcome;
import io.spareflow.repair.RepairView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

@Entity
@Table(name = "repair_order")
public class RepairOrderEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "case_number")
    private String caseNumber;
    private String serial;
    @Column(name = "part_number")
    private String partNumber;
    private String symptom;
    @Column(name = "expected_at")
    private Instant expectedAt;
    @Column(name = "repair_center")
    private String repairCenter;
    @Column(name = "intake_at")
    private Instant intakeAt;
    @Column(name = "due_at")
    private Instant dueAt;
    private String technician;
    @Enumerated(EnumType.STRING)
    private RepairDiagnosis diagnosis;
    private String finding;
    private String actions;
    @Column(name = "test_result")
    @Enumerated(EnumType.STRING)
    private TestResult testResult;
    @Enumerated(EnumType.STRING)
    private RepairOutcome outcome;
    @Column(name = "completed_at")
    private Instant completedAt;
    @Column(name = "return_depot")
    private String returnDepot;
    @Column(name = "returned_at")
    private Instant returnedAt;
    @Column(name = "suspected_rogue")
    private boolean suspectedRogue;
    @Column(name = "dead_on_arrival")
    private boolean deadOnArrival;
    @Version
    private long version;

    protected RepairOrderEntity() {
    }

    public RepairOrderEntity(String caseNumber, String serial, String partNumber, String symptom, boolean deadOnArrival,
                             Instant expectedAt) {
        this.caseNumber = caseNumber;
        this.deadOnArrival = deadOnArrival;
        this.serial = serial;
        this.partNumber = partNumber;
        this.symptom = symptom;
        this.expectedAt = expectedAt;
    }

    /** A repair completed before Spareflow, as the experience base needs it. */
    public static RepairOrderEntity historic(HistoricRepair repair) {
        RepairOrderEntity entity = new RepairOrderEntity(repair.reference(), repair.serial(), repair.partNumber(),
                repair.symptom(), false, repair.completedAt());
        entity.finding = repair.finding();
        entity.actions = repair.actions();
        entity.outcome = repair.outcome();
        entity.completedAt = repair.completedAt();
        return entity;
    }

    public void intake(String center, Instant at, Instant due) {
        if (intakeAt == null) {
            repairCenter = center;
            intakeAt = at;
            dueAt = due;
        }
    }

    public void diagnose(String technician, RepairDiagnosis diagnosis, String finding) {
        requireOpen();
        this.technician = technician;
        this.diagnosis = diagnosis;
        this.finding = finding;
    }

    public void addActions(String done) {
        requireOpen();
        actions = actions == null ? done : actions + "\n" + done;
    }

    public void test(TestResult result) {
        requireOpen();
        testResult = result;
    }

    public void complete(RepairOutcome result, boolean rogue, Instant at) {
        requireOpen();
        outcome = result;
        suspectedRogue = rogue;
        completedAt = at;
    }

    public void returnTo(String depot) {
        returnDepot = depot;
    }

    public void returned(Instant at) {
        if (returnedAt == null) {
            returnedAt = at;
        }
    }

    private void requireOpen() {
        if (outcome != null) {
            throw new ConflictException(Message.of("errors.repair.completed", caseNumber, outcome));
        }
    }

    public boolean wasRepaired() {
        return actions != null;
    }

    public String getSerial() {
        return serial;
    }

    public String getPartNumber() {
        return partNumber;
    }

    public String getRepairCenter() {
        return repairCenter;
    }

    public RepairView toView() {
        Long turnaround = intakeAt == null || completedAt == null ? null : Duration.between(intakeAt, completedAt).toMinutes();
        return new RepairView(id, caseNumber, serial, partNumber, symptom, expectedAt, repairCenter, intakeAt, dueAt,
                technician, diagnosis, finding, actions, testResult, outcome, completedAt, turnaround, returnDepot,
                returnedAt, suspectedRogue, deadOnArrival);
    }
}
